import SiteContent
import GuideCalc
import GuideCompute
import CodingRules

/// ```` ```checklist individual|group [YYYY-MM-DD] ````: the documentation checklist for a session kind on a
/// date of service (default: the site's as-of date), as `<ul class="checklist">`.
package struct ChecklistDirective: Directive {
    package let name = "checklist"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let rules = context.site.data.rules
        guard (1...2).contains(use.arguments.count), let kind = SessionKind(rawValue: use.arguments[0]) else {
            throw DirectiveError("expected 'individual' or 'group', optionally followed by a date (YYYY-MM-DD)")
        }
        var date = asOfDate(context)
        if use.arguments.count == 2 {
            guard let d = CalendarDate(parsing: use.arguments[1]) else {
                throw DirectiveError("expected a date YYYY-MM-DD, got '\(use.arguments[1])'")
            }
            date = d
        }
        var cite = CitationCollector(context)
        var items: [String] = []
        for item in rules.documentationChecklist(on: date, kind: kind) {
            items.append("<li>\(escapeHTML(item.text)) <span class=\"cite\">(\(cite.linksMarked([item.source])))</span></li>")
        }
        guard !items.isEmpty else { throw DirectiveError("no checklist items for \(kind.rawValue) sessions on \(date)") }
        var html = "<p class=\"checklist-title\">Checklist for \(escapeHTML(kind.rawValue)) sessions, "
        html += "dates of service on \(escapeHTML(date.description))</p>\n<ul class=\"checklist\">\n"
        html += items.joined(separator: "\n") + "\n</ul>\n"
        return DirectiveOutput(html: html, citedSources: cite.ids)
    }
}
