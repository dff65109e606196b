import Dispatch
import Foundation

/// The pipeline: load → check → render Markdown → check templates once → search index → navigation →
/// lay out and write, in batches. Every problem of a run is collected; any error stops the run before anything
/// is written. Pages are laid out and written in batches of `batchSize`, so memory holds the rendered bodies
/// but never every finished page at once.
public enum SiteBuilder {
    static let batchSize = 512

    /// Loads, checks and renders the whole site in memory. Writes nothing.
    public static func generate(_ options: BuildOptions) -> Result<GeneratedSite, BuildFailure> {
        var files: [OutputFile] = []
        var timings = BuildTimings()
        let result = run(options, timings: &timings) { batch throws(WriteError) in files += batch }
        return result.map { summary in
            files.sort { $0.path < $1.path }
            return GeneratedSite(
                files: files, pageCount: summary.pages, warnings: summary.warnings, fileCount: files.count,
                timings: timings, cache: summary.cache)
        }
    }

    /// Generates the site and, when it has no errors, replaces the output folder with it: files go into a
    /// staging folder batch by batch, which is swapped in at the end.
    public static func build(_ options: BuildOptions) -> Result<GeneratedSite, BuildFailure> {
        if let cacheDirectory = options.cacheDirectory {
            return buildIncrementally(options, cacheDirectory: cacheDirectory)
        }
        var timings = BuildTimings()
        var staging: SiteWriter.Staging?
        var openError: WriteError?
        let result = run(options, timings: &timings) { batch throws(WriteError) in
            if staging == nil {
                do throws(WriteError) {
                    staging = try SiteWriter.Staging.open(output: options.outputDirectory, force: options.force)
                } catch {
                    openError = error
                    throw error
                }
            }
            try staging!.write(batch)
        }
        switch result {
        case .failure(let f):
            if openError == nil { staging?.abandon() }
            return .failure(f)
        case .success(let summary):
            let start = DispatchTime.now()
            do {
                if staging == nil { staging = try SiteWriter.Staging.open(output: options.outputDirectory, force: options.force) }
                try staging!.commit()
            } catch {
                staging?.abandon()
                return .failure(BuildFailure(summary.warnings + [error.diagnostic]))
            }
            timings.add("swap in the output folder", since: start)
            return .success(
                GeneratedSite(
                    files: [], pageCount: summary.pages, warnings: summary.warnings, fileCount: summary.files,
                    timings: timings))
        }
    }

    /// With a cache: generate in memory, then write only what changed (`OutputUpdater`).
    static func buildIncrementally(_ options: BuildOptions, cacheDirectory: String) -> Result<GeneratedSite, BuildFailure> {
        switch generate(options) {
        case .failure(let f): return .failure(f)
        case .success(var site):
            let start = DispatchTime.now()
            do {
                site.cache?.filesWritten = try OutputUpdater.write(
                    site.files, to: options.outputDirectory, force: options.force, cacheDirectory: cacheDirectory)
            } catch {
                return .failure(BuildFailure(site.warnings + [error.diagnostic]))
            }
            site.timings.add("write changed files", since: start)
            site.files = []
            return .success(site)
        }
    }

    struct Summary {
        var pages: Int
        var files: Int
        var warnings: [Diagnostic]
        var cache: CacheStats?
    }

