import SiteRender

/// ```` ```code-units CODE ````: the minutes and units of one code, stated on its own page from the unit rule in
/// the data (never typed): when the first unit is reached, the add-on thresholds, or that the code is untimed.
package struct CodeUnitsDirective: Directive {
    package let name = "code-units"
    /// How many add-on thresholds are spelled out before "and so on".
    static let addOnShown = 4
    /// The graded fact (data/facts.yaml) behind "one unit on each represented patient's claim", whose marker it carries.
    static let groupFact = "group-per-patient"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let rules = context.site.data.rules
        guard use.arguments.count == 1, let record = rules.code(use.arguments[0]) else {
            throw DirectiveError(.directiveUnknownCode, "needs one known code", hint: acceptedCodes(rules),
                at: use.location(ofArgument: use.arguments.count > 1 ? 1 : 0))
        }
        guard let profile = rules.defaultProfile, let family = rules.family(record.family) else {
            throw DirectiveError(.directiveMissingData, "no default unit rule or code family in the data")
        }
        var cite = CitationCollector(context)
        let code = record.code
        var items: [HTML] = []
        switch record.role {
        case .initial:
            items.append(
                "One unit of \(code) once the individual session reaches \(profile.initialMinimum) minutes in total (more than half of its \(profile.initialSpan)-minute block).")
            items.append("Under \(profile.initialMinimum) minutes nothing can be billed for the session.")
            items.append(
                "At most one unit per session; time beyond the first block is billed with the add-on \(codeLink(family.addOnCode, context)).")
        case .addOn:
            let shown = (1...Self.addOnShown).map { profile.addOnThreshold(unit: $0) }
            let list = shown.dropLast().map(String.init).joined(separator: ", ") + " and \(shown.last!)"
            items.append(
                "The first unit of \(code) needs \(shown[0]) minutes in total: the \(profile.initialSpan) minutes of \(codeLink(family.initialCode, context)) plus more than half of the next \(profile.addOnSpan).")
            items.append(
                "Units 1 to \(Self.addOnShown) are reached at \(list) minutes; after that, one more unit for each further \(profile.addOnSpan) minutes.")
            items.append("Never billed without \(codeLink(family.initialCode, context)) for the same session.")
        case .group:
            items.append(
                "\(code) is untimed: one unit per session on the claim of each patient represented, whatever the length of the session (\(cite.fact(Self.groupFact))).")
        }
        var html: [HTML] = [
            .el("ul", [.class("code-units")], children: [.newline] + items.flatMap { [.el("li", [], $0), .newline] }), .newline,
        ]
        if record.role != .group {
            html += [
                .el("p", [.class("table-note")],
                    "The minutes follow the CPT mid-point rule (\(cite.linksMarked([profile.source]))). ",
                    "Whether Medicare's total-timed-minutes rule governs these codes has not been settled."),
                .newline,
            ]
        }
        return DirectiveOutput(.group(html), citedSources: cite.ids)
    }
}
