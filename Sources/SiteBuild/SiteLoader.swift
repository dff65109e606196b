import SiteContent
import GuideCalc
import GuideCompute
import SiteRender
import SiteOutput
import Foundation

/// Stage 1 of a build: site settings, templates, pages and data, loaded and checked as a whole.
package enum SiteLoader {
    struct Loaded {
        var site: SiteModel
        var templates: TemplateSet
    }

    /// The checked model, or nil when any error was found (all of them are in `diags`).
    static func load(_ options: BuildOptions, diagnostics diags: inout Diagnostics) -> Loaded? {
        let content = options.contentDirectory
        let display = content
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: content, isDirectory: &isDir) {
            diags.error(SourceLocation(file: display), "the content folder does not exist")
            return nil
        }
        if !isDir.boolValue {
            diags.error(SourceLocation(file: display), "the content path is a file, not a folder", hint: "give the folder that holds site.yaml")
            return nil
        }
        let tree = SourceTree(root: content)
        // Without data/, site.yaml is optional: a plain reference site (see PlainSite).
        let hasData = PlainSite.hasData(content)
        let hasSettings = FileManager.default.fileExists(atPath: content + "/site.yaml")
        var config: SiteConfig?
        if hasData || hasSettings {
            let (loadedConfig, configDiags) = SiteConfig.load(contentDirectory: content)
            config = loadedConfig
            diags.append(contentsOf: configDiags)
        }
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
        } else if config == nil && !hasSettings {
            config = PlainSite.config(pages: pages, display: display)
        }
        guard let config, let templates, let data, let guide, !diags.hasErrors else { return nil }

        var site = SiteModel.make(config: config, pages: pages, data: data, checkCodes: hasData, diagnostics: &diags)
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