    static func run(
        _ options: BuildOptions, timings: inout BuildTimings, emit: ([OutputFile]) throws(WriteError) -> Void
    ) -> Result<Summary, BuildFailure> {
        var diags = Diagnostics()
        var clock = DispatchTime.now()
        func lap(_ name: String) {
            timings.add(name, since: clock)
            clock = DispatchTime.now()
        }

        // 1. Load and check the model.
        guard let loaded = SiteLoader.load(options, diagnostics: &diags) else {
            return .failure(BuildFailure(diags.items))
        }
        let site = loaded.site
        let templates = loaded.templates
        lap("load and check content, data and templates")

        // 2. Render Markdown (directives computed here), in parallel; check anchors and citations.
        let directives = options.directives
        let cache = BuildCache.open(options)
        let renderPage: @Sendable (Int) -> RenderedPage = { i in
            RenderedPage.render(site.pages[i], site: site, directives: directives)
        }
        var rendered = cache?.renderPages(site, render: renderPage) ?? parallelMap(Array(site.pages.indices), renderPage)
        checkReferences(site: site, rendered: rendered, diagnostics: &diags)
        if diags.hasErrors { return .failure(BuildFailure(diags.items)) }
        lap("render Markdown")

        // 3. Check each template once against a full sample of its view model.
        let layouts = Set(site.pages.map(layoutName)).sorted()
        for name in layouts { diags.append(contentsOf: templates.check(name, sample: ViewModelSamples.page)) }
        let navTemplate = "partials/nav"
        let hasNav = templates.has(navTemplate)
        if hasNav { diags.append(contentsOf: templates.check(navTemplate, sample: ViewModelSamples.nav)) }
        if diags.hasErrors { return .failure(BuildFailure(diags.items)) }
        lap("check templates")

        // 4. Assets and generated data files (search index, calculator data).
        // With a cache, each generated file is reused while the inputs it is computed from are unchanged.
        func reuse(_ name: String, fromPageBodies: Bool, _ make: () -> [OutputFile]) -> [OutputFile] {
            cache?.generated(name, fromPageBodies: fromPageBodies, make: make) ?? make()
        }
        var extra = copyAssets(templates: options.templatesDirectory, diagnostics: &diags)
        extra += reuse("search-index", fromPageBodies: true) { SearchIndex.files(site: site, rendered: rendered) }
        lap("search index and assets")
        // Generated data files are written only when a page ran the directive that loads them.
        let used = rendered.reduce(into: Set<String>()) { $0.formUnion($1.directivesUsed) }
        if site.hasGuideData, used.contains(CalculatorDirective.directiveName) {
            extra += reuse("calculator-data", fromPageBodies: false) { [CalculatorData.file(site: site)] }
            lap("calculator data")
        }
        if site.hasGuideData, site.data.zipCodes != nil,
            !used.isDisjoint(with: [CalculatorDirective.directiveName, ZIPLookupDirective.directiveName])
        {
            extra += reuse("zip-scripts", fromPageBodies: false) { ZIPScripts.files(site: site) }
        }
        if site.hasGuideData, used.contains(FeeDownloadsDirective.directiveName) {
            extra += reuse("fee-downloads", fromPageBodies: false) { FeeDownloads.files(site.data) }
        }
        var seen = Set(site.pages.map(\.outputPath))
        for f in extra where !seen.insert(f.path).inserted {
            diags.error(SourceLocation(file: options.contentDirectory), "two outputs write '\(f.path)'")
        }
        if diags.hasErrors { return .failure(BuildFailure(diags.items)) }
        for i in rendered.indices {  // only the HTML and headings are needed from here on
            rendered[i].sections = []
            rendered[i].ids = []
        }

        // 5. Navigation, rendered once per folder.
        var stripped = site
        for i in stripped.pages.indices { stripped.pages[i].body = "" }
        let slim = stripped
        let layout = Layout(site: slim)
        let renderNavigation = { Navigation(layout: layout).render(with: templates, name: navTemplate) }
        let navigation = !hasNav ? Array(repeating: "", count: slim.pages.count)
            : cache?.navigation(templates: templates, name: navTemplate, make: renderNavigation) ?? renderNavigation()
        cache?.prepareLayout(
            slim, layoutOf: layoutName, feePeriod: site.data.feePeriodLabel(on: site.config.asOf), templates: templates,
            navigation: navigation)
        lap("navigation")

        // 6. Lay out and write, batch by batch, in page order.
        let feePeriod = site.data.feePeriodLabel(on: site.config.asOf)
        var layoutTime = 0.0, writeTime = 0.0
        var fileCount = 0
        let frozen = rendered
        do {
            for start in stride(from: 0, to: slim.pages.count, by: batchSize) {
                let t0 = DispatchTime.now()
                let range = Array(start..<min(start + batchSize, slim.pages.count))
                let batch = parallelMap(range) { i in
                    if let bytes = cache?.output(for: i) { return OutputFile(path: slim.pages[i].outputPath, bytes: bytes) }
                    let view = layout.view(for: i, rendered: frozen[i], navigation: navigation[i], feePeriod: feePeriod)
                    let size = frozen[i].html.utf8.count + navigation[i].utf8.count + 8_192
                    let file = OutputFile(
                        path: slim.pages[i].outputPath,
                        bytes: templates.renderBytes(layoutName(slim.pages[i]), context: view, capacity: size))
                    cache?.keep(i, output: file.bytes)
                    return file
                }
                let t1 = DispatchTime.now()
                try emit(batch)
                layoutTime += seconds(t0, t1)
                writeTime += seconds(t1, DispatchTime.now())
                fileCount += batch.count
            }
            let t1 = DispatchTime.now()
            try emit(extra)
            writeTime += seconds(t1, DispatchTime.now())
            fileCount += extra.count
        } catch {
            return .failure(BuildFailure(diags.warnings.sorted() + [error.diagnostic]))
        }
        timings.stages.append(.init(name: "lay out pages", seconds: layoutTime))
        timings.stages.append(.init(name: "write files", seconds: writeTime))
        clock = DispatchTime.now()
        cache?.save(slim)
        if cache != nil { lap("save the build cache") }
        return .success(
            Summary(pages: slim.pages.count, files: fileCount, warnings: diags.warnings.sorted(), cache: cache?.stats))
    }

