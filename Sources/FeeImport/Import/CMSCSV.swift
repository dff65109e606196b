
/// One record of a CMS CSV file: its fields (unquoted, `""` turned into `"`), the 1-based line it starts on.
package struct CMSRecord: Sendable {
    var fields: [String]
    var line: Int

    /// True when every field is empty or spaces (CMS pads blank lines with commas: `,,,,,,`).
    var isBlank: Bool { fields.allSatisfy { $0.allSatisfy { $0 == " " } } }

    /// The field at `i`, trimmed of spaces, or "" when the record is shorter.
    func cell(_ i: Int) -> String { i < fields.count ? fields[i].trimmingSpaces : "" }
}

/// A fast reader for the CSV files CMS ships (and copies re-saved by Excel): bytes in, records out. Commas,
/// double-quoted fields with commas, quotes (`""`) and line breaks inside, CR, LF or CRLF line ends. Bytes are
/// read as Latin-1 (CMS files are ASCII with the odd Latin-1 character), so no input can fail to decode. A UTF-8
/// byte-order mark at the start (a spreadsheet's "CSV UTF-8" export) is skipped.
package enum CMSCSV {
    package struct UnterminatedQuote: Error {
        var line: Int
    }

    package static func records(_ bytes: [UInt8]) throws(UnterminatedQuote) -> [CMSRecord] {
        var out: [CMSRecord] = []
        out.reserveCapacity(bytes.count / 120)
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1, quoteLine = 1
        var inQuotes = false
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let n = bytes.count
        @inline(__always) func endField() {
            fields.append(latin1(field))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            out.append(CMSRecord(fields: fields, line: recordLine))
            fields = []
        }
        while i < n {
            let c = bytes[i]
            if inQuotes {
                if c == 0x22 {
                    if i + 1 < n && bytes[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if c == 0x0A || (c == 0x0D && !(i + 1 < n && bytes[i + 1] == 0x0A)) { line += 1 }
                    field.append(c)
                }
            } else if c == 0x22 && field.isEmpty {
                inQuotes = true
                quoteLine = line
            } else if c == 0x2C {
                endField()
            } else if c == 0x0D || c == 0x0A {
                if c == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            } else {
                field.append(c)
            }
            i += 1
        }
        if inQuotes { throw UnterminatedQuote(line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return out
    }

    @inline(__always) static func latin1(_ bytes: [UInt8]) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var s = ""
        s.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return s
    }
}

extension String {
    /// Without leading and trailing spaces (and tabs).
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(self[first...last])
    }
}
