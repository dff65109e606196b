import SiteContent
import GuideData
import CodingRules
import Foundation

/// One row of a CMS "ZIP code to carrier locality" file, with where its fields are. Only what pricing needs is
/// kept: the rural indicators, lab locality and drug indicator are not read (the fee schedule does not use them).
package struct ZIPRecord: Sendable, Hashable {
    var zip: String
    var carrier: String
    var locality: String
    /// `PLUS 4 FLAG` = 1: CMS splits this ZIP code between localities by ZIP+4.
    var split: Bool
    /// `YEAR/QTR`, `YYYYQ`.
    var yearQuarter: String
    var zipAt: SourceLocation
    var carrierAt: SourceLocation
    var yearQuarterAt: SourceLocation

    var localityID: String { "\(carrier)-\(locality)" }
}

/// Reads the two layouts CMS ships the ZIP5 file in: the spreadsheet export (CSV with the header row `STATE,ZIP
/// CODE,CARRIER,LOCALITY,…,PLUS 4 FLAG,…,YEAR/QTR`; columns found by name, so an extra empty column is fine) and
/// the fixed-width text file (80-character records; 3–7 ZIP, 8–12 carrier, 13–14 locality, 21 plus-four flag,
/// 76–80 year/quarter, 1-based). Field formats are checked here; duplicates and localities by `ZIPImport`.
package enum ZIPFileReader {
    package enum Layout: String { case csv = "spreadsheet export (CSV)", text = "fixed-width text" }

    static let recordLength = 80
    /// 1-based inclusive positions in a text record.
    static let textFields: [(name: String, from: Int, through: Int)] = [
        ("ZIP CODE", 3, 7), ("CARRIER", 8, 12), ("LOCALITY", 13, 14), ("PLUS 4 FLAG", 21, 21), ("YEAR/QTR", 76, 80),
    ]
    static let csvColumns = ["ZIP CODE", "CARRIER", "LOCALITY", "PLUS 4 FLAG", "YEAR/QTR"]

    /// The layout of `text`: CSV when one of its first five non-blank lines is a header naming the ZIP CODE column
    /// (a sheet saved as CSV may keep a title line above it), or when its first non-blank line holds commas (a
    /// header row with a misspelt column: one error naming the column, not one "record is N characters long" per
    /// record; fixed-width records have no commas); else fixed-width text.
    static func layout(of text: String) -> Layout {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).lazy.filter { !$0.allSatisfy(\.isWhitespace) }.prefix(5)
        return lines.contains { isHeader($0) } || lines.first?.contains(",") == true ? .csv : .text
    }

    /// A CSV header line: a comma-separated field that reads `ZIP CODE`.
    static func isHeader(_ line: Substring) -> Bool {
        line.split(separator: ",").contains { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")).uppercased() == "ZIP CODE" }
    }

    package static func read(_ text: String, file: String, diagnostics: inout Diagnostics) -> (Layout, [ZIPRecord]) {
        let layout = layout(of: text)
        switch layout {
        case .csv: return (layout, readCSV(text, file: file, diagnostics: &diagnostics))
        case .text: return (layout, readText(text, file: file, diagnostics: &diagnostics))
        }
    }

    static func readCSV(_ text: String, file: String, diagnostics: inout Diagnostics) -> [ZIPRecord] {
        let rows = CSVReader.parse(text) { line, col, msg in
            diagnostics.error(.csvSyntax, SourceLocation(file: file, line: line, column: col), msg)
        }.filter { !$0.allSatisfy { $0.text.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let first = rows.first else {
            diagnostics.error("import-zip.empty-file", SourceLocation(file: file), "empty ZIP code file")
            return []
        }
        // Lines above the header (a title) are skipped.
        let start = rows.prefix(5).firstIndex { $0.contains { $0.text.trimmingCharacters(in: .whitespaces).uppercased() == "ZIP CODE" } } ?? 0
        let header = start == 0 ? first : rows[start]
        let names = header.map { $0.text.trimmingCharacters(in: .whitespaces).uppercased() }
        var index: [String: Int] = [:]
        for name in csvColumns {
            guard let i = names.firstIndex(of: name) else {
                diagnostics.error("import-zip.missing-column",
                    SourceLocation(file: file, line: header[0].line), "the header has no '\(name)' column",
                    hint: "expected CMS's columns: STATE, ZIP CODE, CARRIER, LOCALITY, …, PLUS 4 FLAG, …, YEAR/QTR")
                return []
            }
            index[name] = i
        }
        let needed = index.values.max()! + 1
        var out: [ZIPRecord] = []
        for row in rows.dropFirst(start + 1) {
            let rowAt = SourceLocation(file: file, line: row[0].line, column: 1)
            guard row.count >= needed else {
                diagnostics.error("import-zip.field-count", rowAt, "expected at least \(needed) fields, found \(row.count)")
                continue
            }
            func field(_ name: String) -> (String, SourceLocation) {
                let f = row[index[name]!]
                return (f.text.trimmingCharacters(in: .whitespaces), SourceLocation(file: file, line: f.line, column: f.column))
            }
            if let r = record(field, diagnostics: &diagnostics) { out.append(r) }
        }
        return out
    }

    static func readText(_ text: String, file: String, diagnostics: inout Diagnostics) -> [ZIPRecord] {
        var out: [ZIPRecord] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (i, line) in lines.enumerated() where !line.isEmpty {
            let lineNumber = i + 1
            let chars = Array(line.unicodeScalars)
            guard chars.count == recordLength else {
                diagnostics.error("import-zip.record-length",
                    SourceLocation(file: file, line: lineNumber, column: min(chars.count, recordLength) + 1),
                    "record is \(chars.count) characters long; a ZIP code record is \(recordLength)")
                continue
            }
            func field(_ name: String) -> (String, SourceLocation) {
                let f = textFields.first { $0.name == name }!
                var s = String.UnicodeScalarView()
                s.append(contentsOf: chars[(f.from - 1)..<f.through])
                return (String(s).trimmingCharacters(in: .whitespaces), SourceLocation(file: file, line: lineNumber, column: f.from))
            }
            if let r = record(field, diagnostics: &diagnostics) { out.append(r) }
        }
        if out.isEmpty && !diagnostics.hasErrors { diagnostics.error(.noZIPRecords, SourceLocation(file: file), "no ZIP code records") }
        return out
    }

    /// Checks the fields of one row, whatever the layout.
    static func record(_ field: (String) -> (String, SourceLocation), diagnostics: inout Diagnostics) -> ZIPRecord? {
        let (zip, zipAt) = field("ZIP CODE"), (carrier, carrierAt) = field("CARRIER")
        let (locality, localityAt) = field("LOCALITY"), (flag, flagAt) = field("PLUS 4 FLAG")
        let (yq, yqAt) = field("YEAR/QTR")
        var ok = true
        func digits(_ s: String, _ n: Int) -> Bool { s.count == n && s.allSatisfy { $0.isASCII && $0.isNumber } }
        func zerosLost(_ s: String, _ n: Int) -> String? {
            s.count < n && digits(s, s.count) ? "leading zeros were probably lost in a spreadsheet; keep the column as text" : nil
        }
        if !digits(zip, ZIPLocalityTable.digits) {
            diagnostics.error("import-zip.bad-zip", zipAt, "ZIP code must be \(ZIPLocalityTable.digits) digits, found '\(zip)'",
                              hint: zerosLost(zip, ZIPLocalityTable.digits))
            ok = false
        }
        if !digits(carrier, 5) {
            diagnostics.error("import-zip.bad-carrier", carrierAt, "carrier (MAC) number must be 5 digits, found '\(carrier)'", hint: zerosLost(carrier, 5))
            ok = false
        }
        if !digits(locality, 2) {
            diagnostics.error("import-zip.bad-locality", localityAt, "locality number must be 2 digits, found '\(locality)'", hint: zerosLost(locality, 2))
            ok = false
        }
        if flag != "0" && flag != "1" { diagnostics.error("import-zip.bad-plus4-flag", flagAt, "PLUS 4 FLAG must be 0 or 1, found '\(flag)'"); ok = false }
        if !digits(yq, 5) || !("1"..."4").contains(yq.suffix(1)) {
            diagnostics.error("import-zip.bad-year-quarter", yqAt, "YEAR/QTR must be a year and quarter YYYYQ (quarter 1–4), found '\(yq)'")
            ok = false
        }
        guard ok else { return nil }
        return ZIPRecord(
            zip: zip, carrier: carrier, locality: locality, split: flag == "1", yearQuarter: yq, zipAt: zipAt,
            carrierAt: carrierAt, yearQuarterAt: yqAt)
    }
}
