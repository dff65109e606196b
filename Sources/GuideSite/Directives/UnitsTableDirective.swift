import SiteRender

/// ```` ```units-table [profile] ````: minutes ranges of an individual session and the claim lines they give
/// (initial code × 1, add-on × n) under a unit profile (default: the data's default), up to about two hours.
package struct UnitsTableDirective: Directive {
    package let name = "units-table"
    /// How far the table goes, in minutes of session (a presentation choice, not a billing rule).
    static let tableMinutes = 120

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let rules = context.site.data.rules
        guard use.arguments.count <= 1 else {
            throw DirectiveError(.directiveArguments, "takes at most one argument: a profile id", at: use.location(ofArgument: 1))
        }
        let profileID = use.arguments.first ?? rules.defaultProfileID
        guard let profile = rules.profile(profileID) else {
            throw DirectiveError("directive.unknown-profile",
                "unknown unit profile '\(profileID)'",
                hint: "accepted: \(rules.profiles.map(\.id).joined(separator: ", "))", at: use.location(ofArgument: 0))
        }
        guard let family = rules.family(rules.defaultFamilyID) else { throw DirectiveError(.directiveMissingData, "no code family in the data") }
        var cite = CitationCollector(context)
        let limit = UnitsTableDirective.tableMinutes
        // Look one add-on span past the limit so the last shown band has a closing minute.
        let bands = profile.bands(upTo: limit + profile.initialSpan + 2 * profile.addOnSpan)
            .filter { $0.fromMinutes <= limit && $0.throughMinutes != nil }
        var rows: [[HTML]] = []
        for b in bands {
            let range = "\(b.fromMinutes)–\(b.throughMinutes!)"
            let claim = claimText(family, initialUnits: b.initialUnits, addOnUnits: b.addOnUnits)
            rows.append([.text(range), "\(b.initialUnits)", "\(b.addOnUnits)", .text(claim)])
        }
        let caption = "Units for one individual session by total minutes (\(profile.name))"
        let table = dataTable(
            label: "Units by session length, \(profile.name)", caption: caption,
            headers: ["Total minutes", "\(family.initialCode) units", "\(family.addOnCode) units", "Claim lines"],
            rows: rows)
        let next = profile.addOnSpan
        let note = HTML.el(
            "p", [.class("table-note")],
            "\(profile.summary) Beyond the table, each further \(next) minutes add one more \(codeLink(family.addOnCode, context)) unit. Source: \(cite.linksMarked([profile.source])).")
        return DirectiveOutput([table, note, .newline], citedSources: cite.ids)
    }
}