    static func seconds(_ a: DispatchTime, _ b: DispatchTime) -> Double {
        Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e9
    }

    /// Anchors must name an id on their target page; every source should be cited.
    static func checkReferences(site: SiteModel, rendered: [RenderedPage], diagnostics diags: inout Diagnostics) {
        var idsByOutput: [String: Set<String>] = [:]
        var cited: Set<String> = []
        let sources = site.data.sources
        let unmarked = parallelMap(rendered) { r in CertaintyCheck.unmarked(html: r.html, sources: sources) }
        for (i, r) in rendered.enumerated() {
            diags.append(contentsOf: r.diagnostics)
            for statement in unmarked[i] {
                diags.error(
                    site.pages[i].meta.location,
                    "a statement cites only secondary sources but does not say so: \"\(statement)\"",
                    hint: "add \"(reported by …; \(CertaintyCheck.phrase))\" or cite an official source")
            }
            idsByOutput[site.pages[i].outputPath] = r.ids
            cited.formUnion(r.citedSources)
        }
        for r in rendered {
            for ref in r.anchorReferences where !(idsByOutput[ref.targetOutputPath]?.contains(ref.fragment) ?? false) {
                diags.error(
                    ref.location, "broken anchor '#\(ref.fragment)': no such heading or id in \(ref.targetDisplay)")
            }
        }
        for s in site.data.sources where !cited.contains(s.id) {
            diags.warning(s.location, "source '\(s.id)' is not cited by any page")
        }
    }

    /// Every file under `<templates>/assets`, read through the templates tree (so no link can publish a file
    /// from outside it).
    static func copyAssets(templates: String, diagnostics: inout Diagnostics) -> [OutputFile] {
        let tree = SourceTree(root: templates)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: templates + "/assets", isDirectory: &isDir), isDir.boolValue else { return [] }
        let (rels, problems) = tree.files(under: "assets")
        diagnostics.append(contentsOf: problems)
        var out: [OutputFile] = []
        for rel in rels {
            switch tree.readBytes(templates + "/" + rel, display: templates + "/" + rel) {
            case .success(let bytes): out.append(OutputFile(path: rel, bytes: bytes))
            case .failure(let d): diagnostics.append(d)
            }
        }
        return out
    }
}

/// How long each stage of a build took (`ctsguide build --timings`). Never written into the site.
public struct BuildTimings: Sendable {
    public struct Stage: Sendable {
        public var name: String
        public var seconds: Double
    }
    public var stages: [Stage] = []

    mutating func add(_ name: String, since start: DispatchTime) {
        stages.append(Stage(name: name, seconds: SiteBuilder.seconds(start, DispatchTime.now())))
    }
}
