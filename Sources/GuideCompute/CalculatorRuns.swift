import CodingRules
import RulesText

/// The claim pattern of every session length (1 to the tables' minutes) for one units profile, group flag and
/// code family on one date, asked of `RulesData.evaluate`: the bulk of the calculator data's work
/// (`CalculatorTables.allRuns` asks for every job, then `segment` numbers the patterns in job order).
package enum CalculatorRuns {
    /// One session length's result as the tables keep it: claim lines (code and units), the reasons it is not
    /// billable (`RulesText` with placeholders: the minutes as `{minutes}`) and the thresholds that decided the units.
    struct Pattern: Hashable, Sendable {
        var lines: [ClaimLine]
        var reasons: [String]
        var thresholds: [UnitThreshold]
        /// Graded statements on how the answer is billed (e.g. the group code per represented patient), worded.
        var graded: [String] = []
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

    /// The runs of one job. A session's answer changes only where a unit threshold is reached, so after each
    /// evaluation the walk jumps to the minute before the next threshold the answer names (to the last minute when
    /// it names none ahead, as a group session's answer does), and takes the jump only when that session still
    /// gives the same answer (otherwise it goes on minute by minute). ~16 evaluations an individual job and 2 a
    /// group job instead of 240; `CalculatorRunsTests` checks the result equals the minute-by-minute walk for
    /// every job.
    static func runs(_ rules: RulesData, _ job: Job, maxMinutes: Int, groupFrom: Int) -> [Run] {
        var out: [Run] = []
        var m = 1
        while m <= maxMinutes {
            let p = pattern(rules, job, minutes: m, groupFrom: groupFrom)
            if out.last?.pattern != p { out.append(Run(from: m, pattern: p)) }
            let next = p.thresholds.filter { !$0.reached && $0.minutes > m }.map(\.minutes).min() ?? (maxMinutes + 1)
            if min(next - 1, maxMinutes) > m {
                let last = min(next - 1, maxMinutes)
                if pattern(rules, job, minutes: last, groupFrom: groupFrom) == p {
                    m = last + 1
                    continue
                }
            }
            m += 1
        }
        return out
    }

    /// The answer for one session length of a job.
    static func pattern(_ rules: RulesData, _ job: Job, minutes m: Int, groupFrom: Int) -> Pattern {
        let input = SessionInput(
            minutes: m, patients: job.group ? groupFrom : 1, date: job.date, profile: job.profile.id,
            family: job.family.id)
        guard let r = try? rules.evaluate(input) else { return Pattern(lines: [], reasons: [], thresholds: []) }
        return Pattern(
            lines: r.reasons.isEmpty
                ? r.lines.map {
                    ClaimLine(code: $0.code, role: $0.role, units: $0.units, modifiers: [], unitAmount: nil, amount: nil)
                } : [],
            reasons: r.reasons.map(RulesText.placeholders.reason),
            thresholds: r.thresholds,
            // The family's own caveat is the context's (every answer of the family); the rest is the session's.
            graded: r.notes.filter {
                if case .graded(let s) = $0 { return s != job.family.modifierCaveat }
                return false
            }.map(RulesText.placeholders.note))
    }
}
