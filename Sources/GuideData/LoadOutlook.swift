import SiteContent
import CodingRules
import Foundation

extension LoadSession {
    /// outlook.yaml (optional): what is known about dates of service after the last fee period. `next:` has
    /// `label`, `from` (the day after the last period), optional `through`, `status`, optional `proposed_on`
    /// and `proposed_conversion_factors` (list of `{id, label, value, source}`), and `source`; `checked` is the
    /// date a maintainer last looked for the final rule.
    mutating func loadOutlook(periods: [LoadedPeriod]) -> PendingFeeSchedule? {
        guard let (ctx, opened) = openOptionalYAML("outlook.yaml") else { return nil }
        defer { finish(ctx) }
        guard let root = opened else { return nil }
        defer { root.finish("the outlook") }
        let checked = root.date("checked")
        guard let next = root.mapping("next", required: true) else { return nil }
        defer { next.finish("the next fee schedule") }
        let label = next.text("label")
        let range = next.dateRange()
        let status = next.text("status")
        let proposedOn = next.date("proposed_on", required: false)
        let src = source(next)
        var cfs: [ConversionFactorOption] = []
        next.forEachEntry("proposed_conversion_factors", required: false, "a proposed conversion factor", finish: "a proposed conversion factor") { m, item in
            let id = m.id("proposed conversion factor id"), cfLabel = m.text("label")
            let value = m.decimal("value", positive: true, limits: .conversionFactor), cfSource = source(m)
            guard let id, let cfLabel, let value, let cfSource else { return }
            if cfs.contains(where: { $0.id == id }) {
                m.node("id")?.error("outlook.duplicate-conversion-factor", "duplicate proposed conversion factor id '\(id)'")
            }
            cfs.append(ConversionFactorOption(id: id, label: cfLabel, value: value, isDefault: cfs.isEmpty, source: cfSource))
        }
        let first = gradedStatement(next.mapping("amounts_appear_first"), "amounts_appear_first")
        let example = next.string("example_code", required: false)
        guard let checked, let label, let range, let status, let src else { return nil }
        // With a period left out (its errors reported in it), the last one read is no measure: no second error.
        let periods = somePeriodUnread ? [] : periods
        // The floor's illustrative amounts price this code with the last period's RVUs.
        if let example, let last = periods.last?.period, last.rvus[example] == nil {
            next.node("example_code")?.error("outlook.unknown-example-code",
                "'example_code' \(example) has no RVUs in the last fee period (\(last.range.from)); "
                    + "accepted: \(last.rvus.keys.sorted().joined(separator: ", "))")
        }
        if let last = periods.last?.period.range.through {
            if range.from <= last {
                // Stale after a new period was imported: say so, and let the fee periods speak for those dates.
                next.node("from")?.warning("outlook.from-already-covered",
                    "'from' \(range.from) is already covered by the fee periods (through \(last)); move the outlook on "
                        + "to \(last.adding(days: 1)) (MAINTAINING.md, annual update)")
                return nil
            }
            if range.from != last.adding(days: 1) {
                next.node("from")?.error("outlook.from-not-after-periods",
                    "'from' \(range.from) must be the day after the last fee period ends (\(last.adding(days: 1)))")
            }
        }
        var p = PendingFeeSchedule(
            range: range, label: label, checked: checked, status: status, proposedConversionFactors: cfs,
            proposedOn: proposedOn, source: src)
        p.amountsFirst = first
        p.exampleCode = example
        return p
    }

    /// A `{text, grade, source}` mapping (grade as facts.md grades: H, M, L, L–M), or nil when absent or wrong.
    mutating func gradedStatement(_ m: MappingReader?, _ what: String) -> GradedStatement? {
        guard let m else { return nil }
        defer { m.finish(what) }
        let text = m.text("text"), grade = m.string("grade", required: true), s = source(m)
        if let grade, !["H", "M", "L", "L–M"].contains(grade) {
            m.node("grade")?.error("outlook.unknown-grade", "'grade' must be H, M, L or L–M (facts.md), found '\(grade)'")
            return nil
        }
        guard let text, let grade, let s else { return nil }
        return GradedStatement(text: text, grade: grade, source: s)
    }
}
