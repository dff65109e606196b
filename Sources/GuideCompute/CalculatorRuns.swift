import SiteContent
import GuideCalc
import CodingRules

/// The claim pattern of every session length (1 to the tables' minutes) for one units profile, group flag and
/// code family on one date, asked of `RulesData.evaluate`: the bulk of the calculator data's work, pure, so
/// `CalculatorTables.allRuns` runs the jobs on all cores and numbers the patterns afterwards in job order.
package enum CalculatorRuns {
    /// One session length's result as the tables keep it: claim lines (code and units), the reasons it is not
    /// billable (reader text, the minutes as `{minutes}`) and the thresholds that decided the units.
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
                    reasons: r.reasons.map { minutesPlaceholder(readerText($0, profiles: rules.profiles), m) },
                    thresholds: r.thresholds)
            }
            if let last = out.last, last.pattern == pattern { continue }
            out.append(Run(from: m, pattern: pattern))
        }
        return out
    }

    /// A sentence of the rules in the page's words: a units profile is named by its rule's name, never its id.
    static func readerText(_ s: String, profiles: [UnitProfile]) -> String {
        var out = s
        for p in profiles where contains(p.id, in: out) {
            let rule = p.name.lowercased().hasSuffix(" rule") ? p.name : "“\(p.name)” rule"
            out = replacing("the \(p.id) profile", with: "the \(rule)", in: out)
            out = replacing("profile \(p.id)", with: "the \(rule)", in: out)
            out = replacing(p.id, with: rule, in: out)
        }
        return out
    }
}

/// `text` with the session's minute count (a whole number `m` standing alone: no ASCII digit either side) as
/// `{minutes}`.
package func minutesPlaceholder(_ text: String, _ m: Int) -> String {
    let needle = String(m)
    guard contains(needle, in: text) else { return text }
    let n = Array(needle.utf8), t = Array(text.utf8)
    func digit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    var out: [UInt8] = []
    var i = 0
    while i < t.count {
        if i + n.count <= t.count, t[i..<(i + n.count)].elementsEqual(n), i == 0 || !digit(t[i - 1]),
            i + n.count == t.count || !digit(t[i + n.count])
        {
            out.append(contentsOf: "{minutes}".utf8)
            i += n.count
        } else {
            out.append(t[i])
            i += 1
        }
    }
    return String(decoding: out, as: UTF8.self)
}
