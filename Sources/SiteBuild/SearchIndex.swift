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

    /// `search_synonyms` of the site settings as `[[word, [the words it stands for]], …]`: one entry per word
    /// (the last list of a word given twice), sorted by word.
    static func synonyms(_ pairs: [(String, [String])]) -> JSONValue {
        var byWord: [String: [String]] = [:]
        for (word, means) in pairs { byWord[word] = means }
        return .array(byWord.keys.sorted().map { .array([.string($0), .array(byWord[$0]!.map(JSONValue.string))]) })
    }

    /// The first characters of a section's text the index keeps.
    static let textLimit = 1200

    /// A page's sections in a text shard: `[[heading id, heading, text], …]`, the text cut to `textLimit`
    /// characters.
    static func sections(_ list: [MarkdownSection]) -> JSONValue {
        .array(list.map { s in
            .array([
                .string(s.headingID ?? ""), .string(s.heading),
                .string(s.text.utf8.count <= textLimit ? s.text : String(s.text.prefix(textLimit))),
            ])
        })
    }

    /// `[item, …]` with each item on a line of its own, so a long index stays readable and diffs line by line.
    static func onePerLine(_ items: [JSONValue], into w: inout JSONWriter) {
        w.raw("[\n")
        for (n, item) in items.enumerated() {
            if n > 0 { w.raw(",\n") }
            w.value(item)
        }
        w.raw("\n]")
    }

    /// The pages the search finds, in page order (text shard `k` holds those from `k * shardSize` on).
    static func listed(_ site: SiteModel) -> [Int] {
        // Field by field: `let p = site.pages[i]` would copy (and retain) the whole page.
        site.pages.indices.filter { i in
            (site.pages[i].meta.inNav || site.pages[i].isIndex) && !site.pages[i].isNotFoundPage
                && !site.pages[i].meta.draft
        }
    }

    static func files(site: SiteModel, rendered: [RenderedPage]) -> [OutputFile] {
        let listed = listed(site)
        let shards = stride(from: 0, to: listed.count, by: shardSize).map { Array(listed[$0..<min($0 + shardSize, listed.count)]) }
        // The titles file first, made beside the text shards.
        return parallelMap(Array(0...shards.count)) { k in
            k == 0 ? titles(site, listed: listed) : shard(k - 1, shards[k - 1].map { rendered[$0].sections })
        }
    }

    /// `titles.js` of the `listed` pages.
    static func titles(_ site: SiteModel, listed: [Int]) -> OutputFile {
        var folders: [String] = []
        var folderIndex: [String: Int] = [:]
        var entries: [JSONValue] = []  // [folder index, URL stem, title, keywords, text shard]
        for (n, i) in listed.enumerated() {
            let (dir, stem) = split(urlPath(site.pages[i].outputPath))
            if folderIndex[dir] == nil {
                folderIndex[dir] = folders.count
                folders.append(dir)
            }
            let words = [site.pages[i].meta.code ?? "", site.pages[i].meta.keywords] + site.pages[i].meta.tags
            let keywords = words.filter { !$0.isEmpty }.joined(separator: " ")
            entries.append(.array([
                .int(folderIndex[dir]!), .string(stem), .string(site.pages[i].meta.title), .string(keywords), .int(n / shardSize),
            ]))
        }
        let synonyms = site.config.searchSynonyms.map { ($0.word, $0.means) }
        return OutputFile(path: folder + "titles.js", bytes: titlesScript(folders: folders, entries: entries, synonyms: synonyms))
    }

    /// Text shard `k`: the sections of its member pages, one page per line.
    static func shard(_ k: Int, _ members: [[MarkdownSection]]) -> OutputFile {
        // About the bytes it will hold (a generous guess would stay allocated until the file is written).
        let size = members.reduce(256) { total, sections in
            sections.reduce(total + 4) { t, s in
                t + 16 + (s.headingID?.utf8.count ?? 0) + s.heading.utf8.count + min(s.text.utf8.count, textLimit)
            }
        }
        var w = JSONWriter(forScript: true, capacity: size + size / 16)
        w.raw("(window.CTSGUIDE_SEARCH_TEXT = window.CTSGUIDE_SEARCH_TEXT || {})[")
        w.int(k)
        w.raw("] = ")
        onePerLine(members.map(sections), into: &w)
        w.raw(";\n")
        return OutputFile(path: folder + "text-\(k).js", bytes: w.bytes)
    }

    /// `titles.js`: `{"shardSize": …, "folders": […], "synonyms": […], "pages": [one entry per line]}`.
    static func titlesScript(folders: [String], entries: [JSONValue], synonyms: [(String, [String])] = []) -> [UInt8] {
        var w = JSONWriter(forScript: true, capacity: entries.count * 100 + folders.count * 32 + synonyms.count * 32 + 128)
        w.raw("window.CTSGUIDE_SEARCH_TITLES = {\"shardSize\":")
        w.int(shardSize)
        w.raw(",\"folders\":")
        w.value(.array(folders.map(JSONValue.string)))
        w.raw(",\"synonyms\":")
        w.value(Self.synonyms(synonyms))
        w.raw(",\"pages\":")
        onePerLine(entries, into: &w)
        w.raw("};\n")
        return w.bytes
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
