import Foundation
import Testing

@testable import CodingRules
@testable import SiteContent
@testable import GuideData
@testable import FeeImport
import TestSupport

/// `ctsguide fees import` on the real CMS files in Tests/Fixtures/reference-data (copied from the team's reference data) and on the fixtures in
/// Fixtures/import (README there): results compared with the data already in Content/data.
@Suite struct FeeImportTests {
    static let shared = Paths.sharedData
    static let cms2026 = Paths.cms2026
    static let fixtures = Paths.fixtures + "/import"
    static let qpp = fixtures + "/PPRRVU2026_Jan_QPP-caregiver-rows.csv"

    static func snapshot(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let base = dir + "/data"
        for sub in (FileManager.default.subpaths(atPath: base) ?? []).sorted() {
            if let d = FileManager.default.contents(atPath: base + "/" + sub) { out[sub] = d }
        }
        return out
    }

    static func run(
        _ dir: String, rvu: [String], gpci: String, effective: String, source: String? = nil, force: Bool = false
    ) -> CommandOutcome {
        FeeImporter.run(rvuFiles: rvu, gpciFile: gpci, effective: effective, source: source, force: force, content: dir)
    }

    @Test func excerpt2025LeavesContentDataByteIdentical() throws {
        let dir = try DataTestSupport.copyOfContent()
        let before = Self.snapshot(dir)
        let out = Self.run(dir, rvu: [Self.shared + "/pprrvu-2025-oct-excerpt.csv"], gpci: Self.shared + "/gpci-2025.csv", effective: "2025-01-01")
        #expect(out.exitCode == 0 && out.diagnostics.isEmpty, "\(out.diagnostics)")
        #expect(out.stdout.hasPrefix("unchanged:"))
        #expect(Self.snapshot(dir) == before && before.count >= 10)
    }

    @Test func real2026FilesReproduceContentData() throws {
        let dir = try DataTestSupport.copyOfContent()
        let before = Self.snapshot(dir)
        let out = Self.run(
            dir, rvu: [Self.cms2026 + "/PPRRVU2026_Jul_nonQPP.csv", Self.qpp], gpci: Self.cms2026 + "/GPCI2026_Jan.csv",
            effective: "2026-01-01")
        #expect(out.exitCode == 0 && out.stdout.hasPrefix("unchanged:"), "\(out.diagnostics)")
        #expect(Self.snapshot(dir) == before)
        let fee = try #require(String(data: before["fees/2026-01-01.yaml"]!, encoding: .utf8))
        #expect(fee.contains("sha256: b7d197e73211ef6854c213c267d5fa9dec8df995db8e1ee7d44c0556ad7cee21"))
        #expect(fee.contains("released: \"06/30/2026\"") && !fee.contains("Caregiver traing"))
    }

    /// The January GPCI file (work GPCI with and without the floor): the floor of policies.yaml is in force on
    /// 2026-01-01, so the floored column prices; both are kept (work_gpci_unfloored).
    @Test func januaryGPCIKeepsBothWorkColumnsAndPricesWithTheFloor() throws {
        let dir = try DataTestSupport.copyOfContent()
        let out = Self.run(
            dir, rvu: [Self.cms2026 + "/PPRRVU2026_Jul_nonQPP.csv", Self.qpp], gpci: Self.cms2026 + "/GPCI2026_Jan.csv",
            effective: "2026-01-01")
        #expect(out.exitCode == 0, "\(out.diagnostics)")
        let csv = String(decoding: Self.snapshot(dir)["gpci/2026.csv"] ?? Data(), as: UTF8.self)
        #expect(csv.hasPrefix("year,mac,locality,name,state,work_gpci,pe_gpci,mp_gpci,work_gpci_unfloored\n"))
        #expect(csv.contains("2026,10112,00,ALABAMA,AL,1.000,0.875,0.566,0.988\n"))
        #expect(csv.contains("2026,02102,01,ALASKA,AK,1.500,1.065,0.551,1.500\n"))
        #expect(csv.contains("\"HAWAII, GUAM\""))
        let site = try #require(SiteDataLoader.load(contentDirectory: dir).output)
        let table = try #require(site.rules.gpciTables["2026"])
        #expect(table.rows.values.filter { $0.workUnfloored < DecimalValue(1) }.count == 47)
        #expect(table.rows["10112-00"]?.isWorkFloored == true && table.rows["02102-01"]?.isWorkFloored == false)
        let floor = try #require(site.rules.policies.workGPCIFloor.entry(on: CalendarDate(parsing: "2026-12-31")!))
        #expect(floor.value.description == "1.000" && floor.source == "cms-gpci-2026")
        #expect(site.rules.policies.workGPCIFloor.entry(on: CalendarDate(parsing: "2027-01-01")!) == nil)
    }

