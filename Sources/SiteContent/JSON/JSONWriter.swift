/// The one JSON serializer: appends JSON text to a byte buffer, with one string escaping. With `forScript` the
/// text is also safe inside a script file (`<`, `>` and the JavaScript line separators U+2028/U+2029 escaped
/// too), as the site's `.js` data files need; plain `.json` files and `calc --json` leave them as they are.
/// Values go through `value(_:indent:)` (a `JSONValue`); the search index, too large for a tree of values, is
/// written piece by piece with the same calls.
package struct JSONWriter {
    package var bytes: [UInt8] = []
    package let forScript: Bool

    package init(forScript: Bool, capacity: Int = 0) {
        self.forScript = forScript
        bytes.reserveCapacity(capacity)
    }

    /// Punctuation or a script's text around the JSON (`window.X = `), copied as it is.
    package mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    package mutating func int(_ n: Int) { bytes.append(contentsOf: String(n).utf8) }

    /// A value: compact (`indent` nil: no spaces) or pretty (two spaces per level from `indent`); object keys
    /// sorted either way.
    package mutating func value(_ v: JSONValue, indent: Int? = nil) {
        switch v {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .int(let i): int(i)
        case .string(let s): string(s)
        case .array(let items):
            if items.isEmpty { return raw("[]") }
            byte("[")
            for (n, item) in items.enumerated() {
                if n > 0 { byte(",") }
                newline(indent.map { $0 + 1 })
                value(item, indent: indent.map { $0 + 1 })
            }
            newline(indent)
            byte("]")
        case .object(let members):
            if members.isEmpty { return raw("{}") }
            byte("{")
            for (n, entry) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if n > 0 { byte(",") }
                newline(indent.map { $0 + 1 })
                string(entry.key)
                raw(indent == nil ? ":" : ": ")
                value(entry.value, indent: indent.map { $0 + 1 })
            }
            newline(indent)
            byte("}")
        }
    }

    /// One ASCII punctuation character.
    private mutating func byte(_ c: Unicode.Scalar) { bytes.append(UInt8(ascii: c)) }

    /// In pretty output a line break and two spaces per level; nothing in compact output.
    private mutating func newline(_ indent: Int?) {
        guard let indent else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// A string literal: `"` and `\` and control characters escaped (and in a script `<`, `>`, U+2028 and
    /// U+2029); every other byte, non-ASCII text included, copied as it is.
    package mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u in
            bytes.append(UInt8(ascii: "\""))
            var from = 0, i = 0
            while i < u.count {
                let b = u[i]
                // Most bytes need no escape: skip them before the switch below.
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\")
                    && !(forScript && (b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == 0xE2))
                {
                    i += 1
                    continue
                }
                let escape: String
                switch b {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case 0..<0x20: escape = "\\u00" + (b < 0x10 ? "0" : "") + String(b, radix: 16)
                case UInt8(ascii: "<") where forScript: escape = "\\u003c"
                case UInt8(ascii: ">") where forScript: escape = "\\u003e"
                // U+2028 and U+2029 (E2 80 A8/A9) end a line in JavaScript before ES2019.
                case 0xE2 where forScript && i + 2 < u.count && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9):
                    escape = u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                default:
                    i += 1
                    continue
                }
                bytes.append(contentsOf: u[from..<i])
                bytes.append(contentsOf: escape.utf8)
                i += b == 0xE2 ? 3 : 1
                from = i
            }
            bytes.append(contentsOf: u[from..<u.count])
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
