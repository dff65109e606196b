import Foundation
import Testing

@testable import CodingRules
@testable import SiteContent
@testable import GuideData
import TestSupport

@Suite struct DataLoaderTests {
    static let loaded = SiteDataLoader.load(contentDirectory: DataTestSupport.content)

    @Test func contentDataLoadsWithoutDiagnostics() throws {
        #expect(Self.loaded.diagnostics.isEmpty, "\(Self.loaded.diagnostics.map(\.description))")
        let data = try #require(Self.loaded.output)
        #expect(data.rules.periods.map(\.id) == ["2024-01-01", "2024-03-09", "2025-01-01", "2026-01-01"])
        #expect(data.rules.gpciTables["2024"]?.rows.count == 109 && data.rules.gpciTables["2025"]?.rows.count == 109)
        #expect(data.rules.families.map(\.id) == ["functional", "direct-care", "behavior"])
        #expect(data.rules.profiles.map(\.id) == ["ama-midpoint", "full-units"] && data.rules.defaultProfileID == "ama-midpoint")
        #expect(data.sources.count >= 30)
        let p26 = try #require(data.rules.period(effective: CalendarDate(parsing: "2026-01-01")!))
        #expect(p26.defaultConversionFactor.value.description == "33.4009")
        #expect(p26.conversionFactor("qp")?.value.description == "33.5675")
        #expect(p26.gpciTable == "2026" && data.rules.gpciTables["2026"]?.rows.count == 109)
        #expect(p26.rvus["97550"]?.peFacility?.description == "0.18" && p26.rvus["97550"]?.mp?.description == "0.01")
    }

    @Test func everySourceIDUsedExistsAndFactsSourcesArePresent() throws {
        let data = try #require(Self.loaded.output)
        for id in ["cms-pfs-2024", "cms-pfs-2025", "cms-pfs-2026", "cms-rvu25a", "cms-rvu24a", "cms-gpci-2025",
                   "apta-cms-faq-2024", "ngs-cts-article", "asha-new-codes-slp", "ama-cpt-time-rule", "cms-cq-co",
                   "noridian-kx-2024", "fcso-sequestration", "law-caa-2026"] {
            #expect(data.source(id) != nil, "missing source \(id)")
        }
    }

    /// facts.md §3, every code × period × setting, national, to the cent.
    static let national: [(String, String, String, String)] = [
        ("2024-01-01", "97550", "52.06", "44.53"), ("2024-01-01", "97551", "25.87", "23.90"), ("2024-01-01", "97552", "21.94", "10.48"),
        ("2024-03-09", "97550", "52.93", "45.27"), ("2024-03-09", "97551", "26.30", "24.30"), ("2024-03-09", "97552", "22.30", "10.65"),
        ("2025-01-01", "97550", "52.08", "44.64"), ("2025-01-01", "97551", "25.55", "23.94"), ("2025-01-01", "97552", "22.00", "10.35"),
        ("2025-01-01", "G0539", "52.08", "44.64"), ("2025-01-01", "G0541", "52.08", "44.64"),
        ("2025-01-01", "G0540", "25.55", "23.94"), ("2025-01-01", "G0542", "25.55", "23.94"),
        ("2025-01-01", "G0543", "22.00", "10.35"),
        ("2026-01-01", "97550", "52.77", "39.75"), ("2026-01-01", "97551", "26.05", "21.04"), ("2026-01-01", "97552", "22.04", "9.35"),
        ("2026-01-01", "G0539", "53.11", "39.75"), ("2026-01-01", "G0541", "53.11", "39.75"),
        ("2026-01-01", "G0540", "26.05", "21.04"), ("2026-01-01", "G0542", "26.05", "21.04"),
        ("2026-01-01", "G0543", "22.04", "9.35"),
    ]

    @Test(arguments: national)
    func nationalAmountsMatchFacts(period: String, code: String, nonfacility: String, facility: String) throws {
        let rules = try #require(Self.loaded.output).rules
        let p = try #require(rules.period(effective: CalendarDate(parsing: period)!))
        #expect(rules.priceBreakdown(code: code, period: p, setting: .nonfacility).amount?.moneyText == nonfacility)
        #expect(rules.priceBreakdown(code: code, period: p, setting: .facility).amount?.moneyText == facility)
    }

