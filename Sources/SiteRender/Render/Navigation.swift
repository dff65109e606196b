import SiteContent

/// The site navigation. It lists the top-level pages and folders, the pages of each top-level folder, and the
/// pages of the active second-level folder, each list capped at `cap` entries with a link to the folder's index
/// page ("All N pages in …") for the rest; breadcrumbs show the full path. The navigation depends only on the
/// page's folder, its output folder and whether the page itself is listed, so it is rendered once per such
/// group (at most `cap + 1` times per folder), not once per page.
package struct Navigation {
    static let cap = 30
    let layout: Layout
    let site: SiteModel

    package init(layout: Layout) {
        self.layout = layout
        self.site = layout.site
    }

    /// The navigation HTML of every page (index = page index), rendered with the `partials/nav` template.
    package func render(with templates: TemplateSet, name: String) -> [String] {
        let pages = site.pages
        // 1. One base view per group of pages whose links are written the same way: a regular page at
        // `F/name/index.html` links to every other page as its siblings do, so the group's view is built from a
        // stand-in path `F/\u{1}/index.html` that names no page. Any other page is its own group.
        var groups: [String: (from: String, listed: Set<Int>)] = [:]
        var groupOf: [String] = []
        groupOf.reserveCapacity(pages.count)
        for i in pages.indices {
            let outputPath = pages[i].outputPath
            let dir = folderAbove(outputPath)
            let shared = !layout.isIndex[i] && outputPath.hasSuffix("/index.html")
            let parent = folderAbove(dir)
            let from = shared ? (parent.isEmpty ? "" : parent + "/") + "\u{1}/index.html" : outputPath
            let g = layout.folder[i] + "|" + (shared ? from : dir + "/")
            groupOf.append(g)
            if groups[g] == nil { groups[g] = (from, Set(view(from: from, rep: i, current: nil).listed)) }
        }
        // 2. One rendering per distinct key: the group, plus the page itself when the navigation lists it.
        var keyIndex: [String: Int] = [:]
        var work: [(from: String, page: Int, current: Int?)] = []
        let keyOf = pages.indices.map { i in
            let g = groups[groupOf[i]]!
            let listed = g.listed.contains(i)
            let key = listed ? groupOf[i] + "|\(i)" : groupOf[i]
            if let k = keyIndex[key] { return k }
            keyIndex[key] = work.count
            work.append(listed ? (pages[i].outputPath, i, i) : (g.from, i, nil))
            return work.count - 1
        }
        // A layout places it with `{{{navigation}}}` on its own line, which ends the line itself: drop the
        // partial's final newline, as a standalone `{{> partial}}` tag would.
        let html = parallelMap(work) { w in
            var s = templates.render(name, context: view(from: w.from, rep: w.page, current: w.current).view)
            if s.hasSuffix("\n") { s.removeLast() }
            return s
        }
        return keyOf.map { html[$0] }
    }

    /// The navigation as seen from output path `from` by a page in the folder of page `rep`; `current` marks a
    /// listed page. Also returns every page the view lists.
    package func view(from: String, rep: Int, current: Int?) -> (view: NavView, listed: [Int]) {
        func url(_ k: Int) -> String { relativeURL(from: from, to: site.pages[k].outputPath) }
        var listed: [Int] = []
        func entries(_ folder: String) -> (shown: [Int], more: NavMore?) {
            let all = (layout.members[folder] ?? []).filter { site.pages[$0].meta.inNav }
            let shown = Array(all.prefix(Self.cap))
            listed += shown
            guard all.count > shown.count, let index = layout.folderIndex[folder] else { return (shown, nil) }
            let name = layout.navTitles[index]
            return (shown, NavMore(label: "All \(all.count) pages in \(name)", url: url(index)))
        }
        func activeFolder(_ k: Int) -> Bool { layout.isIndex[k] && layout.contains(k, rep) }
        /// Page `k`'s entry; for a folder, with `below` making its pages' entries, those as its children. Pages by
        /// index and fields from `layout` (`let p = site.pages[k]` would copy a whole page per entry).
        func item(_ k: Int, active: Bool, below: ((Int) -> NavItem)?) -> NavItem {
            var item = NavItem(title: layout.navTitles[k], url: url(k), current: k == current, active: active)
            guard let below, layout.isIndex[k] else { return item }
            let e = entries(layout.folder[k])
            item.children = e.shown.map(below)
            item.hasChildren = !item.children.isEmpty
            item.more = e.more ?? item.more
            item.hasMore = e.more != nil
            return item
        }
        // Three levels: the top, each top-level folder's pages, and the pages of an active second-level folder.
        let third: (Int) -> NavItem = { k in item(k, active: false, below: nil) }
        let second: (Int) -> NavItem = { k in item(k, active: activeFolder(k), below: activeFolder(k) ? third : nil) }
        let top = entries("")
        let items = top.shown.map { k in item(k, active: k == current || activeFolder(k), below: second) }
        let view = NavView(nav: items, more: top.more ?? NavMore(label: "", url: ""), hasMore: top.more != nil)
        return (view, listed)
    }
}
