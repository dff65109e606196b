import SiteContent
import SiteRender

/// The checked site: the page model with every cross-file fact verified, and the templates it is laid out with.
package struct CheckedSite: Sendable {
    package var site: SiteModel
    package var templates: TemplateSet
    package var assets: [OutputFile]
    /// The content folder as the user named it (where site-wide problems are reported).
    package var contentDisplay: String
}

/// Stage 2: problems between files — duplicate outputs and codes (`SiteModel.make`), a missing home page,
/// layouts without a template, and each template checked once against a full sample of its view model.
package enum CheckStage {
    static let navigationTemplate = "partials/nav"

    package static func run(_ sources: SiteSources) -> StageResult<CheckedSite> {
        var diags = Diagnostics()
        let config = sources.config ?? PlainSite.config(pages: sources.pages, display: sources.contentDisplay)
        var site = SiteModel.make(
            config: config, pages: sources.pages, extensionData: sources.extensionData,
            knownCodes: sources.extensionData?.knownCodes, diagnostics: &diags)
        site.images = sources.images
        site.drafts = sources.drafts
        if let config = sources.config { sources.extensionData?.check(config: config, diagnostics: &diags) }
        if !sources.pages.contains(where: { $0.relativePath == "_index.md" || $0.relativePath == "index.md" }) {
            // (A home page marked as a draft is left out of build and check like every draft.)
            let draft = ["_index.md", "index.md"].first { sources.drafts.contains($0) }
            diags.error("site.no-home-page",
                SourceLocation(file: sources.contentDisplay + (draft.map { "/" + $0 } ?? "")),
                draft == nil ? "the site has no home page" : "the home page is a draft, which is not published",
                hint: draft == nil ? "add \(sources.contentDisplay)/_index.md" : "remove 'draft: true' from it")
        }
        let templates = sources.templates
        let layouts = templates.names.filter { !$0.contains("/") }.joined(separator: ", ")
        // A layout is a top-level template: a partial (`partials/nav`) lays out no page.
        for p in site.pages {
            let name = layoutName(p)
            guard !templates.has(name) || name.contains("/") else { continue }
            diags.error("template.missing-layout",
                p.meta.location(of: "layout"),
                templates.has(name) ? "layout '\(name)' is a partial, not a page layout" : "layout '\(name)' has no template",
                hint: layouts.isEmpty ? "the templates folder has no page templates (NAME.mustache)" : "templates: \(layouts)")
        }
        if diags.hasErrors { return StageResult(nil, diags.items) }
        for name in Set(site.pages.map(layoutName)).sorted() {
            diags.append(contentsOf: templates.check(name, model: PageView.self, layout: true))
        }
        if templates.has(navigationTemplate) {
            diags.append(contentsOf: templates.check(navigationTemplate, model: NavView.self))
        }
        return StageResult(
            CheckedSite(
                site: site, templates: templates, assets: sources.assets, contentDisplay: sources.contentDisplay),
            diags.items)
    }
}
