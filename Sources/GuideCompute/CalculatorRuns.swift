import SiteContent
import GuideCalc
import CodingRules
import RulesText

/// The claim pattern of every session length (1 to the tables' minutes) for one units profile, group flag and
/// code family on one date, asked of `RulesData.evaluate`: the bulk of the calculator data's work, pure, so
/// `CalculatorTables.allRuns` runs the jobs on all cores and numbers the patterns afterwards in job order.
package enum CalculatorRuns {
    /// One session length's result as the tables keep it: claim lines (code and units), the reasons it is not
    /// billable (`RulesText` with placeholders: the minutes as `{minutes}`) and the thresholds that decided the units.
    struct Pattern: Hashable, Sendable {
        var lines: [ClaimLine]
        var reasons: [String]
        var thresholds: [UnitThreshold]
    }

    /// Sessions from `from` minutes on (up to the next run) give `pattern`.
    struct Run: Sendable {
        var from: Int
        var pattern: Pattern
    }

    struct Job: Sendable {
        package var date: CalendarDate
        var profile: UnitProfile
        package var group: Bool
        var family: CodeFamily
    }

    static func runs(_ rules: RulesData, _ job: Job, maxMinutes: Int, groupFrom: Int) -> [Run] {
        var out: [Run] = []
        for m in 1...maxMinutes {
            let input = SessionInput(
                minutes: m, patients: job.group ? groupFrom : 1, date: job.date, profile: job.profile.id,
                family: job.family.id)
            var pattern = Pattern(lines: [], reasons: [], thresholds: [])
            if let r = try? rules.evaluate(input) {
                pattern = Pattern(
                    lines: r.reasons.isEmpty
                        ? r.lines.map {
                            ClaimLine(code: $0.code, role: $0.role, units: $0.units, modifiers: [], unitAmount: nil, amount: nil)
                        } : [],
                    reasons: r.reasons.map(RulesText.placeholders.reason),
                    thresholds: r.thresholds)
            }
            if let last = out.last, last.pattern == pattern { continue }
            out.append(Run(from: m, pattern: pattern))
        }
        return out
    }
}
