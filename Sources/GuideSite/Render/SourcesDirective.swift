/// ```` ```sources ````: every entry of data/sources.yaml, each with the anchor `source-<id>` that `source:`
/// links point to.
struct SourcesDirective: Directive {
    let name = "sources"

    func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        guard use.arguments.isEmpty else { throw DirectiveError("takes no arguments") }
        var html = "<dl class=\"source-list\">\n"
        for s in context.site.data.sources {
            html += "<dt id=\"\(escapeHTML(sourceAnchor(s.id)))\">\(escapeHTML(s.title))</dt>\n"
            html += "<dd>\(escapeHTML(s.publisher)), \(escapeHTML(s.date.description)) · "
            html += "<span class=\"authority\">\(escapeHTML(s.authority))</span> · <code>\(escapeHTML(s.id))</code>"
            if !s.url.isEmpty {
                html += "<br><span class=\"source-url\">\(escapeHTML(s.url))</span>"
            }
            if let note = s.note, !note.isEmpty { html += "<br>\(escapeHTML(note))" }
            html += "</dd>\n"
        }
        html += "</dl>\n"
        return DirectiveOutput(html: html)
    }
}
