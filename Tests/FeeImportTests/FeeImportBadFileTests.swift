import Foundation
import Testing

import TestSupport

/// Each class of bad CMS file gives one positioned error, exit 1, and leaves Content/data untouched.
@Suite struct FeeImportBadFileTests {
    static let excerpt = FeeImportTests.shared + "/pprrvu-2025-oct-excerpt.csv"
    static let gpci = FeeImportTests.shared + "/gpci-2025.csv"
    static let addendum = FeeImportTests.fixtures + "/GPCI2024-addendum-e.csv"

    /// (which file is broken, old text, new text, line of the error, text in the message)
    static let cases: [(String, String, String, Int, String)] = [
        ("rvu", "HCPCS,MOD,DESCRIPTION", "CODE,MOD,DESCRIPTION", 1, "no header row"),
        ("rvu", "97551,,,A,,0.54", "97551,,,A,,,0.54", 12, "expected 31 fields, found 32"),
        ("rvu", "97552,,,A,,0.23", "97552,,,A,,O.23", 13, "work RVU of 97552 is not a number: 'O.23'"),
        ("rvu", "G0539,,Initial care training 30 m,A,,1.00,0.58,,0.35,,0.03,1.61",
         "G0539,,Initial care training 30 m,A,,1.00,0.58,,0.35,,0.03,1.62", 14, "the non-facility total says 1.62"),
        ("rvu", "G0543,,Group train w/o patient,A", "G9999,,Group train w/o patient,A", 10, "covered code G0543 is missing"),
        ("gpci", "2025 PW GPCI (with 1.0 Floor)", "2025 PE GPCI", 3,
         "unknown GPCI layout: found 7 columns 'Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2025 PE GPCI,2025 PE GPCI,2025 MP GPCI'; expected CMS Addendum E columns, missing the PE GPCI ('YYYY PE GPCI') (2 columns match), the work GPCI"),
        ("gpci", "2025 PW GPCI (with 1.0 Floor)", "2025 PW GPCI (with 1.0 Floor),2024 PW GPCI", 3,
         "missing one work GPCI column, or a pair '… (without 1.0 Floor)' and '… (with 1.0 Floor)' (found '2025 PW GPCI (with 1.0 Floor)' and '2024 PW GPCI')"),
        ("gpci", "2025 MP GPCI", "2024 MP GPCI", 3, "missing one year in the GPCI headers (found 2024 and 2025)"),
        ("gpci", "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,", "", 1, "no GPCI header row"),
        ("gpci", "03102,AZ,00,ARIZONA", "10112,AZ,00,ARIZONA", 6, "duplicate locality 10112-00 (first at line 4)"),
    ]

    @Test(arguments: cases)
    func badFile(which: String, old: String, new: String, line: Int, message: String) throws {
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
        #expect(d.location.file == bad && d.location.line == line, "\(d)")
        #expect(d.message.contains(message), "\(d.message)")
        #expect(d.description.hasPrefix("\(bad):\(line):1: error: "))
        #expect(FeeImportTests.snapshot(dir).filter { !$0.key.hasPrefix("bad-") } == before)
    }
}
