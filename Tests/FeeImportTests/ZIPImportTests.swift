import Foundation
import Testing

@testable import CodingRules
@testable import SiteContent
@testable import GuideData
@testable import GuideCalc
@testable import FeeImport
import TestSupport

/// Issue 15: importing CMS's ZIP code → locality file (both layouts), bad files, the loader, `calc --zip`.
@Suite(.serialized) struct ZIPImportTests {
    static func importText(_ text: String, name: String, content: String) throws -> ZIPImport.Outcome {
        ZIPImport.run(file: try ZIPTestSupport.write(text, name: name), contentDirectory: content)
    }

    static func errors(_ o: ZIPImport.Outcome) -> [String] {
        o.diagnostics.filter { $0.severity == .error }.map { "\($0.location) \($0.id)" }
    }

    @Test func bothLayoutsImportToTheSameData() throws {
        let content = try ZIPTestSupport.contentWithGPCI2026()
        let rows = try ZIPTestSupport.csvRows()
        #expect(rows.count == 42956)
        let txt = rows.map(ZIPTestSupport.textRecord).joined(separator: "\r\n") + "\r\n"
        let txtFile = try ZIPTestSupport.write(txt, name: "ZIP5_JAN2026.txt")
        var d1 = Diagnostics(), d2 = Diagnostics()
        let a = try #require(ZIPImport.read(file: ZIPTestSupport.zipCSV, contentDirectory: content, diagnostics: &d1))
        let b = try #require(ZIPImport.read(file: txtFile, contentDirectory: content, diagnostics: &d2))
        #expect(d1.items.isEmpty && d2.items.isEmpty)
        #expect(a.1 == .csv && b.1 == .text)
        #expect(a.0 == b.0)
        #expect(a.0.count == 42956 && a.0.yearQuarter == "20261" && a.0.gpciTable == "2026")
        #expect(Set(a.0.runs.map(\.localityID)).count == 109)
        #expect(a.0.runs.filter(\.split).reduce(0) { $0 + $1.through - $1.from + 1 } == 581)
        #expect(a.2 == "b7eb8edb228f483526b53abb187628f03b2580d2d8d699ca807cf8bc84b768d8")
        // Every row of the file looks up to its own carrier-locality and flag.
        for r in rows {
            #expect(a.0.lookup(r[1]) == .found(localityID: "\(r[2])-\(r[3])", split: r[7] == "1"), "\(r[1])")
        }
        // Written twice (CSV, then text): the mapping lines are identical; provenance names each file.
        let out = content + "/data/zip-codes.yaml"
        let first = ZIPImport.run(file: ZIPTestSupport.zipCSV, contentDirectory: content)
        #expect(first.summary?.hasPrefix("wrote ") == true)
        let csvYAML = try String(contentsOfFile: out, encoding: .utf8)
        let second = ZIPImport.run(file: txtFile, contentDirectory: content)
        #expect(second.summary?.contains("fixed-width text") == true)
        #expect(second.summary?.hasSuffix("changes from the previous list (YEAR/QTR 20261): 0 added, 0 removed, 0 moved to another locality, 0 with a changed ZIP+4 split") == true)
        let txtYAML = try String(contentsOfFile: out, encoding: .utf8)
        func body(_ s: String) -> [Substring] { s.split(separator: "\n").filter { !$0.hasPrefix("file:") && !$0.hasPrefix("sha256:") } }
        #expect(body(csvYAML) == body(txtYAML))
        #expect(csvYAML.contains("file: \"ZIP5_JAN2026.csv\"\nsha256: b7eb8edb228f483526b53abb187628f03b2580d2d8d699ca807cf8bc84b768d8\n"))
        #expect(txtYAML.contains("file: \"ZIP5_JAN2026.txt\"\n"))
        #expect(csvYAML.contains("  \"13202-01\":\n    - 10001-10041 10043-10048 "))
        #expect(csvYAML.utf8.count < 130_000)
        // The loader reads it back to the same table.
        let loaded = SiteDataLoader.load(contentDirectory: content)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(loaded.output?.zipCodes?.table == b.0)
        // A later list: what changed is counted against the table in the content folder.
        var later = rows.filter { $0[1] != "99501" }
        later[0][3] = later[0][3] == "01" ? "99" : "01"
        later[0][2] = "13202"
        later[1][7] = later[1][7] == "1" ? "0" : "1"
        later.append(["NY", "10042", "13202", "01", "", "Z9", "", "0", "A", "20261"])
        let changed = ZIPImport.changeSummary(
            from: a.0, to: ZIPLocalityTable(yearQuarter: "20262", gpciTable: "2026", runs: ZIPLocalityTable.runs(from:
                Dictionary(uniqueKeysWithValues: later.map { (Int($0[1])!, (localityID: "\($0[2])-\($0[3])", split: $0[7] == "1")) }))))
        #expect(changed == "changes from the previous list (YEAR/QTR 20261): 1 added, 1 removed, 1 moved to another locality, 1 with a changed ZIP+4 split")
        // Importing the same file again changes nothing.
        #expect(ZIPImport.run(file: txtFile, contentDirectory: content).summary?.contains("unchanged") == true)
    }

