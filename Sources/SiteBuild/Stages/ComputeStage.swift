import SiteContent
import SiteRender
import Dispatch

/// The computed site: every page body rendered (Markdown through cmark, directives run), and every generated
/// file (assets, search index, the files the site extension computes).
package struct ComputedSite: Sendable {
    /// The site with page bodies dropped (only the front matter is needed from here on).
    package var site: SiteModel
    package var templates: TemplateSet
    package var rendered: [RenderedPage]
    package var files: [OutputFile]
    /// The layouts' `feePeriod` field, from the site extension ("" for a plain site).
    package var feePeriod: String
}

/// Stage 3: page bodies and generated files. Checks what needs every page rendered: anchors name an id on
/// their target page, statements citing only secondary sources say so, every source is cited, no two outputs
/// share a path. With a cache, unchanged pages and generated files are reused.
package enum ComputeStage {
    package static func run(
        _ checked: CheckedSite, directives: DirectiveRegistry, cache: BuildCache?, timings: inout BuildTimings
    ) -> StageResult<ComputedSite> {
        var diags = Diagnostics()
        var clock = DispatchTime.now()
        func lap(_ name: String) {
            timings.add(name, since: clock)
            clock = DispatchTime.now()
        }
        let site = checked.site
        let keepDependencies = cache != nil  // only the cache reads what each page's links resolved to
        let renderPage: @Sendable (Int) -> RenderedPage = { i in
            RenderedPage.render(site.pages[i], site: site, directives: directives, recordingDependencies: keepDependencies)
        }
        // Without a cache, the extension's computed files (they need no page) are made in the same ordered
        // parallel map as the pages, first; those no page asks for are dropped below. With one, each is reused or
        // made below.
        let jobs = site.siteExtensionData?.computedFiles(site: site) ?? []
        let early = cache == nil ? jobs : []
        var made: [String: [OutputFile]] = [:]
        var rendered: [RenderedPage]
        if let cache {
            rendered = cache.renderPages(site, render: renderPage)
        } else {
            let work = parallelMap(Array(0..<(early.count + site.pages.count))) { i -> ComputeWork in
                i < early.count ? .files(early[i].make()) : .page(renderPage(i - early.count))
            }
            rendered = []
            rendered.reserveCapacity(site.pages.count)
            for (i, w) in work.enumerated() {
                switch w {
                case .files(let f): made[early[i].name] = f
                case .page(let p): rendered.append(p)
                }
            }
        }
        ReferenceCheck.run(site: site, rendered: rendered, diagnostics: &diags)
        if diags.hasErrors { return StageResult(nil, diags.items) }
        lap("render Markdown")

        // With a cache, each generated file is reused while the inputs it is computed from are unchanged.
        func reuse(_ name: String, fromPageBodies: Bool, _ make: () -> [OutputFile]) -> [OutputFile] {
            cache?.generated(name, fromPageBodies: fromPageBodies, make: make) ?? make()
        }
        var files = checked.assets
        files += reuse("search-index", fromPageBodies: true) { SearchIndex.files(site: site, rendered: rendered) }
        if let sitemap = Sitemap.file(site: site) { files.append(sitemap) }
        lap("search index and assets")
        files += computedFiles(jobs, rendered: rendered, made: made, reuse: reuse)
        if !jobs.isEmpty { lap("computed files") }
        var seen = Set(site.pages.map(\.outputPath))
        for f in files where !seen.insert(f.path).inserted {
            diags.error("output.duplicate-path", SourceLocation(file: checked.contentDisplay), "two outputs write '\(f.path)'")
        }
        if diags.hasErrors { return StageResult(nil, diags.items) }
        for i in rendered.indices {  // only the HTML and headings are needed from here on
            rendered[i].sections = []
            rendered[i].ids = []
            rendered[i].statements = []
        }
        var slim = site
        for i in slim.pages.indices { slim.pages[i].body = "" }
        return StageResult(
            ComputedSite(
                site: slim, templates: checked.templates, rendered: rendered, files: files,
                feePeriod: site.siteExtensionData?.feePeriod(site: site) ?? ""),
            diags.items)
    }

    /// The extension's computed files, written only when a page ran a directive that loads them. `made`: files
    /// already computed (by name), used instead of computing them again.
    static func computedFiles(
        _ jobs: [ComputedFiles], rendered: [RenderedPage], made: [String: [OutputFile]] = [:],
        reuse: (String, Bool, () -> [OutputFile]) -> [OutputFile]
    ) -> [OutputFile] {
        let used = rendered.reduce(into: Set<String>()) { $0.formUnion($1.directivesUsed) }
        return jobs.filter { !used.isDisjoint(with: $0.wantedBy) }.flatMap { job in
            made[job.name] ?? reuse(job.name, false, job.make)
        }
    }
}

/// One item of the compute stage's parallel map: an extension's computed files or a rendered page.
enum ComputeWork: Sendable {
    case files([OutputFile])
    case page(RenderedPage)
}
