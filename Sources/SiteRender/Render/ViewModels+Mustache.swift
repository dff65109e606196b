import Mustache

/// A view model that `TemplateRenderer` reads by `TemplateKey` and swift-mustache through `child(named:)` (the
/// same fields by name), instead of reflection (`Mirror` cost about 40 % of a large build). `fieldNames` lists
/// the same names, for the template check's hints. Keep both in step with the stored properties:
/// `ScaleTests.viewModelNamesMatchWhatTheyServe` checks every name against a sample.
package protocol TemplateValue: MustacheParent, Sendable {
    static var fieldNames: [String] { get }
    /// The value of a field, typed (read by `TemplateRenderer`; `child(named:)` gives the same to swift-mustache).
    func data(_ key: TemplateKey) -> TemplateData?
    /// The value at a dotted path (see the default in `TemplateKey.swift`).
    func data(_ path: TemplatePath) -> TemplateData??
    /// Item `i` of a list of these (see the default in `TemplateKey.swift`).
    static func data(in items: [Self], at i: Int, _ path: TemplatePath) -> TemplateData??
}

extension PageView: TemplateValue {
    package static let fieldNames = [
        "assets", "breadcrumbs", "children", "hasBreadcrumbs", "hasChildren", "hasToc", "navigation", "page", "root",
        "site", "toc",
    ]
    package func data(_ key: TemplateKey) -> TemplateData? {
        switch key {
        case .site: .record(site)
        case .page: .record(page)
        case .navigation: .text(navigation)
        case .breadcrumbs: .list(breadcrumbs)
        case .hasBreadcrumbs: .flag(hasBreadcrumbs)
        case .toc: .list(toc)
        case .hasToc: .flag(hasToc)
        case .children: .list(children)
        case .hasChildren: .flag(hasChildren)
        case .root: .text(root)
        case .assets: .text(assets)
        default: nil
        }
    }

    /// Nested view models read in place, not boxed.
    package func data(_ path: TemplatePath) -> TemplateData?? {
        guard path.count > 1 else { return data(path.first).map { .some($0) } }
        switch path.first {
        case .site: return nested(site, path)
        case .page: return nested(page, path)
        default: return data(path.first).map { $0.follow(path.rest) }
        }
    }
}

extension SiteView: TemplateValue {
    package static let fieldNames = [
        "asOf", "description", "feePeriod", "footer", "generator", "hasAsOf", "hasLogo", "hasSources", "hasStylesheet", "homeURL", "language",
        "logoHeight", "logoURL", "logoWidth", "sourcesURL", "stylesheetURL", "title",
    ]
    package func data(_ key: TemplateKey) -> TemplateData? {
        switch key {
        case .title: .text(title)
        case .description: .text(description)
        case .language: .text(language)
        case .asOf: .text(asOf)
        case .hasAsOf: .flag(hasAsOf)
        case .feePeriod: .text(feePeriod)
        case .footer: .list(TextList(items: footer))
        case .homeURL: .text(homeURL)
        case .sourcesURL: .text(sourcesURL)
        case .hasSources: .flag(hasSources)
        case .generator: .text(generator)
        case .logoURL: .text(logoURL)
        case .logoWidth: .text(logoWidth)
        case .logoHeight: .text(logoHeight)
        case .stylesheetURL: .text(stylesheetURL)
        case .hasLogo: .flag(hasLogo)
        case .hasStylesheet: .flag(hasStylesheet)
        default: nil
        }
    }
}

extension PageInfo: TemplateValue {
    package static let fieldNames = [
        "canonicalURL", "code", "content", "date", "description", "documentTitle", "hasCanonicalURL", "isDraft",
        "isHome", "lastmod", "layout", "sourcePath", "title",
    ]
    package func data(_ key: TemplateKey) -> TemplateData? {
        switch key {
        case .title: .text(title)
        case .documentTitle: .text(documentTitle)
        case .description: .text(description)
        case .content: .text(content)
        case .isHome: .flag(isHome)
        case .layout: .text(layout)
        case .sourcePath: .text(sourcePath)
        case .code: .text(code)
        case .canonicalURL: .text(canonicalURL)
        case .hasCanonicalURL: .flag(hasCanonicalURL)
        case .isDraft: .flag(isDraft)
        case .date: .text(date)
        case .lastmod: .text(lastmod)
        default: nil
        }
    }
}