    /// A small valid file: the first rows of the shared file.
    static func sampleRows() throws -> [[String]] { Array(try ZIPTestSupport.csvRows().prefix(6)) }

    static func csv(_ rows: [[String]]) -> String {
        ([ZIPTestSupport.header] + rows.map { $0.joined(separator: ",") }).joined(separator: "\r\n") + "\r\n"
    }

    /// Imports a good sample first, then `bad`: the errors, and whether the written file kept its bytes.
    static func badImport(_ bad: String, name: String) throws -> (errors: [String], hints: [String], path: String, unchanged: Bool) {
        let content = try ZIPTestSupport.contentWithGPCI2026()
        let good = try importText(csv(try sampleRows()), name: "good.csv", content: content)
        #expect(good.summary != nil)
        let out = content + "/data/zip-codes.yaml"
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        let file = try ZIPTestSupport.write(bad, name: name)
        let outcome = ZIPImport.run(file: file, contentDirectory: content)
        #expect(outcome.summary == nil)
        let after = try Data(contentsOf: URL(fileURLWithPath: out))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: content + "/data").filter { $0.contains(".tmp") }
        return (errors(outcome), outcome.diagnostics.compactMap(\.hint), file, before == after && leftovers.isEmpty)
    }

    @Test func wrongRecordLengthIsPositioned() throws {
        var lines = try Self.sampleRows().map(ZIPTestSupport.textRecord)
        lines[2] = String(lines[2].dropLast())
        let r = try Self.badImport(lines.joined(separator: "\n") + "\n", name: "short.txt")
        #expect(r.errors == ["\(r.path):3:80 import-zip.record-length"])
        #expect(r.unchanged)
    }

    @Test func unknownCarrierLocalityIsPositioned() throws {
        var rows = try Self.sampleRows()
        rows[3][2] = "13202"
        rows[3][3] = "09"
        let r = try Self.badImport(Self.csv(rows), name: "unknown.csv")
        #expect(r.errors.count == 1)
        #expect(r.errors.first?.hasPrefix(
            "\(r.path):5:10 import-zip.unknown-locality") == true)
        #expect(r.unchanged)
        // The same in the fixed-width layout, at the carrier's column 8.
        let t = try Self.badImport(rows.map(ZIPTestSupport.textRecord).joined(separator: "\n"), name: "unknown.txt")
        #expect(t.errors.first?.hasPrefix("\(t.path):4:8 import-zip.unknown-locality") == true)
        #expect(t.unchanged)
    }

    @Test func duplicateZIPIsPositioned() throws {
        var rows = try Self.sampleRows()
        rows[4][1] = rows[1][1]
        let r = try Self.badImport(Self.csv(rows), name: "dup.csv")
        #expect(r.errors == ["\(r.path):6:4 import-zip.duplicate-zip"])
        #expect(r.unchanged)
        let t = try Self.badImport(rows.map(ZIPTestSupport.textRecord).joined(separator: "\n"), name: "dup.txt")
        #expect(t.errors == ["\(t.path):5:3 import-zip.duplicate-zip"])
        #expect(t.unchanged)
    }

    @Test func malformedFieldsArePositioned() throws {
        var rows = try Self.sampleRows()
        rows[0][1] = "501"
        rows[1][7] = "2"
        rows[2][9] = "20265"
        let r = try Self.badImport(Self.csv(rows), name: "fields.csv")
        #expect(r.errors.count == 3)
        #expect(r.errors[0] == "\(r.path):2:4 import-zip.bad-zip" && r.hints.first?.hasPrefix("leading zeros") == true)
        #expect(r.errors[1] == "\(r.path):3:24 import-zip.bad-plus4-flag")
        #expect(r.errors[2].hasPrefix("\(r.path):4:"))
        #expect(r.unchanged)
        // A byte-order mark (spreadsheet exports) is not part of the first record.
        let bomContent = try ZIPTestSupport.contentWithGPCI2026()
        let bomTXT = try Self.importText("\u{FEFF}" + (try Self.sampleRows()).map(ZIPTestSupport.textRecord).joined(separator: "\n"),
                                         name: "bom.txt", content: bomContent)
        #expect(bomTXT.summary?.contains("6 ZIP codes") == true && Self.errors(bomTXT).isEmpty)
        let noHeader = try Self.badImport("ZIP CODE,CARRIER\n10001,13202\n", name: "header.csv")
        #expect(noHeader.errors.first?.contains(":1:1 import-zip.missing-column") == true)
    }

    /// A sheet saved as CSV with a title line above the header reads as the plain export; one whose carrier and
    /// locality columns lost their leading zeros gives ten errors of each check and a count of the rest (not one
    /// line per row of a 43,000-row file), each saying what probably happened.
    @Test func titleLineIsSkippedAndLostZerosAreCounted() throws {
        let rows = try ZIPTestSupport.csvRows().prefix(30)
        let content = try ZIPTestSupport.contentWithGPCI2026()
        let titled = try Self.importText("ZIP code to carrier locality file January 2027,,,,,,,,,\r\n" + Self.csv(Array(rows.prefix(6))),
                                         name: "titled.csv", content: content)
        #expect(Self.errors(titled).isEmpty && titled.summary?.contains("6 ZIP codes in 1 localities") == true, "\(titled.diagnostics)")
        // Six rows of Alaska: the other 108 localities have no ZIP code, which CMS's whole list never leaves.
        #expect(titled.diagnostics.map { "\($0.id) \($0.message.prefix(76))" }
            == ["import-zip.localities-without-zip 108 of the 109 localities of GPCI table 2026 have no ZIP code in this file: "])
        let lost = rows.map { r in [r[0], r[1], String(r[2].drop { $0 == "0" }), String(r[3].drop { $0 == "0" })] + r[4...] }
        #expect(lost[0][2] == "2102" && lost[0][3] == "1")
        let r = try Self.badImport(Self.csv(lost), name: "lost.csv")
        #expect(r.errors.count == 22 && r.unchanged)
        #expect(r.errors[0] == "\(r.path):2:10 import-zip.bad-carrier" && r.errors[1] == "\(r.path):2:15 import-zip.bad-locality")
        #expect(r.errors[20] == "\(r.path):12:10 import-zip.bad-carrier" && r.errors[21] == "\(r.path):12:15 import-zip.bad-locality")
        #expect(r.hints == Array(repeating: "leading zeros were probably lost in a spreadsheet; keep the column as text", count: 20))
        let outcome = ZIPImport.run(file: r.path, contentDirectory: try ZIPTestSupport.contentWithGPCI2026())
        #expect(outcome.diagnostics.filter { $0.message.hasSuffix("like the ones above") }.map(\.message)
            == ["20 more rows with this error like the ones above", "20 more rows with this error like the ones above"])
    }

    @Test func loaderChecksTheContentFile() throws {
        let content = try ZIPTestSupport.contentWithGPCI2026()
        #expect(try Self.importText(Self.csv(try Self.sampleRows()), name: "good.csv", content: content).summary != nil)
        let file = content + "/data/zip-codes.yaml"
        let good = try String(contentsOfFile: file, encoding: .utf8)
        let firstLine = try #require(good.split(separator: "\n").first { $0.hasPrefix("    - ") })
        let line = try DataTestSupport.line(of: String(firstLine), in: file)
        // A locality the GPCI table lacks.
        try good.replacingOccurrences(of: "\"02102-01\":", with: "\"02102-77\":").write(toFile: file, atomically: true, encoding: .utf8)
        var loaded = SiteDataLoader.load(contentDirectory: content)
        #expect(loaded.output == nil)
        #expect(loaded.diagnostics.map { "\($0.location) \($0.id)" }.contains {
            $0.hasPrefix("\(file):\(line - 1):3 zip.unknown-locality") })
        // A ZIP code listed twice, and a malformed token.
        try good.replacingOccurrences(of: String(firstLine), with: firstLine + " 99501 9950x")
            .write(toFile: file, atomically: true, encoding: .utf8)
        loaded = SiteDataLoader.load(contentDirectory: content)
        let errs = loaded.diagnostics.filter { $0.severity == .error }.map { "\($0.location) \($0.id)" }
        #expect(loaded.output == nil)
        let col = firstLine.count + 2
        #expect(errs == ["\(file):\(line):\(col + 6) zip.bad-line"])
        // A line that is not plain ASCII is read by characters: columns count characters, not bytes.
        try good.replacingOccurrences(of: String(firstLine), with: firstLine + " 9950é 9950x")
            .write(toFile: file, atomically: true, encoding: .utf8)
        loaded = SiteDataLoader.load(contentDirectory: content)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.map { "\($0.location) \($0.id)" } == [
            "\(file):\(line):\(col) zip.bad-line",
            "\(file):\(line):\(col + 6) zip.bad-line",
        ])
        try good.replacingOccurrences(of: String(firstLine), with: firstLine + " 99501")
            .write(toFile: file, atomically: true, encoding: .utf8)
        loaded = SiteDataLoader.load(contentDirectory: content)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.map { "\($0.location) \($0.id)" }.contains(
            "\(file):\(line):\(col) zip.duplicate-zip"))
    }

    @Test func calcZIPEqualsCalcLocality() throws {
        let content = try ZIPTestSupport.contentWithGPCI2026()
        #expect(ZIPImport.run(file: ZIPTestSupport.zipCSV, contentDirectory: content).summary != nil)
        let rows = try ZIPTestSupport.csvRows()
        var seed: UInt64 = 20_261_115
        var sample: [[String]] = []
        for _ in 0..<24 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            sample.append(rows[Int(seed >> 33) % rows.count])
        }
        sample.append(try #require(rows.first { $0[7] == "1" }))
        for r in sample {
            for date in ["2025-06-02", "2024-02-01", "2026-03-01"] {
                let args = ["minutes": "53", "date": date, "patients": "1"]
                let byZIP = Self.calc(args, zip: r[1], content: content)
                let byLocality = Self.calc(args.merging(["locality": "\(r[2])-\(r[3])"]) { $1 }, zip: nil, content: content)
                #expect(byZIP.exitCode == 0 && byLocality.exitCode == 0, "\(r[1]) \(date): \(byZIP.stderr)")
                var j = try #require(JSONSerialization.jsonObject(with: Data(byZIP.stdout.utf8)) as? [String: Any])
                let zip = try #require(j.removeValue(forKey: "zip") as? [String: Any])
                let k = try #require(JSONSerialization.jsonObject(with: Data(byLocality.stdout.utf8)) as? [String: Any])
                let canonical = { (o: [String: Any]) in try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]) }
                #expect(try canonical(j) == canonical(k), "\(r[1]) \(date)")
                #expect(byZIP.stdout.hasPrefix(byLocality.stdout.dropLast(3)))
                #expect(zip["locality"] as? String == "\(r[2])-\(r[3])" && zip["code"] as? String == r[1])
                #expect(zip["split_by_zip4"] as? Bool == (r[7] == "1"))
                let name = try #require((k["locality"] as? [String: Any])?["name"] as? String)
                #expect(zip["name"] as? String == name)
                if r[7] == "1" {
                    #expect((zip["note"] as? String)?.contains("check the ZIP+4 of the practice address with your Medicare contractor") == true)
                    #expect((zip["note"] as? String)?.contains(name) == true)
                } else {
                    #expect(zip["note"] is NSNull)
                }
            }
        }
        let text = Self.calc(["minutes": "53", "date": "2025-06-02"], zip: "10001", content: content, json: false)
        #expect(text.stdout.hasPrefix("ZIP code 10001: MANHATTAN, NY (13202-01) (CMS ZIP code list, 2026, quarter 1)\nSession:"))
    }

    @Test(arguments: [
        ("00000", "error: --zip: ZIP code 00000 is not in CMS's ZIP code list (2026, quarter 1); use --locality\n"),
        ("1000", "error: --zip: expected a ZIP code of 5 digits such as 10001, got '1000'\n"),
        ("10001-1234", "error: --zip: expected a ZIP code of 5 digits such as 10001, got '10001-1234'\n"),
        ("ab123", "error: --zip: expected a ZIP code of 5 digits such as 10001, got 'ab123'\n"),
    ])
    func badZIPIsOneLineNamingTheOption(zip: String, message: String) throws {
        let content = try ZIPTestSupport.contentWithGPCI2026()
        #expect(ZIPImport.run(file: ZIPTestSupport.zipCSV, contentDirectory: content).summary != nil)
        let out = Self.calc(["minutes": "53"], zip: zip, content: content)
        #expect(out.exitCode == 1 && out.stdout.isEmpty && out.stderr == message)
        let both = Self.calc(["minutes": "53", "locality": "national"], zip: "10001", content: content)
        #expect(both.exitCode == 1 && both.stderr == "error: --zip: give either --zip or --locality, not both\n")
    }

    @Test func calcZIPWithoutTableIsAnOptionError() {
        let out = Self.calc(["minutes": "53"], zip: "10001", content: DataTestSupport.content)
        if FileManager.default.fileExists(atPath: DataTestSupport.content + "/data/zip-codes.yaml") {
            #expect(out.exitCode == 0)
        } else {
            #expect(out.exitCode == 1 && out.stderr.hasPrefix("error: --zip: the guide's data has no ZIP code table"))
        }
    }

    static func calc(_ a: [String: String], zip: String?, content: String, json: Bool = true) -> CalcOutput {
        CalcRunner.run(CalcOptions(
            minutes: a["minutes"], patients: a["patients"], date: a["date"] ?? "2025-06-02", locality: a["locality"],
            content: content, json: json, zip: zip))
    }
}
