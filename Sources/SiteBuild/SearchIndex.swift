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

    /// `titles.js`: the listed pages, one per line. The files are written by `titlesScript` and `shard`, which
    /// give the bytes `ScriptJSONEncoder` gives for these types (`SearchIndexWriterTests`).
    struct Titles: Encodable {
        var shardSize: Int
        var folders: [String]
        /// `search_synonyms` of the site settings: `[word, [the words it stands for]]`, sorted by word.
        var synonyms: [Synonym] = []
        var pages: OneItemPerLine<Title>
    }

    /// `[word, [words]]`.
    struct Synonym: Encodable {
        var word: String
        var means: [String]

        func encode(to encoder: Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(word)
            try c.encode(means)
        }

        /// One entry per word (the last list of a word given twice), sorted by word.
        static func list(_ pairs: [(String, [String])]) -> [Synonym] {
            var byWord: [String: [String]] = [:]
            for (word, means) in pairs { byWord[word] = means }
            return byWord.keys.sorted().map { Synonym(word: $0, means: byWord[$0]!) }
        }
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

        /// What `encode(to:)` gives `ScriptJSONEncoder`, written directly.
        func write(into w: inout ScriptJSONWriter) {
            w.raw("[")
            w.int(folder)
            w.raw(",")
            w.string(stem)
            w.raw(",")
            w.string(title)
            w.raw(",")
            w.string(keywords)
            w.raw(",")
            w.int(shard)
            w.raw("]")
        }
    }

    /// One section of a page in a text shard: `[heading id, heading, text]`.
    struct Section: Encodable {
        var id: String
        var heading: String
        var text: String

        static let textLimit = 1200

        init(_ s: MarkdownSection) {
            id = s.headingID ?? ""
            heading = s.heading
            text = s.text.utf8.count <= Self.textLimit ? s.text : String(s.text.prefix(Self.textLimit))
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(id)
            try c.encode(heading)
            try c.encode(text)
        }

        /// `Section(s)` as `ScriptJSONEncoder` writes it, without making the section (the text is cut as it is
        /// written).
        static func write(_ s: MarkdownSection, into w: inout ScriptJSONWriter) {
            w.raw("[")
            w.string(s.headingID ?? "")
            w.raw(",")
            w.string(s.heading)
            w.raw(",")
            w.truncatedString(s.text, limit: textLimit)
            w.raw("]")
        }
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
        var folders: [String] = []
        var folderIndex: [String: Int] = [:]
        var entries: [Title] = []
        for (n, i) in listed.enumerated() {
            let (dir, stem) = split(urlPath(site.pages[i].outputPath))
            if folderIndex[dir] == nil {
                folderIndex[dir] = folders.count
                folders.append(dir)
            }
            let words = [site.pages[i].meta.code ?? "", site.pages[i].meta.keywords] + site.pages[i].meta.tags
            let keywords = words.filter { !$0.isEmpty }.joined(separator: " ")
            entries.append(
                Title(folder: folderIndex[dir]!, stem: stem, title: site.pages[i].meta.title, keywords: keywords, shard: n / shardSize))
        }
        let synonyms = site.config.searchSynonyms.map { ($0.word, $0.means) }
        var out = [OutputFile(path: folder + "titles.js", bytes: titlesScript(folders: folders, entries: entries, synonyms: synonyms))]

        let shards = stride(from: 0, to: listed.count, by: shardSize).map { Array(listed[$0..<min($0 + shardSize, listed.count)]) }
        out += parallelMap(Array(shards.enumerated()).map { ($0.offset, $0.element) }) { (k, members) in
            shard(k, members.map { rendered[$0].sections })
        }
        return out
    }

    /// Text shard `k`: the sections of its member pages, one page per line.
    static func shard(_ k: Int, _ members: [[MarkdownSection]]) -> OutputFile {
        // `OneItemPerLine(items: members.map { $0.map(Section.init) })` through `ScriptJSONEncoder`.
        // About the bytes it will hold (a generous guess would stay allocated until the file is written).
        let size = members.reduce(256) { total, sections in
            sections.reduce(total + 4) { t, s in
                t + 16 + (s.headingID?.utf8.count ?? 0) + s.heading.utf8.count + min(s.text.utf8.count, Section.textLimit)
            }
        }
        var w = ScriptJSONWriter(capacity: size + size / 16)
        w.raw("(window.CTSGUIDE_SEARCH_TEXT = window.CTSGUIDE_SEARCH_TEXT || {})[")
        w.int(k)
        w.raw("] = [\n")
        for (n, sections) in members.enumerated() {
            if n > 0 { w.raw(",\n") }
            w.raw("[")
            for (m, s) in sections.enumerated() {
                if m > 0 { w.raw(",") }
                Section.write(s, into: &w)
            }
            w.raw("]")
        }
        w.raw("\n];\n")
        return OutputFile(path: folder + "text-\(k).js", bytes: w.bytes)
    }

    /// `titles.js`: `Titles(shardSize:folders:pages:)` through `ScriptJSONEncoder`, written directly.
    static func titlesScript(folders: [String], entries: [Title], synonyms: [(String, [String])] = []) -> [UInt8] {
        var w = ScriptJSONWriter(capacity: entries.count * 100 + folders.count * 32 + synonyms.count * 32 + 128)
        w.raw("window.CTSGUIDE_SEARCH_TITLES = {\"shardSize\":")
        w.int(shardSize)
        w.raw(",\"folders\":[")
        for (n, f) in folders.enumerated() {
            if n > 0 { w.raw(",") }
            w.string(f)
        }
        w.raw("],\"synonyms\":[")
        for (n, entry) in Synonym.list(synonyms).enumerated() {
            if n > 0 { w.raw(",") }
            w.raw("[")
            w.string(entry.word)
            w.raw(",[")
            for (m, x) in entry.means.enumerated() {
                if m > 0 { w.raw(",") }
                w.string(x)
            }
            w.raw("]]")
        }
        w.raw("],\"pages\":[\n")
        for (n, e) in entries.enumerated() {
            if n > 0 { w.raw(",\n") }
            e.write(into: &w)
        }
        w.raw("\n]};\n")
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
