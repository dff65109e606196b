@testable import CodingRules
import Testing

/// Expected units written out independently of UnitProfile: explicit threshold lists.
func expectedMidpoint(_ m: Int) -> (Int, Int) {
    if m < 16 { return (0, 0) }
    let addOnStarts = stride(from: 38, through: 1000, by: 15)
    return (1, addOnStarts.filter { m >= $0 }.count)
}

func expectedFull(_ m: Int) -> (Int, Int) {
    if m < 30 { return (0, 0) }
    return (1, [45, 60, 75, 90, 105, 120, 135, 150, 165, 180, 195, 210, 225, 240].filter { m >= $0 }.count)
}

@Suite struct UnitsTests {
    let mid = Fixture.profiles[0], full = Fixture.profiles[1]

    @Test(arguments: 0...240)
    func everyMinuteMidpoint(minutes: Int) {
        let e = expectedMidpoint(minutes)
        #expect(mid.initialUnits(minutes: minutes) == e.0)
        #expect(mid.addOnUnits(minutes: minutes) == e.1)
    }

    @Test(arguments: 0...240)
    func everyMinuteFullUnits(minutes: Int) {
        let e = expectedFull(minutes)
        #expect(full.initialUnits(minutes: minutes) == e.0)
        #expect(full.addOnUnits(minutes: minutes) == e.1)
    }

    /// rules.md §3 boundaries: 15/16, 37/38, 52/53, 67/68, 82/83.
    @Test(arguments: [(15, 0, 0), (16, 1, 0), (37, 1, 0), (38, 1, 1), (52, 1, 1), (53, 1, 2), (67, 1, 2),
                      (68, 1, 3), (82, 1, 3), (83, 1, 4), (97, 1, 4), (98, 1, 5)])
    func midpointBoundaries(minutes: Int, initial: Int, addOn: Int) throws {
        let r = try Fixture.rules.evaluate(Fixture.input(minutes))
        #expect(r.billable == (initial == 1))
        #expect(r.lines.first(where: { $0.code == "97550" })?.units ?? 0 == initial)
        #expect(r.lines.first(where: { $0.code == "97551" })?.units ?? 0 == addOn)
    }

    @Test(arguments: [(29, 0, 0), (30, 1, 0), (44, 1, 0), (45, 1, 1), (59, 1, 1), (60, 1, 2)])
    func fullUnitsBoundaries(minutes: Int, initial: Int, addOn: Int) throws {
        var input = Fixture.input(minutes)
        input.profile = "full-units"
        let r = try Fixture.rules.evaluate(input)
        #expect(r.lines.first(where: { $0.code == "97550" })?.units ?? 0 == initial)
        #expect(r.lines.first(where: { $0.code == "97551" })?.units ?? 0 == addOn)
        #expect(r.profile == "full-units")
    }

    @Test(arguments: ["ama-midpoint", "full-units"])
    func unitsNeverDecreaseAndNoAddOnWithoutInitial(profile: String) throws {
        var previous = 0
        for m in 1...240 {
            var input = Fixture.input(m)
            input.profile = profile
            let r = try Fixture.rules.evaluate(input)
            let units = r.lines.reduce(0) { $0 + $1.units }
            #expect(units >= previous, "units dropped at \(m) min")
            previous = units
            if r.lines.contains(where: { $0.role == .addOn }) {
                #expect(r.lines.first?.role == .initial && r.lines.first?.units == 1)
            }
            #expect(r.lines.filter { $0.role == .initial }.count <= 1)
        }
    }

    @Test func bandsMatchRulesTable() {
        let bands = mid.bands(upTo: 90)
        let shape = bands.map { "\($0.fromMinutes)-\($0.throughMinutes.map(String.init) ?? "")" }
        #expect(shape == ["0-15", "16-37", "38-52", "53-67", "68-82", "83-"])
        #expect(bands.map(\.addOnUnits) == [0, 0, 1, 2, 3, 4])
        #expect(mid.thresholds(addOnUnits: 3).addOn == [38, 53, 68])
    }

    @Test func underSixteenMinutesIsNotBillableWithReason() throws {
        let r = try Fixture.rules.evaluate(Fixture.input(15))
        #expect(!r.billable)
        #expect(r.lines.isEmpty)
        #expect(r.total == nil)
        #expect(r.reasons.count == 1)
        let profile = Fixture.rules.defaultProfile?.name ?? "?"
        #expect(r.reasons.first == .belowInitialMinimum(minutes: 15, minimum: 16, code: "97550", profileName: profile))
    }

    @Test func thresholdNotesNameTheDecidingMinutes() throws {
        let r = try Fixture.rules.evaluate(Fixture.input(38))
        #expect(r.thresholdNotes.count == 2)
        #expect(r.thresholdNotes.first == .initial(code: "97550", minimum: 16, profileName: Fixture.rules.defaultProfile?.name ?? "?"))
        #expect(r.thresholdNotes.last == .addOn(code: "97551", reachedAt: [38], nextAt: 53, sessionMinutes: 38))
        #expect(r.thresholds.filter(\.reached).map(\.minutes) == [16, 38])
    }

    /// CMS total-time rule: 33 + 7 = 40 min → 3 units, 2 to the first service and 1 to the second.
    @Test func cmsTotalTimeRule() {
        let rule = Fixture.rules.totalTimeRule
        let c = rule.compare([TimedService(name: "a", minutes: 33), TimedService(name: "b", minutes: 7)])
        #expect(c.totalUnits == 3)
        #expect(c.cmsUnits == [2, 1])
        #expect(c.perServiceUnits == [2, 0])
        let c2 = rule.compare([TimedService(name: "a", minutes: 7), TimedService(name: "b", minutes: 7)])
        #expect(c2.totalUnits == 1 && c2.cmsUnits == [1, 0] && c2.perServiceUnits == [0, 0])
        #expect(rule.totalUnits(minutes: 7) == 0 && rule.totalUnits(minutes: 8) == 1 && rule.totalUnits(minutes: 22) == 1
            && rule.totalUnits(minutes: 23) == 2)
    }
}
