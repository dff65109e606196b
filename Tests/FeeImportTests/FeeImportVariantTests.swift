import Foundation
import Testing

@testable import FeeImport
@testable import SiteContent
@testable import GuideData
import TestSupport

/// The made-up 2027 files (Fixtures/import/cy2027) as a spreadsheet or a later release may change them: the same
/// figures read from a changed file, or one positioned error and nothing written.
@Suite struct FeeImportVariantTests {
    static let cy2027 = FeeImportTests.fixtures + "/cy2027"
    static let rvu = cy2027 + "/PPRRVU2027_Jan_nonQPP.csv"
    static let gpci = cy2027 + "/GPCI2027-plain.csv"

    static let qpp = cy2027 + "/PPRRVU2027_Jan_QPP.csv"

    /// `file` (CRLF lines) with each line changed by `line` and `prefix` put first, written into `dir` as `name`.
    static func variant(_ file: String, _ dir: String, _ name: String, prefix: String = "", line: (String) -> String = { $0 }) throws -> String {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let path = dir + "/" + name
        let lines = text.components(separatedBy: "\r\n").map { $0.isEmpty ? $0 : line($0) }
        try Data((prefix + lines.joined(separator: "\r\n")).utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The data folder without the lines naming the input files (their names and hashes differ by design).
    static func figures(_ dir: String) -> [String: [Substring]] {
        FeeImportTests.snapshot(dir).mapValues {
            String(decoding: $0, as: UTF8.self).split(separator: "\n").filter {
                !$0.contains("file: ") && !$0.contains("sha256") && !$0.contains("read from ")
            }
        }
    }

    /// A "CSV UTF-8" export starts with a byte-order mark, a re-save may add an empty column after the last, a line
    /// may come above the GPCI title: the files give the figures and the titles of the originals.
    @Test func byteOrderMarkAndTrailingEmptyColumnsReadAsTheOriginals() throws {
        let plain = try DataTestSupport.copyOfContent()
        let first = FeeImportTests.run(plain, rvu: [Self.rvu, Self.qpp], gpci: Self.gpci, effective: "2027-01-01")
        #expect(first.exitCode == 0, "\(first.diagnostics)")
        let dir = try DataTestSupport.copyOfContent()
        let rvu = try Self.variant(Self.rvu, dir, "rvu.csv", prefix: "\u{FEFF}") { $0 + ",," }
        let gpci = try Self.variant(Self.gpci, dir, "gpci.csv", prefix: "\u{FEFF}Medicare PFS files 2027,,,,,,\r\n,,,,,,\r\n")
        #expect(try String(contentsOfFile: rvu, encoding: .utf8).contains("32.8409,09,0,99,0.00,0.00,0.00,,\r\n"))
        let out = FeeImportTests.run(dir, rvu: [rvu, Self.qpp], gpci: gpci, effective: "2027-01-01")
        #expect(out.exitCode == 0 && out.diagnostics.isEmpty, "\(out.diagnostics)")
        let got = Self.figures(dir)
        #expect(got == Self.figures(plain) && got["gpci/2027.csv"]?.count == 110)
        let fee = got["fees/2027-01-01.yaml"]?.joined(separator: "\n") ?? ""
        #expect(fee.contains("\n    title: ADDENDUM E. FINAL CY 2027 GEOGRAPHIC PRACTICE COST INDICES (GPCIs) BY STATE AND MEDICARE LOCALITY\n"))
    }

    /// The same release imported again from files of other names: the period and the notes of the sources.yaml
    /// entries the first import wrote name the new files (not the old ones); a hand-written note is left alone.
    @Test func reImportFromRenamedFilesNamesThemInTheSourceNotes() throws {
        let dir = try DataTestSupport.copyOfContent()
        #expect(FeeImportTests.run(dir, rvu: [Self.rvu, Self.qpp], gpci: Self.gpci, effective: "2027-01-01").exitCode == 0)
        let rvu = try Self.variant(Self.rvu, dir, "rvu-again.csv"), gpci = try Self.variant(Self.gpci, dir, "gpci-again.csv")
        let out = FeeImportTests.run(dir, rvu: [rvu, Self.qpp], gpci: gpci, effective: "2027-01-01")
        #expect(out.exitCode == 0 && out.diagnostics.isEmpty, "\(out.diagnostics)")
        let sources = try String(contentsOfFile: dir + "/data/sources.yaml", encoding: .utf8)
        #expect(sources.contains("\n    note: The guide's figures were read from rvu-again.csv and PPRRVU2027_Jan_QPP.csv of this release by its importer.\n"))
        #expect(sources.contains("\n    note: The cost indices of every Medicare locality, read from gpci-again.csv by the guide's importer.\n"))
        #expect(!sources.contains("PPRRVU2027_Jan_nonQPP.csv") && !sources.contains("GPCI2027-plain.csv"))
        let fee = try String(contentsOfFile: dir + "/data/fees/2027-01-01.yaml", encoding: .utf8)
        #expect(fee.contains("file: rvu-again.csv") && fee.contains("file: gpci-again.csv"))
        // A note edited by hand stays as written.
        let edited = sources.replacingOccurrences(of: "read from gpci-again.csv by the guide's importer.", with: "checked by hand.")
        try edited.write(toFile: dir + "/data/sources.yaml", atomically: true, encoding: .utf8)
        #expect(FeeImportTests.run(dir, rvu: [Self.rvu, Self.qpp], gpci: Self.gpci, effective: "2027-01-01").exitCode == 0)
        let after = try String(contentsOfFile: dir + "/data/sources.yaml", encoding: .utf8)
        #expect(after.contains("\n    note: The cost indices of every Medicare locality, checked by hand.\n"))
        #expect(after.contains("read from PPRRVU2027_Jan_nonQPP.csv and PPRRVU2027_Jan_QPP.csv of this release"))
    }

    /// Columns moved (the settings' PE and totals swapped, the conversion factor before the status) and one added
    /// at the end, labels and all: read where their labels say, the figures are the original's.
    @Test func movedAndAddedColumnsAreReadByTheirLabels() throws {
        let plain = try DataTestSupport.copyOfContent()
        #expect(FeeImportTests.run(plain, rvu: [Self.rvu], gpci: Self.gpci, effective: "2027-01-01").exitCode == 0)
        let dir = try DataTestSupport.copyOfContent()
        let rvu = try Self.variant(Self.rvu, dir, "rvu.csv") { line in
            var f = line.split(separator: ",", omittingEmptySubsequences: false)
            f.swapAt(6, 8)
            f.swapAt(7, 9)
            f.swapAt(11, 12)
            f.insert(f.remove(at: 25), at: 3)
            return (f + [f[0] == "HCPCS" ? "NOTE" : ""]).joined(separator: ",")
        }
        #expect(try String(contentsOfFile: rvu, encoding: .utf8).contains("\r\n97550,,,32.8409,A,,1.00,0.18,,0.57,,0.01,1.19,1.58,"))
        let out = FeeImportTests.run(dir, rvu: [rvu], gpci: Self.gpci, effective: "2027-01-01")
        #expect(out.exitCode == 0, "\(out.diagnostics)")
        #expect(Self.figures(dir) == Self.figures(plain))
    }

    /// The label rows removed, so the RELEASED line is right above the header: read by position, as the original.
    @Test func withoutTheLabelRowsColumnsAreReadByPosition() throws {
        let plain = try DataTestSupport.copyOfContent()
        #expect(FeeImportTests.run(plain, rvu: [Self.rvu], gpci: Self.gpci, effective: "2027-01-01").exitCode == 0)
        let dir = try DataTestSupport.copyOfContent()
        let lines = try String(contentsOfFile: Self.rvu, encoding: .utf8).components(separatedBy: "\r\n")
        #expect(lines[4].hasPrefix(",,RELEASED 12/01/2026,") && lines[9].hasPrefix("HCPCS,"))
        let rvu = dir + "/rvu.csv"
        try Data((lines[..<5] + lines[9...]).joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: rvu))
        let out = FeeImportTests.run(dir, rvu: [rvu], gpci: Self.gpci, effective: "2027-01-01")
        #expect(out.exitCode == 0, "\(out.diagnostics)")
        #expect(Self.figures(dir) == Self.figures(plain))
    }

    /// Labels that no longer tell the columns apart (`FACILITY` over both PE columns) are refused at the header,
    /// naming the labels, rather than read by position.
    @Test func ambiguousLabelsAreRefused() throws {
        let dir = try DataTestSupport.copyOfContent()
        let before = FeeImportTests.snapshot(dir)
        let rvu = try Self.variant(Self.rvu, dir, "rvu.csv") {
            $0.replacingOccurrences(of: ",MEDICARE,WORK,NON-FAC,NA,FACILITY,", with: ",MEDICARE,WORK,FACILITY,NA,FACILITY,")
        }
        #expect(try String(contentsOfFile: rvu, encoding: .utf8).contains(",MEDICARE,WORK,FACILITY,NA,FACILITY,"))
        let out = FeeImportTests.run(dir, rvu: [rvu], gpci: Self.gpci, effective: "2027-01-01")
        #expect(out.exitCode == 1)
        #expect(out.diagnostics.map(\.description) == [
            "\(rvu):10:1: error: unknown PPRRVU layout: no single column labelled 'NON-FAC PE RVU', 'FACILITY PE RVU' (2 columns) "
                + "(the row above the header and the header read together)"
        ])
        #expect(FeeImportTests.snapshot(dir) == before)
    }

    /// A locality renamed with the same cost indices (Alaska's stay at 1.500, 1.065, 0.551): `fees diff` says so,
    /// though the locality is not in the table of GPCI changes.
    @Test func diffNamesARenamedLocality() throws {
        let dir = try DataTestSupport.copyOfContent()
        let gpci = try Self.variant(Self.gpci, dir, "gpci.csv") {
            $0.replacingOccurrences(of: "02102,AK,01,ALASKA*,", with: "02102,AK,01,ALASKA STATEWIDE*,")
        }
        #expect(try String(contentsOfFile: gpci, encoding: .utf8).contains("\r\n02102,AK,01,ALASKA STATEWIDE*,1.500,1.065,0.551\r\n"))
        #expect(FeeImportTests.run(dir, rvu: [Self.rvu], gpci: gpci, effective: "2027-01-01").exitCode == 0)
        let diff = FeeDiffRunner.run(from: "2026-01-01", to: "2027-01-01", json: false, content: dir)
        #expect(diff.exitCode == 0, "\(diff.diagnostics)")
        #expect(diff.stdout.contains(
            "localities: 47 of 109 with a GPCI change (97550 nonfacility, one unit, largest amount change first)\n"
                + "renamed: 02102-01 AK ALASKA → AK ALASKA STATEWIDE\nlocality  "))
        #expect(!diff.stdout.contains("\n02102-01 "))
        let json = FeeDiffRunner.run(from: "2026-01-01", to: "2027-01-01", json: true, content: dir)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["renamed_localities"] as? [[String: String]] == [
            ["locality": "02102-01", "old_name": "ALASKA", "old_state": "AK", "new_name": "ALASKA STATEWIDE", "new_state": "AK"]
        ])
    }

    /// Errors about a whole GPCI file are at the line that says it: the year at the header row (line 3 of
    /// Addendum E), values below the floor in force at the first such row.
    @Test func gpciYearAndFloorErrorsAreAtTheirRows() throws {
        let dir = try DataTestSupport.copyOfContent()
        let before = FeeImportTests.snapshot(dir)
        let july2026 = FeeImportTests.cms2026 + "/GPCI2026_Jul.csv"
        let year = FeeImportTests.run(dir, rvu: [Self.rvu], gpci: july2026, effective: "2027-01-01")
        #expect(year.diagnostics.map(\.description) == ["\(july2026):3:1: error: this GPCI table is for 2026, but the period starts 2027-01-01"])
        let unfloored = try Self.variant(Self.gpci, dir, "gpci.csv") { $0.replacingOccurrences(of: "2027", with: "2026") }
        let floor = FeeImportTests.run(
            dir, rvu: [FeeImportTests.cms2026 + "/PPRRVU2026_Jul_nonQPP.csv", FeeImportTests.qpp], gpci: unfloored, effective: "2026-01-01")
        #expect(floor.diagnostics.map { "\($0.location) \($0.id)" } == ["\(unfloored):4:1 import.gpci-below-floor"])
        #expect(floor.diagnostics.first?.message.contains("e.g. 10112-00 ALABAMA 0.988;") == true)
        #expect(year.exitCode == 1 && floor.exitCode == 1 && FeeImportTests.snapshot(dir) == before)
    }

    /// A sheet saved as tab-separated text or as UTF-16 "Unicode Text": one error naming what the file is.
    @Test func tabSeparatedAndUTF16TextAreNamed() throws {
        let dir = try DataTestSupport.copyOfContent()
        let before = FeeImportTests.snapshot(dir)
        let tabs = try Self.variant(Self.rvu, dir, "rvu.txt") { $0.replacingOccurrences(of: ",", with: "\t") }
        let utf16 = dir + "/gpci.txt"
        try Data([0xFF, 0xFE] + Array(try String(contentsOfFile: Self.gpci, encoding: .utf8).utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            .write(to: URL(fileURLWithPath: utf16))
        let out = FeeImportTests.run(dir, rvu: [tabs], gpci: utf16, effective: "2027-01-01")
        #expect(out.exitCode == 1 && FeeImportTests.snapshot(dir) == before)
        #expect(DiagnosticFormatter.text(out.diagnostics) == """
            \(utf16):1:1: error: this is UTF-16 text (a spreadsheet's "Unicode Text"), not a CSV file
                hint: use the CSV file of CMS's zip, or save the sheet as CSV
            \(tabs):1:1: error: this is tab-separated text, not a CSV file
                hint: use the CSV file of CMS's zip, or save the sheet as CSV
            """)
    }

    /// A row inside the table (a state heading) used to end it there, dropping the localities below without a
    /// word; now it is an error at that row. A header row repeated inside the table (a paged re-save) is skipped.
    @Test func aRowInsideTheGPCITableIsAnErrorAndARepeatedHeaderIsSkipped() throws {
        let plain = try DataTestSupport.copyOfContent()
        #expect(FeeImportTests.run(plain, rvu: [Self.rvu], gpci: Self.gpci, effective: "2027-01-01").exitCode == 0)
        let dir = try DataTestSupport.copyOfContent()
        let before = FeeImportTests.snapshot(dir)
        let heading = try Self.variant(Self.gpci, dir, "heading.csv") { $0.hasPrefix("03102,AZ,00,") ? $0 + "\r\nCALIFORNIA,,,,,," : $0 }
        let out = FeeImportTests.run(dir, rvu: [Self.rvu], gpci: heading, effective: "2027-01-01")
        #expect(out.exitCode == 1 && FeeImportTests.snapshot(dir) == before)
        #expect(DiagnosticFormatter.text(out.diagnostics) == """
            \(heading):7:1: error: expected a locality row, found 'CALIFORNIA'; locality rows follow at line 8
                hint: remove the row, or move footnotes below the last locality
            """)
        let header = try String(contentsOfFile: Self.gpci, encoding: .utf8).components(separatedBy: "\r\n")[2]
        #expect(header.hasPrefix("Medicare Administrative Contractor (MAC),"))
        let paged = try Self.variant(Self.gpci, dir, "paged.csv") { $0.hasPrefix("03102,AZ,00,") ? $0 + "\r\n" + header : $0 }
        let again = FeeImportTests.run(dir, rvu: [Self.rvu], gpci: paged, effective: "2027-01-01")
        #expect(again.exitCode == 0 && again.stdout.contains("(8 codes, 109 localities)"), "\(again.diagnostics)")
        #expect(Self.figures(dir) == Self.figures(plain))
    }

    /// A locality of the previous period's table missing from the new file (retired by CMS, or a file cut off at the
    /// end of a line) is written, with a warning naming it at the header.
    @Test func localitiesMissingFromThePreviousTableAreNamed() throws {
        let dir = try DataTestSupport.copyOfContent()
        let gpci = try Self.variant(Self.gpci, dir, "gpci.csv") { $0.hasPrefix("03102,AZ,00,") ? "" : $0 }
        let out = FeeImportTests.run(dir, rvu: [Self.rvu, Self.qpp], gpci: gpci, effective: "2027-01-01")
        #expect(out.exitCode == 0 && out.stdout.contains("(8 codes, 108 localities)"))
        #expect(DiagnosticFormatter.text(out.diagnostics) == """
            \(gpci):3:1: warning: 1 of the 109 localities of GPCI table 2026 are not in this file: 03102-00
                hint: a locality CMS retired is expected (fees diff lists it); many missing look like a cut-off file: fetch it again
            """)
    }

    /// Figures beyond what the guide's data may hold (a conversion factor with 5 decimals, a GPCI with 5) are
    /// refused at their CMS cell, not when the written files are loaded back (which named a file it then removed).
    @Test func figuresBeyondTheDataLimitsAreRefusedAtTheirRow() throws {
        let dir = try DataTestSupport.copyOfContent()
        let before = FeeImportTests.snapshot(dir)
        let rvu = try Self.variant(Self.rvu, dir, "rvu.csv") { $0.hasPrefix("97550,") ? $0.replacingOccurrences(of: ",32.8409,", with: ",32.84091,") : $0 }
        let gpci = try Self.variant(Self.gpci, dir, "gpci.csv") { $0.replacingOccurrences(of: "ALASKA*,1.500,", with: "ALASKA*,1.50041,") }
        let out = FeeImportTests.run(dir, rvu: [rvu], gpci: gpci, effective: "2027-01-01")
        #expect(out.exitCode == 1 && FeeImportTests.snapshot(dir) == before)
        #expect(out.diagnostics.uniqueSorted.map(\.description) == [
            "\(gpci):5:21: error: work GPCI of 02102-01 '1.50041' has too many decimals for a GPCI: at most 4 after the point",
            "\(rvu):51:78: error: conversion factor of 97550 '32.84091' has too many decimals for a conversion factor: at most 4 after the point",
        ])
    }

    /// A first date after the day the last period ends: refused at --effective, naming the dates left without fees
    /// (the loader refused it too, but at a line of the fee file the import then removed).
    @Test func aGapAfterTheLastPeriodIsRefusedAtEffective() throws {
        let dir = try DataTestSupport.copyOfContent()
        let before = FeeImportTests.snapshot(dir)
        let out = FeeImportTests.run(dir, rvu: [Self.rvu], gpci: Self.gpci, effective: "2027-02-01")
        #expect(out.exitCode == 1 && FeeImportTests.snapshot(dir) == before)
        #expect(DiagnosticFormatter.text(out.diagnostics) == """
            --effective:1:1: error: period 2026-01-01 ends 2026-12-31, so a period starting 2027-02-01 leaves 2027-01-01–2027-01-31 without fees
                hint: import with --effective 2027-01-01
            """)
    }

    /// The table alone (a sheet exported from its header row on, with a byte-order mark): read, and refused for
    /// want of the title that names the release, saying so.
    @Test func aTableWithoutItsTitleSaysWhatIsMissing() throws {
        let dir = try DataTestSupport.copyOfContent()
        let lines = try String(contentsOfFile: Self.rvu, encoding: .utf8).components(separatedBy: "\r\n")
        let rvu = dir + "/table.csv"
        try Data(("\u{FEFF}" + lines.drop { !$0.hasPrefix("HCPCS,") }.joined(separator: "\r\n")).utf8).write(to: URL(fileURLWithPath: rvu))
        let out = FeeImportTests.run(dir, rvu: [rvu], gpci: Self.gpci, effective: "2027-01-01")
        #expect(out.exitCode == 1)
        #expect(DiagnosticFormatter.text(out.diagnostics) == """
            \(rvu):1:1: error: cannot tell the CMS release: the file has no title line ('YYYY National Physician Fee Schedule Relative Value File <Month> Release') above the header
                hint: pass --source with a sources.yaml id
            """)
    }

    /// A kept code whose payment indicators are not the ones codes.yaml records (status A → B, bundled; a global
    /// period ZZZ → XXX): the code may no longer be paid, or paid another way, so the import stops at its rows. A
    /// leading zero an Excel re-save dropped (phys_supervision 9 for 09) is no change.
    @Test func changedIndicatorsAreRefusedAtTheirRows() throws {
        let dir = try DataTestSupport.copyOfContent()
        let before = FeeImportTests.snapshot(dir)
        let rvu = try Self.variant(Self.rvu, dir, "rvu.csv") { line in
            if line.hasPrefix("97552,,,A,") { return "97552,,,B," + line.dropFirst(10) }
            if line.hasPrefix("97551,") { return line.replacingOccurrences(of: ",ZZZ,", with: ",XXX,") }
            return line.hasPrefix("G0543,") ? line.replacingOccurrences(of: ",32.8409,09,", with: ",32.8409,9,") : line
        }
        let text = try String(contentsOfFile: rvu, encoding: .utf8)
        #expect(text.contains("\r\n97552,,,B,,0.23,") && text.contains(",0.63,0,XXX,") && text.contains(",32.8409,9,"))
        let out = FeeImportTests.run(dir, rvu: [rvu], gpci: Self.gpci, effective: "2027-01-01")
        #expect(out.exitCode == 1 && FeeImportTests.snapshot(dir) == before)
        let hint = "\n    hint: check the release notes; update the code's indicators in codes.yaml (and the pages) before importing"
        #expect(DiagnosticFormatter.text(out.diagnostics) == """
            \(rvu):52:1: error: 97551 has global 'XXX' in this file, 'ZZZ' in data/codes.yaml\(hint)
            \(rvu):53:1: error: 97552 has status 'B' in this file, 'A' in data/codes.yaml\(hint)
            """)
    }

    /// MAINTAINING.md section B: a later release with the same figures imported into the period (July into the
    /// January period) changes only the provenance, its source entry included; `fees remove` then takes out both
    /// releases' entries, leaving the data as before the first import. (The July source was not added, so the
    /// import failed on an unknown source id.)
    @Test func aLaterReleaseOfTheSamePeriodAddsItsSourceAndRemoveUndoesBoth() throws {
        let dir = try DataTestSupport.copyOfContent()
        let before = FeeImportTests.snapshot(dir)
        #expect(FeeImportTests.run(dir, rvu: [Self.rvu, Self.qpp], gpci: Self.gpci, effective: "2027-01-01").exitCode == 0)
        let july = try Self.variant(Self.rvu, dir, "PPRRVU2027_Jul_nonQPP.csv") {
            $0.replacingOccurrences(of: "January Release", with: "July Release").replacingOccurrences(of: "RELEASED 12/01/2026", with: "RELEASED 06/15/2027")
        }
        let qpp = try Self.variant(Self.qpp, dir, "PPRRVU2027_Jul_QPP.csv") {
            $0.replacingOccurrences(of: "January Release", with: "July Release").replacingOccurrences(of: "RELEASED 12/01/2026", with: "RELEASED 06/15/2027")
        }
        let out = FeeImportTests.run(dir, rvu: [july, qpp], gpci: Self.gpci, effective: "2027-01-01")
        #expect(out.exitCode == 0 && out.diagnostics.isEmpty, "\(out.diagnostics)")
        #expect(out.stdout.contains("added to sources.yaml: cms-rvu27c (dated 2027-06-15, the release's own date)\n"))
        let fee = String(decoding: FeeImportTests.snapshot(dir)["fees/2027-01-01.yaml"] ?? Data(), as: UTF8.self)
        #expect(fee.contains("\nsource: cms-rvu27c\n") && fee.contains("\n# source added: cms-rvu27a\n") && fee.contains("\n# source added: cms-rvu27c\n"))
        #expect(SiteDataLoader.load(contentDirectory: dir).output?.source("cms-rvu27c") != nil)
        let removed = FeeRemover.run(effective: "2027-01-01", content: dir)
        #expect(removed.exitCode == 0, "\(removed.diagnostics)")
        #expect(FeeImportTests.snapshot(dir) == before)
    }

    /// Other wordings of the Addendum E header CMS has used or may use (`MAC Number`, `Locality`, `PLI GPCI` for
    /// the malpractice index), columns in another order: the same table.
    @Test func otherHeaderWordingsReadTheSameTable() throws {
        let plain = try DataTestSupport.copyOfContent()
        #expect(FeeImportTests.run(plain, rvu: [Self.rvu], gpci: Self.gpci, effective: "2027-01-01").exitCode == 0)
        let dir = try DataTestSupport.copyOfContent()
        let gpci = try Self.variant(Self.gpci, dir, "gpci.csv") {
            $0.replacingOccurrences(
                of: "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2027 PW GPCI,2027 PE GPCI,2027 MP GPCI",
                with: "MAC Number,State,Locality,Locality Name,2027 PW GPCI,2027 PE GPCI,2027 PLI GPCI")
        }
        #expect(try String(contentsOfFile: gpci, encoding: .utf8).contains("\r\nMAC Number,State,Locality,Locality Name,"))
        let out = FeeImportTests.run(dir, rvu: [Self.rvu], gpci: gpci, effective: "2027-01-01")
        #expect(out.exitCode == 0, "\(out.diagnostics)")
        #expect(Self.figures(dir) == Self.figures(plain))
    }

    /// `fees remove` of a period whose GPCI table the ZIP code list (imported after it) is checked against: refused
    /// at the list, saying what to bring back first (it said "import the GPCI table of the ZIP file's year first").
    @Test func removeRefusesWhileTheZIPListUsesThePeriodsTable() throws {
        let dir = try DataTestSupport.copyOfContent()
        #expect(FeeImportTests.run(dir, rvu: [Self.rvu, Self.qpp], gpci: Self.gpci, effective: "2027-01-01").exitCode == 0)
        let rows = try ZIPTestSupport.csvRows().prefix(3).map { $0.dropLast().joined(separator: ",") + ",20271" }
        let zipFile = dir + "/ZIP5_JAN2027.csv"
        try Data(([ZIPTestSupport.header] + rows).joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: zipFile))
        #expect(ZIPImport.run(file: zipFile, contentDirectory: dir).summary?.contains("GPCI table 2027") == true)
        let before = FeeImportTests.snapshot(dir)
        let out = FeeRemover.run(effective: "2027-01-01", content: dir)
        #expect(out.exitCode == 1 && FeeImportTests.snapshot(dir) == before)
        #expect(DiagnosticFormatter.text(out.diagnostics) == """
            \(dir)/data/zip-codes.yaml:1:1: error: the ZIP code list (ZIP5_JAN2027.csv, 2027, quarter 1) is checked against GPCI table 2027, which removing period 2027-01-01 deletes; nothing removed
                hint: first bring back the ZIP code list of before (git checkout Content/data/zip-codes.yaml, or fees import-zip with an earlier year's file)
            """)
    }

    /// A note line after the last code row (a re-save's footnote) is ignored; one with code rows below it is an error
    /// at that row (both were errors: "work RVU of Note: … is not a number").
    @Test func aPPRRVUNoteAfterTheCodesIsIgnoredAndOneBetweenThemIsAnError() throws {
        let plain = try DataTestSupport.copyOfContent()
        #expect(FeeImportTests.run(plain, rvu: [Self.rvu], gpci: Self.gpci, effective: "2027-01-01").exitCode == 0)
        let dir = try DataTestSupport.copyOfContent()
        let note = "\"Note: CPT codes and descriptions are copyright 2027 American Medical Association\"" + String(repeating: ",", count: 31)
        let after = try Self.variant(Self.rvu, dir, "after.csv") { $0.hasPrefix("G0543,") ? $0 + "\r\n" + note : $0 }
        #expect(try String(contentsOfFile: after, encoding: .utf8).hasSuffix(note + "\r\n"))
        let out = FeeImportTests.run(dir, rvu: [after], gpci: Self.gpci, effective: "2027-01-01")
        #expect(out.exitCode == 0, "\(out.diagnostics)")
        #expect(Self.figures(dir) == Self.figures(plain))
        let between = try Self.variant(Self.rvu, dir, "between.csv") { $0.hasPrefix("97550,") ? note + "\r\n" + $0 : $0 }
        let refused = FeeImportTests.run(try DataTestSupport.copyOfContent(), rvu: [between], gpci: Self.gpci, effective: "2027-01-01")
        #expect(DiagnosticFormatter.text(refused.diagnostics) == """
            \(between):51:1: error: expected a code row, found 'Note: CPT codes and descriptions are copyright 2027 American Medical Association'; code rows follow at line 52
                hint: remove the row, or move notes below the last code
            """)
    }

    /// The PPRRVU header with its label rows repeated between the codes (a re-save of a paged sheet) holds no
    /// figures: skipped, as in a GPCI table (it was "work RVU of HCPCS 'RVU' is not a decimal number").
    @Test func aRepeatedPPRRVUHeaderIsSkipped() throws {
        let plain = try DataTestSupport.copyOfContent()
        #expect(FeeImportTests.run(plain, rvu: [Self.rvu], gpci: Self.gpci, effective: "2027-01-01").exitCode == 0)
        let dir = try DataTestSupport.copyOfContent()
        let lines = try String(contentsOfFile: Self.rvu, encoding: .utf8).components(separatedBy: "\r\n")
        let block = lines[5...9].joined(separator: "\r\n")
        #expect(block.hasSuffix(lines[9]) && lines[9].hasPrefix("HCPCS,MOD,"))
        let paged = try Self.variant(Self.rvu, dir, "paged.csv") { $0.hasPrefix("97550,") ? block + "\r\n" + $0 : $0 }
        let out = FeeImportTests.run(dir, rvu: [paged], gpci: Self.gpci, effective: "2027-01-01")
        try #require(out.exitCode == 0, "\(out.diagnostics)")
        #expect(Self.figures(dir) == Self.figures(plain))
    }

    /// The next real step for the guide's own data: the October 2026 release (RVU26D, same figures) into the 2026
    /// period, written before imports kept an undo record. Its source entry is added (the import failed on the
    /// unknown id cms-rvu26d) and no record is started, so removing the period stays a check by hand.
    @Test func theOctoberReleaseIntoThe2026PeriodAddsItsSource() throws {
        let dir = try DataTestSupport.copyOfContent()
        let october = try Self.variant(FeeImportTests.cms2026 + "/PPRRVU2026_Jul_nonQPP.csv", dir, "PPRRVU2026_Oct_nonQPP.csv") {
            $0.replacingOccurrences(of: "July Release", with: "October Release").replacingOccurrences(of: "RELEASED 06/30/2026", with: "RELEASED 08/26/2026")
        }
        let out = FeeImportTests.run(dir, rvu: [october, FeeImportTests.qpp], gpci: FeeImportTests.cms2026 + "/GPCI2026_Jan.csv", effective: "2026-01-01")
        #expect(out.exitCode == 0 && out.diagnostics.isEmpty, "\(out.diagnostics)")
        #expect(out.stdout.contains("added to sources.yaml: cms-rvu26d (dated 2026-08-26, the release's own date)\n"))
        let fee = String(decoding: FeeImportTests.snapshot(dir)["fees/2026-01-01.yaml"] ?? Data(), as: UTF8.self)
        #expect(fee.contains("\nsource: cms-rvu26d\n") && !fee.contains("undoes this import"))
        #expect(SiteDataLoader.load(contentDirectory: dir).output?.source("cms-rvu26d")?.date.description == "2026-08-26")
    }

    /// The start of a zip member (local file header) named `name`, followed by `data`.
    static func zipMember(_ name: String, _ data: String) -> [UInt8] {
        let n = Array(name.utf8)
        return [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 22) + [UInt8(n.count), 0, 0, 0] + n + Array(data.utf8)
    }

    /// CMS's download itself (cut off here: a member and no directory) or a workbook, given for a CSV file: one
    /// error saying what the file is and what to give instead, and nothing written.
    @Test func zipArchivesAndWorkbooksAreNamed() throws {
        let dir = try DataTestSupport.copyOfContent()
        let before = FeeImportTests.snapshot(dir)
        let archive = dir + "/rvu27a.zip", workbook = dir + "/GPCI2027.xlsx"
        try Data(Self.zipMember("rvu27a/PPRRVU2027_Jan_nonQPP.csv", ",,2027 National")).write(to: URL(fileURLWithPath: archive))
        try Data(Self.zipMember("[Content_Types].xml", "<?xml") + Self.zipMember("xl/workbook.xml", "<?xml"))
            .write(to: URL(fileURLWithPath: workbook))
        let out = FeeImportTests.run(dir, rvu: [archive], gpci: workbook, effective: "2027-01-01")
        #expect(out.exitCode == 1 && FeeImportTests.snapshot(dir) == before)
        #expect(DiagnosticFormatter.text(out.diagnostics) == """
            \(workbook):1:1: error: this is a spreadsheet workbook, not a CSV file
                hint: save the sheet as CSV, or use the CSV file of CMS's zip
            \(archive):1:1: error: this is a zip archive, not a CSV file
                hint: unzip it and give the CSV files inside (PPRRVU…_nonQPP.csv, PPRRVU…_QPP.csv, GPCI….csv); fetch it again if it does not unzip
            """)
        let zip = try ZIPTestSupport.contentWithGPCI2026()
        let zipArchive = zip + "/ZIP5_JAN2027.zip"
        try Data(Self.zipMember("ZIP5_JAN2027.txt", "AL35004")).write(to: URL(fileURLWithPath: zipArchive))
        let zipOut = ZIPImport.run(file: zipArchive, contentDirectory: zip)
        #expect(zipOut.summary == nil && zipOut.diagnostics.map(\.message) == ["this is a zip archive, not a text or CSV file"])
        #expect(zipOut.diagnostics.first?.hint == "unzip it and give the ZIP5_….txt file inside; fetch it again if it does not unzip")
    }
}
