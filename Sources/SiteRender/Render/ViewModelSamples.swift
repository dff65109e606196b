
/// View models in which every flag is true, every text non-empty and every list holds one item, so a template
/// check walks every section of a template once. The check runs against these before any page is rendered.
package enum ViewModelSamples {
    static let more = NavMore(label: "All pages", url: "x/index.html")

    package static let nav = NavView(
        nav: [
            NavItem(
                title: "Folder", url: "x/index.html", current: true, active: true,
                children: [
                    NavLeaf(
                        title: "Sub-folder", url: "x/y/index.html", current: true, active: true,
                        children: [NavLink(title: "Page", url: "x/y/z/index.html", current: true)], hasChildren: true,
                        more: more, hasMore: true)
                ], hasChildren: true, more: more, hasMore: true)
        ], more: more, hasMore: true)

    package static let page = PageView(
        site: SiteView(
            title: "Site", description: "About", language: "en", asOf: "2026-01-01", hasAsOf: true,
            feePeriod: "2026-01-01", footer: ["Footer"], homeURL: "index.html", sourcesURL: "sources/index.html",
            hasSources: true, generator: "ctsguide 0.0.0", logoURL: "images/logo.svg", logoWidth: "48",
            logoHeight: "48", stylesheetURL: "brand.css", hasLogo: true, hasStylesheet: true),
        page: PageInfo(
            title: "Page", documentTitle: "Page · Site", description: "About", content: "<p>Text</p>", isHome: true,
            layout: "page", sourcePath: "page.md", code: "00000", canonicalURL: "https://example.org/page/", hasCanonicalURL: true,
            isDraft: true, date: "2026-01-01", lastmod: "2026-01-02"),
        navigation: "<nav></nav>",
        breadcrumbs: [Crumb(title: "Home", url: "index.html", current: true)], hasBreadcrumbs: true,
        toc: [
            TocItem(
                title: "Heading", anchor: "heading", level: 2, children: [TocLeaf(title: "Sub", anchor: "sub")],
                hasChildren: true)
        ], hasToc: true,
        children: [ChildLink(title: "Child", url: "child/index.html", description: "About", printURL: "https://example.org/child/", hasPrintURL: true)], hasChildren: true,
        root: "../", assets: "../assets/")
}
