import SiteContent

/// One page after its Markdown was rendered, before the layout template.
package struct RenderedPage: Sendable {
    package var html: String
    package var headings: [(heading: MarkdownHeading, id: String)]
    package var sections: [MarkdownSection]
    /// Every id in the page body (its headings' and those its directives wrote), for anchor checks.
    package var ids: Set<String>
    /// Its paragraphs, list items and table rows that cite a source, with the sources each cites, for the
    /// certainty check (the others cannot fail it, so they are not kept).
    package var statements: [Statement]
    package var anchorReferences: [AnchorReference]
    package var citedSources: [String]
    package var diagnostics: [Diagnostic]
    /// The directives it ran (the build cache's quick route takes a page only while they stay the same).
    package var directivesUsed: Set<String> = []

    package static func render(_ page: PageSource, site: SiteModel, directives: DirectiveRegistry) -> RenderedPage {
        var rewriter = PageRewriter(site: site, page: page, directives: directives)
        let md = Markdown.render(page.body, lineOffset: page.bodyLineOffset, rewriter: &rewriter)
        if let no = md.refusal {
            rewriter.diagnostics.error(.markdownRefused, rewriter.location(no.line, no.column), no.message)
        } else if page.meta.toc == true, !md.headings.contains(where: { $0.heading.level == 2 || $0.heading.level == 3 }) {
            // The layout lists the second- and third-level headings: with none, the asked-for contents would be left out.
            rewriter.diagnostics.error("page.toc-without-headings", page.meta.location(of: "toc"),
                "'toc: true' asks for a list of contents, but the page has no second- or third-level heading to list",
                hint: "add '## ' headings, or remove 'toc: true'")
        }
        return RenderedPage(
            html: md.html, headings: md.headings, sections: md.sections,
            ids: Set(md.headings.map(\.id)).union(rewriter.directiveIDs),
            statements: md.statements,
            anchorReferences: rewriter.anchorReferences, citedSources: rewriter.citedSources,
            diagnostics: rewriter.diagnostics.items, directivesUsed: rewriter.directivesUsed)
    }

    package init(
        html: String, headings: [(heading: MarkdownHeading, id: String)], sections: [MarkdownSection], ids: Set<String>,
        statements: [Statement] = [], anchorReferences: [AnchorReference], citedSources: [String], diagnostics: [Diagnostic],
        directivesUsed: Set<String> = []
    ) {
        self.html = html
        self.headings = headings
        self.sections = sections
        self.ids = ids
        self.statements = statements
        self.anchorReferences = anchorReferences
        self.citedSources = citedSources
        self.diagnostics = diagnostics
        self.directivesUsed = directivesUsed
    }
}

/// A paragraph, list item or table row of a page, with the sources it cites (links to their entries on the
/// sources page, and `fact:ID` for each graded fact it cites) and its visible text, white space collapsed. An
/// enclosing statement (a list item holding paragraphs) includes what its inner ones say and cite.
public struct Statement: Sendable, Hashable {
    public var sources: [String]
    public var text: String

    public init(sources: [String], text: String) {
        self.sources = sources
        self.text = text
    }
}
