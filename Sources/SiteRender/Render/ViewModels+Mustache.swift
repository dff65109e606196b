import Mustache

/// A view model that swift-mustache reads through `child(named:)` instead of reflection (`Mirror` cost about
/// 40 % of a large build). `fieldNames` lists the same names, for the template check's hints. Keep both in step
/// with the stored properties: `ViewModelTests` checks every name against a sample.
package protocol TemplateValue: MustacheParent, Sendable {
    static var fieldNames: [String] { get }
    /// The value of a field, typed (read by `TemplateRenderer`; `child(named:)` gives the same to swift-mustache).
    func data(_ name: String) -> TemplateData?
}

extension PageView: TemplateValue {
    package static let fieldNames = [
        "assets", "breadcrumbs", "children", "hasBreadcrumbs", "hasChildren", "hasToc", "navigation", "page", "root",
        "site", "toc",
    ]
    public func child(named name: String) -> Any? { data(name)?.any }
    package func data(_ name: String) -> TemplateData? {
        switch name {
        case "site": .record(site)
        case "page": .record(page)
        case "navigation": .text(navigation)
        case "breadcrumbs": .records(breadcrumbs)
        case "hasBreadcrumbs": .flag(hasBreadcrumbs)
        case "toc": .records(toc)
        case "hasToc": .flag(hasToc)
        case "children": .records(children)
        case "hasChildren": .flag(hasChildren)
        case "root": .text(root)
        case "assets": .text(assets)
        default: nil
        }
    }
}

extension SiteView: TemplateValue {
    package static let fieldNames = [
        "asOf", "description", "feePeriod", "footer", "hasAsOf", "hasSources", "homeURL", "language", "sourcesURL",
        "title",
    ]
    public func child(named name: String) -> Any? { data(name)?.any }
    package func data(_ name: String) -> TemplateData? {
        switch name {
        case "title": .text(title)
        case "description": .text(description)
        case "language": .text(language)
        case "asOf": .text(asOf)
        case "hasAsOf": .flag(hasAsOf)
        case "feePeriod": .text(feePeriod)
        case "footer": .list(footer.map { .text($0) })
        case "homeURL": .text(homeURL)
        case "sourcesURL": .text(sourcesURL)
        case "hasSources": .flag(hasSources)
        default: nil
        }
    }
}

extension PageInfo: TemplateValue {
    package static let fieldNames = [
        "code", "content", "description", "documentTitle", "isHome", "layout", "sourcePath", "title",
    ]
    public func child(named name: String) -> Any? { data(name)?.any }
    package func data(_ name: String) -> TemplateData? {
        switch name {
        case "title": .text(title)
        case "documentTitle": .text(documentTitle)
        case "description": .text(description)
        case "content": .text(content)
        case "isHome": .flag(isHome)
        case "layout": .text(layout)
        case "sourcePath": .text(sourcePath)
        case "code": .text(code)
        default: nil
        }
    }
}

extension NavView: TemplateValue {
    package static let fieldNames = ["hasMore", "more", "nav"]
    public func child(named name: String) -> Any? { data(name)?.any }
    package func data(_ name: String) -> TemplateData? {
        switch name {
        case "nav": .records(nav)
        case "more": .record(more)
        case "hasMore": .flag(hasMore)
        default: nil
        }
    }
}

extension NavItem: TemplateValue {
    package static let fieldNames = ["active", "children", "current", "hasChildren", "hasMore", "more", "title", "url"]
    public func child(named name: String) -> Any? { data(name)?.any }
    package func data(_ name: String) -> TemplateData? {
        switch name {
        case "title": .text(title)
        case "url": .text(url)
        case "current": .flag(current)
        case "active": .flag(active)
        case "children": .records(children)
        case "hasChildren": .flag(hasChildren)
        case "more": .record(more)
        case "hasMore": .flag(hasMore)
        default: nil
        }
    }
}

extension NavLeaf: TemplateValue {
    package static let fieldNames = ["active", "children", "current", "hasChildren", "hasMore", "more", "title", "url"]
    public func child(named name: String) -> Any? { data(name)?.any }
    package func data(_ name: String) -> TemplateData? {
        switch name {
        case "title": .text(title)
        case "url": .text(url)
        case "current": .flag(current)
        case "active": .flag(active)
        case "children": .records(children)
        case "hasChildren": .flag(hasChildren)
        case "more": .record(more)
        case "hasMore": .flag(hasMore)
        default: nil
        }
    }
}

extension NavLink: TemplateValue {
    package static let fieldNames = ["current", "title", "url"]
    public func child(named name: String) -> Any? { data(name)?.any }
    package func data(_ name: String) -> TemplateData? {
        switch name {
        case "title": .text(title)
        case "url": .text(url)
        case "current": .flag(current)
        default: nil
        }
    }
}

extension NavMore: TemplateValue {
    package static let fieldNames = ["label", "url"]
    public func child(named name: String) -> Any? { data(name)?.any }
    package func data(_ name: String) -> TemplateData? {
        switch name {
        case "label": .text(label)
        case "url": .text(url)
        default: nil
        }
    }
}

extension Crumb: TemplateValue {
    package static let fieldNames = ["current", "title", "url"]
    public func child(named name: String) -> Any? { data(name)?.any }
    package func data(_ name: String) -> TemplateData? {
        switch name {
        case "title": .text(title)
        case "url": .text(url)
        case "current": .flag(current)
        default: nil
        }
    }
}

extension TocItem: TemplateValue {
    package static let fieldNames = ["anchor", "children", "hasChildren", "level", "title"]
    public func child(named name: String) -> Any? { data(name)?.any }
    package func data(_ name: String) -> TemplateData? {
        switch name {
        case "title": .text(title)
        case "anchor": .text(anchor)
        case "level": .number(level)
        case "children": .records(children)
        case "hasChildren": .flag(hasChildren)
        default: nil
        }
    }
}

extension TocLeaf: TemplateValue {
    package static let fieldNames = ["anchor", "title"]
    public func child(named name: String) -> Any? { data(name)?.any }
    package func data(_ name: String) -> TemplateData? {
        switch name {
        case "title": .text(title)
        case "anchor": .text(anchor)
        default: nil
        }
    }
}

extension ChildLink: TemplateValue {
    package static let fieldNames = ["description", "title", "url"]
    public func child(named name: String) -> Any? { data(name)?.any }
    package func data(_ name: String) -> TemplateData? {
        switch name {
        case "title": .text(title)
        case "url": .text(url)
        case "description": .text(description)
        default: nil
        }
    }
}
