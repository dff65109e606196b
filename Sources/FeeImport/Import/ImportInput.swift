import SiteContent
import CodingRules
import GuideData
import Foundation

/// A CMS input file read into memory: its path (as given), bytes and sha256 (for the provenance record).
package struct ImportInput {
    var path: String
    var bytes: [UInt8]
    var sha256: String

    /// The file name without folders (what the provenance records).
    var fileName: String { String(path.split(separator: "/").last ?? Substring(path)) }

    /// The file at `path` read into memory and handed to `reader`; a file it cannot read is one diagnostic.
    static func read<T>(_ path: String, with reader: (ImportInput) -> StageResult<T>) -> StageResult<T> {
        let bytes: [UInt8]
        switch contents(path) {
        case .success(let b): bytes = b
        case .failure(let d): return .failure([d])
        }
        if let kind = zipKind(bytes) {
            return .failure([
                .error("import.zip-archive",
                    SourceLocation(file: path, line: 1),
                    "this is \(kind == .workbook ? "a spreadsheet workbook" : "a zip archive"), not a CSV file",
                    hint: kind == .workbook
                        ? "save the sheet as CSV, or use the CSV file of CMS's zip"
                        : "unzip it and give the CSV files inside (PPRRVU…_nonQPP.csv, PPRRVU…_QPP.csv, GPCI….csv); fetch it again if it does not unzip")
            ])
        }
        if let why = notCSV(bytes) {
            return .failure([
                .error("import.not-csv", SourceLocation(file: path, line: 1), why,
                    hint: "use the CSV file of CMS's zip, or save the sheet as CSV")
            ])
        }
        return reader(ImportInput(path: path, bytes: bytes, sha256: SHA256.hex(bytes)))
    }

    /// Why a sheet's text has no comma-separated rows to read, or nil: saved as "Unicode Text" (UTF-16), "Text (Tab
    /// delimited)", or as CSV where the decimal mark is a comma (its cells then split at ';').
    package static func notCSV(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(65_536)
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            return "this is UTF-16 text (a spreadsheet's \"Unicode Text\"), not a CSV file"
        }
        let commas = head.count(where: { $0 == 0x2C })
        return [UInt8(0x09), 0x3B].first { c in head.count(where: { $0 == c }) > commas }
            .map { "this is \($0 == 0x09 ? "tab" : "semicolon")-separated text, not a CSV file" }
    }

    /// The bytes of a CMS file, or one error saying why not (missing, a folder, a device or pipe, not readable).
    package static func contents(_ path: String) -> Result<[UInt8], Diagnostic> {
        var st = stat()
        let why: String
        if stat(path, &st) != 0 {
            why = "no such file"
        } else if (st.st_mode & S_IFMT) == S_IFDIR {
            why = "this is a folder, give a file in it"
        } else if (st.st_mode & S_IFMT) != S_IFREG {
            why = "not a regular file (a device, pipe or socket is not read)"
        } else if let data = FileManager.default.contents(atPath: path) {
            return .success([UInt8](data))
        } else {
            why = "not readable (check its permissions)"
        }
        return .failure(.error(.importUnreadable, SourceLocation(file: path), "cannot read the file: \(why)"))
    }

    package enum ZipKind { case archive, workbook }

    /// A zip file (its signature `PK\u{3}\u{4}`, or `PK\u{5}\u{6}` when empty), whole, cut off or corrupt: an
    /// .xlsx workbook when a member is named `xl/…`, else an archive such as CMS's download. Nil for other bytes.
    package static func zipKind(_ bytes: some Collection<UInt8>) -> ZipKind? {
        let head = Array(bytes.prefix(4))
        guard head == [0x50, 0x4B, 0x03, 0x04] || head == [0x50, 0x4B, 0x05, 0x06] else { return nil }
        let name = Array("xl/".utf8)
        // A local file header's name starts 30 bytes in; the first member of a workbook is [Content_Types].xml,
        // so look for any member named xl/… in the first 64 KiB.
        let b = Array(bytes.prefix(65_536))
        let limit = b.count
        var i = 0
        while i + 30 + name.count <= limit {
            if b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 0x03, b[i + 3] == 0x04,
                Array(b[(i + 30)..<(i + 30 + name.count)]) == name
            {
                return .workbook
            }
            i += 1
        }
        return .archive
    }

    func error(_ id: DiagnosticID, _ line: Int, _ message: String, hint: String? = nil) -> Diagnostic {
        .error(id, SourceLocation(file: path, line: line), message, hint: hint)
    }

    /// An error at field `field` (0-based) of `record`: its line and the column where the field starts.
    func error(_ id: DiagnosticID, _ record: CMSRecord, field: Int, _ message: String) -> Diagnostic {
        .error(id, SourceLocation(file: path, line: record.line, column: column(ofField: field, onLine: record.line)), message)
    }

    /// The 1-based column where field `field` of the record starting on `line` begins, found again in the bytes
    /// (only for a diagnostic, so records need not keep columns). CMS files are read as Latin-1: a byte is a
    /// character.
    func column(ofField field: Int, onLine line: Int) -> Int {
        var k = 0, l = 1
        while l < line && k < bytes.count {
            if bytes[k] == 0x0A || (bytes[k] == 0x0D && !(k + 1 < bytes.count && bytes[k + 1] == 0x0A)) { l += 1 }
            k += 1
        }
        let lineStart = k
        var start = k, f = 0, inQuotes = false
        while k < bytes.count && f < field {
            let c = bytes[k]
            if c == 0x22 {
                inQuotes.toggle()
            } else if !inQuotes && c == 0x2C {
                f += 1
                start = k + 1
            } else if !inQuotes && (c == 0x0A || c == 0x0D) {
                break
            }
            k += 1
        }
        return start - lineStart + 1
    }

    /// The records, or one diagnostic for an unterminated quote.
    package func records() -> StageResult<[CMSRecord]> {
        do {
            return .success(try CMSCSV.records(bytes))
        } catch {
            return .failure([self.error(.csvSyntax, error.line, "unterminated quoted field")])
        }
    }

    package init(path: String, bytes: [UInt8], sha256: String) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// Parses a CMS number leniently (Excel re-saves drop trailing zeros and may drop the leading zero: `1`, `.5`).
package func cmsDecimal(_ text: String) -> DecimalValue? {
    let t = text.trimmingSpaces
    if t.hasPrefix(".") { return DecimalValue(parsing: "0" + t) }
    return DecimalValue(parsing: t)
}

/// Why a cell `cmsDecimal` cannot read is no figure: "is not a decimal number", "has too many digits for an RVU".
func notAFigure(_ cell: String, _ limits: DecimalLimits) -> String {
    if case .failure(let e) = limits.parse(cell.trimmingSpaces) { return e.message }
    return "is not a decimal number"
}

/// The first four-digit year (19xx or 20xx, not part of a longer number) in a title or header label.
func firstYear(in text: String) -> Int? {
    text.range(of: #"(?<![0-9])(19|20)[0-9]{2}(?![0-9])"#, options: .regularExpression).flatMap { Int(text[$0]) }
}
