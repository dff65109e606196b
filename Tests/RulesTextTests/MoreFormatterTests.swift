@testable import CodingRules
import RulesText
import Testing

/// Exact words of missing data, input problems, timeline changes, the split and RVU components
/// (`FormatterTests.everyCaseHasASample` checks every case has a sample here).
@Suite struct MoreFormatterTests {
    static func d(_ s: String) -> CalendarDate { CalendarDate(parsing: s)! }
    static func n(_ s: String) -> DecimalValue { DecimalValue(parsing: s)! }
    static let text = RulesText.plain, held = RulesText.placeholders

    static let missing: [(MissingData, String)] = [
        (.conversionFactor(id: "qp", periodLabel: "CY2025"), "conversion factor 'qp' for CY2025"),
        (.conversionFactor(id: nil, periodLabel: "CY2025"), "conversion factor '' for CY2025"),
        (.rvuComponents([.work, .peNonfacility, .peFacility, .mp], code: "97551", periodLabel: "CY2026"),
         "work, PE non-facility, PE facility, MP RVU for 97551 in CY2026"),
        (.rvus(code: "97550", periodLabel: "CY2026"), "RVUs for 97550 in CY2026"),
        (.gpciRow(locality: "02102-01", table: "2026"), "GPCI for locality 02102-01 in table 2026"),
        (.gpciTable(periodLabel: "CY2026", note: nil), "GPCI table for CY2026"),
        (.gpciTable(periodLabel: "CY2026", note: "the CY2026 GPCI table is not imported"), "the CY2026 GPCI table is not imported"),
        (.periodNote("PE and MP RVUs for 2026"), "PE and MP RVUs for 2026"),
        (.assistantPercent(date: d("2021-05-01")), "assistant payment percentage on 2021-05-01"),
    ]
    enum MissingDataKind: CaseIterable { case conversionFactor, rvuComponents, rvus, gpciRow, gpciTable, periodNote, assistantPercent }
    static func kind(_ m: MissingData) -> MissingDataKind {
        switch m {
        case .conversionFactor: .conversionFactor
        case .rvuComponents: .rvuComponents
        case .rvus: .rvus
        case .gpciRow: .gpciRow
        case .gpciTable: .gpciTable
        case .periodNote: .periodNote
        case .assistantPercent: .assistantPercent
        }
    }

    @Test(arguments: missing.indices) func missingData(_ i: Int) {
        #expect(Self.text.missing(Self.missing[i].0) == Self.missing[i].1)
    }

    /// Problem, `calc` wording (values), page wording (placeholders, family "Direct care").
    static let problems: [(RulesInputError.Problem, String, String)] = [
        (.minutesNotPositive(-5), "expected a whole number of minutes above 0, got '-5'",
         "Expected a whole number of minutes above 0, got '-5'."),
        (.patientsBelowOne(0), "expected a whole number of patients represented, 1 or more, got '0'",
         "Expected a whole number of patients represented, 1 or more, got '0'."),
        (.caregiversBelowOne(0), "expected a whole number of caregivers, 1 or more, got '0'",
         "Expected a whole number of caregivers, 1 or more, got '0'."),
        (.unknownFamily("nope", accepted: ["functional", "behavior"]), "unknown family 'nope'; accepted: functional, behavior",
         "Unknown family 'nope'; accepted: functional, behavior."),
        (.unknownProfile("nope", accepted: ["ama-midpoint"]), "unknown profile 'nope'; accepted: ama-midpoint",
         "Unknown profile 'nope'; accepted: ama-midpoint."),
        (.noDisciplineModifier(.slp), "no discipline modifier is defined for 'slp'",
         "No discipline modifier is defined for 'slp'."),
        (.noAssistantModifier(.slp, allowed: [.pt, .ot]),
         "Medicare has no assistant modifier for speech-language pathology, so an assistant's service cannot be billed; "
            + "choose the therapist, or an assistant in physical therapy or occupational therapy",
         "Medicare has no assistant modifier for speech-language pathology, so an assistant's service cannot be billed; "
            + "choose the therapist, or an assistant in physical therapy or occupational therapy."),
        (.beforeCodes(family: "direct-care", codes: ["G0541", "G0542", "G0543"], validFrom: d("2025-01-01"), date: d("2024-12-31")),
         "the direct-care codes (G0541, G0542, G0543) exist for dates of service from 2025-01-01, got 2024-12-31",
         "The Direct care codes (G0541, G0542, G0543) exist for dates of service from 2025-01-01 on."),
        (.unknownConversionFactor("x", periodLabel: "CY2026", accepted: ["non-qp", "qp"]),
         "unknown conversion factor 'x' for CY2026; accepted: non-qp, qp",
         "Unknown conversion factor 'x' for CY2026; accepted: non-qp, qp."),
        (.dateNotCovered(d("2030-01-01"), covered: DateRange(from: d("2024-01-01"), through: d("2027-12-31")), pricedThrough: d("2026-12-31")),
         "2030-01-01 is outside the dates of service this guide covers; covered dates: 2024-01-01 through 2027-12-31 "
            + "(Medicare amounts through 2026-12-31; later dates get claim lines without amounts)",
         "This guide does not cover {date}; covered dates: 2024-01-01 through 2027-12-31 (Medicare amounts through "
            + "2026-12-31; later dates get claim lines without amounts)."),
        (.dateNotCovered(d("2030-01-01"), covered: DateRange(from: d("2024-01-01"))),
         "2030-01-01 is outside the dates of service this guide covers; covered dates: 2024-01-01 through open",
         "This guide does not cover {date}; covered dates: 2024-01-01 through open."),
        (.dateNotCovered(d("2030-01-01"), covered: nil),
         "2030-01-01 is outside the dates of service this guide covers; covered dates: none",
         "This guide does not cover {date}; covered dates: none."),
        (.unknownLocality("99999-99", example: "01112-05"),
         "unknown locality '99999-99'; accepted: national or MAC-LOCALITY such as 01112-05",
         "Unknown locality '99999-99'; accepted: national or MAC-LOCALITY such as 01112-05."),
        (.unknownLocality("x", example: nil), "unknown locality 'x'; accepted: national or MAC-LOCALITY such as none",
         "Unknown locality 'x'; accepted: national or MAC-LOCALITY such as none."),
        (.negativeYearToDate(n("-4.5")), "expected an amount of 0 or more, got '-4.5'",
         "Expected an amount of 0 or more, got '-4.5'."),
    ]
    enum ProblemKind: CaseIterable {
        case minutes, patients, caregivers, family, profile, discipline, assistant, beforeCodes, cf, date, locality, ytd
    }
    static func kind(_ p: RulesInputError.Problem) -> ProblemKind {
        switch p {
        case .minutesNotPositive: .minutes
        case .patientsBelowOne: .patients
        case .caregiversBelowOne: .caregivers
        case .unknownFamily: .family
        case .unknownProfile: .profile
        case .noDisciplineModifier: .discipline
        case .noAssistantModifier: .assistant
        case .beforeCodes: .beforeCodes
        case .unknownConversionFactor: .cf
        case .dateNotCovered: .date
        case .unknownLocality: .locality
        case .negativeYearToDate: .ytd
        }
    }

