@testable import CodingRules
import RulesText
import Testing

/// The exact words of every finding, in both quotings. Each enum has an exhaustive `kind` switch into a
/// `CaseIterable` mirror: a new case stops the tests from compiling until the mirror gets it, and
/// `everyCaseHasASample` then fails until a sample with its exact wording is added here.
@Suite struct FormatterTests {
    static func d(_ s: String) -> CalendarDate { CalendarDate(parsing: s)! }
    static func n(_ s: String) -> DecimalValue { DecimalValue(parsing: s)! }
    static let text = RulesText.plain, held = RulesText.placeholders

    // MARK: reasons

    static let reasons: [(NotBillableReason, String, String)] = [
        (.noGroupCode(familyName: "Behavior management", explanation: nil),
         "the Behavior management family has no group code", "the Behavior management family has no group code"),
        (.noGroupCode(familyName: "Behavior management", explanation: "no group code: use 96202"),
         "no group code: use 96202", "no group code: use 96202"),
        (.belowInitialMinimum(minutes: 12, minimum: 16, code: "97550", profileName: "AMA CPT mid-point rule"),
         "12 minutes is under the 16 minutes 97550 needs under the AMA CPT mid-point rule; nothing is reportable",
         "{minutes} minutes is under the 16 minutes 97550 needs under the AMA CPT mid-point rule; nothing is reportable"),
        (.telehealthNotListed(date: d("2024-05-06"), policy: "not on the list in 2024"),
         "telehealth is not billable on 2024-05-06: not on the list in 2024",
         "telehealth is not billable on {date}: not on the list in 2024"),
        (.telehealthNotListed(date: d("2024-05-06"), policy: nil),
         "telehealth is not billable on 2024-05-06: no telehealth policy covers this date",
         "telehealth is not billable on {date}: no telehealth policy covers this date"),
        (.therapistTelehealthNotAuthorized(date: d("2028-02-01"), policy: "the waiver ended"),
         "telehealth is not billable by a therapist on 2028-02-01: the waiver ended",
         "telehealth is not billable by a therapist on {date}: the waiver ended"),
        (.therapistTelehealthNotAuthorized(date: d("2028-02-01"), policy: nil),
         "telehealth is not billable by a therapist on 2028-02-01: no therapist telehealth authority covers this date",
         "telehealth is not billable by a therapist on {date}: no therapist telehealth authority covers this date"),
    ]
    enum NotBillableReasonKind: CaseIterable { case noGroupCode, belowInitialMinimum, telehealthNotListed, therapistTelehealthNotAuthorized }
    static func kind(_ r: NotBillableReason) -> NotBillableReasonKind {
        switch r {
        case .noGroupCode: .noGroupCode
        case .belowInitialMinimum: .belowInitialMinimum
        case .telehealthNotListed: .telehealthNotListed
        case .therapistTelehealthNotAuthorized: .therapistTelehealthNotAuthorized
        }
    }

    @Test(arguments: reasons.indices) func reason(_ i: Int) {
        let (r, plain, placeholders) = Self.reasons[i]
        #expect(Self.text.reason(r) == plain)
        #expect(Self.held.reason(r) == placeholders)
    }

    // MARK: warnings

    static let pending = PendingFeeSchedule(
        range: DateRange(from: d("2027-01-01"), through: d("2027-12-31")), label: "CY2027", checked: d("2026-11-23"),
        status: "The final rule is not out", proposedConversionFactors: [
            ConversionFactorOption(id: "non-qp", label: "not qualifying", value: n("32.8409"), isDefault: true, source: "p"),
            ConversionFactorOption(id: "qp", label: "qualifying", value: n("33.1693"), isDefault: false, source: "p"),
        ], proposedOn: d("2026-07-16"), source: "outlook")
    static let bare = PendingFeeSchedule(
        range: DateRange(from: d("2027-01-01")), label: "CY2027", checked: d("2026-11-23"), status: "Nothing yet",
        proposedConversionFactors: [], proposedOn: nil, source: "outlook")

