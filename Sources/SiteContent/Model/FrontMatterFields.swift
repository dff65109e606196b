import Foundation
import CalendarDates

/// The front-matter keys a page may set, written once: each key's name, the `PageMeta` property it fills and how
/// its value is decoded and checked. `PageMeta.read` walks this table; a new key is one row here and one property
/// on `PageMeta` (the build cache's snapshot of a page walks it too).
package struct FrontMatterField: Sendable {
    package enum Kind: Sendable {
        /// Required text, not blank.
        case title
        case text(any WritableKeyPath<PageMeta, String> & Sendable)
        case optionalText(any WritableKeyPath<PageMeta, String?> & Sendable)
        case number(any WritableKeyPath<PageMeta, Int> & Sendable)
        /// `true`/`false`; absent keeps the property's default.
        case flag(any WritableKeyPath<PageMeta, Bool> & Sendable)
        case optionalFlag(any WritableKeyPath<PageMeta, Bool?> & Sendable)
        case textList(any WritableKeyPath<PageMeta, [String]> & Sendable)
        /// A real calendar date written `YYYY-MM-DD`, kept as written.
        case date(any WritableKeyPath<PageMeta, String?> & Sendable)
    }

    package let name: String
    package let kind: Kind

    init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// In the order the YAML reader asks for them (its diagnostics come in this order).
    package static let all: [FrontMatterField] = [
        .init("title", .title),
        .init("description", .text(\.description)),
        .init("weight", .number(\.weight)),
        .init("nav_title", .optionalText(\.navTitle)),
        .init("code", .optionalText(\.code)),
        .init("layout", .optionalText(\.layout)),
        .init("toc", .optionalFlag(\.toc)),
        .init("nav", .flag(\.inNav)),
        .init("path", .optionalText(\.path)),
        .init("keywords", .text(\.keywords)),
        .init("summary", .text(\.summary)),
        .init("tags", .textList(\.tags)),
        .init("draft", .flag(\.draft)),
        .init("date", .date(\.date)),
        .init("lastmod", .date(\.lastmod)),
        .init("as_of_banner", .optionalFlag(\.asOfBanner)),
    ]
}

extension PageMeta {
    /// Any front matter, from its YAML node tree: every key of `FrontMatterField.all`, with positioned
    /// diagnostics for a wrong type, a bad date, an unknown key ("did you mean") or a blank title.
    package static func read(_ root: YAMLNode) -> PageMeta? {
        guard let map = root.mapping("front matter") else { return nil }
        var meta = PageMeta(title: "", location: root.location)
        var title: String?
        for field in FrontMatterField.all {
            let key = field.name
            switch field.kind {
            case .title:
                title = map.string(key, required: true)
                meta.title = title ?? ""
            case .text(let p): if let v = map.string(key) { meta[keyPath: p] = v }
            case .optionalText(let p): meta[keyPath: p] = map.string(key)
            case .number(let p): if let v = map.int(key) { meta[keyPath: p] = v }
            case .flag(let p): if let v = map.bool(key) { meta[keyPath: p] = v }
            case .optionalFlag(let p): meta[keyPath: p] = map.bool(key)
            case .textList(let p): if let v = map.stringList(key, distinct: true) { meta[keyPath: p] = v }
            case .date(let p): meta[keyPath: p] = readDate(map, key)
            }
        }
        map.finish("front matter")
        meta.fieldLocations = map.keyLocations
        if let nav = meta.navTitle, nav.allSatisfy(\.isWhitespace) {
            map.context.diagnostics.error("front-matter.empty-nav-title",
                meta.location(of: "nav_title"), "'nav_title' must not be empty: it is the page's name in the navigation",
                hint: "leave it out to use the title")
        }
        // (YYYY-MM-DD dates compare as text.) A page cannot be updated before it was published: a typo in one of them.
        if let date = meta.date, let lastmod = meta.lastmod, lastmod < date {
            map.node("lastmod")?.error("front-matter.lastmod-before-date",
                "'lastmod' \(lastmod) is before the page's 'date' \(date): a page is updated after it is first published",
                hint: "correct the date that is wrong")
        }
        if let t = title, t.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains) {
            map.node("title")?.error("front-matter.empty-title", "'title' must not be empty")
            return nil
        }
        return title == nil ? nil : meta
    }

    /// A `YYYY-MM-DD` date field (a real calendar date), or nil with an error at its value.
    static func readDate(_ map: MappingReader, _ key: String) -> String? {
        guard let node = map.node(key), let text = node.string("a date for '\(key)'") else { return nil }
        guard CalendarDate(parsing: text) != nil else {
            node.error(.invalidDate, "'\(key)' must be a date written YYYY-MM-DD, found '\(text)'")
            return nil
        }
        return text
    }
}
