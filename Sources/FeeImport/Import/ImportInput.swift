import SiteContent
import CodingRules
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
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure([.error(.importUnreadable, SourceLocation(file: path), "cannot read the file")])
        }
        let bytes = [UInt8](data)
        return reader(ImportInput(path: path, bytes: bytes, sha256: SHA256.hex(bytes)))
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

/// The first four-digit year (19xx or 20xx, not part of a longer number) in a title or header label.
func firstYear(in text: String) -> Int? {
    text.range(of: #"(?<![0-9])(19|20)[0-9]{2}(?![0-9])"#, options: .regularExpression).flatMap { Int(text[$0]) }
}