    static let warnings: [(SessionWarning, String, String)] = [
        (.provisionalTelehealth(policy: "on the list provisionally"),
         "telehealth: on the list provisionally", "telehealth: on the list provisionally"),
        (.telehealthLapseRestored(date: d("2025-10-15"), policy: "lapsed from 2025-10-01 to 2025-11-12"),
         "telehealth on 2025-10-15: lapsed from 2025-10-01 to 2025-11-12",
         "telehealth on {date}: lapsed from 2025-10-01 to 2025-11-12"),
        (.pendingFeeSchedule(
            PendingNotice(schedule: pending, lastCovered: d("2026-12-31"), date: d("2027-03-01"), therapistTelehealth: "waiver through 2027-12-31")),
         "CY2027 amounts are not in this guide yet (last checked 2026-11-23; the guide has Medicare amounts through "
            + "2026-12-31). The final rule is not out. Proposed on 2026-07-16, not final: conversion factor 32.8409 "
            + "(not qualifying) and 33.1693 (qualifying); no amount is computed from them. Therapist telehealth on "
            + "2027-03-01: waiver through 2027-12-31.",
         "CY2027 amounts are not in this guide yet (last checked 2026-11-23; the guide has Medicare amounts through "
            + "2026-12-31). The final rule is not out. Proposed on 2026-07-16, not final: conversion factor 32.8409 "
            + "(not qualifying) and 33.1693 (qualifying); no amount is computed from them. Therapist telehealth on "
            + "{date}: waiver through 2027-12-31."),
        (.pendingFeeSchedule(PendingNotice(schedule: bare, lastCovered: nil, date: d("2027-03-01"), therapistTelehealth: nil)),
         "CY2027 amounts are not in this guide yet (last checked 2026-11-23). Nothing yet.",
         "CY2027 amounts are not in this guide yet (last checked 2026-11-23). Nothing yet."),
        (.amountsNotInGuide(periodLabel: "CY2026"),
         "amounts for CY2026 are not in this guide yet; check your Medicare contractor's fee schedule",
         "amounts for CY2026 are not in this guide yet; check your Medicare contractor's fee schedule"),
        (.noKXThreshold(date: d("2031-01-02")),
         "no KX threshold is known for 2031-01-02, so KX may be needed on this claim; check the year's threshold with "
            + "your Medicare contractor before billing",
         "no KX threshold is known for {date}, so KX may be needed on this claim; check the year's threshold with "
            + "your Medicare contractor before billing"),
        (.kxThresholdNotPublished(date: d("2027-06-01"), yearToDate: n("2600"), lastKnown: n("2480"), lastKnownFrom: d("2026-01-01")),
         "KX: the KX threshold for 2027 has not been published yet, so KX may be needed on this claim; the year-to-date "
            + "amount of $2600.00 is above the last published threshold ($2480.00 for 2026), the amount above which KX may be "
            + "needed until the 2027 threshold is published; "
            + "check the 2027 threshold with your Medicare contractor before billing",
         "KX: the KX threshold for 2027 has not been published yet, so KX may be needed on this claim; the year-to-date "
            + "amount of $2600.00 is above the last published threshold ($2480.00 for 2026), the amount above which KX may be "
            + "needed until the 2027 threshold is published; "
            + "check the 2027 threshold with your Medicare contractor before billing"),
        (.unconfirmedTelehealthListing(policy: "not confirmed for 2027"),
         "telehealth: not confirmed for 2027", "telehealth: not confirmed for 2027"),
        (.kxUndecidable(threshold: n("2410"), bucket: "PT/SLP"),
         "KX: cannot tell whether this claim crosses the 2410.00 PT/SLP threshold, because its amount is unknown",
         "KX: cannot tell whether this claim crosses the 2410.00 PT/SLP threshold, because its amount is unknown"),
    ]
    enum SessionWarningKind: CaseIterable { case provisionalTelehealth, telehealthLapseRestored, pendingFeeSchedule, amountsNotInGuide, noKXThreshold, kxUndecidable, kxThresholdNotPublished, unconfirmedTelehealthListing }
    static func kind(_ w: SessionWarning) -> SessionWarningKind {
        switch w {
        case .provisionalTelehealth: .provisionalTelehealth
        case .telehealthLapseRestored: .telehealthLapseRestored
        case .pendingFeeSchedule: .pendingFeeSchedule
        case .amountsNotInGuide: .amountsNotInGuide
        case .noKXThreshold: .noKXThreshold
        case .kxUndecidable: .kxUndecidable
        case .kxThresholdNotPublished: .kxThresholdNotPublished
        case .unconfirmedTelehealthListing: .unconfirmedTelehealthListing
        }
    }

    @Test(arguments: warnings.indices) func warning(_ i: Int) {
        let (w, plain, placeholders) = Self.warnings[i]
        #expect(Self.text.warning(w) == plain)
        #expect(Self.held.warning(w) == placeholders)
    }

    // MARK: notes

