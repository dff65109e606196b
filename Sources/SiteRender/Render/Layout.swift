import SiteContent

/// Builds the view model of one page: navigation, breadcrumbs, table of contents, child list.
package struct Layout {
    let site: SiteModel
    /// For each folder ("" = top), the index of its `_index.md` page.
    let folderIndex: [String: Int]
    /// For each folder, its member pages (regular pages and sub-folder index pages), in nav order.
    let members: [String: [Int]]
    /// Each page's `isIndex` and its folder followed by '/' ("" at the top), computed once (`contains` runs for
    /// every entry of every navigation).
    let isIndex: [Bool]
    let folderPrefix: [String]
    /// Each page's `folder` and `navTitle`, computed once (the navigation reads them for every entry).
    let folder: [String]
    let navTitles: [String]
    /// The site's as-of date as shown (the same on every page).
    let asOf: String
    /// The `logo:` image and the size the header shows it at (`Layout.logoHeight` high at most).
    let logo: (path: String, width: Int, height: Int)?
    static let logoHeight = 48

    package init(site: SiteModel) {
        self.site = site
        let pages = site.pages
        isIndex = pages.indices.map { pages[$0].isIndex }
        folder = pages.indices.map { pages[$0].folder }
        folderPrefix = folder.map { $0.isEmpty ? "" : $0 + "/" }
        navTitles = pages.indices.map { pages[$0].meta.navTitle ?? pages[$0].meta.title }
        asOf = site.config.asOf.description
        if let path = site.config.logo, case .success(let size) = site.images[path]?.size {
            let h = min(size.height, Self.logoHeight)
            logo = (path, max(1, (size.width * h + size.height / 2) / size.height), h)
        } else {
            logo = nil
        }
        var folderIndex: [String: Int] = [:]
        var members: [String: [Int]] = [:]
        for i in pages.indices {
            if isIndex[i] { folderIndex[folder[i]] = i }
            if let parent = pages[i].parentFolder { members[parent, default: []].append(i) }
        }
        // Sort keys taken once (comparing through `site.pages[i].meta` copied the whole front matter per step).
        let weight = site.pages.map(\.meta.weight), title = site.pages.map(\.meta.title)
        let path = site.pages.map(\.relativePath)
        for k in members.keys {
            members[k]!.sort { a, b in
                if weight[a] != weight[b] { return weight[a] < weight[b] }
                if title[a] != title[b] { return title[a] < title[b] }
                return path[a] < path[b]
            }
        }
        self.folderIndex = folderIndex
        self.members = members
    }

    /// Is page `i` page `j` or an ancestor of it?
    func contains(_ i: Int, _ j: Int) -> Bool {
        if i == j { return true }
        guard isIndex[i] else { return false }
        return folderPrefix[i].isEmpty || site.pages[j].relativePath.hasPrefix(folderPrefix[i])
    }

    package func view(for i: Int, rendered: RenderedPage, navigation: String, feePeriod: String) -> PageView {
        // Fields of `site.pages[i]` are read in place (a copy of the page would retain every field).
        let from = site.pages[i].outputPath
        func url(_ k: Int) -> String { relativeURL(from: from, to: site.pages[k].outputPath) }
        let home = folderIndex[""]

        var crumbs: [Crumb] = []
        var folder: String? = isIndex[i] ? (self.folder[i].isEmpty ? nil : folderAbove(self.folder[i])) : self.folder[i]
        while let f = folder {
            if let k = folderIndex[f], k != i {
                crumbs.insert(Crumb(title: navTitles[k], url: url(k), current: false), at: 0)
            }
            folder = f.isEmpty ? nil : folderAbove(f)
        }
        if home != i { crumbs.append(Crumb(title: navTitles[i], url: "", current: true)) } else { crumbs = [] }

        var toc: [TocItem] = []
        for (h, id) in rendered.headings where h.level == 2 || h.level == 3 {
            if h.level == 2 || toc.isEmpty {
                toc.append(TocItem(title: h.text, anchor: id, level: h.level))
            } else {
                toc[toc.count - 1].children.append(TocLeaf(title: h.text, anchor: id))
                toc[toc.count - 1].hasChildren = true
            }
        }
        let hasToc = site.pages[i].meta.toc ?? (toc.count >= 3)

        let children: [ChildLink] =
            isIndex[i]
            ? (members[self.folder[i]] ?? []).filter { $0 != i && site.pages[$0].outputPath != NotFoundPage.outputPath }.map { k in
                let meta = site.pages[k].meta
                let text = meta.summary.isEmpty ? meta.description : meta.summary
                let printURL = site.config.baseURL.map { $0 + pageURLPath(site.pages[k].outputPath) } ?? ""
                return ChildLink(
                    title: meta.title, url: url(k), description: text, printURL: printURL, hasPrintURL: !printURL.isEmpty)
            } : []

        let rootPath = relativeURL(from: from, to: "index.html")
        let root = String(rootPath.dropLast("index.html".count))
        let isHome = (i == home)
        let meta = site.pages[i].meta
        var siteView = SiteView(
            title: site.config.title, description: site.config.description, language: site.config.language,
            asOf: asOf, hasAsOf: site.config.hasAsOf && (meta.asOfBanner ?? site.config.asOfBanner), feePeriod: feePeriod,
            footer: site.config.footer, homeURL: rootPath, sourcesURL: site.sourcesPage.map(url) ?? "",
            hasSources: site.sourcesPage != nil, generator: CTSGuideVersion.generator)
        if let logo = logo {
            siteView.logoURL = root + urlPath(logo.path)
            siteView.logoWidth = String(logo.width)
            siteView.logoHeight = String(logo.height)
            siteView.hasLogo = true
        }
        if let css = site.config.stylesheet {
            siteView.stylesheetURL = root + urlPath(css)
            siteView.hasStylesheet = true
        }
        let info = PageInfo(
            title: meta.title,
            documentTitle: isHome ? site.config.title : "\(meta.title) · \(site.config.title)",
            description: !meta.description.isEmpty
                ? meta.description : meta.summary.isEmpty ? site.config.description : meta.summary,
            content: rendered.html, isHome: isHome, layout: layoutName(site.pages[i]),
            sourcePath: site.pages[i].relativePath, code: meta.code ?? "",
            canonicalURL: site.config.baseURL.map { $0 + pageURLPath(from) } ?? "",
            hasCanonicalURL: site.config.baseURL != nil && !site.pages[i].isNotFoundPage, isDraft: meta.draft,
            date: meta.date ?? "", lastmod: meta.lastmod ?? "")
        return PageView(
            site: siteView, page: info, navigation: navigation, breadcrumbs: crumbs, hasBreadcrumbs: !crumbs.isEmpty, toc: hasToc ? toc : [], hasToc: hasToc && !toc.isEmpty,
            children: children, hasChildren: !children.isEmpty, root: root, assets: root + "assets/")
    }
}

/// The template a page uses: its `layout`, else `home` for the top index, `section` for other index pages,
/// `page` for the rest.
package func layoutName(_ page: PageSource) -> String {
    if let l = page.meta.layout { return l }
    if page.isIndex { return page.folder.isEmpty ? "home" : "section" }
    return "page"
}
