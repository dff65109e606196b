import Foundation
import Testing

import TestSupport

/// Each class of bad CMS file gives one positioned error, exit 1, and leaves Content/data untouched.
@Suite struct FeeImportBadFileTests {
    static let excerpt = FeeImportTests.shared + "/pprrvu-2025-oct-excerpt.csv"
    static let gpci = FeeImportTests.shared + "/gpci-2025.csv"
    static let addendum = FeeImportTests.fixtures + "/GPCI2024-addendum-e.csv"

    /// (which file is broken, old text, new text, line:column of the error (a bad value: the column where its field
    /// starts, else 1), its id, and for a header the layout check does not know: the words of its explanation, tested
    /// on purpose: naming the missing column is the point)
    static let cases: [(String, String, String, String, String, String?)] = [
        ("rvu", "HCPCS,MOD,DESCRIPTION", "CODE,MOD,DESCRIPTION", "1:1", "import-rvu.no-header", nil),
        ("rvu", "97551,,,A,,0.54", "97551,,,A,,,0.54", "12:1", "import-rvu.field-count", nil),
        ("rvu", "97552,,,A,,0.23", "97552,,,A,,O.23", "13:12", "import-rvu.not-a-number", nil),
        ("rvu", "G0539,,Initial care training 30 m,A,,1.00,0.58,,0.35,,0.03,1.61",
         "G0539,,Initial care training 30 m,A,,1.00,0.58,,0.35,,0.03,1.62", "14:1", "import-rvu.total-mismatch", nil),
        ("rvu", "G0543,,Group train w/o patient,A", "G9999,,Group train w/o patient,A", "10:1", "import-rvu.missing-code", nil),
        ("rvu", "97552,,,A,,0.23,0.44,,0.08,,", "97552,,,A,,0.23,0.44,,0.08,NA,", "13:28", "import-rvu.pe-not-applicable", nil),
        ("rvu", "G0540,,Train for caregiver add 15,A,,0.54,0.24,,", "G0540,,Train for caregiver add 15,A,,0.54,0.24,NA,",
         "15:48", "import-rvu.pe-not-applicable", "non-facility PE RVU of G0540 not applicable"),
        ("rvu", "0.79,0.74,0,ZZZ,0.00,0.00,0.00,0,0,0,0,0,,32.3465", "0.79,0.74,0,ZZZ,0.00,0.00,0.00,0,0,0,0,0,,32.3466", "12:76",
         "import.conversion-factor-differs", "the conversion factor of 97551, 32.3466, differs from 32.3465 of 97550 at line 11"),
        ("rvu", "97552,,,A,,0.23,0.44,,0.08,,0.01,0.68,0.32", "97552,,,A,,0.23,0.44,,0.08,,-0.01,0.66,0.30", "13:29",
         "import-rvu.figure-out-of-limits", "MP RVU of 97552 '-0.01' must be 0 or more"),
        ("rvu", "97552,,,A,,0.23", "97552,,,A,,0.230000000000000000000001", "13:12", "import-rvu.not-a-number", "has too many digits for an RVU"),
        ("gpci", "2025 PW GPCI (with 1.0 Floor)", "2025 PE GPCI", "3:1", "import-gpci.unknown-layout",
         "unknown GPCI layout: found 7 columns 'Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2025 PE GPCI,2025 PE GPCI,2025 MP GPCI'; expected CMS Addendum E columns, missing the PE GPCI ('YYYY PE GPCI') (2 columns match), the work GPCI"),
        ("gpci", "2025 PW GPCI (with 1.0 Floor)", "2025 PW GPCI (with 1.0 Floor),2024 PW GPCI", "3:1", "import-gpci.unknown-layout",
         "missing one work GPCI column, or a pair '… (without 1.0 Floor)' and '… (with 1.0 Floor)' (found '2025 PW GPCI (with 1.0 Floor)' and '2024 PW GPCI')"),
        ("gpci", "2025 MP GPCI", "2024 MP GPCI", "3:1", "import-gpci.unknown-layout", "missing one year in the GPCI headers (found 2024 and 2025)"),
        ("gpci", "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,", "", "1:1", "import-gpci.no-header", nil),
        ("gpci", "03102,AZ,00,ARIZONA", "10112,AZ,00,ARIZONA", "6:1", "import-gpci.duplicate-locality", nil),
        ("gpci", "02102,AK,01,ALASKA*,1.500,1.081", "02102,AK,01,ALASKA*,1.500,-1.081", "5:27", "import-gpci.index-not-positive", nil),
    ]

