import SiteContent
import SiteRender
/// What the last successful cached build knew of every page, in one file (`quick-site` in the cache), so that
/// a rebuild after a small edit (`QuickRebuild`) need not read or parse the pages it did not change:
/// each page as loaded (without its body), the digests of its file and its front matter, and what its render
/// contributes to the site-wide checks (ids, anchor references, cited sources, messages, directives run).
struct SiteSnapshot: Sendable {
    struct Page: Sendable {
        var source: PageSource { didSet { encoded = nil } }  // body ""
        var text: Digest { didSet { encoded = nil } }
        var front: Digest { didSet { encoded = nil } }
        var summary: RenderedPage { didSet { encoded = nil } }  // html, headings, sections and dependencies empty
        /// The page's record as read, written back as it is while nothing of the page changes (after a one-page
        /// edit, re-encoding every other page was the largest part of saving the snapshot).
        var encoded: ArraySlice<UInt8>? = nil
    }

    /// Changes with every build that writes the snapshot; the input stamp names the snapshot it goes with.
    var id: Digest
    /// Changes with every pipeline build (not with a page edit): the navigation and search shard files it wrote
    /// carry it, so files of two builds that ran at once are never mixed (`BuildRecord`).
    var generation: Digest
    var pages: [Page]

    static func file(_ cacheDirectory: String) -> String { cacheDirectory + "/quick-site" }

    static func newID() -> Digest {
        Digest(high: UInt64.random(in: 0...UInt64.max), low: UInt64.random(in: 0...UInt64.max))
    }

    /// The parts of a render the site-wide checks read.
    static func summary(of r: RenderedPage) -> RenderedPage {
        RenderedPage(
            html: "", headings: [], sections: [], ids: r.ids, anchorReferences: r.anchorReferences,
            citedSources: r.citedSources, diagnostics: r.diagnostics, directivesUsed: r.directivesUsed)
    }

    func write(to cacheDirectory: String) {
        var w = CacheWriter()
        w.int(BuildRecord.formatVersion)
        w.digest(id)
        w.digest(generation)
        w.int(pages.count)
        for p in pages {
            if let e = p.encoded {
                w.raw(e)
                continue
            }
            Self.encode(p.source, into: &w)
            w.digest(p.text)
            w.digest(p.front)
            let s = p.summary
            w.strings(s.ids.sorted())
            w.int(s.anchorReferences.count)
            for a in s.anchorReferences {
                w.string(a.targetOutputPath)
                w.string(a.targetDisplay)
                w.string(a.fragment)
                w.location(a.location, in: p.source.displayPath)
            }
            w.strings(s.citedSources)
            w.diagnostics(s.diagnostics)
            w.strings(s.directivesUsed.sorted())
        }
        CacheStore.write(w.bytes, to: Self.file(cacheDirectory))
    }

    static func read(from cacheDirectory: String) -> SiteSnapshot? {
        guard let bytes = CacheStore.read(file(cacheDirectory)) else { return nil }
        var r = CacheReader(bytes)
        do {
            guard try r.int() == BuildRecord.formatVersion else { return nil }
            let id = try r.digest()
            let generation = try r.digest()
            var pages: [Page] = []
            let n = try r.count()
            pages.reserveCapacity(n)
            for _ in 0..<n {
                let start = r.offset
                let source = try decodeSource(&r)
                let text = try r.digest()
                let front = try r.digest()
                let ids = Set(try r.strings())
                var anchors: [AnchorReference] = []
                for _ in 0..<(try r.count()) {
                    anchors.append(
                        AnchorReference(
                            targetOutputPath: try r.string(), targetDisplay: try r.string(), fragment: try r.string(),
                            location: try r.location(in: source.displayPath)))
                }
                let cited = try r.strings()
                let diags = try r.diagnostics()
                let used = Set(try r.strings())
                let summary = RenderedPage(
                    html: "", headings: [], sections: [], ids: ids, anchorReferences: anchors, citedSources: cited,
                    diagnostics: diags, directivesUsed: used)
                pages.append(
                    Page(source: source, text: text, front: front, summary: summary, encoded: r.slice(start..<r.offset)))
            }
            return r.atEnd ? SiteSnapshot(id: id, generation: generation, pages: pages) : nil
        } catch {
            return nil
        }
    }

    // MARK: Pages without their bodies

    static func encode(_ p: PageSource, into w: inout CacheWriter) {
        w.string(p.relativePath)
        w.string(p.displayPath)
        w.int(p.bodyLineOffset)
        w.string(p.outputPath)
        let m = p.meta
        for field in FrontMatterField.all {  // every front-matter key, through the one key table
            switch field.kind {
            case .title: w.string(m.title)
            case .text(let k): w.string(m[keyPath: k])
            case .optionalText(let k), .date(let k): w.optional(m[keyPath: k])
            case .number(let k): w.int(m[keyPath: k])
            case .flag(let k): w.bool(m[keyPath: k])
            case .optionalFlag(let k): w.int(m[keyPath: k].map { $0 ? 1 : 0 } ?? -1)
            case .textList(let k): w.strings(m[keyPath: k])
            }
        }
        w.location(m.location, in: p.displayPath)
        w.int(m.fieldLocations.count)
        for (key, at) in m.fieldLocations {
            w.string(key)
            w.location(at, in: p.displayPath)
        }
    }

    static func decodeSource(_ r: inout CacheReader) throws(CacheReader.Malformed) -> PageSource {
        let rel = try r.string()
        let display = try r.string()
        let offset = try r.int()
        let output = try r.string()
        var m = PageMeta(title: "", location: SourceLocation(file: ""))
        for field in FrontMatterField.all {
            switch field.kind {
            case .title: m.title = try r.string()
            case .text(let k): m[keyPath: k] = try r.string()
            case .optionalText(let k), .date(let k): m[keyPath: k] = try r.optional()
            case .number(let k): m[keyPath: k] = try r.int()
            case .flag(let k): m[keyPath: k] = try r.bool()
            case .optionalFlag(let k):
                let v = try r.int()
                m[keyPath: k] = v < 0 ? nil : v == 1
            case .textList(let k): m[keyPath: k] = try r.strings()
            }
        }
        m.location = try r.location(in: display)
        for _ in 0..<(try r.count()) { m.fieldLocations.append((try r.string(), try r.location(in: display))) }
        return PageSource(relativePath: rel, displayPath: display, meta: m, body: "", bodyLineOffset: offset, outputPath: output)
    }
}

extension CacheWriter {
    /// A location, its file written only when it is not `file` (most locations are in the page's own file).
    mutating func location(_ l: SourceLocation, in file: String) {
        bool(l.file == file)
        if l.file != file { string(l.file) }
        int(l.line)
        int(l.column)
    }
}

extension CacheReader {
    mutating func location(in file: String) throws(Malformed) -> SourceLocation {
        let same = try bool()
        return SourceLocation(file: same ? file : try string(), line: try int(), column: try int())
    }
}
