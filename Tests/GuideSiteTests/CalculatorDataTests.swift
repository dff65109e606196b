import CodingRules
import Foundation
import Testing

@testable import GuideSite

/// `assets/calculator-data.js` computed from the rules' change dates (issue 13 point 3, issue 11 class 2).
@Suite struct CalculatorDataTests {
    static let rules: RulesData = SiteDataLoader.load(contentDirectory: RealSite.content).data!.rules
    static let asOf = CalendarDate(year: 2025, month: 6, day: 2)!

    static func tables(_ rules: RulesData) -> (CalculatorTables, CalendarDate, CalendarDate) {
        let (first, last) = CalculatorData.dateRange(rules)!
        let locs = CalculatorData.choices(rules)["locality"]!
        return (CalculatorTables(rules: rules, localities: locs, maxMinutes: CalculatorData.tableMinutes, first: first), first, last)
    }

    /// The former algorithm, kept as the reference: evaluate every covered day and group equal consecutive days.
    static func dayByDay(_ t: CalculatorTables, first: CalendarDate, last: CalendarDate) -> [CalculatorSegments.Range] {
        let texts = CalculatorData.Interner()
        var out: [CalculatorSegments.Range] = []
        var start = first, day = first
        var current = t.signature(first, texts: texts)
        while day < last {
            let next = day.adding(days: 1)
            let sig = t.signature(next, texts: texts)
            if sig != current {
                out.append(.init(from: start, through: day))
                start = next
                current = sig
            }
            day = next
        }
        out.append(.init(from: start, through: last))
        return out
    }

    @Test func changeDateSegmentsEqualTheDayByDaySegments() {
        let (t, first, last) = Self.tables(Self.rules)
        let days = last.dayNumber - first.dayNumber + 1
        let reference = Self.dayByDay(t, first: first, last: last)
        let (ranges, evaluated) = CalculatorSegments.ranges(t, first: first, last: last)
        #expect(reference.count >= 10, "the real data has dated policy changes: \(reference)")
        #expect(ranges == reference)
        #expect(evaluated < days / 10, "\(evaluated) pieces evaluated for \(days) days")
        // The whole file is byte for byte what grouping every day gives.
        let fromChanges = CalculatorData.build(Self.rules, asOf: Self.asOf).compact
        let fromDays = CalculatorData.build(Self.rules, asOf: Self.asOf, segments: reference).compact
        #expect(fromChanges == fromDays)
    }

    /// A sentence quoting a date inside a stretch (the lapse warnings name their first and last day) splits
    /// it there, as grouping days did: the `{date}` placeholder takes the quoted date on that day only.
    @Test func quotedDatesSplitAStretch() {
        let (t, first, last) = Self.tables(Self.rules)
        let ranges = CalculatorSegments.ranges(t, first: first, last: last).ranges
        let oneDay = ranges.filter { $0.from == $0.through }.map(\.from.description)
        let lapses = Self.rules.policies.therapistTelehealth.filter { $0.value == .lapsedRestored }
        #expect(!lapses.isEmpty)
        for l in lapses where l.range.through! <= last {
            #expect(oneDay.contains(l.range.from.description))
            #expect(oneDay.contains(l.range.through!.description))
        }
    }

    /// The cost follows the change dates, not the days: a last period running to 9999-12-31 gives the same
    /// segments (bar the last day) and the same number of evaluated pieces as one running to 2030-12-31.
    @Test func aPeriodToTheLastRepresentableDayCostsNoMore() {
        func variant(_ through: CalendarDate) -> ([CalculatorSegments.Range], Int, CalculatorTables) {
            var rules = Self.rules
            rules.periods[rules.periods.count - 1].range.through = through
            let (t, first, _) = Self.tables(rules)
            let r = CalculatorSegments.ranges(t, first: first, last: through)
            return (r.ranges, r.evaluated, t)
        }
        let near = CalendarDate(year: 2030, month: 12, day: 31)!, far = CalendarDate(year: 9999, month: 12, day: 31)!
        let (a, na, _) = variant(near)
        let (b, nb, _) = variant(far)
        #expect(a.count == b.count)
        #expect(na == nb)
        #expect(a.dropLast() == b.dropLast())
        #expect(a.last?.from == b.last?.from && a.last?.through == near && b.last?.through == far)
        // The whole data file for the far variant: built, one segment per range, ends on the last day.
        var rules = Self.rules
        rules.periods[rules.periods.count - 1].range.through = far
        guard case .object(let o) = CalculatorData.build(rules, asOf: Self.asOf), case .array(let segs)? = o["segments"]
        else { Issue.record("no segments"); return }
        #expect(segs.count == b.count)
        #expect(o["dateMax"] == .string(far.description))
    }

    @Test func changeDatesComeFromTheData() {
        let dates = Self.rules.changeDates
        #expect(dates == dates.sorted() && Set(dates).count == dates.count)
        for p in Self.rules.periods {
            #expect(dates.contains(p.range.from))
            if let t = p.range.through { #expect(dates.contains(t.adding(days: 1))) }
        }
        for row in Self.rules.policies.therapistTelehealth { #expect(dates.contains(row.range.from)) }
        for f in Self.rules.families { #expect(dates.contains(f.validFrom)) }
    }
}
