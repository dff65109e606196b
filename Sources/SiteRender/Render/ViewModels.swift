import SiteContent

/// What every page template receives. Property names are the template's variable names. All values are final
/// strings, flags and lists: templates only place them (no logic, no arithmetic).
public struct PageView: Sendable {
    public var site: SiteView
    public var page: PageInfo
    /// The site navigation, already rendered with `partials/nav` (once per folder, see `Navigation`).
    public var navigation: String
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
    /// False for a plain reference site (no `site.yaml`): no "as of" line.
    public var hasAsOf: Bool
    /// The fee period in force on `asOf` (its effective date), or "" when unknown.
    public var feePeriod: String
    public var footer: [String]
    public var homeURL: String
    public var sourcesURL: String
    public var hasSources: Bool
    /// `ctsguide X.Y.Z`, for `<meta name="generator">`.
    public var generator: String = ""
    /// The `logo:` image from this page, and the size it is shown at (its own, scaled down to 48 px high), or
    /// "" without a logo.
    public var logoURL: String = ""
    public var logoWidth: String = ""
    public var logoHeight: String = ""
    /// The `stylesheet:` from this page, or "".
    public var stylesheetURL: String = ""
    public var hasLogo: Bool = false
    public var hasStylesheet: Bool = false
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
    /// The page's address under `base_url` (`<link rel="canonical">`), or "" without one.
    public var canonicalURL: String = ""
    public var hasCanonicalURL: Bool = false
    /// A draft shown by the preview server.
    public var isDraft: Bool = false
    /// Its front matter `date` and `lastmod` (`YYYY-MM-DD`), or "".
    public var date: String = ""
    public var lastmod: String = ""
}

/// What `partials/nav` receives: the navigation of one folder (the same for all its pages but the current one).
public struct NavView: Sendable {
    public var nav: [NavItem]
    public var more: NavMore
    public var hasMore: Bool
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
    /// This folder has more pages than the navigation lists: a link to its index page says how many.
    public var more: NavMore
    public var hasMore: Bool
}

/// A second-level link; under the active folder it lists that folder's pages (a third level).
public struct NavLeaf: Sendable {
    public var title: String
    public var url: String
    public var current: Bool
    public var active: Bool
    public var children: [NavLink]
    public var hasChildren: Bool
    public var more: NavMore
    public var hasMore: Bool
}

public struct NavLink: Sendable {
    public var title: String
    public var url: String
    public var current: Bool
}

/// "All N pages in <folder>": the link that stands for the pages a capped list leaves out.
public struct NavMore: Sendable {
    public var label: String
    public var url: String
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
    /// The page's address under `base_url` (printed beside the link: `data-print-url`), or "" without one.
    public var printURL: String = ""
    public var hasPrintURL: Bool = false
}
