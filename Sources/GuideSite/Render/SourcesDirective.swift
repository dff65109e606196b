/// ```` ```sources ````: every entry of data/sources.yaml, each with the anchor `source-<id>` that `source:`
/// links point to, its publisher, date (or the day it was read), what kind of authority it is, and a link.
struct SourcesDirective: Directive {
    let name = "sources"

    /// How each authority is named for readers.
    static let authorityNames: [String: String] = [
        "primary": "official text (CMS, the AMA or the law)",
        "contractor": "Medicare contractor",
        "association": "professional association",
        "secondary": "secondary source: reported, not confirmed by CMS",
    ]

    func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        guard use.arguments.isEmpty else { throw DirectiveError("takes no arguments") }
        var html = "<dl class=\"source-list\">\n"
        for s in context.site.data.sources {
            let date = s.dateIsAccessed ? "accessed \(s.date)" : s.date.description
            let kind = SourcesDirective.authorityNames[s.authority] ?? s.authority
            html += "<dt id=\"\(escapeHTML(sourceAnchor(s.id)))\">\(escapeHTML(s.title))</dt>\n"
            html += "<dd>\(escapeHTML(s.publisher)), \(escapeHTML(date)) · "
            html += "<span class=\"authority authority-\(escapeHTML(s.authority))\">\(escapeHTML(kind))</span>"
            if !s.url.isEmpty {
                html += "<br><a class=\"source-url\" href=\"\(escapeHTML(s.url))\" rel=\"noopener\">\(escapeHTML(s.url))</a>"
            }
            if let note = s.note, !note.isEmpty { html += "<br>\(escapeHTML(note))" }
            html += "</dd>\n"
        }
        html += "</dl>\n"
        return DirectiveOutput(html: html)
    }
}
