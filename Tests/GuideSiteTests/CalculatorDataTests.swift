@testable import CodingRules
@testable import SiteContent
@testable import GuideData
@testable import GuideCompute
import Foundation
import Testing


/// `assets/calculator-data.js` computed from the rules' change dates (issue 13 point 3, issue 11 class 2).
@Suite struct CalculatorDataTests {
    static let rules: RulesData = SiteDataLoader.load(contentDirectory: RealSite.content).output!.rules
    static let asOf = CalendarDate(year: 2025, month: 6, day: 2)!

    static func tables(_ rules: RulesData) -> (CalculatorTables, CalendarDate, CalendarDate) {
        let (first, last) = CalculatorData.dateRange(rules)!
        let locs = CalculatorData.choices(rules)["locality"]!
        return (CalculatorTables(rules: rules, localities: locs, maxMinutes: CalculatorData.tableMinutes, first: first), first, last)
    }

    /// The former algorithm, kept as the reference: evaluate every covered day and group equal consecutive days.
    static func dayByDay(_ t: CalculatorTables, first: CalendarDate, last: CalendarDate) -> [CalculatorSegments.Range] {
        var out: [CalculatorSegments.Range] = []
        var start = first, day = first
        var current = t.signature(first)
        while day < last {
            let next = day.adding(days: 1)
            let sig = t.signature(next)
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
        #expect(reference.count >= 9, "the real data has dated policy changes: \(reference)")
        #expect(ranges == reference)
        #expect(evaluated < days / 10, "\(evaluated) pieces evaluated for \(days) days")
        // The whole data is what grouping every day gives.
        let fromChanges = CalculatorData.build(Self.rules, asOf: Self.asOf).data
        let fromDays = CalculatorData.build(Self.rules, asOf: Self.asOf, segments: reference).data
        #expect(fromChanges == fromDays)
        // Sharing the claim patterns within a stretch between change dates changes nothing.
        let unshared = CalculatorData.build(Self.rules, asOf: Self.asOf, shareRunsWithinStretch: false).data
        #expect(fromChanges == unshared)
    }

    /// A sentence that quotes dates of its own (the lapse warnings name their first and last day) does not
    /// split its stretch: `{date}` stands only for the date of service (`RulesText.placeholders`), never for a
    /// quoted date that happens to equal it, so each lapse is one segment and its warning one text.
    @Test func quotedDatesDoNotSplitAStretch() {
        let (t, first, last) = Self.tables(Self.rules)
        let ranges = CalculatorSegments.ranges(t, first: first, last: last).ranges
        let lapses = Self.rules.policies.therapistTelehealth.filter { $0.value == .lapsedRestored }
        #expect(!lapses.isEmpty)
        let data = CalculatorData.build(Self.rules, asOf: Self.asOf).data
        guard case .object(let o) = data, case .array(let texts)? = o["texts"] else {
            Issue.record("no texts")
            return
        }
        for l in lapses where l.range.through! <= last {
            #expect(ranges.contains(.init(from: l.range.from, through: l.range.through!)), "\(ranges)")
            #expect(texts.contains(.string("telehealth on {date}: \(l.summary)")))
            #expect(l.summary.contains(l.range.from.description) && l.summary.contains(l.range.through!.description))
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
        guard case .object(let o) = CalculatorData.build(rules, asOf: Self.asOf).data, case .array(let segs)? = o["segments"]
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

    /// After the last fee period every answer says what is known of the year (rules.md §5): the proposed factors,
    /// the end of the work-GPCI floor, the unpublished KX threshold and where the amounts will appear first.
    @Test func everyAnswerAfterTheLastPeriodNamesWhatIsKnown() {
        let (t, _, _) = Self.tables(Self.rules)
        let wanted = [
            "CY2027 amounts are not in this guide yet", "Proposed on 2026-07-16, not final: conversion factor 32.8409",
            "unless Congress extends it, 2027 uses CMS's work GPCIs without the floor",
            "The KX threshold for 2027 has not been published yet",
            "The 2027 amounts will appear first in CMS's Physician Fee Schedule Look-Up Tool",
        ]
        var valid = 0
        for case .valid(_, _, _, let warnings, _, _, _) in t.contextWords(on: CalendarDate(parsing: "2027-03-01")!) {
            valid += 1
            for w in wanted { #expect(warnings.contains { $0.contains(w) }, "\(w)") }
            #expect(!warnings.contains { $0.hasPrefix("Telehealth in 2027") || $0.hasPrefix("Proposed") }, "said once")
        }
        #expect(valid > 0)
        for case .valid(_, _, _, let warnings, _, _, _) in t.contextWords(on: CalendarDate(parsing: "2026-06-01")!) {
            #expect(!warnings.contains { $0.contains("KX threshold for 2027") || $0.contains("floor") })
        }
    }
}

/// What the calculator offers and says (issues 9.4, 9.5, 10).
@Suite struct CalculatorContentTests {
    static let data: [String: JSONValue] = {
        guard case .object(let o) = CalculatorData.build(CalculatorDataTests.rules, asOf: CalculatorDataTests.asOf).data else { return [:] }
        return o
    }()

    static func strings(_ v: JSONValue?) -> [String] {
        switch v {
        case .string(let s)?: return [s]
        case .array(let a)?: return a.flatMap { strings($0) }
        case .object(let o)?: return o.values.flatMap { strings($0) }
        default: return []
        }
    }

    @Test func everyFamilySettingAndRuleIsOffered() {
        let rules = CalculatorDataTests.rules
        guard case .object(let options)? = Self.data["options"] else { Issue.record("no options"); return }
        func values(_ k: String) -> [String] {
            guard case .array(let a)? = options[k] else { return [] }
            return a.compactMap { if case .array(let p) = $0, case .string(let v)? = p.first { return v } else { return nil } }
        }
        #expect(values("family") == rules.families.map(\.id))
        #expect(values("setting") == Setting.allCases.map(\.rawValue))
        #expect(values("profile") == rules.profiles.map(\.id))
        guard case .array(let keys)? = Self.data["ctxKeys"] else { Issue.record("no ctxKeys"); return }
        #expect(keys.count == rules.families.count * Discipline.allCases.count * Provider.allCases.count * 2 * Setting.allCases.count)
        #expect(keys.contains(.string("behavior|pt|therapist|0|\(Setting.allCases.last!.rawValue)")))
        // The family labels name the codes, and say when there is no group code.
        let labels = Self.strings(options["family"])
        for f in rules.families {
            #expect(labels.contains { $0.hasPrefix(f.name) && !f.codes.isEmpty && f.codes.allSatisfy($0.contains) })
        }
        #expect(labels.contains { $0.contains("no group code") })
    }

    /// The G-code families have their own claim patterns: a behavior-management group gives a reason, no line.
    @Test func gCodeFamiliesHaveTheirOwnPatterns() {
        let all = Self.strings(Self.data["patterns"])
        #expect(all.contains("G0541") && all.contains("G0542") && all.contains("G0543"))
        #expect(all.contains("G0539") && all.contains("G0540"))
        let texts = Self.strings(Self.data["texts"])
        let noGroup = CalculatorDataTests.rules.family("behavior")?.noGroupReason ?? "-"
        #expect(texts.contains(noGroup))
    }

    /// Dates run through the end of the year after the last fee period, and such a date is answered plainly.
    @Test func datesAfterTheLastFeePeriodAreCovered() {
        let rules = CalculatorDataTests.rules
        let lastThrough = rules.periods.last!.range.through!
        #expect(Self.data["dateMax"] == .string("\(lastThrough.year + 1)-12-31"))
        guard case .array(let segs)? = Self.data["segments"], case .object(let last)? = segs.last else {
            Issue.record("no segments"); return
        }
        #expect(last["through"] == .string("\(lastThrough.year + 1)-12-31"))
        #expect(Self.strings(Self.data["texts"]).contains { $0.contains("{date}") && $0.contains(lastThrough.description) })
    }

    /// Reader language (issue 10 finding 18): no option names, program name, "profile" or profile ids.
    @Test func sentencesAreReaderLanguage() {
        // Option values are URL state (the `calc` option values); their labels are what the page shows.
        var labels: [String] = []
        if case .object(let options)? = Self.data["options"] {
            for case .array(let list) in options.values {
                for case .array(let pair) in list where pair.count == 2 { labels += Self.strings(pair[1]) }
            }
        }
        #expect(labels.count > 10)
        let shown = Self.strings(Self.data["texts"]) + labels
        #expect(shown.count > 20)
        for s in shown {
            #expect(!s.contains("--") && !s.contains("ctsguide") && !s.lowercased().contains("profile"), "\(s)")
            for p in CalculatorDataTests.rules.profiles { #expect(!s.contains(p.id), "\(s)") }
        }
    }
}
