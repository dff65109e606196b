import SiteContent
/// A small RFC 4180 style CSV reader: commas, double-quoted fields (with `""` for a quote inside), CRLF or LF.
/// Each field remembers its 1-based line and column for diagnostics.
package struct CSVField: Hashable, Sendable {
    package var text: String
    package var line: Int
    package var column: Int
}

package enum CSVReader {
    /// Parses `text` into rows of fields. Blank lines are skipped. An unterminated quote is reported through
    /// `problem(line, column, message)` and ends the parse. So is the first control character in a field (other
    /// than tab, and a line break inside quotes): it would reach pages and downloads unseen.
    package static func parse(_ text: String, problem: (Int, Int, String) -> Void) -> [[CSVField]] {
        var rows: [[CSVField]] = []
        var row: [CSVField] = []
        var field = ""
        var fieldLine = 1, fieldColumn = 1
        var line = 1, column = 1
        var inQuotes = false
        var quoteLine = 1, quoteColumn = 1
        var atFieldStart = true
        let chars = Array(text.unicodeScalars)
        var i = 0
        func endField() {
            row.append(CSVField(text: field, line: fieldLine, column: fieldColumn))
            field = ""
            atFieldStart = true
        }
        func endRow() {
            endField()
            if !(row.count == 1 && row[0].text.isEmpty) { rows.append(row) }
            row = []
        }
        var reportedControl = false
        while i < chars.count {
            let c = chars[i]
            if !reportedControl, YAMLControl.isRefused(c), c != "\r" || i + 1 >= chars.count || chars[i + 1] != "\n" {
                reportedControl = true
                problem(line, column, "this field holds the control character \(YAMLControl.name(c)), which is not allowed in text")
            }
            if atFieldStart {
                fieldLine = line
                fieldColumn = column
                atFieldStart = false
            }
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 2
                        column += 2
                        continue
                    }
                    inQuotes = false
                } else if c == "\n" {
                    field.unicodeScalars.append(c)
                    line += 1
                    column = 0
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
                quoteLine = line
                quoteColumn = column
            } else if c == "," {
                endField()
            } else if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" {
                // CR of a CRLF: the LF ends the row.
            } else if c == "\n" {
                endRow()
                line += 1
                column = 0
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
            column += 1
        }
        if inQuotes {
            problem(quoteLine, quoteColumn, "unterminated quoted field")
            return rows
        }
        if !atFieldStart || !row.isEmpty { endRow() }
        return rows
    }
}

/// A field as every CSV file the program writes has it (the fee downloads, the imported GPCI tables): quoted,
/// with each quote doubled, when it holds a comma or a quote; as it is otherwise (what `CSVReader` reads back).
package func csvField(_ s: String) -> String {
    containsByte(s, UInt8(ascii: ",")) || containsByte(s, UInt8(ascii: "\""))
        ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
}
