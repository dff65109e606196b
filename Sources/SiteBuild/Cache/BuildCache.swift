import SiteContent
import SiteRender
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The incremental build: per-page results (the rendered Markdown and the laid-out HTML) kept in a cache folder
/// outside the output (`.ctsguide-cache/`), each reused only while everything it was computed from is unchanged:
///
/// - the rendered Markdown, keyed by the page file's bytes, the site config, this program (its file and the
///   directives it knows), and — when the page ran a directive — every data file and every page's front matter;
///   plus every link lookup it made (`LinkDependency`), re-checked against the current pages;
/// - the laid-out page, keyed additionally by its layout template and the partials that template includes,
///   every page's front matter and path (navigation, breadcrumbs, child lists) and the fee period shown.
///
/// Anything else the build does (loading, checking, anchors, cited sources, assets) runs in full every time, so
/// the output is byte-identical to a full build. A missing, unreadable or malformed entry is just a miss.
package final class BuildCache: @unchecked Sendable {
    /// Bump when the entry layout or the meaning of a key changes.
    static let formatVersion = 4

    let directory: String
    let inputs: CacheInputs
    private var entries: [PageEntry?] = []
    private var renderKeys: [Digest] = []
    private var layoutKeys: [Digest] = []
    /// Each page's render as the render stage produced it (before later stages drop parts they no longer need).
    private var renderedPages: [RenderedPage] = []
    private let lock = NSLock()
    private var universe = Digest.zero
    private var fresh: [Bool] = []
    private(set) var stats = CacheStats()

    struct PageEntry: Sendable {
        var renderKey: Digest
        var layoutKey: Digest
        var rendered: RenderedPage
        var output: [UInt8]
    }

    /// Opens the cache for a build of `options` (nil when the build runs without a cache).
    static func open(_ options: BuildOptions) -> BuildCache? {
        guard let dir = options.cacheDirectory else { return nil }
        return BuildCache(directory: dir, inputs: CacheInputs(options))
    }

    init(directory: String, inputs: CacheInputs) {
        self.directory = directory
        self.inputs = inputs
    }

    // MARK: Stage 3: rendered Markdown

    /// Every page's rendered Markdown: from the cache where still valid, else by `render`.
    func renderPages(_ site: SiteModel, render: @escaping @Sendable (Int) -> RenderedPage) -> [RenderedPage] {
        inputs.readPages(site)
        let cached = parallelMap(Array(site.pages.indices)) { [self] i in readEntry(site.pages[i]) }
        let inputs = self.inputs
        // Link lookups depend only on the pages' paths, codes and display names and the source list: while
        // those are as the last build saw them, every recorded lookup still finds the same thing.
        let universe = LinkDependency.universe(of: site)
        let universeFile = directory + "/link-universe"
        let sameUniverse = CacheStore.read(universeFile) == Array(universe.description.utf8)
        self.universe = universe
        let results = parallelMap(Array(site.pages.indices)) { i -> (RenderedPage, Digest, PageEntry?) in
            if let e = cached[i] {
                let key = inputs.renderKey(for: site.pages[i], usingDirectives: !e.rendered.directivesUsed.isEmpty)
                if key == e.renderKey, sameUniverse || e.rendered.dependencies.allSatisfy({ $0.holds(in: site) }) {
                    return (e.rendered, key, e)
                }
            }
            let r = render(i)
            return (r, inputs.renderKey(for: site.pages[i], usingDirectives: !r.directivesUsed.isEmpty), nil)
        }
        entries = results.map(\.2)
        renderKeys = results.map(\.1)
        renderedPages = results.map(\.0)
        fresh = Array(repeating: false, count: site.pages.count)
        stats.pages = site.pages.count
        stats.rendered = results.filter { $0.2 == nil }.count
        return renderedPages
    }

    // MARK: Stage 4: laid-out pages

    /// Computes every page's layout key; call after `renderPages`, before `output(for:)`. `navigation` is the
    /// page's navigation as rendered for it, when the build renders it apart from the layout.
    func prepareLayout(
        _ site: SiteModel, layoutOf: (PageSource) -> String, feePeriod: String, templates: TemplateSet,
        navigation: [String]? = nil
    ) {
        let env = inputs.layoutEnvironment(feePeriod: feePeriod)
        layoutKeys = site.pages.indices.map { i in
            layoutKey(renderKey: renderKeys[i], layout: layoutOf(site.pages[i]), templates: templates, environment: env,
                navigation: navigation?[i])
        }
    }

    func layoutKey(renderKey: Digest, layout: String, templates: TemplateSet, environment: Digest, navigation: String?)
        -> Digest
    {
        var h = ContentHasher()
        h.add(inputs.layoutKey(renderKey: renderKey, layout: layout, templates: templates, environment: environment))
        if let navigation { h.add(navigation) }
        return h.finish()
    }

    /// Page `i`'s final HTML from the cache, when its render was reused and its layout inputs are unchanged.
    func output(for i: Int) -> [UInt8]? {
        guard let e = entries[i], e.layoutKey == layoutKeys[i] else { return nil }
        return e.output
    }

    /// Keeps page `i`'s newly laid-out HTML for `save` (safe to call from parallel workers).
    func keep(_ i: Int, output: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        entries[i] = PageEntry(renderKey: renderKeys[i], layoutKey: layoutKeys[i], rendered: renderedPages[i], output: output)
        fresh[i] = true
        stats.laidOut += 1
    }

    // MARK: Generated files

    /// Files computed from the site's data and front matter (and, when `fromPageBodies`, from every page's
    /// rendered Markdown): reused from the cache while those inputs are unchanged.
    func generated(_ name: String, fromPageBodies: Bool, make: () -> [OutputFile]) -> [OutputFile] {
        var h = ContentHasher()
        h.add(inputs.tool)
        h.add(inputs.config)
        h.add(inputs.data)
        h.add(inputs.siteMeta)
        h.add(name)
        h.add(fromPageBodies)
        if fromPageBodies { for k in renderKeys { h.add(k) } }
        let key = h.finish()
        let file = directory + "/files/" + ContentHasher.digest(name).description
        if let bytes = CacheStore.read(file) {
            var r = CacheReader(bytes)
            if let k = try? r.digest(), k == key, let files = try? Self.decodeFiles(&r), r.atEnd {
                stats.generatedReused += 1
                return files
            }
        }
        let out = make()
        var w = CacheWriter()
        w.digest(key)
        w.int(out.count)
        for f in out {
            w.string(f.path)
            w.raw(f.bytes)
        }
        CacheStore.write(w.bytes, to: file)
        return out
    }

    private static func decodeFiles(_ r: inout CacheReader) throws(CacheReader.Malformed) -> [OutputFile] {
        var out: [OutputFile] = []
        for _ in 0..<(try r.count()) { out.append(OutputFile(path: try r.string(), bytes: try r.raw())) }
        return out
    }

    /// Every page's navigation HTML (few distinct strings: one per folder group), reused while every page's
    /// path and front matter, the config and the navigation template with its partials are unchanged.
    func navigation(templates: TemplateSet, name: String, make: () -> [String]) -> [String] {
        var h = ContentHasher()
        h.add(inputs.tool)
        h.add(inputs.config)
        h.add(inputs.siteMeta)
        for t in templates.closure(of: name) {
            h.add(t)
            h.add(inputs.templateTexts[t] ?? .zero)
        }
        let key = h.finish()
        let file = directory + "/navigation"
        if let bytes = CacheStore.read(file) {
            var r = CacheReader(bytes)
            if let k = try? r.digest(), k == key, let strings = try? r.strings(), let n = try? r.count() {
                var out: [String] = []
                out.reserveCapacity(n)
                for _ in 0..<n {
                    guard let j = try? r.int(), j >= 0, j < strings.count else { break }
                    out.append(strings[j])
                }
                if out.count == n, r.atEnd {
                    stats.generatedReused += 1
                    return out
                }
            }
        }
        let out = make()
        var unique: [String] = []
        var index: [String: Int] = [:]
        let refs = out.map { s -> Int in
            if let j = index[s] { return j }
            index[s] = unique.count
            unique.append(s)
            return unique.count - 1
        }
        var w = CacheWriter()
        w.digest(key)
        w.strings(unique)
        w.int(refs.count)
        for j in refs { w.int(j) }
        CacheStore.write(w.bytes, to: file)
        return out
    }

    // MARK: Storage

    private func entryFile(_ page: PageSource) -> String {
        directory + "/pages/" + ContentHasher.digest(page.relativePath).description
    }

    /// Page `page`'s cached render, when its key is `renderKey` (the current one).
    func cachedRender(of page: PageSource, renderKey: Digest) -> RenderedPage? {
        guard let e = readEntry(page), e.renderKey == renderKey else { return nil }
        return e.rendered
    }

    func readEntry(_ page: PageSource) -> PageEntry? {
        guard let data = FileManager.default.contents(atPath: entryFile(page)) else { return nil }
        var r = CacheReader(Array(data))
        do {
            guard try r.int() == BuildCache.formatVersion, try r.string() == page.relativePath else { return nil }
            let renderKey = try r.digest()
            let layoutKey = try r.digest()
            let rendered = try RenderedPage.decode(&r)
            let output = try r.raw()
            guard r.atEnd else { return nil }
            return PageEntry(renderKey: renderKey, layoutKey: layoutKey, rendered: rendered, output: output)
        } catch {
            return nil
        }
    }

    /// Writes one page's entry.
    func store(_ e: PageEntry, for page: PageSource) {
        var w = CacheWriter()
        w.int(BuildCache.formatVersion)
        w.string(page.relativePath)
        w.digest(e.renderKey)
        w.digest(e.layoutKey)
        e.rendered.encode(into: &w)
        w.raw(e.output)
        CacheStore.write(w.bytes, to: entryFile(page))
    }

    /// Writes the entries computed by this build and removes those of pages that no longer exist. Called only
    /// after a build without errors.
    func save(_ site: SiteModel) {
        let work = site.pages.indices.filter { fresh[$0] && entries[$0] != nil }
        _ = parallelMap(work) { [self] i -> Bool in
            store(entries[i]!, for: site.pages[i])
            return true
        }
        let (text, front) = inputs.digests(site)
        let id = SiteSnapshot.newID()
        stats.snapshotID = id
        SiteSnapshot(
            id: id,
            pages: site.pages.indices.map { i in
                SiteSnapshot.Page(
                    source: site.pages[i], text: text[i], front: front[i], summary: SiteSnapshot.summary(of: renderedPages[i]))
            }
        ).write(to: directory)
        CacheStore.write(Array(universe.description.utf8), to: directory + "/link-universe")
        let keep = Set(site.pages.map { ContentHasher.digest($0.relativePath).description })
        let dir = directory + "/pages"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where !keep.contains(name) {
            try? FileManager.default.removeItem(atPath: dir + "/" + name)
        }
    }
}