    @Test(arguments: problems.indices) func problem(_ i: Int) {
        let (p, calc, page) = Self.problems[i]
        #expect(Self.text.problem(p) == calc)
        #expect(Self.held.pageProblem(p, familyName: "Direct care") == page)
    }

    @Test func inputErrorNamesTheOption() {
        let e = RulesInputError(.yearToDateAmount, .negativeYearToDate(Self.n("-1")))
        #expect(e.field.rawValue == "ytd-amount")
        #expect(Self.text.problem(e.problem) == "expected an amount of 0 or more, got '-1'")
        // The date of service is a placeholder on pages only.
        #expect(Self.held.problem(.beforeCodes(family: "f", codes: ["A"], validFrom: Self.d("2025-01-01"), date: Self.d("2024-01-01")))
            == "the f codes (A) exist for dates of service from 2025-01-01, got {date}")
    }

    static let timeline: [(TimelineChange, String)] = [
        (.codesAvailable(familyName: "Direct care", codes: ["G0541", "G0542", "G0543"]),
         "Direct care codes available: G0541, G0542, G0543"),
        (.feeSchedule(label: "CY2025", conversionFactor: n("32.3465"), options: []), "CY2025: conversion factor 32.3465"),
        (.feeSchedule(label: "CY2026", conversionFactor: n("33.4009"), options: [
            ConversionFactorOption(id: "qp", label: "qualifying APM participants", value: n("33.5675"), isDefault: false, source: "s"),
        ]), "CY2026: conversion factor 33.4009; qualifying APM participants: 33.5675"),
        (.policy("KX threshold $2,410"), "KX threshold $2,410"),
    ]
    enum TimelineChangeKind: CaseIterable { case codes, fees, policy }
    static func kind(_ c: TimelineChange) -> TimelineChangeKind {
        switch c {
        case .codesAvailable: .codes
        case .feeSchedule: .fees
        case .policy: .policy
        }
    }

    @Test(arguments: timeline.indices) func timelineChange(_ i: Int) {
        #expect(Self.text.timeline(Self.timeline[i].0) == Self.timeline[i].1)
    }

    @Test func componentsAndDisciplines() {
        #expect(RVUComponent.allCases.map(Self.text.component) == ["work", "PE non-facility", "PE facility", "MP"])
        #expect(Discipline.allCases.map(Self.text.discipline)
            == ["physical therapy", "occupational therapy", "speech-language pathology"])
    }

    @Test func unitThresholdWording() {
        #expect(Self.text.unitThreshold(UnitThreshold(code: "97551", unit: 2, minutes: 53, reached: true))
            == "97551 unit 2 at 53 min (reached)")
        #expect(Self.held.unitThreshold(UnitThreshold(code: "97550", unit: 1, minutes: 16, reached: false))
            == "97550 unit 1 at 16 min (not reached)")
    }

    @Test func splitWording() {
        let s = BeneficiarySplit(
            allowed: Self.n("77.63"), coinsurancePercent: Self.n("20"), coinsurance: Self.n("15.53"),
            medicareBeforeSequestration: Self.n("62.10"), sequestrationPercent: Self.n("2"),
            sequestration: Self.n("1.24"), medicarePaid: Self.n("60.86"))
        #expect(Self.text.splitLine(s) == "Split (Part B deductible met): patient 20% coinsurance 15.53; Medicare 62.10 "
            + "less 2% sequestration 1.24 = 60.86")
        #expect(Self.text.splitSummary(s) == "Who pays (Part B deductible met): the patient owes 20% coinsurance; "
            + "Medicare pays the rest less 2% sequestration.")
        #expect(Self.text.splitAssumption == "Part B deductible already met")
    }
}
