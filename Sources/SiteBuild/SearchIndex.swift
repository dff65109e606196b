import SiteContent
import SiteRender

/// The search index, split so that no page loads more than it needs, and loaded as scripts (not fetched) so
/// search works from `file://`. Pages load none of it; `assets/search.js` adds, on first use of the search box:
/// - `assets/search/titles.js`: every searchable page's folder, URL stem, title and keywords (code, keywords,
///   tags) and the text shard that holds its sections;
/// - `assets/search/text-N.js`: the section headings and text (first 1,200 characters of each section) of
///   `shardSize` pages, loaded on demand while a query needs more results or a title hit's sections.
package enum SearchIndex {
    static let folder = "assets/search/"
    static let shardSize = 50

    /// `titles.js`: the listed pages, one per line.
    struct Titles: Encodable {
        var shardSize: Int
        var folders: [String]
        var pages: OneItemPerLine<Title>
    }

    /// One listed page: `[folder index, URL stem, title, keywords, text shard]`.
    struct Title: Encodable {
        var folder: Int
        var stem: String
        var title: String
        var keywords: String
        var shard: Int

        func encode(to encoder: Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(folder)
            try c.encode(stem)
            try c.encode(title)
            try c.encode(keywords)
            try c.encode(shard)
        }
    }

    /// One section of a page in a text shard: `[heading id, heading, text]`.
    struct Section: Encodable {
        var id: String
        var heading: String
        var text: String

        init(_ s: MarkdownSection) {
            id = s.headingID ?? ""
            heading = s.heading
            text = s.text.utf8.count <= 1200 ? s.text : String(s.text.prefix(1200))
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(id)
            try c.encode(heading)
            try c.encode(text)
        }
    }

    /// The pages the search finds, in page order (text shard `k` holds those from `k * shardSize` on).
    static func listed(_ site: SiteModel) -> [Int] {
        site.pages.indices.filter { i in
            let p = site.pages[i]
            return (p.meta.inNav || p.isIndex) && p.outputPath != "404.html"
        }
    }

    static func files(site: SiteModel, rendered: [RenderedPage]) -> [OutputFile] {
        let listed = listed(site)
        var folders: [String] = []
        var folderIndex: [String: Int] = [:]
        var entries: [Title] = []
        for (n, i) in listed.enumerated() {
            let page = site.pages[i]
            let (dir, stem) = split(urlPath(page.outputPath))
            if folderIndex[dir] == nil {
                folderIndex[dir] = folders.count
                folders.append(dir)
            }
            let words = [page.meta.code ?? "", page.meta.keywords] + page.meta.tags
            let keywords = words.filter { !$0.isEmpty }.joined(separator: " ")
            entries.append(
                Title(folder: folderIndex[dir]!, stem: stem, title: page.meta.title, keywords: keywords, shard: n / shardSize))
        }
        let titles = Titles(shardSize: shardSize, folders: folders, pages: OneItemPerLine(items: entries))
        var out = [OutputFile(path: folder + "titles.js", text: "window.CTSGUIDE_SEARCH_TITLES = \(json(titles));\n")]

        let shards = stride(from: 0, to: listed.count, by: shardSize).map { Array(listed[$0..<min($0 + shardSize, listed.count)]) }
        out += parallelMap(Array(shards.enumerated()).map { ($0.offset, $0.element) }) { (k, members) in
            shard(k, members.map { rendered[$0] })
        }
        return out
    }

    /// Text shard `k`: the sections of its member pages, one page per line.
    static func shard(_ k: Int, _ members: [RenderedPage]) -> OutputFile {
        let pages = OneItemPerLine(items: members.map { r in r.sections.map(Section.init) })
        let text = "(window.CTSGUIDE_SEARCH_TEXT = window.CTSGUIDE_SEARCH_TEXT || {})[\(k)] = \(json(pages));\n"
        return OutputFile(path: folder + "text-\(k).js", text: text)
    }

    /// The index's types hold only strings and integers, which always encode.
    static func json<T: Encodable>(_ value: T) -> String {
        (try? ScriptJSONEncoder.encode(value)) ?? "null"
    }

    /// `codes/97551/index.html` → (`codes/97551/`, `index.html`); `404.html` → (``, `404.html`). Folder
    /// strings are shared by many pages, so the titles file stores each once.
    static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let dir = path[..<slash]
        guard let up = dir.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...up]), String(path[path.index(after: up)...]))
    }
}
