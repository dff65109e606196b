import Foundation
import Testing

@testable import CodingRules
@testable import SiteContent
@testable import GuideData
@testable import SiteBuild
@testable import GuideCalc
@testable import FeeImport
import TestSupport
import GuideSite

/// The maintainer's year-end on made-up CY2027 files (Fixtures/import/cy2027, made from the real 2026 ones by
/// make-fixtures.py): every Addendum E header variant and a July mid-year release. After each import the whole
/// site builds without a warning, `calc` prices 2027 exactly as an independent computation from the fixture
/// files, `fees diff` shows Alabama's work GPCI 1.000 → 0.988 with its amount change, and `fees remove` gives
/// back `Content/` byte for byte.
@Suite struct YearEndImportTests {
    static let cy2027 = Paths.fixtures + "/import/cy2027"
    static let janRVU = [cy2027 + "/PPRRVU2027_Jan_nonQPP.csv", cy2027 + "/PPRRVU2027_Jan_QPP.csv"]

    /// A copy of the real Content/ (pages and data) in a new temporary folder.
    static func copyOfContent() throws -> String {
        let dir = NSTemporaryDirectory() + "ctsguide-yearend-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.packageRoot + "/Content", toPath: dir + "/Content")
        return dir + "/Content"
    }

    static func importPeriod(_ content: String, rvu: [String], gpci: String, effective: String) -> CommandOutcome {
        FeeImporter.run(rvuFiles: rvu, gpciFile: gpci, effective: effective, content: content)
    }

    /// Builds the whole site from `content`; returns its warnings (the build must succeed).
    static func buildWarnings(_ content: String) throws -> [String] { try build(content).warnings.map(\.description) }

    static func build(_ content: String) throws -> GeneratedSite {
        try SiteBuilder.generate(BuildOptions(
            contentDirectory: content, templatesDirectory: Paths.packageRoot + "/Templates", siteExtension: Guide.extension)).get()
    }

    // MARK: the independent computation, from the fixture files' text only

