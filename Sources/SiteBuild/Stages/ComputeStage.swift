import SiteContent
import CodingRules
import GuideCompute
import SiteRender
import Dispatch

/// The computed site: every page body rendered (Markdown through cmark, directives computed from the rules),
/// and every generated file (assets, search index, calculator data, ZIP scripts, fee downloads).
package struct ComputedSite: Sendable {
    /// The site with page bodies dropped (only the front matter is needed from here on).
    package var site: SiteModel
    package var templates: TemplateSet
    package var rendered: [RenderedPage]
    package var files: [OutputFile]
    /// The fee period in force on the site's as-of date (shown by layouts).
    package var feePeriod: String
    /// Every page's render whole (`keepingRenders`), for the build cache's record (`BuildRecord`).
    package var renders: [RenderedPage] = []
}

/// Stage 3: page bodies and generated files. Checks what needs every page rendered: anchors name an id on
/// their target page, statements citing only secondary sources say so, every source is cited, no two outputs
/// share a path.
package enum ComputeStage {
    package static func run(
        _ checked: CheckedSite, directives: DirectiveRegistry, keepingRenders: Bool = false, timings: inout BuildTimings
    ) -> StageResult<ComputedSite> {
        var diags = Diagnostics()
        var clock = DispatchTime.now()
        func lap(_ name: String) {
            timings.add(name, since: clock)
            clock = DispatchTime.now()
        }
        let site = checked.site
        // The guide's data files (they need no page) are made in the same ordered parallel map as the pages,
        // first; those no page asks for are dropped below.
        let early = dataJobs(site)
        let work = parallelMap(Array(0..<(early.count + site.pages.count))) { i -> ComputeWork in
            if i < early.count { return .files(early[i].make()) }
            return .page(RenderedPage.render(site.pages[i - early.count], site: site, directives: directives))
        }
        var made: [String: [OutputFile]] = [:]
        var rendered: [RenderedPage] = []
        rendered.reserveCapacity(site.pages.count)
        for (i, w) in work.enumerated() {
            switch w {
            case .files(let f): made[early[i].name] = f
            case .page(let p): rendered.append(p)
            }
        }
        ReferenceCheck.run(site: site, rendered: rendered, diagnostics: &diags)
        if diags.hasErrors { return StageResult(nil, diags.items) }
        lap("render Markdown")

        var files = checked.assets
        files += SearchIndex.files(site: site, rendered: rendered)
        if let sitemap = Sitemap.file(site: site) { files.append(sitemap) }
        lap("search index and assets")
        // Generated data files are written only when a page ran the directive that loads them.
        let used = rendered.reduce(into: Set<String>()) { $0.formUnion($1.directivesUsed) }
        for job in early where !used.isDisjoint(with: job.wantedBy) { files += made[job.name] ?? [] }
        if site.hasGuideData { lap("calculator data") }
        var seen = Set(site.pages.map(\.outputPath))
        for f in files where !seen.insert(f.path).inserted {
            diags.error("output.duplicate-path", SourceLocation(file: checked.contentDisplay), "two outputs write '\(f.path)'")
        }
        if diags.hasErrors { return StageResult(nil, diags.items) }
        let renders = keepingRenders ? rendered : []
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
                feePeriod: site.data.feePeriodLabel(on: site.config.asOf), renders: renders),
            diags.items)
    }

    /// The generated data files of a site with guide data, in output order, each with the directives that load
    /// it.
    static func dataJobs(_ site: SiteModel) -> [DataJob] {
        site.hasGuideData ? dataJobs(data: site.data, asOf: site.config.asOf) : []
    }

    /// `dataJobs` from the data and the as-of date alone (all they read).
    static func dataJobs(data: SiteData, asOf: CalendarDate) -> [DataJob] {
        var jobs: [DataJob] = [
            ("calculator-data", [CalculatorDirective.directiveName], { CalculatorData.files(rules: data.rules, asOf: asOf) })
        ]
        if data.zipCodes != nil {
            jobs.append(
                ("zip-scripts", [CalculatorDirective.directiveName, ZIPLookupDirective.directiveName], { ZIPScripts.files(data: data) }))
        }
        jobs.append(("fee-downloads", [FeeDownloadsDirective.directiveName], { FeeDownloads.files(data) }))
        return jobs
    }
}

typealias DataJob = (name: String, wantedBy: Set<String>, make: @Sendable () -> [OutputFile])

/// One item of the compute stage's parallel map: a data job's files or a rendered page.
enum ComputeWork: Sendable {
    case files([OutputFile])
    case page(RenderedPage)
}