    static let notes: [(SessionNote, String)] = [
        (.severalCaregivers(count: 3),
         "3 caregivers of one patient: still an individual session (patients represented decide)"),
        (.institutionalTelehealth(modifier: "95"),
         "telehealth on an institutional claim: modifier 95 on the line, priced at the non-facility amount (no place "
            + "of service decides the rate)"),
        (.telehealthPlaceOfService(pos: "02", facilityRate: true, policy: "not the patient's home"),
         "telehealth: place of service 02, priced at the facility rate (not the patient's home)"),
        (.telehealthPlaceOfService(pos: "10", facilityRate: false, policy: "the patient's home"),
         "telehealth: place of service 10, priced at the non-facility rate (the patient's home)"),
        (.institutionalClaim,
         "institutional claim (hospital outpatient department, rehab agency, SNF Part B, CORF, home health Part B): "
            + "priced at the non-facility amount, as a copy of the CMS claims manual reports (M · reported). A critical "
            + "access hospital is paid its reasonable cost instead: no fee-schedule amount applies"),
        (.assistantPercent(n("85")), "assistant lines are paid at 85% of the fee schedule amount; " + CertaintyWords.assistantRounding),
        (.graded(GradedStatement(text: "a statement", grade: "L–M", source: "x")), "a statement (L–M · inferred)"),
        (.graded(GradedStatement(text: "a sure statement", grade: "H", source: "x")), "a sure statement"),
    ]
    enum SessionNoteKind: CaseIterable { case severalCaregivers, institutionalTelehealth, telehealthPlaceOfService, institutionalClaim, assistantPercent, graded }
    static func kind(_ n: SessionNote) -> SessionNoteKind {
        switch n {
        case .severalCaregivers: .severalCaregivers
        case .institutionalTelehealth: .institutionalTelehealth
        case .telehealthPlaceOfService: .telehealthPlaceOfService
        case .institutionalClaim: .institutionalClaim
        case .assistantPercent: .assistantPercent
        case .graded: .graded
        }
    }

    @Test(arguments: notes.indices) func note(_ i: Int) {
        #expect(Self.text.note(Self.notes[i].0) == Self.notes[i].1)
        #expect(Self.held.note(Self.notes[i].0) == Self.notes[i].1)
    }

    // MARK: thresholds

    static let thresholds: [(ThresholdNote, String, String)] = [
        (.group(code: "97552", patients: 3),
         "97552: untimed group service, 1 unit on this patient's claim (3 patients represented; caregivers are not counted)",
         "97552: untimed group service, 1 unit on this patient's claim (3 patients represented; caregivers are not counted)"),
        (.initial(code: "97550", minimum: 16, profileName: "AMA CPT mid-point rule"),
         "97550 from 16 min (AMA CPT mid-point rule)", "97550 from 16 min (AMA CPT mid-point rule)"),
        (.addOnNotReached(code: "97551", firstAt: 38, sessionMinutes: 20),
         "97551 unit 1 at 38 min (not reached) (session: 20 min)",
         "97551 unit 1 at 38 min (not reached) (session: {minutes} min)"),
        (.addOn(code: "97551", reachedAt: [38, 53], nextAt: 68, sessionMinutes: 60),
         "97551 unit 1 at 38, unit 2 at 53, next at 68 (session: 60 min)",
         "97551 unit 1 at 38, unit 2 at 53, next at 68 (session: {minutes} min)"),
    ]
    enum ThresholdNoteKind: CaseIterable { case group, initial, addOnNotReached, addOn }
    static func kind(_ t: ThresholdNote) -> ThresholdNoteKind {
        switch t {
        case .group: .group
        case .initial: .initial
        case .addOnNotReached: .addOnNotReached
        case .addOn: .addOn
        }
    }

    @Test(arguments: thresholds.indices) func threshold(_ i: Int) {
        let (t, plain, placeholders) = Self.thresholds[i]
        #expect(Self.text.threshold(t) == plain)
        #expect(Self.held.threshold(t) == placeholders)
    }

    // MARK: every case

    @Test func everyCaseHasASample() {
        #expect(Set(Self.reasons.map { Self.kind($0.0) }) == Set(NotBillableReasonKind.allCases))
        #expect(Set(Self.warnings.map { Self.kind($0.0) }) == Set(SessionWarningKind.allCases))
        #expect(Set(Self.notes.map { Self.kind($0.0) }) == Set(SessionNoteKind.allCases))
        #expect(Set(Self.thresholds.map { Self.kind($0.0) }) == Set(ThresholdNoteKind.allCases))
        typealias M = MoreFormatterTests
        #expect(Set(M.missing.map { M.kind($0.0) }) == Set(M.MissingDataKind.allCases))
        #expect(Set(M.problems.map { M.kind($0.0) }) == Set(M.ProblemKind.allCases))
        #expect(Set(M.timeline.map { M.kind($0.0) }) == Set(M.TimelineChangeKind.allCases))
    }
}
