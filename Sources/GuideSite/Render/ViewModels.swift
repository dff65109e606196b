/// What every page template receives. Property names are the template's variable names. All values are final
/// strings, flags and lists: templates only place them (no logic, no arithmetic).
public struct PageView: Sendable {
    public var site: SiteView
    public var page: PageInfo
    public var nav: [NavItem]
    public var breadcrumbs: [Crumb]
    public var hasBreadcrumbs: Bool
    public var toc: [TocItem]
    /// Whether to show the on-page table of contents.
    public var hasToc: Bool
    /// Pages listed by an index page (`_index.md`): its folder's pages, by weight then title.
    public var children: [ChildLink]
    public var hasChildren: Bool
    /// The relative path from this page to the output root, ending in '/' (or "" at the root).
    public var root: String
    public var assets: String
}

public struct SiteView: Sendable {
    public var title: String
    public var description: String
    public var language: String
    public var asOf: String
    /// The fee period in force on `asOf` (its effective date), or "" when unknown.
    public var feePeriod: String
    public var footer: [String]
    public var homeURL: String
    public var sourcesURL: String
    public var hasSources: Bool
}

public struct PageInfo: Sendable {
    public var title: String
    /// `<title>`: the page title and the site title (the site title alone on the home page).
    public var documentTitle: String
    public var description: String
    /// The rendered Markdown body.
    public var content: String
    public var isHome: Bool
    public var layout: String
    public var sourcePath: String
    public var code: String
}

public struct NavItem: Sendable {
    public var title: String
    public var url: String
    /// This item is the page being shown.
    public var current: Bool
    /// The page being shown is this item or below it.
    public var active: Bool
    public var children: [NavLeaf]
    public var hasChildren: Bool
}

public struct NavLeaf: Sendable {
    public var title: String
    public var url: String
    public var current: Bool
}

public struct Crumb: Sendable {
    public var title: String
    public var url: String
    public var current: Bool
}

public struct TocItem: Sendable {
    public var title: String
    public var anchor: String
    public var level: Int
    public var children: [TocLeaf]
    public var hasChildren: Bool
}

public struct TocLeaf: Sendable {
    public var title: String
    public var anchor: String
}

public struct ChildLink: Sendable {
    public var title: String
    public var url: String
    public var description: String
}