    /// facts.md §3: the 2026 national amounts at the qualifying-APM conversion factor.
    @Test(arguments: [("97550", "53.04", "39.95"), ("G0539", "53.37", "39.95"), ("97551", "26.18", "21.15"), ("97552", "22.15", "9.40")])
    func period2026QualifyingAPMAmountsMatchFacts(code: String, nonfacility: String, facility: String) throws {
        let rules = try #require(Self.loaded.output).rules
        let p = try #require(rules.period(effective: CalendarDate(parsing: "2026-01-01")!))
        #expect(rules.priceBreakdown(code: code, period: p, setting: .nonfacility, conversionFactor: "qp").amount?.moneyText == nonfacility)
        #expect(rules.priceBreakdown(code: code, period: p, setting: .facility, conversionFactor: "qp").amount?.moneyText == facility)
    }

    // MARK: localities, checked with the test's own arithmetic straight from the CSV

    /// "1.081" with `places` fractional digits → Int (1081 for 3 places).
    static func fixed(_ s: String, _ places: Int) -> Int {
        let parts = s.split(separator: ".")
        var frac = parts.count > 1 ? String(parts[1]) : ""
        while frac.count < places { frac += "0" }
        return Int(String(parts[0]) + frac)!
    }

    /// Reads the GPCI row of a locality from the CSV with a plain split (names with commas are quoted; the
    /// work, PE and MP columns are the last three, or the three before the optional `work_gpci_unfloored`).
    static func csvGPCI(_ year: String, _ id: String) throws -> (Int, Int, Int) {
        let text = try String(contentsOfFile: DataTestSupport.content + "/data/gpci/\(year).csv", encoding: .utf8)
        let extra = text.hasPrefix("year,mac,locality,name,state,work_gpci,pe_gpci,mp_gpci,work_gpci_unfloored\n") ? 1 : 0
        for line in text.split(separator: "\n") {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if f.count >= 8 && f[1] + "-" + f[2] == id {
                let n = f.count - extra
                return (fixed(f[n - 3], 3), fixed(f[n - 2], 3), fixed(f[n - 1], 3))
            }
        }
        throw CocoaError(.fileReadCorruptFile)
    }

    /// Unit amount in cents: RVUs (2 dp) × GPCI (3 dp) × CF (4 dp) = 9 dp; half away from zero to cents. An
    /// assistant unit is 85 % of that amount in cents, rounded again (rules.md §5, December 2026).
    static func expectedCents(rvu: (String, String, String), gpci: (Int, Int, Int), cf: String, assistant: Bool) -> Int {
        let raw5 = fixed(rvu.0, 2) * gpci.0 + fixed(rvu.1, 2) * gpci.1 + fixed(rvu.2, 2) * gpci.2
        let v = raw5 * fixed(cf, 4)  // 9 dp
        let cents = (v + 5_000_000) / 10_000_000
        return assistant ? (cents * 85 + 50) / 100 : cents
    }

    static let localities = ["02102-01", "13202-01", "01182-18", "03202-01", "09202-20", "10112-00"]

    @Test(arguments: localities)
    func localityAmountsMatchIndependentArithmetic(id: String) throws {
        let rules = try #require(Self.loaded.output).rules
        let cases: [(String, String, String, String, (String, String, String), (String, String, String))] = [
            ("2025", "2025-01-01", "32.3465", "97550", ("1.00", "0.58", "0.03"), ("1.00", "0.35", "0.03")),
            ("2025", "2025-01-01", "32.3465", "97551", ("0.54", "0.24", "0.01"), ("0.54", "0.19", "0.01")),
            ("2025", "2025-01-01", "32.3465", "97552", ("0.23", "0.44", "0.01"), ("0.23", "0.08", "0.01")),
            ("2024", "2024-03-09", "33.2875", "97550", ("1.00", "0.56", "0.03"), ("1.00", "0.33", "0.03")),
            ("2024", "2024-01-01", "32.7442", "97551", ("0.54", "0.24", "0.01"), ("0.54", "0.18", "0.01")),
        ]
        for (year, period, cf, code, nf, f) in cases {
            let g = try Self.csvGPCI(year, id)
            let p = try #require(rules.period(effective: CalendarDate(parsing: period)!))
            for (setting, rvu) in [(Setting.nonfacility, nf), (.facility, f)] {
                for provider in Provider.allCases {
                    let want = Self.expectedCents(rvu: rvu, gpci: g, cf: cf, assistant: provider == .assistant)
                    let got = rules.priceBreakdown(
                        code: code, period: p, setting: setting, provider: provider, locality: .locality(id: id)).amount
                    #expect(got == DecimalValue(significand: want, scale: 2), "\(id) \(period) \(code) \(setting) \(provider)")
                }
            }
        }
    }

