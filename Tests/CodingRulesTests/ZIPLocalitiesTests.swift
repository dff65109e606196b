import CodingRules
import Testing

@Suite struct ZIPLocalitiesTests {
    static let table = ZIPLocalityTable(
        yearQuarter: "q", gpciTable: "t",
        runs: ZIPLocalityTable.runs(from: [
            501: ("A-1", false), 502: ("A-1", false), 503: ("A-1", true), 505: ("A-1", false), 506: ("B-2", false),
            99950: ("C-3", false),
        ]))

    @Test func runsJoinOnlyConsecutiveEqualZIPs() {
        #expect(Self.table.runs == [
            ZIPRun(from: 501, through: 502, localityID: "A-1", split: false),
            ZIPRun(from: 503, through: 503, localityID: "A-1", split: true),
            ZIPRun(from: 505, through: 505, localityID: "A-1", split: false),
            ZIPRun(from: 506, through: 506, localityID: "B-2", split: false),
            ZIPRun(from: 99950, through: 99950, localityID: "C-3", split: false),
        ])
        #expect(Self.table.count == 6 && Self.table.overlaps.isEmpty)
    }

    @Test(arguments: [
        ("00501", ZIPLookup.found(localityID: "A-1", split: false)), ("00502", .found(localityID: "A-1", split: false)),
        ("00503", .found(localityID: "A-1", split: true)), ("00504", .unknown), (" 00506 ", .found(localityID: "B-2", split: false)),
        ("99950", .found(localityID: "C-3", split: false)), ("99951", .unknown), ("00000", .unknown), ("00500", .unknown),
        ("501", .malformed), ("005011", .malformed), ("0050a", .malformed), ("", .malformed), ("٠٠٥٠١", .malformed),
        ("\t00501 ", .found(localityID: "A-1", split: false)), ("005 01", .malformed), (" ", .malformed),
    ])
    func lookup(zip: String, expected: ZIPLookup) {
        #expect(Self.table.lookup(zip) == expected)
    }

    @Test func overlapsAreFound() {
        let t = ZIPLocalityTable(yearQuarter: "q", gpciTable: "t", runs: [
            ZIPRun(from: 10, through: 20, localityID: "A-1", split: false),
            ZIPRun(from: 15, through: 15, localityID: "B-2", split: false),
            ZIPRun(from: 21, through: 22, localityID: "B-2", split: false),
        ])
        #expect(t.overlaps.map { [$0.0.from, $0.1.from] } == [[10, 15]])
        #expect(ZIPLocalityTable.text(501) == "00501" && ZIPLocalityTable.text(99950) == "99950")
    }
}
