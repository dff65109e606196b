import CodingRules
import Testing

@Suite struct EvaluateTests {
    let rules = Fixture.rules
    func run(_ edit: (inout SessionInput) -> Void, minutes: Int = 40, date: String = "2025-06-02") throws -> SessionResult {
        var input = Fixture.input(minutes, date)
        edit(&input)
        return try rules.evaluate(input)
    }

    @Test(arguments: [2, 5])
    func groupIsOneUntimedUnitPerPatientClaim(patients: Int) throws {
        for minutes in [1, 10, 45, 120] {
            let r = try run({ $0.patients = patients }, minutes: minutes)
            #expect(r.kind == .group && r.billable)
            #expect(r.lines.count == 1 && r.lines[0].code == "97552" && r.lines[0].units == 1)
            #expect(!r.lines.contains { $0.role == .addOn })
            #expect(r.documentation.map(\.text).contains("Patients and caregivers counted"))
            #expect(!r.documentation.map(\.text).contains("Start and stop times"))
        }
    }

    @Test func onePatientWithThreeCaregiversStaysIndividual() throws {
        let r = try run({ $0.caregivers = 3 }, minutes: 40)
        #expect(r.kind == .individual)
        #expect(r.lines.map(\.code) == ["97550", "97551"])
        #expect(r.documentation.map(\.text).contains("Start and stop times"))
    }

    @Test func behaviorFamilyGroupIsNotBillable() throws {
        let r = try run({ $0.patients = 3; $0.family = "behavior" })
        #expect(!r.billable && r.lines.isEmpty && r.reasons == [.noGroupCode(familyName: "Behavior", explanation: "no group code in this family")])
    }

    @Test(arguments: [(Discipline.pt, Provider.therapist, ["GP"]), (.ot, .therapist, ["GO"]), (.slp, .therapist, ["GN"]),
                      (.pt, .assistant, ["CQ", "GP"]), (.ot, .assistant, ["CO", "GO"])])
    func disciplineAndAssistantModifiers(discipline: Discipline, provider: Provider, expected: [String]) throws {
        let r = try run({ $0.discipline = discipline; $0.provider = provider })
        #expect(!r.lines.isEmpty && r.lines.allSatisfy { $0.modifiers == expected })
    }

