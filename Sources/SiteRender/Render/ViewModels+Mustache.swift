import SiteContent
import GuideCalc
import GuideCompute
import Mustache

/// A view model that swift-mustache reads through `child(named:)` instead of reflection (`Mirror` cost about
/// 40 % of a large build). `fieldNames` lists the same names, for the template check's hints. Keep both in step
/// with the stored properties: `ViewModelTests` checks every name against a sample.
package protocol TemplateValue: MustacheParent, Sendable {
    static var fieldNames: [String] { get }
}

extension PageView: TemplateValue {
    package static let fieldNames = [
        "assets", "breadcrumbs", "children", "hasBreadcrumbs", "hasChildren", "hasToc", "navigation", "page", "root",
        "site", "toc",
    ]
    public func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": page
        case "navigation": navigation
        case "breadcrumbs": breadcrumbs
        case "hasBreadcrumbs": hasBreadcrumbs
        case "toc": toc
        case "hasToc": hasToc
        case "children": children
        case "hasChildren": hasChildren
        case "root": root
        case "assets": assets
        default: nil
        }
    }
}

extension SiteView: TemplateValue {
    package static let fieldNames = [
        "asOf", "description", "feePeriod", "footer", "hasAsOf", "hasSources", "homeURL", "language", "sourcesURL",
        "title",
    ]
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "language": language
        case "asOf": asOf
        case "hasAsOf": hasAsOf
        case "feePeriod": feePeriod
        case "footer": footer
        case "homeURL": homeURL
        case "sourcesURL": sourcesURL
        case "hasSources": hasSources
        default: nil
        }
    }
}

extension PageInfo: TemplateValue {
    package static let fieldNames = [
        "code", "content", "description", "documentTitle", "isHome", "layout", "sourcePath", "title",
    ]
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "documentTitle": documentTitle
        case "description": description
        case "content": content
        case "isHome": isHome
        case "layout": layout
        case "sourcePath": sourcePath
        case "code": code
        default: nil
        }
    }
}

extension NavView: TemplateValue {
    package static let fieldNames = ["hasMore", "more", "nav"]
    public func child(named name: String) -> Any? {
        switch name {
        case "nav": nav
        case "more": more
        case "hasMore": hasMore
        default: nil
        }
    }
}

extension NavItem: TemplateValue {
    package static let fieldNames = ["active", "children", "current", "hasChildren", "hasMore", "more", "title", "url"]
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "current": current
        case "active": active
        case "children": children
        case "hasChildren": hasChildren
        case "more": more
        case "hasMore": hasMore
        default: nil
        }
    }
}

extension NavLeaf: TemplateValue {
    package static let fieldNames = ["active", "children", "current", "hasChildren", "hasMore", "more", "title", "url"]
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "current": current
        case "active": active
        case "children": children
        case "hasChildren": hasChildren
        case "more": more
        case "hasMore": hasMore
        default: nil
        }
    }
}

extension NavLink: TemplateValue {
    package static let fieldNames = ["current", "title", "url"]
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "current": current
        default: nil
        }
    }
}

extension NavMore: TemplateValue {
    package static let fieldNames = ["label", "url"]
    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "url": url
        default: nil
        }
    }
}

extension Crumb: TemplateValue {
    package static let fieldNames = ["current", "title", "url"]
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "current": current
        default: nil
        }
    }
}

extension TocItem: TemplateValue {
    package static let fieldNames = ["anchor", "children", "hasChildren", "level", "title"]
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "anchor": anchor
        case "level": level
        case "children": children
        case "hasChildren": hasChildren
        default: nil
        }
    }
}

extension TocLeaf: TemplateValue {
    package static let fieldNames = ["anchor", "title"]
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "anchor": anchor
        default: nil
        }
    }
}

extension ChildLink: TemplateValue {
    package static let fieldNames = ["description", "title", "url"]
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "description": description
        default: nil
        }
    }
}
