import SiteContent
import GuideCalc
import GuideCompute
import CodingRules

/// Shared pieces of the guide's directives: accessible table wrappers and source links.
package struct CitationCollector {
    private(set) var ids: [String] = []
    let context: DirectiveContext

    init(_ context: DirectiveContext) { self.context = context }

    /// A link to a source's entry on the sources page (plain text when there is no sources page), remembered
    /// as cited.
    mutating func link(_ id: String, long: Bool = false) -> String {
        if !ids.contains(id) { ids.append(id) }
        let label: String
        if let s = context.site.data.source(id) {
            label = long ? s.title : (s.dateIsAccessed ? s.publisher : "\(s.publisher), \(s.date.year)")
        } else {
            label = "source"
        }
        guard let url = context.url(forSource: id) else { return escapeHTML(label) }
        return "<a class=\"source-link\" href=\"\(escapeHTML(url))\">\(escapeHTML(label))</a>"
    }

    /// Links to several sources, then the certainty marker when every one of them is secondary.
    mutating func linksMarked(_ list: [String]) -> String {
        let html = links(list)
        let records = list.filter { !$0.isEmpty }.compactMap { context.site.data.source($0) }
        guard !records.isEmpty, records.allSatisfy(\.isSecondary) else { return html }
        return CertaintyCheck.marker(links: html)
    }

    /// Links to several sources, comma separated, duplicates removed.
    mutating func links(_ list: [String]) -> String {
        var seen: Set<String> = []
        var parts: [String] = []
        var labels: [String: Int] = [:]
        let unique = list.filter { !$0.isEmpty && seen.insert($0).inserted }
        for id in unique {
            if let s = context.site.data.source(id) { labels[s.publisher, default: 0] += 1 }
        }
        for id in unique {
            // Two sources of one publisher would read alike ("CMS, 2024; CMS, 2024"): name each by its title.
            let shared = context.site.data.source(id).map { labels[$0.publisher, default: 0] > 1 } ?? false
            parts.append(link(id, long: shared))
        }
        return parts.joined(separator: "; ")
    }
}

/// `<div class="table-scroll" …><table class="data"><caption>…</caption><thead>…</thead><tbody>…</tbody></table></div>`
/// `caption` is escaped; `headers` are escaped; `rows` are cells of already-escaped HTML (a first cell becomes
/// a row header).
package func dataTable(label: String, caption: String, headers: [String], rows: [[String]], rowHeaders: Bool = true) -> String {
    var html = "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(escapeHTML(label))\">"
    html += "<table class=\"data\">\n<caption>\(escapeHTML(caption))</caption>\n<thead><tr>"
    for h in headers { html += "<th scope=\"col\">\(escapeHTML(h))</th>" }
    html += "</tr></thead>\n<tbody>\n"
    for row in rows {
        html += "<tr>"
        for (i, cell) in row.enumerated() {
            if i == 0 && rowHeaders {
                html += "<th scope=\"row\">\(cell)</th>"
            } else {
                html += "<td>\(cell)</td>"
            }
        }
        html += "</tr>\n"
    }
    html += "</tbody>\n</table></div>\n"
    return html
}

/// A code as a link to its page when it has one.
package func codeLink(_ code: String, _ context: DirectiveContext) -> String {
    guard let url = context.url(forCode: code) else { return escapeHTML(code) }
    return "<a href=\"\(escapeHTML(url))\">\(escapeHTML(code))</a>"
}

/// The date of service a directive describes by default: the site's as-of date.
package func asOfDate(_ context: DirectiveContext) -> CalendarDate { context.site.config.asOf }
