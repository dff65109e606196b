import SiteRender
import CodingRules

/// ```` ```rule-comparison ````: the AMA mid-point rule as applied per service to the caregiver-training codes,
/// beside each other unit profile and the CMS 8-minute total-time rule, for sample session lengths just under
/// and at each threshold (all taken from the data).
package struct RuleComparisonDirective: Directive {
    package let name = "rule-comparison"
    /// How many add-on thresholds the samples cover.
    static let addOnSamples = 3

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let rules = context.site.data.rules
        guard use.arguments.isEmpty else { throw DirectiveError(.directiveArguments, "takes no arguments", at: use.location(ofArgument: 0)) }
        guard let main = rules.defaultProfile, let family = rules.family(rules.defaultFamilyID) else {
            throw DirectiveError(.directiveMissingData, "no default unit profile or code family in the data")
        }
        let others = rules.profiles.filter { $0.id != main.id }
        let cms = rules.totalTimeRule
        var cite = CitationCollector(context)
        let t = main.thresholds(addOnUnits: RuleComparisonDirective.addOnSamples)
        var samples: [Int] = []
        for m in [t.initial] + t.addOn { samples += [m - 1, m] }
        func claim(_ p: UnitProfile, _ minutes: Int) -> String {
            let l = p.lines(minutes: minutes)
            return claimText(family, initialUnits: l.initialUnits, addOnUnits: l.addOnUnits)
        }
        var rows: [[HTML]] = []
        for m in samples {
            var row: [HTML] = [.text("\(m)"), .text(claim(main, m))]
            for p in others { row.append(.text(claim(p, m))) }
            let units = cms.totalUnits(minutes: m)
            row.append(.text("\(units) unit\(units == 1 ? "" : "s") of \(cms.unitMinutes) minutes"))
            rows.append(row)
        }
        let headers = ["Session minutes", "\(main.name) (CPT rule)"] + others.map(\.name) + ["\(cms.name), if it were applied"]
        let table = dataTable(
            label: "Units under each rule", caption: "One individual session counted under each rule", headers: headers,
            rows: rows)
        var notes: [HTML] = [.newline]
        func note(_ name: String, _ summary: String, _ source: String) {
            notes += [.el("li", [], "\(name): \(summary) (\(cite.linksMarked([source])))"), .newline]
        }
        note(main.name, main.summary, main.source)
        for p in others { note(p.name, p.summary, p.source) }
        note(cms.name, cms.summary, cms.source)
        return DirectiveOutput([table, .el("ul", [.class("table-notes")], children: notes), .newline], citedSources: cite.ids)
    }
}
