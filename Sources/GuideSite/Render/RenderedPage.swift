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

    static func render(_ page: PageSource, site: SiteModel, directives: DirectiveRegistry) -> RenderedPage {
        var rewriter = PageRewriter(site: site, page: page, directives: directives)
        let md = Markdown.render(page.body, lineOffset: page.bodyLineOffset, rewriter: &rewriter)
        return RenderedPage(
            html: md.html, headings: md.headings, sections: md.sections, ids: idsIn(md.html),
            anchorReferences: rewriter.anchorReferences, citedSources: rewriter.citedSources,
            diagnostics: rewriter.diagnostics.items)
    }
}

/// The values of `id="…"` attributes in HTML this generator wrote (cmark escapes quotes in user text, so
/// a literal `id="` can only come from a real attribute).
func idsIn(_ html: String) -> Set<String> {
    var out: Set<String> = []
    var html = html
    html.withUTF8 { b in
        let pattern: [UInt8] = Array(" id=\"".utf8)
        var i = 0
        while i + pattern.count <= b.count {
            guard b[i] == pattern[0], b[i + 1] == pattern[1], b[i + 2] == pattern[2], b[i + 3] == pattern[3],
                b[i + 4] == pattern[4]
            else {
                i += 1
                continue
            }
            let start = i + pattern.count
            var end = start
            while end < b.count, b[end] != UInt8(ascii: "\"") { end += 1 }
            guard end < b.count else { break }
            out.insert(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))
            i = end
        }
    }
    return out
}
