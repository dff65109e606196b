@testable import CodingRules
@testable import SiteContent
@testable import GuideCompute
import Testing

/// The calculator's claim patterns are found by jumping from threshold to threshold; they must equal what
/// evaluating every session length from 1 to 240 minutes gives, for every job the real data file computes.
@Suite struct CalculatorRunsTests {
    /// The reference: every minute evaluated, equal consecutive answers grouped.
    static func minuteByMinute(_ rules: RulesData, _ job: CalculatorRuns.Job, maxMinutes: Int, groupFrom: Int) -> [CalculatorRuns.Run] {
        var out: [CalculatorRuns.Run] = []
        for m in 1...maxMinutes {
            let p = CalculatorRuns.pattern(rules, job, minutes: m, groupFrom: groupFrom)
            if out.last?.pattern != p { out.append(.init(from: m, pattern: p)) }
        }
        return out
    }

    @Test func thresholdJumpsGiveTheMinuteByMinuteRuns() {
        let rules = CalculatorDataTests.rules
        let (t, first, last) = CalculatorDataTests.tables(rules)
        let ranges = CalculatorSegments.ranges(t, first: first, last: last).ranges
        var jobs: [CalculatorRuns.Job] = []
        for r in ranges {
            for k in t.runKeys { jobs.append(.init(date: r.from, profile: k.profile, group: k.group, family: k.family)) }
        }
        #expect(jobs.count >= 9 * 12)
        var compared = 0, changes = 0
        for job in jobs {
            let fast = CalculatorRuns.runs(rules, job, maxMinutes: t.maxMinutes, groupFrom: t.groupFrom)
            let slow = Self.minuteByMinute(rules, job, maxMinutes: t.maxMinutes, groupFrom: t.groupFrom)
            #expect(fast.map(\.from) == slow.map(\.from), "\(job.date) \(job.profile.id) group \(job.group) \(job.family.id)")
            #expect(fast.map(\.pattern) == slow.map(\.pattern))
            compared += 1
            changes += slow.count
        }
        #expect(compared == jobs.count && changes > jobs.count)  // most jobs change answer more than once
    }
}
