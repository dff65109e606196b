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
        // The same selection as RulesData.documentationChecklist(on:kind:), kept with each item's source.
        let texts = rules.documentationChecklist(on: date, kind: kind)
        var items: [String] = []
        var i = 0
        for item in rules.policies.documentation {
            guard item.appliesTo.contains(kind), item.range?.contains(date) ?? true else { continue }
            var source = item.source
            if item.usesConsentRule, let consent = rules.policies.consent.entry(on: date) { source = consent.source }
            guard i < texts.count else { break }
            items.append("<li>\(escapeHTML(texts[i])) <span class=\"cite\">(\(cite.linksMarked([source])))</span></li>")
            i += 1
        }
        guard !items.isEmpty else { throw DirectiveError("no checklist items for \(kind.rawValue) sessions on \(date)") }
        var html = "<p class=\"checklist-title\">Checklist for \(escapeHTML(kind.rawValue)) sessions, "
        html += "dates of service on \(escapeHTML(date.description))</p>\n<ul class=\"checklist\">\n"
        html += items.joined(separator: "\n") + "\n</ul>\n"
        return DirectiveOutput(html: html, citedSources: cite.ids)
    }
}
