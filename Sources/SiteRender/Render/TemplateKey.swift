/// Every field name of the template view models (`TemplateValue`), so a compiled template names a field by a
/// small number resolved once, when it is compiled, and a view model finds it with a jump table instead of
/// comparing strings. A tag naming anything else resolves to nothing, as in swift-mustache.
package enum TemplateKey: String, Sendable, CaseIterable {
    case active, anchor, asOf, assets, breadcrumbs, children, code, content, current, description, documentTitle
    case feePeriod, footer, hasAsOf, hasBreadcrumbs, hasChildren, hasMore, hasSources, hasToc, homeURL, isHome
    case label, language, layout, level, more, nav, navigation, page, root, site, sourcePath, sourcesURL, title
    case toc, url
    case canonicalURL, date, generator, hasCanonicalURL, hasLogo, hasStylesheet, isDraft, lastmod, logoHeight, logoURL
    case hasPrintURL, logoWidth, printURL, stylesheetURL
}

/// A dotted tag name (`site.title`) as keys: a view into `TemplateProgram.keys`, copied without reference
/// counting.
package struct TemplatePath {
    let base: UnsafePointer<TemplateKey>
    package let count: Int

    package var isEmpty: Bool { count == 0 }
    package var first: TemplateKey { base.pointee }
    /// The path without its first key.
    package var rest: TemplatePath { TemplatePath(base: base + 1, count: count - 1) }
}

/// A list a section iterates: a view model's array, read item by item (no array of boxed items is made).
package protocol TemplateList: Sendable {
    var count: Int { get }
    /// Item `i` as a value (only for `{{.}}` and the template check).
    func item(_ i: Int) -> TemplateData
    /// `item(i).data(path)`, without boxing the item.
    func data(at i: Int, _ path: TemplatePath) -> TemplateData??
}

extension Array: TemplateList where Element: TemplateValue {
    package func item(_ i: Int) -> TemplateData { .record(self[i]) }
    /// Through the element type's own `data(in:at:_:)`: `self[i]` in this code, generic over the element,
    /// would copy the item (retaining every field) to call it.
    package func data(at i: Int, _ path: TemplatePath) -> TemplateData?? { Element.data(in: self, at: i, path) }
}

/// The placeholder in the fields of a `TemplateRenderer.Frame` its kind does not use.
struct NoValue: TemplateValue {
    static let fieldNames: [String] = []
    static let list: any TemplateList = TextList(items: [])
    func data(_ key: TemplateKey) -> TemplateData? { nil }
}

/// A list of texts (`site.footer`).
package struct TextList: TemplateList {
    let items: [String]
    package var count: Int { items.count }
    package func item(_ i: Int) -> TemplateData { .text(items[i]) }
    package func data(at i: Int, _ path: TemplatePath) -> TemplateData?? { nil }
}

extension TemplateValue {
    /// The value at a dotted path: nil when its first key is not a field of this view model (the lookup goes on
    /// down the stack), `.some(nil)` when a later key finds nothing. View models with view-model fields override
    /// it (`PageView.site`, `NavItem.more`) so that the nested value is read in place, not boxed.
    package func data(_ path: TemplatePath) -> TemplateData?? {
        guard let first = data(path.first) else { return nil }
        return .some(first.follow(path.rest))
    }

    /// A nested view model's `data(path)` for the rest of a path that went through field `path.first`.
    func nested(_ value: some TemplateValue, _ path: TemplatePath) -> TemplateData?? {
        .some(value.data(path.rest) ?? nil)
    }

    /// `items[i].data(path)`, compiled for each view model type (see `Array.data(at:_:)`).
    package static func data(in items: [Self], at i: Int, _ path: TemplatePath) -> TemplateData?? { items[i].data(path) }

    package func data(_ name: String) -> TemplateData? { TemplateKey(rawValue: name).flatMap { data($0) } }
    public func child(named name: String) -> Any? { data(name)?.any }
}

extension TemplateData {
    /// The value at `path` below this one (itself for an empty path).
    func follow(_ path: TemplatePath) -> TemplateData? {
        if path.isEmpty { return self }
        guard case .record(let r) = self else { return nil }
        return r.data(path) ?? nil
    }
}
