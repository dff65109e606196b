import Testing
import CodingRules

/// `compareLocalities`: what a change of GPCI table did to each locality, the work GPCI floor named.
@Suite struct LocalityComparisonTests {
    typealias F = Fixture

    static let alaska = Locality(mac: "02102", number: "01", name: "ALASKA", state: "AK")
    static let manhattan = Locality(mac: "13202", number: "01", name: "MANHATTAN", state: "NY")

    /// 2025 with both localities' work GPCIs raised to the floor; 2026 with `new` rows.
    static func rules(new: [LocalityGPCI]) -> (RulesData, FeePeriod, FeePeriod) {
        let old = [
            LocalityGPCI(locality: alaska, work: F.n("1.000"), pe: F.n("1.081"), mp: F.n("0.592"), workUnfloored: F.n("0.974")),
            LocalityGPCI(locality: manhattan, work: F.n("1.000"), pe: F.n("1.166"), mp: F.n("1.656"), workUnfloored: F.n("0.990")),
        ]
        func table(_ id: String, _ rows: [LocalityGPCI]) -> GPCITable {
            GPCITable(id: id, source: "gpci-src", rows: Dictionary(uniqueKeysWithValues: rows.map { ($0.locality.id, $0) }))
        }
        var a = F.periods[2], b = F.periods[2]
        a.gpciTable = "old"
        b.gpciTable = "new"
        b.range = DateRange(from: F.d("2026-01-01"), through: nil)
        var rules = F.rules
        rules.gpciTables = ["old": table("old", old), "new": table("new", new)]
        return (rules, a, b)
    }

    @Test func aDroppedLocalityIsNotAFloorThatEnded() {
        // Alaska keeps its row without the floor; Manhattan's row is gone.
        let (rules, a, b) = Self.rules(new: [
            LocalityGPCI(locality: Self.alaska, work: F.n("0.974"), pe: F.n("1.081"), mp: F.n("0.592"))
        ])
        let byID = Dictionary(uniqueKeysWithValues: rules.compareLocalities(a, b, code: "97550").map { ($0.locality.id, $0) })
        #expect(byID[Self.alaska.id]?.floor == .ended)
        #expect(byID[Self.manhattan.id]?.floor == WorkFloorEffect.none)
        #expect(byID[Self.manhattan.id]?.new == nil && byID[Self.manhattan.id]?.gpciChanged == true)
    }
}