    /// The July file states only the floored work GPCI: importing it over the January table would lose the
    /// unfloored values, so it is refused with the changes listed (the floored values agree).
    @Test func julyGPCIWouldDropTheUnflooredColumnAndIsRefused() throws {
        let dir = try DataTestSupport.copyOfContent()
        let before = Self.snapshot(dir)
        let out = Self.run(
            dir, rvu: [Self.cms2026 + "/PPRRVU2026_Jul_nonQPP.csv", Self.qpp], gpci: Self.cms2026 + "/GPCI2026_Jul.csv",
            effective: "2026-01-01")
        #expect(out.exitCode == 1 && Self.snapshot(dir) == before)
        #expect(out.diagnostics.first?.id == "import.period-exists")
        // The notes list each figure that would change: their words are tested on purpose.
        let changes = out.diagnostics.first?.notes.map(\.message) ?? []
        #expect(changes.contains("locality 10112-00 unfloored work GPCI: 0.988 → 1.000"))
        #expect(!changes.contains { $0.hasPrefix("locality 10112-00 work GPCI") })
    }

    @Test func layout2024WithAddendumE() throws {
        let dir = try DataTestSupport.copyOfContent()
        let before = Self.snapshot(dir)
        let out = Self.run(
            dir, rvu: [Self.fixtures + "/PPRRVU24_JAN-caregiver-rows.csv"], gpci: Self.fixtures + "/GPCI2024-addendum-e.csv",
            effective: "2024-01-01", source: "cms-rvu24a")
        #expect(out.exitCode == 0, "\(out.diagnostics)")
        let after = Self.snapshot(dir)
        #expect(after["gpci/2024.csv"] == before["gpci/2024.csv"])  // footnote marks stripped, same 109 rows
        let old = try #require(SiteDataLoader.load(contentDirectory: DataTestSupport.content).output)
        let new = try #require(SiteDataLoader.load(contentDirectory: dir).output)
        let day = CalendarDate(parsing: "2024-01-01")!
        let a = try #require(old.rules.period(effective: day))
        let b = try #require(new.rules.period(effective: day))
        let parts = { (r: RVUSet) in [r.work, r.peNonfacility, r.peFacility, r.mp] }
        #expect(a.rvus.mapValues(parts) == b.rvus.mapValues(parts) && b.rvus.count == 3)
        #expect(b.rvus["97550"]?.peNonfacility?.description == "0.56" && b.defaultConversionFactor.value.description == "32.7442")
        #expect(new.provenance(of: b)?.rvu.first?.released == "12/22/2023")
    }

    @Test func excelResavedCopiesGiveTheSameFigures() throws {
        let dir = try DataTestSupport.copyOfContent()
        let before = Self.snapshot(dir)
        let out = Self.run(
            dir, rvu: [Self.fixtures + "/PPRRVU2026_Jul_nonQPP-excel-resaved.csv", Self.qpp],
            gpci: Self.fixtures + "/GPCI2026_Jul-excel-resaved.csv", effective: "2026-01-01", force: true)
        #expect(out.exitCode == 0 && out.stdout.hasPrefix("wrote"), "\(out.diagnostics)")
        let after = Self.snapshot(dir)
        // The July file has no unfloored work column (hence --force); the eight columns it has are the same.
        let eight = { (d: Data?) in
            String(decoding: d ?? Data(), as: UTF8.self).split(separator: "\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).prefix($0.contains("\"") ? 9 : 8).joined(separator: ",")
            }
        }
        #expect(eight(after["gpci/2026.csv"]) == eight(before["gpci/2026.csv"]) && eight(before["gpci/2026.csv"]).count == 110)
        let strip = { (d: Data?) -> [Substring] in
            String(data: d ?? Data(), encoding: .utf8)!.split(separator: "\n").filter {
                !$0.contains("file:") && !$0.contains("sha256:")
            }
        }
        #expect(strip(after["fees/2026-01-01.yaml"]) == strip(before["fees/2026-01-01.yaml"]))
    }

    @Test func changedFiguresAreRefusedUnlessForced() throws {
        let dir = try DataTestSupport.copyOfContent()
        try DataTestSupport.edit(dir, "fees/2025-01-01.yaml", "    pe_facility: 0.35", "    pe_facility: 0.36")
        let edited = Self.snapshot(dir)
        let args = ([Self.shared + "/pprrvu-2025-oct-excerpt.csv"], Self.shared + "/gpci-2025.csv")
        let refused = Self.run(dir, rvu: args.0, gpci: args.1, effective: "2025-01-01")
        #expect(refused.exitCode == 1 && refused.diagnostics.count == 1)
        #expect(refused.diagnostics.first?.id == "import.period-exists")
        // Each figure that would change is a note, so it prints on a line of its own: the words are tested on purpose.
        let fee = dir + "/data/fees/2025-01-01.yaml"
        #expect(DiagnosticFormatter.text(refused.diagnostics) == """
            \(fee):1:1: error: period 2025-01-01 already exists with different figures; nothing written. It would change:
                hint: check the changes against the CMS release notes, then run again with --force
                note: \(fee):1:1: 97550 PE RVU facility: 0.36 → 0.35
            """)
        #expect(Self.snapshot(dir) == edited)
        let forced = Self.run(dir, rvu: args.0, gpci: args.1, effective: "2025-01-01", force: true)
        #expect(forced.exitCode == 0 && forced.stdout.contains("97550 PE RVU facility: 0.36 → 0.35"))
        let original = Self.snapshot(DataTestSupport.content)
        #expect(Self.snapshot(dir)["fees/2025-01-01.yaml"] == original["fees/2025-01-01.yaml"])
    }
}
