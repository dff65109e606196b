import SiteRender
import CodingRules

/// ```` ```note-form individual|group ````: a one-page worksheet to print and fill in during a session: blanks for
/// the patient (or, for a group, each patient represented), the caregivers and their relationship, the date, the
/// start and stop times, then a tick box for every item of the documentation checklist on the site's as-of date
/// (`RulesData.documentationChecklist`, the same list as ```` ```checklist ````), each with a line to write on.
package struct NoteFormDirective: Directive {
    package let name = "note-form"
    /// Rows for the patients of a group worksheet.
    static let groupRows = 4

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        guard use.arguments.count == 1, let kind = SessionKind(rawValue: use.arguments[0]) else {
            throw DirectiveError(.directiveArguments, "expected 'individual' or 'group'", at: use.location(ofArgument: use.arguments.count > 1 ? 1 : 0))
        }
        let date = asOfDate(context)
        let items = context.site.data.rules.documentationChecklist(on: date, kind: kind)
        guard !items.isEmpty else { throw DirectiveError(.directiveNoChecklist, "no checklist items for \(kind.rawValue) sessions on \(date)") }
        func blank(_ label: String) -> HTML {
            [.el("span", [.class("form-field")], .el("span", [.class("form-label")], .text(label)), .el("span", [.class("blank")], "")), .newline]
        }
        var body: [HTML] = [
            .newline,
            .el("p", [.class("form-title")],
                .el("strong", [], .text(kind == .group ? "Group session worksheet (97552)" : "Session worksheet (97550, 97551)")),
                " · checklist for dates of service on \(date)"),
            .newline,
        ]
        var fields: [HTML] = [.newline, blank("Date of service"), blank("Start time"), blank("Stop time"), blank("Total minutes")]
        if kind == .individual {
            fields = [.newline, blank("Patient")] + fields.dropFirst() + [blank("Caregivers trained, and relationship to the patient")]
        }
        body += [.el("div", [.class("form-fields")], children: fields), .newline]
        if kind == .group {
            let head = HTML.el("tr", children: ["Patient represented", "Caregivers trained", "Relationship"].map {
                .el("th", [.attr("scope", "col")], .text($0))
            })
            let row = HTML.el("tr", children: (0..<3).map { _ in .el("td", [], "") })
            body += [
                .el("table", [.class("form-table")], .el("caption", [], "One line per patient represented"),
                    .el("thead", [], head), .el("tbody", children: Array(repeating: row, count: Self.groupRows))),
                .newline,
            ]
        }
        var list: [HTML] = [.newline]
        for item in items {
            list += [.el("li", [], .el("span", [.class("box"), .attr("aria-hidden", "true")], "☐"), " ", .text(item.text), .el("span", [.class("blank line")], "")), .newline]
        }
        body += [.el("ul", [.class("form-checklist")], children: list), .newline]
        body += [blank("Signature, credentials and date"), .newline]
        let box = HTML.el("section", [.class("note-form"), .attr("aria-label", kind == .group ? "Group session worksheet" : "Session worksheet")], children: body)
        return DirectiveOutput([blocksStylesheet(context), box, .newline])
    }
}

/// The stylesheet of the blocks only some pages have (`assets/blocks.css`: the at-a-glance box, the worksheets),
/// linked where a directive writes one (a stylesheet link is allowed in the body; a page linking it twice loads it once).
func blocksStylesheet(_ context: DirectiveContext) -> HTML {
    [.void("link", [.attr("rel", "stylesheet"), .attr("href", context.url(to: "assets/blocks.css"))]), .newline]
}