extension NavView: TemplateValue {
    package static let fieldNames = ["hasMore", "more", "nav"]
    package func data(_ key: TemplateKey) -> TemplateData? {
        switch key {
        case .nav: .list(nav)
        case .more: .record(more)
        case .hasMore: .flag(hasMore)
        default: nil
        }
    }

    /// Nested view models read in place, not boxed.
    package func data(_ path: TemplatePath) -> TemplateData?? {
        guard path.count > 1 else { return data(path.first).map { .some($0) } }
        switch path.first {
        case .more: return nested(more, path)
        default: return data(path.first).map { $0.follow(path.rest) }
        }
    }
}

/// A navigation entry with a folder below it (`NavItem` lists `NavLeaf`s, `NavLeaf` lists `NavLink`s): the same
/// fields, read the same way.
package protocol NavFolderEntry: TemplateValue {
    associatedtype Child: TemplateValue
    var title: String { get }
    var url: String { get }
    var current: Bool { get }
    var active: Bool { get }
    var children: [Child] { get }
    var hasChildren: Bool { get }
    var more: NavMore { get }
    var hasMore: Bool { get }
}

extension NavFolderEntry {
    package static var fieldNames: [String] {
        ["active", "children", "current", "hasChildren", "hasMore", "more", "title", "url"]
    }

    package func data(_ key: TemplateKey) -> TemplateData? {
        switch key {
        case .title: .text(title)
        case .url: .text(url)
        case .current: .flag(current)
        case .active: .flag(active)
        case .children: .list(children)
        case .hasChildren: .flag(hasChildren)
        case .more: .record(more)
        case .hasMore: .flag(hasMore)
        default: nil
        }
    }

    /// Nested view models read in place, not boxed.
    package func data(_ path: TemplatePath) -> TemplateData?? {
        guard path.count > 1 else { return data(path.first).map { .some($0) } }
        switch path.first {
        case .more: return nested(more, path)
        default: return data(path.first).map { $0.follow(path.rest) }
        }
    }
}

extension NavItem: NavFolderEntry {}
extension NavLeaf: NavFolderEntry {}

extension NavLink: TemplateValue {
    package static let fieldNames = ["current", "title", "url"]
    package func data(_ key: TemplateKey) -> TemplateData? {
        switch key {
        case .title: .text(title)
        case .url: .text(url)
        case .current: .flag(current)
        default: nil
        }
    }
}

extension NavMore: TemplateValue {
    package static let fieldNames = ["label", "url"]
    package func data(_ key: TemplateKey) -> TemplateData? {
        switch key {
        case .label: .text(label)
        case .url: .text(url)
        default: nil
        }
    }
}

extension Crumb: TemplateValue {
    package static let fieldNames = ["current", "title", "url"]
    package func data(_ key: TemplateKey) -> TemplateData? {
        switch key {
        case .title: .text(title)
        case .url: .text(url)
        case .current: .flag(current)
        default: nil
        }
    }
}

extension TocItem: TemplateValue {
    package static let fieldNames = ["anchor", "children", "hasChildren", "level", "title"]
    package func data(_ key: TemplateKey) -> TemplateData? {
        switch key {
        case .title: .text(title)
        case .anchor: .text(anchor)
        case .level: .number(level)
        case .children: .list(children)
        case .hasChildren: .flag(hasChildren)
        default: nil
        }
    }
}

extension TocLeaf: TemplateValue {
    package static let fieldNames = ["anchor", "title"]
    package func data(_ key: TemplateKey) -> TemplateData? {
        switch key {
        case .title: .text(title)
        case .anchor: .text(anchor)
        default: nil
        }
    }
}

extension ChildLink: TemplateValue {
    package static let fieldNames = ["description", "hasPrintURL", "printURL", "title", "url"]
    package func data(_ key: TemplateKey) -> TemplateData? {
        switch key {
        case .title: .text(title)
        case .url: .text(url)
        case .description: .text(description)
        case .printURL: .text(printURL)
        case .hasPrintURL: .flag(hasPrintURL)
        default: nil
        }
    }
}