    @Test(arguments: cases)
    func badFile(which: String, old: String, new: String, at: String, id: String, explanation: String?) throws {
        let dir = try DataTestSupport.copyOfContent()
        let before = FeeImportTests.snapshot(dir)
        // The GPCI cases start from the Addendum E layout (2025 year in the header).
        let source = which == "rvu" ? Self.excerpt : Self.addendum
        var text = try String(contentsOfFile: source, encoding: .utf8)
        if which == "gpci" { text = text.replacingOccurrences(of: "2024", with: "2025") }
        #expect(text.contains(old))
        text = text.replacingOccurrences(of: old, with: new)
        let bad = dir + "/bad-\(which).csv"
        try text.write(toFile: bad, atomically: true, encoding: .utf8)
        let out = FeeImportTests.run(
            dir, rvu: [which == "rvu" ? bad : Self.excerpt], gpci: which == "gpci" ? bad : Self.gpci, effective: "2025-01-01")
        #expect(out.exitCode == 1)
        #expect(out.diagnostics.count == 1, "\(out.diagnostics.map(\.description))")
        let d = try #require(out.diagnostics.first)
        #expect(d.location.file == bad && "\(d.location.line):\(d.location.column)" == at, "\(d)")
        #expect(d.id.rawValue == id)
        if let explanation { #expect(d.message.contains(explanation), "\(d.message)") }
        #expect(d.description.hasPrefix("\(bad):\(at): error: "))
        #expect(FeeImportTests.snapshot(dir).filter { !$0.key.hasPrefix("bad-") } == before)
    }

    /// A file the import cannot write (here a folder stands where its temporary file goes) is one error that says
    /// why, and every file already written is put back.
    @Test func aFileThatCannotBeWrittenSaysWhyAndWritesNothing() throws {
        let dir = try DataTestSupport.copyOfContent()
        try FileManager.default.createDirectory(atPath: dir + "/localities/2027-01-01.md.import-tmp", withIntermediateDirectories: true)
        let before = FeeImportTests.snapshot(dir)
        let out = FeeImportTests.run(
            dir, rvu: [FeeImportVariantTests.rvu, FeeImportVariantTests.qpp], gpci: FeeImportVariantTests.gpci, effective: "2027-01-01")
        #expect(out.exitCode == 1)
        #expect(out.diagnostics.map(\.description) == [
            "\(dir)/localities/2027-01-01.md:1:1: error: cannot write \(dir)/localities/2027-01-01.md.import-tmp (Is a directory)",
        ])
        #expect(FeeImportTests.snapshot(dir) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/localities") == ["2027-01-01.md.import-tmp"])
    }

    /// A --source that sources.yaml does not have was said to be missing because the file "has no RELEASED date"
    /// (it had one): one error at the option.
    @Test func anUnknownSourceIsAnErrorAtTheOption() throws {
        let dir = try DataTestSupport.copyOfContent()
        let before = FeeImportTests.snapshot(dir)
        let out = FeeImportTests.run(
            dir, rvu: [FeeImportVariantTests.rvu, FeeImportVariantTests.qpp], gpci: FeeImportVariantTests.gpci, effective: "2027-01-01",
            source: "cms-rvu27x")
        #expect(out.exitCode == 1 && FeeImportTests.snapshot(dir) == before)
        #expect(out.diagnostics.count == 1)
        #expect(out.diagnostics.first?.description.hasPrefix("--source:1:1: error: 'cms-rvu27x' is not a source id of sources.yaml") == true)
    }
}
