import Foundation

/// Stage 1 of a build: site settings, templates, pages and data, loaded and checked as a whole.
enum SiteLoader {
    struct Loaded {
        var site: SiteModel
        var templates: TemplateSet
    }

    /// The checked model, or nil when any error was found (all of them are in `diags`).
    static func load(_ options: BuildOptions, diagnostics diags: inout Diagnostics) -> Loaded? {
        let content = options.contentDirectory
        let display = content
        if !FileManager.default.fileExists(atPath: content) {
            diags.error(SourceLocation(file: display), "the content folder does not exist")
            return nil
        }
        // Without data/, site.yaml is optional: a plain reference site (see PlainSite).
        let hasData = PlainSite.hasData(content)
        let siteFile = content + "/site.yaml"
        var config: SiteConfig?
        if hasData || FileManager.default.fileExists(atPath: siteFile) {
            if let text = ContentLoader.readText(siteFile, display: display + "/site.yaml", diagnostics: &diags) {
                let ctx = YAMLContext(file: display + "/site.yaml")
                config = SiteConfig.read(text, context: ctx)
                diags.append(contentsOf: ctx.diagnostics.items)
            }
        }
        let (templates, templateDiags) = TemplateSet.load(
            directory: options.templatesDirectory, display: options.templatesDirectory)
        diags.append(contentsOf: templateDiags)

        let files = ContentLoader.markdownFiles(in: content)
        let loaded = parallelMap(files) { rel -> (PageSource?, Diagnostics) in
            var d = Diagnostics()
            let shown = display + "/" + rel
            guard let text = ContentLoader.readText(content + "/" + rel, display: shown, diagnostics: &d) else {
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
        var data: SiteData? = PlainSite.data
        var guide: GuideData? = GuideData()
        if hasData {
            let (d, dataDiags) = SiteDataLoader.load(contentDirectory: content)
            data = d
            diags.append(contentsOf: dataDiags)
            if let d {
                let (g, guideDiags) = GuideDataLoader.load(contentDirectory: content, siteData: d)
                guide = g
                diags.append(contentsOf: guideDiags)
            }
        } else if config == nil && !FileManager.default.fileExists(atPath: siteFile) {
            config = PlainSite.config(pages: pages, display: display)
        }
        guard let config, let templates, let data, let guide, !diags.hasErrors else { return nil }

        var site = SiteModel.make(config: config, pages: pages, data: data, diagnostics: &diags)
        site.sourceList = data.sources.map(\.id)
        site.guide = guide
        site.hasGuideData = hasData
        if !pages.contains(where: { $0.relativePath == "_index.md" || $0.relativePath == "index.md" }) {
            diags.error(SourceLocation(file: display), "the site has no home page", hint: "add \(display)/_index.md")
        }
        for p in site.pages where !templates.has(layoutName(p)) {
            diags.error(
                p.meta.location, "layout '\(layoutName(p))' has no template",
                hint: "templates: \(templates.names.filter { !$0.contains("/") }.joined(separator: ", "))")
        }
        return diags.hasErrors ? nil : Loaded(site: site, templates: templates)
    }
}