    /// RVUs of a code (work, PE non-facility, PE facility, MP) and the conversion factor, in hundredths and
    /// ten-thousandths, read with a plain split of the CMS row.
    static func rvuRow(_ file: String, _ code: String) throws -> (work: Int, peNF: Int, peF: Int, mp: Int, cf: Int) {
        let text = try String(contentsOfFile: file, encoding: .isoLatin1)
        let f = try #require(text.components(separatedBy: "\r\n").first { $0.hasPrefix(code + ",,") }).split(
            separator: ",", omittingEmptySubsequences: false)
        return (FixedPoint.fixed(f[5], 2), FixedPoint.fixed(f[6], 2), FixedPoint.fixed(f[8], 2), FixedPoint.fixed(f[10], 2), FixedPoint.fixed(f[25], 4))
    }

    /// The 2027 GPCIs of a locality in thousandths: the work GPCI CMS states before any floor (the first work
    /// column; no floor applies in 2027), PE and MP (the last two columns).
    static func gpciRow(_ file: String, mac: String, locality: String) throws -> (work: Int, pe: Int, mp: Int) {
        let text = try String(contentsOfFile: file, encoding: .isoLatin1)
        let line = try #require(text.components(separatedBy: "\r\n").first { $0.hasPrefix("\(mac),") && $0.contains(",\(locality),") })
        let f = line.replacingOccurrences(of: "\"HAWAII, GUAM\"", with: "HAWAII").split(separator: ",", omittingEmptySubsequences: false)
        return (FixedPoint.fixed(f[4], 3), FixedPoint.fixed(f[f.count - 2], 3), FixedPoint.fixed(f[f.count - 1], 3))
    }

    /// Cents of one unit: RVUs (2 dp) × GPCIs (3 dp) × CF (4 dp) = 9 dp, rounded half away from zero.
    static func cents(_ r: (work: Int, peNF: Int, peF: Int, mp: Int, cf: Int), _ g: (work: Int, pe: Int, mp: Int), facility: Bool) -> Int {
        let raw = (r.work * g.work + (facility ? r.peF : r.peNF) * g.pe + r.mp * g.mp) * r.cf
        return (raw + 5_000_000) / 10_000_000
    }

    static func calcUnitAmount(_ content: String, date: String, locality: String, setting: String) throws -> String {
        let out = CalcRunner.run(
            CalcOptions(minutes: "30", date: date, setting: setting, locality: locality, content: content, json: true))
        #expect(out.exitCode == 0, "\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let line = try #require((json["lines"] as? [[String: Any]])?.first)
        #expect(line["code"] as? String == "97550")
        return try #require(line["unit_amount"] as? String)
    }

    static let places = [("10112", "00", "10112-00"), ("02102", "01", "02102-01"), ("13202", "01", "13202-01"), ("01212", "01", "01212-01")]

    @Test(arguments: ["plain", "without", "with", "pair"])
    func nextYearInEveryHeaderVariant(variant: String) throws {
        let content = try Self.copyOfContent()
        let before = Fixture.snapshot(content)
        let gpci = Self.cy2027 + "/GPCI2027-\(variant).csv"
        let out = Self.importPeriod(content, rvu: Self.janRVU, gpci: gpci, effective: "2027-01-01")
        #expect(out.exitCode == 0 && out.diagnostics.isEmpty, "\(out.diagnostics.map(\.description))")
        #expect(out.stdout.contains("added to sources.yaml: cms-rvu27a, cms-gpci-2027 (dated 2026-12-01"))
        #expect(out.stdout.contains("retired Content/data/outlook.yaml"))
        #expect(try Self.buildWarnings(content) == [])

        // calc prices 2027 as the fixture files say, at every place and setting checked.
        let rvu = try Self.rvuRow(Self.janRVU[0], "97550")
        for (mac, loc, id) in Self.places {
            let g = try Self.gpciRow(gpci, mac: mac, locality: loc)
            for facility in [false, true] {
                let got = try Self.calcUnitAmount(content, date: "2027-03-01", locality: id, setting: facility ? "facility" : "nonfacility")
                #expect(got == FixedPoint.money(Self.cents(rvu, g, facility: facility)), "\(id) facility=\(facility)")
            }
        }
        // fees diff: Alabama's work GPCI loses the floor, with its amount change.
        let diff = FeeDiffRunner.run(from: "2026-01-01", to: "2027-01-01", json: false, content: content)
        let alabama = try #require(diff.stdout.split(separator: "\n").first { $0.hasPrefix("10112-00") })
        let rvu26 = try Self.rvuRow(Paths.cms2026 + "/PPRRVU2026_Jul_nonQPP.csv", "97550")
        let old = FixedPoint.money(Self.cents(rvu26, (1000, 875, 566), facility: false))
        let new = FixedPoint.money(Self.cents(rvu, (988, 875, 566), facility: false))
        #expect(alabama.contains("1.000 → 0.988") && alabama.contains("work floor ended"), "\(alabama)")
        #expect(alabama.contains("$\(old) → $\(new)"), "\(alabama)")
        #expect(diff.stdout.contains("localities: 47 of 109 with a GPCI change"))
        #expect(diff.stdout.contains("work GPCI floor: 1.000 (through 2026-12-31) → none on 2027-01-01"))
        let json = FeeDiffRunner.run(from: "2026-01-01", to: "2027-01-01", json: true, content: content)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let localities = try #require(object["localities"] as? [[String: Any]])
        let al = try #require(localities.first { $0["locality"] as? String == "10112-00" })
        #expect(localities.count == 47 && al["floor"] as? String == "floor-ended")
        #expect((al["old"] as? [String: Any])?["work"] as? String == "1.000" && (al["new"] as? [String: Any])?["work"] as? String == "0.988")
        #expect(al["old_amount"] as? String == old && al["new_amount"] as? String == new)

        let removed = FeeRemover.run(effective: "2027-01-01", content: content)
        #expect(removed.exitCode == 0, "\(removed.diagnostics.map(\.description))")
        #expect(Fixture.snapshot(content) == before)
    }

    /// The what-changed page shows the largest locality movers of the new year, the floor's end named.
    @Test func whatChangedShowsTheLargestLocalityMovers() throws {
        let content = try Self.copyOfContent()
        #expect(Self.importPeriod(content, rvu: Self.janRVU, gpci: Self.cy2027 + "/GPCI2027-pair.csv", effective: "2027-01-01").exitCode == 0)
        let site = try Self.build(content)
        let page = String(decoding: try #require(site.files.first { $0.path == "what-changed/index.html" }).bytes, as: UTF8.self)
        #expect(page.contains("The local cost indices changed in 47 of 109 localities."))
        #expect(page.contains("In 47 of them the work cost index falls because the 1.000 floor under it applied only through 2026-12-31"))
        #expect(page.contains("<th scope=\"row\">AR — ARKANSAS</th><td>1.000 → 0.974 (floor ended)</td><td>$49.93</td><td>$48.24</td><td>−$1.69 (−3.4%)</td>"))
        #expect(page.contains("All 47 localities whose cost indices changed, with every locality&#39;s cost indices and amounts: <a href=\"../downloads/medicare-fees-2026-01-01.csv\">CY2026 (CSV)</a> and <a href=\"../downloads/medicare-fees-2027-01-01.csv\">CY2027 (CSV)</a>."))
    }

    /// The locality index lists every period with its page; a period whose page is missing is a warning that
    /// names the file (not only an uncited source).
    @Test func aMissingLocalityPageIsNamed() throws {
        let content = try Self.copyOfContent()
        #expect(Self.importPeriod(content, rvu: Self.janRVU, gpci: Self.cy2027 + "/GPCI2027-plain.csv", effective: "2027-01-01").exitCode == 0)
        let index = String(decoding: try #require(try Self.build(content).files.first { $0.path == "localities/index.html" }).bytes, as: UTF8.self)
        #expect(index.contains("<li><a href=\"2027-01-01/index.html\">CY2027</a> (dates of service 2027-01-01 to 2027-12-31)</li>"))
        for page in ["2027-01-01.md", "2027-01-01-g-codes.md"] { try FileManager.default.removeItem(atPath: content + "/localities/" + page) }
        let warnings = try Self.build(content).warnings.map { "\($0.location) \($0.id)" }
        #expect(warnings.contains { $0.contains("/localities/_index.md:") && $0.hasSuffix(" directive.period-without-locality-page") }, "\(warnings)")
    }

    @Test func aJulyReleaseSplitsTheYear() throws {
        let content = try Self.copyOfContent()
        let original = Fixture.snapshot(content)
        let gpci = Self.cy2027 + "/GPCI2027-plain.csv"
        #expect(Self.importPeriod(content, rvu: Self.janRVU, gpci: gpci, effective: "2027-01-01").exitCode == 0)
        let afterJanuary = Fixture.snapshot(content)
        let july = Self.importPeriod(content, rvu: [Self.cy2027 + "/PPRRVU2027_Jul_nonQPP.csv"], gpci: gpci, effective: "2027-07-01")
        #expect(july.exitCode == 0)
        #expect(july.stdout.contains("ended the earlier period 2027-01-01 on 2027-06-30 (it ran through 2027-12-31)"))
        #expect(july.stdout.contains("(GPCI table 2027 as before)"))
        // The July file has no QPP twin, though January had one: a warning names what calc will lack.
        #expect(july.diagnostics.count == 1 && july.diagnostics[0].severity == .warning)
        #expect(july.diagnostics[0].id == "import.no-qpp-file")

        let data = try #require(SiteDataLoader.load(contentDirectory: content).output)
        let year = data.rules.periods.filter { $0.range.from.year == 2027 }
        #expect(year.map(\.label) == ["CY2027 (through June 30)", "CY2027 (from July 1)"])
        #expect(year.map { $0.range.through?.description } == ["2027-06-30", "2027-12-31"])
        #expect(try Self.buildWarnings(content) == [])

        let rvu = try Self.rvuRow(Self.cy2027 + "/PPRRVU2027_Jul_nonQPP.csv", "97550")
        let g = try Self.gpciRow(gpci, mac: "10112", locality: "00")
        #expect(try Self.calcUnitAmount(content, date: "2027-08-02", locality: "10112-00", setting: "nonfacility")
            == FixedPoint.money(Self.cents(rvu, g, facility: false)))
        let jan = try Self.rvuRow(Self.janRVU[0], "97550")
        #expect(try Self.calcUnitAmount(content, date: "2027-06-30", locality: "10112-00", setting: "nonfacility")
            == FixedPoint.money(Self.cents(jan, g, facility: false)))

        #expect(FeeRemover.run(effective: "2027-07-01", content: content).exitCode == 0)
        #expect(Fixture.snapshot(content) == afterJanuary)
        #expect(FeeRemover.run(effective: "2027-01-01", content: content).exitCode == 0)
        #expect(Fixture.snapshot(content) == original)
    }

    /// A mid-year table that differs from the year's gets its own id, so the first part keeps its table.
    @Test func aMidYearTableThatDiffersGetsItsOwnID() throws {
        let content = try Self.copyOfContent()
        let original = Fixture.snapshot(content)
        #expect(Self.importPeriod(content, rvu: Self.janRVU, gpci: Self.cy2027 + "/GPCI2027-plain.csv", effective: "2027-01-01").exitCode == 0)
        let changed = content + "/../GPCI2027_Jul.csv"
        let text = try String(contentsOfFile: Self.cy2027 + "/GPCI2027-plain.csv", encoding: .isoLatin1)
        try text.replacingOccurrences(of: "10112,AL,00,ALABAMA,0.988,", with: "10112,AL,00,ALABAMA,1.000,")
            .write(toFile: changed, atomically: true, encoding: .isoLatin1)
        let out = Self.importPeriod(content, rvu: [Self.cy2027 + "/PPRRVU2027_Jul_nonQPP.csv"] + [Self.janRVU[1]], gpci: changed, effective: "2027-07-01")
        #expect(out.exitCode == 0, "\(out.diagnostics.map(\.description))")
        let data = try #require(SiteDataLoader.load(contentDirectory: content).output)
        #expect(data.rules.period(effective: CalendarDate(parsing: "2027-07-01")!)?.gpciTable == "2027-07-01")
        #expect(data.rules.gpciTables["2027-07-01"]?.rows["10112-00"]?.work.description == "1.000")
        #expect(data.rules.gpciTables["2027"]?.rows["10112-00"]?.work.description == "0.988")
        #expect(data.source("cms-gpci-2027-07-01") != nil)
        #expect(FeeRemover.run(effective: "2027-07-01", content: content).exitCode == 0)
        #expect(FeeRemover.run(effective: "2027-01-01", content: content).exitCode == 0)
        #expect(Fixture.snapshot(content) == original)
    }

    /// Title and release lines worded otherwise (another year's style) still give the release id and its date.
    @Test(arguments: [
        ("2027 National Physician Fee Schedule Relative Value File January Release", "RELEASED 12/01/2026"),
        ("CY 2027 PFS National Relative Value File - Jan Release", "RELEASED: 12/01/2026"),
        ("Medicare 2027 Relative Value File (JANUARY release)", "Released 12/1/2026"),
    ])
    func titleAndReleaseLinesOfAnyWording(title: String, released: String) throws {
        let dir = try DataTestSupport.copyOfContent()
        var text = try String(contentsOfFile: Self.janRVU[0], encoding: .isoLatin1)
        text = text.replacingOccurrences(of: "2027 National Physician Fee Schedule Relative Value File January Release", with: title)
            .replacingOccurrences(of: "RELEASED 12/01/2026", with: released)
        let file = dir + "/PPRRVU2027_Jan_nonQPP.csv"
        try text.write(toFile: file, atomically: true, encoding: .isoLatin1)
        let out = Self.importPeriod(dir, rvu: [file, Self.janRVU[1]], gpci: Self.cy2027 + "/GPCI2027-plain.csv", effective: "2027-01-01")
        #expect(out.exitCode == 0, "\(out.diagnostics.map(\.description))")
        let data = try #require(SiteDataLoader.load(contentDirectory: dir).output)
        let source = try #require(data.source("cms-rvu27a"))
        #expect(source.date.description == "2026-12-01")
        #expect(data.rules.period(effective: CalendarDate(parsing: "2027-01-01")!)?.source == "cms-rvu27a")
    }
}
