/// One page after its Markdown was rendered, before the layout template.
struct RenderedPage: Sendable {
    var html: String
    var headings: [(heading: MarkdownHeading, id: String)]
    var sections: [MarkdownSection]
    /// Every `id="…"` in the page body (headings and generated blocks), for anchor checks.
    var ids: Set<String>
    var anchorReferences: [AnchorReference]
    var citedSources: [String]
    var diagnostics: [Diagnostic]
    /// Link targets the page resolved and whether it ran a directive (for the incremental build's checks).
    var dependencies: [LinkDependency] = []
    var directivesUsed: Set<String> = []

    static func render(_ page: PageSource, site: SiteModel, directives: DirectiveRegistry) -> RenderedPage {
        var rewriter = PageRewriter(site: site, page: page, directives: directives)
        let md = Markdown.render(page.body, lineOffset: page.bodyLineOffset, rewriter: &rewriter)
        return RenderedPage(
            html: md.html, headings: md.headings, sections: md.sections, ids: idsIn(md.html),
            anchorReferences: rewriter.anchorReferences, citedSources: rewriter.citedSources,
            diagnostics: rewriter.diagnostics.items, dependencies: rewriter.dependencies,
            directivesUsed: rewriter.directivesUsed)
    }
}

/// The values of `id="…"` attributes in HTML this generator wrote (cmark escapes quotes in user text, so
/// a literal `id="` can only come from a real attribute).
func idsIn(_ html: String) -> Set<String> {
    var out: Set<String> = []
    var rest = html[...]
    while let r = rest.range(of: " id=\"") {
        let after = rest[r.upperBound...]
        guard let end = after.firstIndex(of: "\"") else { break }
        out.insert(String(after[..<end]))
        rest = after[end...]
    }
    return out
}
