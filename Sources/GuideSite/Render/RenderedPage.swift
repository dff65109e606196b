/// One page after its Markdown was rendered, before the layout template.
struct RenderedPage: Sendable {
    var html: String
    var headings: [(heading: MarkdownHeading, id: String)]
    var sections: [MarkdownSection]
    /// Every id in the page body (its headings' and those its directives wrote), for anchor checks.
    var ids: Set<String>
    /// Its paragraphs, list items and table rows with the sources each cites, for the certainty check.
    var statements: [Statement] = []
    var anchorReferences: [AnchorReference]
    var citedSources: [String]
    var diagnostics: [Diagnostic]
    /// Link targets the page resolved and whether it ran a directive (for the incremental build's checks).
    var dependencies: [LinkDependency] = []
    var directivesUsed: Set<String> = []

    static func render(_ page: PageSource, site: SiteModel, directives: DirectiveRegistry) -> RenderedPage {
        var rewriter = PageRewriter(site: site, page: page, directives: directives)
        let md = Markdown.render(page.body, lineOffset: page.bodyLineOffset, rewriter: &rewriter)
        if let no = md.refusal {
            rewriter.diagnostics.error(rewriter.location(no.line, no.column), no.message)
        }
        return RenderedPage(
            html: md.html, headings: md.headings, sections: md.sections,
            ids: Set(md.headings.map(\.id)).union(rewriter.directiveIDs), statements: md.statements,
            anchorReferences: rewriter.anchorReferences, citedSources: rewriter.citedSources,
            diagnostics: rewriter.diagnostics.items, dependencies: rewriter.dependencies,
            directivesUsed: rewriter.directivesUsed)
    }
}