    @Test func independentArithmeticAgreesWithAPublishedFigure() {
        // Sanity check of the test's own arithmetic: national 97550 2025 NF = 52.08 (facts.md §3).
        #expect(Self.expectedCents(rvu: ("1.00", "0.58", "0.03"), gpci: (1000, 1000, 1000), cf: "32.3465", assistant: false) == 5208)
        #expect(Self.expectedCents(rvu: ("1.00", "0.58", "0.03"), gpci: (1000, 1000, 1000), cf: "32.3465", assistant: true) == 4427)
    }

    @Test func localityListHasStatesAndNames() throws {
        let rules = try #require(Self.loaded.output).rules
        let p = try #require(rules.period(effective: CalendarDate(parsing: "2025-01-01")!))
        let locs = rules.localities(in: p)
        #expect(locs.count == 109)
        #expect(locs.contains { $0.id == "01212-01" && $0.name == "HAWAII, GUAM" && $0.state == "HI" })
    }

    // MARK: bad data → positioned diagnostics

    static func loadBroken(_ file: String, _ old: String, _ new: String) throws -> (dir: String, diags: [Diagnostic]) {
        let dir = try DataTestSupport.copyOfContent()
        try DataTestSupport.edit(dir, file, old, new)
        let r = SiteDataLoader.load(contentDirectory: dir)
        #expect(r.output == nil)
        return (dir, r.diagnostics.filter { $0.severity == .error })
    }

