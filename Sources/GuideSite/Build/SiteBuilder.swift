import Foundation

/// The pipeline: load → check → render → (write). Every problem of a run is collected; any error stops the
/// run before anything is written.
public enum SiteBuilder {
    /// Loads, checks and renders the whole site in memory. Writes nothing.
    public static func generate(_ options: BuildOptions) -> Result<GeneratedSite, BuildFailure> {
        var diags = Diagnostics()
        let content = options.contentDirectory
        let display = content

        // 1. Load: site settings, templates, pages.
        var config: SiteConfig?
        let siteFile = content + "/site.yaml"
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: content, isDirectory: &isDir) {
            diags.error(SourceLocation(file: display), "the content folder does not exist")
            return .failure(BuildFailure(diags.items))
        }
        if !isDir.boolValue {
            diags.error(SourceLocation(file: display), "the content path is a file, not a folder", hint: "give the folder that holds site.yaml")
            return .failure(BuildFailure(diags.items))
        }
        let tree = SourceTree(root: content)
        let (loadedConfig, configDiags) = SiteConfig.load(contentDirectory: content)
        config = loadedConfig
        diags.append(contentsOf: configDiags)
        _ = siteFile
        let (templates, templateDiags) = TemplateSet.load(
            directory: options.templatesDirectory, display: options.templatesDirectory)
        diags.append(contentsOf: templateDiags)

        let (files, listProblems) = ContentLoader.markdownFiles(in: tree)
        diags.append(contentsOf: listProblems)
        let loaded = parallelMap(files) { rel -> (PageSource?, Diagnostics) in
            var d = Diagnostics()
            let shown = display + "/" + rel
            guard let text = ContentLoader.readText(content + "/" + rel, display: shown, tree: tree, diagnostics: &d) else {
                return (nil, d)
            }
            let (page, pd) = ContentLoader.loadPage(relativePath: rel, text: text, display: shown)
            d.append(contentsOf: pd.items)
            return (page, d)
        }
        var pages: [PageSource] = []
        for (p, d) in loaded {
            diags.append(contentsOf: d.items)
            if let p { pages.append(p) }
        }
        let (data, dataDiags) = SiteDataLoader.load(contentDirectory: content)
        diags.append(contentsOf: dataDiags)
        var guide: GuideData?
        if let data {
            let (g, guideDiags) = GuideDataLoader.load(contentDirectory: content, siteData: data)
            guide = g
            diags.append(contentsOf: guideDiags)
        }
        guard let config, let templates, let data, let guide, !diags.hasErrors else {
            return .failure(BuildFailure(diags.items))
        }

        // 2. Check the model as a whole.
        var site = SiteModel.make(config: config, pages: pages, data: data, diagnostics: &diags)
        site.sourceList = data.sources.map(\.id)
        site.guide = guide
        if !pages.contains(where: { $0.relativePath == "_index.md" || $0.relativePath == "index.md" }) {
            diags.error(SourceLocation(file: display), "the site has no home page", hint: "add \(display)/_index.md")
        }
        for p in site.pages where !templates.has(layoutName(p)) {
            diags.error(
                p.meta.location, "layout '\(layoutName(p))' has no template",
                hint: "templates: \(templates.names.filter { !$0.contains("/") }.joined(separator: ", "))")
        }
        if diags.hasErrors { return .failure(BuildFailure(diags.items)) }

        // 3. Render Markdown (directives computed here), in parallel.
        let frozen = site
        let directives = options.directives
        let cache = BuildCache.open(options)
        let renderPage: @Sendable (Int) -> RenderedPage = { i in
            RenderedPage.render(frozen.pages[i], site: frozen, directives: directives)
        }
        let rendered = cache?.renderPages(frozen, render: renderPage) ?? parallelMap(Array(frozen.pages.indices), renderPage)
        var idsByOutput: [String: Set<String>] = [:]
        var cited: Set<String> = []
        let sources = data.sources
        let unmarked = parallelMap(rendered) { r in CertaintyCheck.unmarked(html: r.html, sources: sources) }
        for (i, r) in rendered.enumerated() {
            diags.append(contentsOf: r.diagnostics)
            for statement in unmarked[i] {
                diags.error(
                    frozen.pages[i].meta.location,
                    "a statement cites only secondary sources but does not say so: \"\(statement)\"",
                    hint: "add \"(reported by …; \(CertaintyCheck.phrase))\" or cite an official source")
            }
            idsByOutput[frozen.pages[i].outputPath] = r.ids
            cited.formUnion(r.citedSources)
        }
        for r in rendered {
            for ref in r.anchorReferences where !(idsByOutput[ref.targetOutputPath]?.contains(ref.fragment) ?? false) {
                diags.error(
                    ref.location, "broken anchor '#\(ref.fragment)': no such heading or id in \(ref.targetDisplay)")
            }
        }
        for s in data.sources where !cited.contains(s.id) {
            diags.warning(s.location, "source '\(s.id)' is not cited by any page")
        }
        if diags.hasErrors { return .failure(BuildFailure(diags.items)) }

        // 4. Lay out every page with its template.
        let layout = Layout(site: frozen)
        let feePeriod = data.feePeriodLabel(on: config.asOf)
        let layOutPage: @Sendable (Int) -> (String?, [Diagnostic]) = { i in
            let view = layout.view(for: i, rendered: rendered[i], feePeriod: feePeriod)
            return templates.render(layoutName(frozen.pages[i]), context: view)
        }
        cache?.prepareLayout(frozen, layoutOf: layoutName, feePeriod: feePeriod, templates: templates)
        let laidOut = parallelMap(Array(frozen.pages.indices)) { i -> (String?, [Diagnostic]) in
            if let bytes = cache?.output(for: i) { return (String(decoding: bytes, as: UTF8.self), []) }
            let (html, d) = layOutPage(i)
            if let html { cache?.keep(i, output: Array(html.utf8)) }
            return (html, d)
        }
        var outputs: [OutputFile] = []
        for (i, (html, d)) in laidOut.enumerated() {
            diags.append(contentsOf: d)
            if let html { outputs.append(OutputFile(path: frozen.pages[i].outputPath, text: html)) }
        }

        // 5. Assets and generated data files.
        outputs += copyAssets(templates: options.templatesDirectory, diagnostics: &diags)
        outputs += GeneratedFiles.make(site: frozen, rendered: rendered, cache: cache)
        if diags.hasErrors { return .failure(BuildFailure(diags.items)) }

        var seen: Set<String> = []
        for f in outputs where !seen.insert(f.path).inserted {
            diags.error(SourceLocation(file: display), "two outputs write '\(f.path)'")
        }
        if diags.hasErrors { return .failure(BuildFailure(diags.items)) }
        outputs.sort { $0.path < $1.path }
        cache?.save(frozen)
        return .success(
            GeneratedSite(
                files: outputs, pageCount: frozen.pages.count, warnings: diags.warnings.sorted(), cache: cache?.stats))
    }

    /// Generates the site and, when it has no errors, replaces the output folder with it.
    public static func build(_ options: BuildOptions) -> Result<GeneratedSite, BuildFailure> {
        switch generate(options) {
        case .failure(let f): return .failure(f)
        case .success(let site):
            do {
                if let cache = options.cacheDirectory {
                    var site = site
                    site.cache?.filesWritten = try OutputUpdater.write(
                        site.files, to: options.outputDirectory, force: options.force, cacheDirectory: cache)
                    return .success(site)
                }
                try SiteWriter.write(site.files, to: options.outputDirectory, force: options.force)
                return .success(site)
            } catch {
                return .failure(BuildFailure(site.warnings + [error.diagnostic]))
            }
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
