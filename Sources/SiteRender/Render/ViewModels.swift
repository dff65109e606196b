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

/// An entry of the navigation: a top-level page or folder with its pages below it, a second-level page or
/// folder (under the active folder, with that folder's pages), or a third-level page.
public struct NavItem: Sendable {
    public var title: String
    public var url: String
    /// This item is the page being shown.
    public var current: Bool
    /// The page being shown is this item or below it (on the second level: it is below this folder).
    public var active = false
    public var children: [NavItem] = []
    public var hasChildren = false
    /// This folder has more pages than the navigation lists: a link to its index page says how many.
    public var more = NavMore(label: "", url: "")
    public var hasMore = false
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
    public var children: [TocLeaf] = []
    public var hasChildren = false
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

// The field tables: one row per stored property above, named as templates name it (`TemplateFields.swift`).
// `TemplateCheckTests` checks that each table lists exactly the stored properties.

extension PageView: TemplateValue {
    package static let fields = TemplateFields<PageView>([
        .record("site", { $0.site }, path: { $0.site.data($1) }),
        .record("page", { $0.page }, path: { $0.page.data($1) }), .html("navigation") { $0.navigation },
        .list("breadcrumbs") { $0.breadcrumbs }, .flag("hasBreadcrumbs") { $0.hasBreadcrumbs },
        .list("toc") { $0.toc }, .flag("hasToc") { $0.hasToc }, .list("children") { $0.children },
        .flag("hasChildren") { $0.hasChildren }, .text("root") { $0.root }, .text("assets") { $0.assets },
    ])
}

extension SiteView: TemplateValue {
    package static let fields = TemplateFields<SiteView>([
        .text("title") { $0.title }, .text("description") { $0.description }, .text("language") { $0.language },
        .text("asOf") { $0.asOf }, .flag("hasAsOf") { $0.hasAsOf }, .text("feePeriod") { $0.feePeriod },
        .texts("footer") { $0.footer }, .text("homeURL") { $0.homeURL }, .text("sourcesURL") { $0.sourcesURL },
        .flag("hasSources") { $0.hasSources }, .text("generator") { $0.generator }, .text("logoURL") { $0.logoURL },
        .text("logoWidth") { $0.logoWidth }, .text("logoHeight") { $0.logoHeight },
        .text("stylesheetURL") { $0.stylesheetURL }, .flag("hasLogo") { $0.hasLogo },
        .flag("hasStylesheet") { $0.hasStylesheet },
    ])
}

extension PageInfo: TemplateValue {
    package static let fields = TemplateFields<PageInfo>([
        .text("title") { $0.title }, .text("documentTitle") { $0.documentTitle },
        .text("description") { $0.description }, .html("content") { $0.content }, .flag("isHome") { $0.isHome },
        .text("layout") { $0.layout }, .text("sourcePath") { $0.sourcePath }, .text("code") { $0.code },
        .text("canonicalURL") { $0.canonicalURL }, .flag("hasCanonicalURL") { $0.hasCanonicalURL },
        .flag("isDraft") { $0.isDraft }, .text("date") { $0.date }, .text("lastmod") { $0.lastmod },
    ])
}

extension NavView: TemplateValue {
    package static let fields = TemplateFields<NavView>([
        .list("nav") { $0.nav }, .record("more", { $0.more }, path: { $0.more.data($1) }), .flag("hasMore") { $0.hasMore },
    ])
}

extension NavItem: TemplateValue {
    package static let fields = TemplateFields<NavItem>([
        .text("title") { $0.title }, .text("url") { $0.url }, .flag("current") { $0.current },
        .flag("active") { $0.active }, .list("children") { $0.children }, .flag("hasChildren") { $0.hasChildren },
        .record("more", { $0.more }, path: { $0.more.data($1) }), .flag("hasMore") { $0.hasMore },
    ])
}

extension NavMore: TemplateValue {
    package static let fields = TemplateFields<NavMore>([.text("label") { $0.label }, .text("url") { $0.url }])
}

extension Crumb: TemplateValue {
    package static let fields = TemplateFields<Crumb>([
        .text("title") { $0.title }, .text("url") { $0.url }, .flag("current") { $0.current },
    ])
}

extension TocItem: TemplateValue {
    package static let fields = TemplateFields<TocItem>([
        .text("title") { $0.title }, .text("anchor") { $0.anchor }, .number("level") { $0.level },
        .list("children") { $0.children }, .flag("hasChildren") { $0.hasChildren },
    ])
}

extension TocLeaf: TemplateValue {
    package static let fields = TemplateFields<TocLeaf>([.text("title") { $0.title }, .text("anchor") { $0.anchor }])
}

extension ChildLink: TemplateValue {
    package static let fields = TemplateFields<ChildLink>([
        .text("title") { $0.title }, .text("url") { $0.url }, .text("description") { $0.description },
        .text("printURL") { $0.printURL }, .flag("hasPrintURL") { $0.hasPrintURL },
    ])
}
