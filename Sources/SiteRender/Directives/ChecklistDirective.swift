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
        var items: [HTML] = [.newline]
        for item in rules.documentationChecklist(on: date, kind: kind) {
            if items.count > 1 { items.append(.newline) }
            items.append(.el("li", [], "\(item.text) ", .el("span", [.class("cite")], "(\(cite.linksMarked([item.source])))")))
        }
        guard items.count > 1 else { throw DirectiveError("no checklist items for \(kind.rawValue) sessions on \(date)") }
        let html: HTML = [
            .el("p", [.class("checklist-title")], "Checklist for \(kind.rawValue) sessions, dates of service on \(date)"),
            .newline, .el("ul", [.class("checklist")], children: items + [.newline]), .newline,
        ]
        return DirectiveOutput(html, citedSources: cite.ids)
    }
}