    @Test func slpAssistantIsInvalid() {
        #expect(throws: RulesInputError.self) { try run({ $0.discipline = .slp; $0.provider = .assistant }) }
        do {
            _ = try run({ $0.discipline = .slp; $0.provider = .assistant })
        } catch let e as RulesInputError {
            #expect(e.field == .provider)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func assistantIsPaidEightyFivePercentOfUnrounded() throws {
        // 97550 2025 NF: 1.61 × 32.3465 = 52.077865; × 0.85 = 44.26618525 → 44.27 (facts.md §8 worked example).
        let r = try run({ $0.provider = .assistant }, minutes: 20)
        #expect(r.lines[0].unitAmount == Fixture.n("44.27"))
    }

    @Test func telehealth2024NotBillable2025BillableWith95() throws {
        let r24 = try run({ $0.telehealth = true }, date: "2024-12-31")
        #expect(!r24.billable && r24.lines.isEmpty && r24.reasons == [.telehealthNotListed(date: Fixture.d("2024-12-31"), policy: "not on the list in 2024")])
        let r25 = try run({ $0.telehealth = true }, date: "2025-01-01")
        #expect(r25.billable && !r25.lines.isEmpty && r25.lines.allSatisfy { $0.modifiers == ["95", "GP"] })
        #expect(r25.warnings.contains { if case .provisionalTelehealth = $0 { return true } else { return false } })
        let lapse = try run({ $0.telehealth = true }, date: "2025-10-15")
        #expect(lapse.billable && lapse.warnings.contains(.telehealthLapseRestored(date: Fixture.d("2025-10-15"), policy: "lapse restored")))
        let inPerson2024 = try run({ _ in }, date: "2024-12-31")
        #expect(inPerson2024.billable)
    }

    @Test func telehealthIsPricedByPlaceOfService() throws {
        let home = try run({ $0.telehealth = true; $0.setting = .nonfacility }, minutes: 20)
        let other = try run({ $0.telehealth = true; $0.setting = .facility }, minutes: 20)
        #expect(home.lines[0].unitAmount == Fixture.n("52.08"))
        #expect(other.lines[0].unitAmount == Fixture.n("44.64"))
    }

    @Test func kxWhenTheClaimCrossesTheThreshold() throws {
        // 40 min 2025 = 52.08 + 25.55 = 77.63; threshold 2410.
        #expect(try run({ $0.yearToDateAmount = Fixture.n("2300") }).lines[0].modifiers == ["GP"])
        #expect(try run({ $0.yearToDateAmount = Fixture.n("2332.37") }).lines[0].modifiers == ["GP"])
        #expect(try run({ $0.yearToDateAmount = Fixture.n("2332.38") }).lines[0].modifiers == ["GP", "KX"])
        #expect(try run({ $0.yearToDateAmount = Fixture.n("5000") }).lines[0].modifiers == ["GP", "KX"])
        // 2024 (from 03-09): 52.93 + 26.30 = 79.23; threshold 2330.
        #expect(try run({ $0.yearToDateAmount = Fixture.n("2250.77") }, date: "2024-06-01").lines[0].modifiers == ["GP"])
        #expect(try run({ $0.yearToDateAmount = Fixture.n("2250.78") }, date: "2024-12-31").lines[0].modifiers == ["GP", "KX"])
        #expect(try run({ $0.discipline = .ot; $0.yearToDateAmount = Fixture.n("2400") }).lines[0].modifiers == ["GO", "KX"])
        #expect(try run({ $0.yearToDateAmount = nil }).lines[0].modifiers == ["GP"])
    }

    @Test func conversionFactorPeriodBoundary2024() throws {
        let a = try run({ _ in }, minutes: 20, date: "2024-03-08")
        let b = try run({ _ in }, minutes: 20, date: "2024-03-09")
        #expect(a.feeSchedule.conversionFactor?.value == Fixture.n("32.7442") && a.lines[0].unitAmount == Fixture.n("52.06"))
        #expect(b.feeSchedule.conversionFactor?.value == Fixture.n("33.2875") && b.lines[0].unitAmount == Fixture.n("52.93"))
    }

    @Test func yearBoundary2024To2025() throws {
        #expect(throws: RulesInputError.self) { try run({ $0.family = "direct-care" }, date: "2024-12-31") }
        let g = try run({ $0.family = "direct-care" }, date: "2025-01-01")
        #expect(g.lines.map(\.code) == ["G0541", "G0542"] && g.total == Fixture.n("77.63"))
        let a = try run({ _ in }, minutes: 20, date: "2024-12-31"), b = try run({ _ in }, minutes: 20, date: "2025-01-01")
        #expect(a.lines[0].unitAmount == Fixture.n("52.93") && b.lines[0].unitAmount == Fixture.n("52.08"))
        #expect(a.documentation[1].text == "Consent documented" && b.documentation[1].text == "Consent, verbal allowed, documented")
    }

    @Test func yearBoundary2025To2026HasNullMoneyAndWarning() throws {
        let a = try run({ _ in }, date: "2025-12-31")
        #expect(a.total == Fixture.n("77.63") && a.warnings.isEmpty)
        let b = try run({ _ in }, date: "2026-01-01")
        #expect(b.billable && b.lines.map(\.code) == ["97550", "97551"])
        #expect(!b.lines.isEmpty && b.lines.allSatisfy { $0.unitAmount == nil && $0.amount == nil } && b.total == nil && b.split == nil)
        #expect(b.warnings == [.amountsNotInGuide(periodLabel: "CY2026")])
        #expect(b.missingData.contains(.periodNote("PE and MP RVUs for 2026")))
        #expect(b.missingData.contains(.gpciTable(periodLabel: "CY2026", note: "CY2026 GPCI table")))
        #expect(b.feeSchedule.conversionFactor?.value == Fixture.n("33.4009"))
        let qp = try run({ $0.conversionFactor = "qp" }, date: "2026-01-01")
        #expect(qp.feeSchedule.conversionFactor?.value == Fixture.n("33.5675"))
        let loc = try run({ $0.locality = .locality(id: "02102-01") }, date: "2026-06-01")
        #expect(loc.missingData.contains(.gpciTable(periodLabel: "CY2026", note: "CY2026 GPCI table")))
    }

    @Test func localityPricing() throws {
        // Alaska 97550 NF 2025: (1.00×1.500 + 0.58×1.081 + 0.03×0.592) × 32.3465 = 2.14474 × 32.3465 = 69.3743... → 69.37
        let r = try run({ $0.locality = .locality(id: "02102-01") }, minutes: 20)
        #expect(r.lines[0].unitAmount == Fixture.n("69.37"))
        #expect(r.localityRecord?.name == "ALASKA")
    }

    @Test func totalIsSumOfLinesAndSplit() throws {
        for m in stride(from: 16, through: 240, by: 7) {
            let r = try run({ _ in }, minutes: m)
            let sum = r.lines.compactMap(\.amount).reduce(DecimalValue.zero, +)
            #expect(r.total == sum)
            for l in r.lines { #expect(l.amount == l.unitAmount.map { $0 * l.units }) }
        }
        let r = try run({ _ in }, minutes: 20)
        #expect(r.split?.coinsurance == Fixture.n("10.42") && r.split?.medicareBeforeSequestration == Fixture.n("41.66"))
        #expect(r.split?.medicarePaid == Fixture.n("40.83"))
    }

    @Test func sameInputSameOutput() throws {
        for m in [10, 38, 99] {
            #expect(try run({ _ in }, minutes: m) == (try run({ _ in }, minutes: m)))
        }
    }

    @Test(arguments: [
        (0, 1, "2025-06-02", RulesInputError.Field.minutes), (-5, 1, "2025-06-02", .minutes), (20, 0, "2025-06-02", .patients),
        (20, 1, "2023-12-31", .date), (20, 1, "2027-01-01", .date),
    ])
    func invalidInput(minutes: Int, patients: Int, date: String, field: RulesInputError.Field) {
        do {
            _ = try rules.evaluate(SessionInput(minutes: minutes, patients: patients, date: Fixture.d(date)))
            Issue.record("expected an error")
        } catch {
            #expect(error.field == field)
        }
    }

    @Test func unknownNamesAreInvalid() {
        var i = Fixture.input(20)
        i.profile = "nope"
        #expect(throws: RulesInputError.self) { try rules.evaluate(i) }
        i = Fixture.input(20); i.family = "nope"
        #expect(throws: RulesInputError.self) { try rules.evaluate(i) }
        i = Fixture.input(20); i.locality = .locality(id: "99999-99")
        #expect(throws: RulesInputError.self) { try rules.evaluate(i) }
        i = Fixture.input(20); i.conversionFactor = "qp"
        #expect(throws: RulesInputError.self) { try rules.evaluate(i) }
    }

    @Test func timelineIsSortedAndIncludesChanges() {
        let t = rules.policyTimeline(from: Fixture.d("2024-01-01"))
        #expect(t == t.sorted { ($0.date, $0.topic) < ($1.date, $1.topic) })
        #expect(t.contains { $0.date == Fixture.d("2024-03-09") && $0.topic == "fee-schedule" })
        #expect(t.contains { $0.date == Fixture.d("2025-01-01") && $0.topic == "consent" })
    }
}
