import SiteRender
import CodingRules

/// ```` ```checklist individual|group [YYYY-MM-DD] ````: the documentation checklist for a session kind on a
/// date of service (default: the site's as-of date), as `<ul class="checklist">`.
package struct ChecklistDirective: Directive {
    package let name = "checklist"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let rules = context.site.data.rules
        let expected = "expected 'individual' or 'group', optionally followed by a date (YYYY-MM-DD)"
        guard (1...2).contains(use.arguments.count) else {
            throw DirectiveError(.directiveArguments, expected, at: use.location(ofArgument: 2))
        }
        var date = asOfDate(context)
        try use.checkArguments { i, a in
            if i == 0 { return SessionKind(rawValue: a) == nil ? DirectiveError(.directiveArguments, expected + ", found '\(a)'") : nil }
            guard let d = CalendarDate(parsing: a) else {
                return DirectiveError("directive.checklist-bad-date", "expected a date YYYY-MM-DD, got '\(a)'")
            }
            // A day the guide does not cover has no checklist (its rows would name an empty span of dates).
            if let accepted = rules.acceptedRange, !accepted.contains(d) {
                return DirectiveError("directive.checklist-date-not-covered",
                    "\(d) is outside the dates of service this guide covers (\(Self.span(accepted)))")
            }
            date = d
            return nil
        }
        guard let kind = SessionKind(rawValue: use.arguments[0]) else { return DirectiveOutput(.empty) }
        var cite = CitationCollector(context)
        var items: [HTML] = [.newline]
        for item in rules.documentationChecklist(on: date, kind: kind) {
            if items.count > 1 { items.append(.newline) }
            items.append(.el("li", [], "\(item.text) ", .el("span", [.class("cite")], "(\(cite.linksMarked([item.source])))")))
        }
        guard items.count > 1 else { throw DirectiveError(.directiveNoChecklist, "no checklist items for \(kind.rawValue) sessions on \(date)") }
        let html: HTML = [
            // Labelled by the dates its wording applies to, never by one day (review-2026-12 N17).
            .el("p", [.class("checklist-title")], "Checklist for \(kind.rawValue) sessions, \(Self.span(rules.documentationChecklistRange(on: date, kind: kind)))"),
            .newline, .el("ul", [.class("checklist")], children: items + [.newline]), .newline,
        ]
        return DirectiveOutput(html, citedSources: cite.ids)
    }

    /// "dates of service from 2025-01-01 on", "dates of service 2024-01-01 to 2024-12-31".
    static func span(_ r: DateRange) -> String {
        r.through.map { "dates of service \(r.from) to \($0)" } ?? "dates of service from \(r.from) on"
    }
}