    @Test(arguments: [
        ("fees/2025-01-01.yaml", "    work: 1.00\n    pe_nonfacility: 0.58", "    work: -1.00\n    pe_nonfacility: 0.58", "work: -1.00", "data.decimal-out-of-range"),
        ("fees/2025-01-01.yaml", "    mp: 0.03\n    source: cms-rvu25d", "    mp: abc\n    source: cms-rvu25d", "mp: abc", "data.not-a-decimal"),
        ("fees/2025-01-01.yaml", "  - code: \"97552\"", "  - code: \"97553\"", "97553", "code.unknown"),
        ("fees/2025-01-01.yaml", "source: cms-rvu25d\nprovenance", "source: cms-rvu99z\nprovenance", "cms-rvu99z", "source.unknown"),
        ("fees/2025-01-01.yaml", "label: CY2025", "label: CY2025\nlabl: x", "labl: x", "yaml.unknown-key"),
        // (A period whose 'effective' differs from its file name is that one error, not also a gap: see p27.)
        ("fees/2024-03-09.yaml", "through: 2024-12-31", "through: 2024-12-30", "effective: 2025-01-01", "fees.gap-between-periods"),
        ("fees/2024-03-09.yaml", "through: 2024-12-31", "through: 2025-01-05", "effective: 2025-01-01", "fees.overlapping-periods"),
        ("codes.yaml", "    unit_minutes: 30\n    summary: Face-to-face training of one patient's caregiver(s), without the patient, in skills",
         "    unit_minutes: thirty\n    summary: Face-to-face training of one patient's caregiver(s), without the patient, in skills", "unit_minutes: thirty", "yaml.not-an-integer"),
        ("policies.yaml", "  - from: 2025-01-01\n    through: 2025-12-31\n    status: provisional", "  - from: 2025-02-30\n    through: 2025-12-31\n    status: provisional", "2025-02-30", "yaml.invalid-date"),
        ("profiles.yaml", "    initial_minimum: 16", "    initial_minimum: 16: x", "initial_minimum: 16: x", "yaml.syntax"),
        // A key given twice, once quoted: data files are read by a key's text (the basic YAML resolver).
        ("profiles.yaml", "default: ama-midpoint\n", "default: ama-midpoint\n1: a\n\"1\": b\n", "\"1\": b", "yaml.duplicate-key"),
        ("sources.yaml", "  - id: cms-pfs-2024\n    title:", "  - id: cms-pfs-2024\n    titel:", "titel:", "yaml.unknown-key"),
        ("gpci/2025.csv", "2025,02102,01,ALASKA,AK,1.500", "2025,02102,01,ALASKA,AK,-1.500", "ALASKA", "gpci.index-not-positive"),
        // facts.yaml: the grades of the certainty markers (issue 21).
        ("facts.yaml", "    grade: l-m\n    sources: [medpayiq-cts]\n    ref: facts.md §8", "    grade: x-y\n    sources: [medpayiq-cts]\n    ref: facts.md §8", "grade: x-y", "facts.unknown-grade"),
        ("facts.yaml", "sources: [rvuedge-2026]", "sources: [rvuedge-2099]", "rvuedge-2099", "source.unknown"),
        ("facts.yaml", "    marked: false", "    marked: maybe", "marked: maybe", "facts.marked-not-boolean"),
        ("facts.yaml", "  - id: kx-counting\n", "  - id: kx-counting\n    wording: x\n", "wording: x", "yaml.unknown-key"),
        ("gpci/2026.csv", "2026,10112,00,ALABAMA,AL,1.000,0.875,0.566,0.988", "2026,10112,00,ALABAMA,AL,1.000,0.875,0.566,x",
         "ALABAMA", "gpci.bad-index"),
        ("gpci/2026.csv", "2026,10112,00,ALABAMA,AL,1.000,0.875,0.566,0.988", "2026,10112,00,ALABAMA,AL,1.000,0.875,0.566",
         "ALABAMA", "gpci.field-count"),
        ("gpci/2026.csv", "mp_gpci,work_gpci_unfloored", "mp_gpci,work_unfloored", "year,mac",
         "gpci.bad-header"),
        ("policies.yaml", "    floor: 1.000\n    summary: the 2024", "    floor: 0\n    summary: the 2024", "floor: 0", "data.decimal-out-of-range"),
        ("policies.yaml", "  - from: 2025-01-01\n    through: 2025-12-31\n    floor:", "  - from: 2024-12-01\n    through: 2025-12-31\n    floor:",
         "from: 2024-12-01", "policies.overlapping-rows"),
    ])
    func brokenDataGivesPositionedError(file: String, old: String, new: String, lineNeedle: String, id: String) throws {
        let (dir, diags) = try Self.loadBroken(file, old, new)
        let match = diags.first { $0.id.rawValue == id }
        #expect(match != nil, "no '\(id)' in \(diags.map { "\($0.id) \($0)" })")
        guard let match else { return }
        let target = lineNeedle.hasPrefix("effective: 2025-01-01") ? dir + "/data/fees/2025-01-01.yaml" : dir + "/data/" + file
        #expect(match.location.file == target)
        #expect(match.location.line == (try DataTestSupport.line(of: lineNeedle, in: target)))
        #expect(match.description.hasPrefix(dir + "/data/"))
    }

    @Test func missingRequiredFieldIsReported() throws {
        let (_, diags) = try Self.loadBroken("policies.yaml", "  kx: KX\n", "")
        #expect(diags.contains { $0.id == .missingField && $0.location.file.hasSuffix("/data/policies.yaml") })
    }

    @Test func diagnosticPathKeepsTheDirectoryAsGiven() {
        let r = SiteDataLoader.load(contentDirectory: "Nope/Content")
        #expect(r.output == nil)
        #expect(r.diagnostics.contains { $0.location.file == "Nope/Content/data/codes.yaml" && $0.id == "data.missing-file" })
    }

    @Test func csvReaderHandlesQuotes() {
        var problems: [String] = []
        let rows = CSVReader.parse("a,\"b, c\",\"say \"\"hi\"\"\"\r\nd,e,f\n") { _, _, m in problems.append(m) }
        #expect(rows.map { $0.map(\.text) } == [["a", "b, c", "say \"hi\""], ["d", "e", "f"]])
        #expect(rows[1][2].line == 2 && rows[1][2].column == 5)
        _ = CSVReader.parse("a,\"open\n") { _, _, m in problems.append(m) }
        #expect(problems == ["unterminated quoted field"])
    }

    /// Control characters in a CSV field are refused at their column (`YAMLControl`, as in YAML).
    @Test func csvControlBytesAreRefusedAtTheirColumn() {
        var problems: [String] = []
        _ = CSVReader.parse("a,b\nc,d\u{07}e\n\"q\nr\",\tt\r\n") { l, c, m in problems.append("\(l):\(c): \(m)") }
        #expect(problems == ["2:4: this field holds the control character U+0007, which is not allowed in text"])
    }
}
