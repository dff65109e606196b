@testable import CodingRules
import Testing

/// Every step of a unit's amount comes back from the rules, exact, rounded to cents only where CMS rounds.
@Suite struct PriceBreakdownTests {
    let rules = Fixture.rules
    var period2025: FeePeriod { rules.period(on: Fixture.d("2025-06-02"))! }

    @Test func localityTherapistAndAssistantStepByStep() throws {
        // Alaska 97550 non-facility 2025: (1.00×1.500 + 0.58×1.081 + 0.03×0.592) × 32.3465.
        let r = rules.priceBreakdown(
            code: "97550", period: period2025, setting: .nonfacility, provider: .assistant,
            locality: .locality(id: "02102-01"), assistantPercentDate: Fixture.d("2025-06-02"))
        let b = try #require(r.breakdown)
        #expect(b.rvus == .init(work: Fixture.n("1.00"), pe: Fixture.n("0.58"), mp: Fixture.n("0.03")))
        #expect(b.gpci == .init(work: Fixture.n("1.500"), pe: Fixture.n("1.081"), mp: Fixture.n("0.592")))
        #expect(b.adjusted == .init(work: Fixture.n("1.5"), pe: Fixture.n("0.62698"), mp: Fixture.n("0.01776")))
        #expect(b.adjustedTotal == Fixture.n("2.14474"))
        #expect(b.conversionFactor.value == Fixture.n("32.3465"))
        #expect(b.unrounded == Fixture.n("69.37483241"))
        #expect(b.unrounded.description == "69.37483241")  // exact: no digit dropped before rounding
        #expect(b.feeScheduleAmount.moneyText == "69.37")
        #expect(b.assistantPercent == Fixture.n("85"))
        // rules.md §5 (December 2026): the assistant share is taken of the fee schedule amount in cents, then
        // rounded: 69.37 × 0.85 = 58.9645 → 58.96 (85 % of the unrounded 69.3748… gave 58.97 before).
        #expect(b.assistantUnrounded == Fixture.n("58.9645"))
        #expect(b.amount.moneyText == "58.96")
        #expect(r.amount == Fixture.n("58.96"))
        // On a line of several units the share is taken of the line: 69.37 × 3 × 0.85 = 176.8935 → 176.89.
        #expect(b.lineAmount(units: 3).moneyText == "176.89")
        #expect(b.lineAmount(units: 1) == b.amount)
    }

    @Test func nationalTherapistUsesGPCIOneAndNoAssistantStep() throws {
        let b = try #require(rules.priceBreakdown(code: "97550", period: period2025, setting: .facility).breakdown)
        #expect(b.gpci == .init(work: Fixture.n("1"), pe: Fixture.n("1"), mp: Fixture.n("1")))
        #expect(b.rvus.pe == Fixture.n("0.35"))  // the facility PE column
        #expect(b.adjustedTotal == Fixture.n("1.38"))
        #expect(b.unrounded == Fixture.n("44.63817"))
        #expect(b.amount.moneyText == "44.64" && b.feeScheduleAmount == b.amount)
        #expect(b.assistantPercent == nil && b.assistantUnrounded == nil)
    }

    @Test func claimLinesCarryTheirBreakdown() throws {
        let r = try rules.evaluate(Fixture.input(40))
        #expect(r.lines.count == 2)
        for l in r.lines {
            let b = try #require(l.price)
            #expect(b.code == l.code && l.unitAmount == b.amount && l.amount == b.amount * l.units)
        }
    }

    @Test func missingDataIsStructured() {
        let p26 = rules.period(on: Fixture.d("2026-06-01"))!
        #expect(
            rules.priceBreakdown(code: "97550", period: p26, setting: .nonfacility)
                == .missing([.rvuComponents([.peNonfacility, .mp], code: "97550", periodLabel: "CY2026")]))
        #expect(
            rules.priceBreakdown(code: "97551", period: p26, setting: .facility, locality: .locality(id: "02102-01"))
                == .missing([
                    .rvuComponents([.work, .peFacility, .mp], code: "97551", periodLabel: "CY2026"),
                    .gpciTable(periodLabel: "CY2026", note: "CY2026 GPCI table"),
                ]))
        #expect(
            rules.priceBreakdown(code: "97550", period: period2025, setting: .nonfacility, locality: .locality(id: "99999-99"))
                == .missing([.gpciRow(locality: "99999-99", table: "2025")]))
        #expect(
            rules.priceBreakdown(code: "97550", period: period2025, setting: .nonfacility, conversionFactor: "nope")
                == .missing([.conversionFactor(id: "nope", periodLabel: "CY2025")]))
        #expect(
            rules.priceBreakdown(code: "NOPE", period: period2025, setting: .nonfacility)
                == .missing([.rvus(code: "NOPE", periodLabel: "CY2025")]))
    }

    /// The bulk form answers each locality exactly as one call per locality does, a missing GPCI row included.
    @Test func manyLocalitiesAtOnceEqualOneCallEach() throws {
        let places: [LocalityChoice] = [.national, .locality(id: "02102-01"), .locality(id: "99999-99"), .national]
        for provider in Provider.allCases {
            for setting in Setting.allCases {
                let bulk = rules.priceBreakdowns(
                    code: "97550", period: period2025, setting: setting, provider: provider, localities: places,
                    assistantPercentDate: Fixture.d("2025-06-02"))
                let one = places.map {
                    rules.priceBreakdown(
                        code: "97550", period: period2025, setting: setting, provider: provider, locality: $0,
                        assistantPercentDate: Fixture.d("2025-06-02"))
                }
                #expect(bulk == one, "\(provider) \(setting)")
                #expect(bulk[2] == .missing([.gpciRow(locality: "99999-99", table: "2025")]))
                #expect(bulk[1].breakdown?.locality == .locality(id: "02102-01"))
            }
        }
        let alaska = try #require(
            rules.priceBreakdowns(code: "97550", period: period2025, setting: .nonfacility, provider: .assistant,
                             localities: places, assistantPercentDate: Fixture.d("2025-06-02"))[1].amount)
        #expect(alaska.moneyText == "58.96")  // rules.md §5 assistant rounding (was 58.97)
        #expect(
            rules.priceBreakdowns(code: "97550", period: period2025, setting: .nonfacility, localities: places, conversionFactor: "nope")
                == Array(repeating: .missing([.conversionFactor(id: "nope", periodLabel: "CY2025")]), count: 4))
    }
}
