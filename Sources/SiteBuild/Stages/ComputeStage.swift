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
    /// Every page's render whole (`keepingRenders`), for the build cache's record (`BuildRecord`).
    package var renders: [RenderedPage] = []
}

/// Stage 3: page bodies and generated files. Checks what needs every page rendered: anchors name an id on
/// their target page, the site extension's checks (`ReferenceCheck`), no two outputs share a path.
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
        // The extension's computed files (they need no page) are made in the same ordered parallel map as the
        // pages, first; those no page asks for are dropped below.
        let early = site.siteExtensionData?.computedFiles(site: site) ?? []
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
        // Computed files are written only when a page ran a directive that loads them.
        let used = rendered.reduce(into: Set<String>()) { $0.formUnion($1.directivesUsed) }
        for job in early where !used.isDisjoint(with: job.wantedBy) { files += made[job.name] ?? [] }
        if !early.isEmpty { lap("computed files") }
        // Each output file has one writer, whatever the case of its name (on macOS or Windows one would replace the
        // other): a second is an error at the input file (or page) involved, naming the other.
        var writers = Dictionary(site.pages.map { ($0.outputPath.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
            .mapValues { p in (p.outputPath, p.meta.path == nil ? p.meta.location : p.meta.location(of: "path")) }
        let generated = SourceLocation(file: checked.contentDisplay)
        for f in files {
            let at = f.source.map { SourceLocation(file: $0) } ?? generated
            guard let (path, other) = writers.updateValue((f.path, at), forKey: f.path.lowercased()) else { continue }
            // (Reported at an input file: a file the build makes is named as such.)
            let (here, mine, there, theirs) = at == generated ? (other, path, at, f.path) : (at, f.path, other, path)
            let writer = there == generated ? "the build makes" : there.file + " writes"
            diags.error("output.duplicate-path", here,
                mine == theirs ? "this file writes the output file '\(mine)', which \(writer) too"
                    : "this file writes the output file '\(mine)', and \(writer) '\(theirs)': the names differ only in case",
                hint: "rename or move one of them"
                    + (mine == theirs ? "" : "; where the site is copied to macOS or Windows one replaces the other"))
        }
        // (Compared whatever the case: on macOS or Windows a folder `X.html` and a file `x.html` are the same name.)
        let seen = Set((site.pages.map(\.outputPath) + files.map(\.path)).map { $0.lowercased() })
        // A page whose output folder is a file of the site (a page `assets/style.css.md` beside the stylesheet);
        // reported at its `path` line when that key makes the folder.
        for p in site.pages {
            var folder = Substring(p.outputPath)
            while let slash = folder.lastIndex(of: "/"), case let parent = folder[..<slash] {
                folder = parent
                guard seen.contains(parent.lowercased()) else { continue }
                diags.error("output.folder-is-file", p.meta.path == nil ? p.meta.location : p.meta.location(of: "path"),
                            "this page's output folder '\(parent)' is a file the site writes")
                break
            }
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
                feePeriod: site.siteExtensionData?.feePeriod(site: site) ?? "", renders: renders),
            diags.items)
    }
}

/// One item of the compute stage's parallel map: an extension's computed files or a rendered page.
enum ComputeWork: Sendable {
    case files([OutputFile])
    case page(RenderedPage)
}
