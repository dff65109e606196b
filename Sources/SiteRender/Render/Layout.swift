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

    package init(site: SiteModel) {
        self.site = site
        isIndex = site.pages.map(\.isIndex)
        folderPrefix = site.pages.map { p in
            let f = p.folder
            return f.isEmpty ? "" : f + "/"
        }
        var folderIndex: [String: Int] = [:]
        var members: [String: [Int]] = [:]
        for (i, p) in site.pages.enumerated() {
            if p.isIndex { folderIndex[p.folder] = i }
            if let parent = p.parentFolder { members[parent, default: []].append(i) }
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

    func navTitle(_ p: PageSource) -> String { p.meta.navTitle ?? p.meta.title }

    /// Is page `i` page `j` or an ancestor of it?
    func contains(_ i: Int, _ j: Int) -> Bool {
        if i == j { return true }
        guard isIndex[i] else { return false }
        return folderPrefix[i].isEmpty || site.pages[j].relativePath.hasPrefix(folderPrefix[i])
    }

    package func view(for i: Int, rendered: RenderedPage, navigation: String, feePeriod: String) -> PageView {
        let page = site.pages[i]
        let from = page.outputPath
        func url(_ k: Int) -> String { relativeURL(from: from, to: site.pages[k].outputPath) }
        let home = folderIndex[""]

        var crumbs: [Crumb] = []
        var folder: String? = page.parentFolder
        while let f = folder {
            if let k = folderIndex[f], k != i {
                crumbs.insert(Crumb(title: navTitle(site.pages[k]), url: url(k), current: false), at: 0)
            }
            folder = f.isEmpty ? nil : f.split(separator: "/").dropLast().joined(separator: "/")
        }
        if home != i { crumbs.append(Crumb(title: navTitle(page), url: "", current: true)) } else { crumbs = [] }

        var toc: [TocItem] = []
        for (h, id) in rendered.headings where h.level == 2 || h.level == 3 {
            if h.level == 2 || toc.isEmpty {
                toc.append(TocItem(title: h.text, anchor: id, level: h.level, children: [], hasChildren: false))
            } else {
                toc[toc.count - 1].children.append(TocLeaf(title: h.text, anchor: id))
                toc[toc.count - 1].hasChildren = true
            }
        }
        let hasToc = page.meta.toc ?? (toc.count >= 3)

        let children: [ChildLink] =
            page.isIndex
            ? (members[page.folder] ?? []).filter { $0 != i }.map { k in
                let p = site.pages[k]
                let text = p.meta.summary.isEmpty ? p.meta.description : p.meta.summary
                return ChildLink(title: p.meta.title, url: url(k), description: text)
            } : []

        let rootPath = relativeURL(from: from, to: "index.html")
        let root = String(rootPath.dropLast("index.html".count))
        let isHome = (i == home)
        let siteView = SiteView(
            title: site.config.title, description: site.config.description, language: site.config.language,
            asOf: site.config.asOf.description, hasAsOf: site.config.hasAsOf, feePeriod: feePeriod, footer: site.config.footer,
            homeURL: rootPath, sourcesURL: site.sourcesPage.map(url) ?? "", hasSources: site.sourcesPage != nil)
        let info = PageInfo(
            title: page.meta.title,
            documentTitle: isHome ? site.config.title : "\(page.meta.title) · \(site.config.title)",
            description: !page.meta.description.isEmpty
                ? page.meta.description : page.meta.summary.isEmpty ? site.config.description : page.meta.summary,
            content: rendered.html, isHome: isHome, layout: layoutName(page), sourcePath: page.relativePath,
            code: page.meta.code ?? "")
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
