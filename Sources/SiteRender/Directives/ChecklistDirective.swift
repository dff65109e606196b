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
        var items: [HTML] = [.newline]
        var i = 0
        for item in rules.policies.documentation {
            guard item.appliesTo.contains(kind), item.range?.contains(date) ?? true else { continue }
            var source = item.source
            if item.usesConsentRule, let consent = rules.policies.consent.entry(on: date) { source = consent.source }
            guard i < texts.count else { break }
            if items.count > 1 { items.append(.newline) }
            items.append(.el("li", [], "\(texts[i]) ", .el("span", [.class("cite")], "(\(cite.linksMarked([source])))")))
            i += 1
        }
        guard items.count > 1 else { throw DirectiveError("no checklist items for \(kind.rawValue) sessions on \(date)") }
        let html: HTML = [
            .el("p", [.class("checklist-title")], "Checklist for \(kind.rawValue) sessions, dates of service on \(date)"),
            .newline, .el("ul", [.class("checklist")], children: items + [.newline]), .newline,
        ]
        return DirectiveOutput(html, citedSources: cite.ids)
    }
}
