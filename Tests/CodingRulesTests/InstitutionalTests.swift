import CodingRules
import Testing

/// The institutional setting (rules.md §5; review finding 4): outpatient therapy billed by an institution is
/// priced at the non-facility amount, and telehealth on its line is modifier 95 with no place-of-service pricing.
@Suite struct InstitutionalTests {
    let rules = Fixture.rules

    func run(_ setting: Setting, telehealth: Bool = false, minutes: Int = 40) throws -> SessionResult {
        var input = Fixture.input(minutes, "2025-06-02")
        input.setting = setting
        input.telehealth = telehealth
        return try rules.evaluate(input)
    }

    @Test func institutionalIsPricedAtTheNonFacilityAmount() throws {
        let inst = try run(.institutional)
        let office = try run(.nonfacility)
        let facility = try run(.facility)
        #expect(inst.total == Fixture.n("77.63") && inst.total == office.total)
        #expect(facility.total != inst.total)
        #expect(inst.pricedSetting == .institutional)
        #expect(inst.notes.contains(.institutionalClaim))
    }

    @Test func telehealthOnAnInstitutionalLineIsModifier95AtTheNonFacilityAmount() throws {
        let r = try run(.institutional, telehealth: true, minutes: 20)
        #expect(r.lines[0].modifiers == ["95", "GP"])
        #expect(r.lines[0].unitAmount == Fixture.n("52.08"))
        #expect(r.pricedSetting == .institutional)
        #expect(r.notes.contains(.institutionalTelehealth(modifier: "95")))
        #expect(!r.notes.contains { if case .telehealthPlaceOfService = $0 { return true } else { return false } })
    }

    @Test func settingPicksThePracticeExpenseColumn() {
        #expect(!Setting.institutional.usesFacilityPE && !Setting.nonfacility.usesFacilityPE)
        #expect(Setting.facility.usesFacilityPE)
        #expect(Setting.allCases.count == 3)
    }
}
