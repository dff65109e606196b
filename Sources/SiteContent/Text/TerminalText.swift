import Foundation

/// Text from outside (file names, arguments, YAML values) made safe to print on one terminal line: control
/// characters are shown as escapes instead of moving the cursor, splitting a diagnostic line or changing the
/// terminal's colours. `\n`, `\r` and `\t` print as those two characters; other C0 controls and DEL as `\xNN`;
/// C1 controls (U+0080–U+009F, which some terminals obey too) as `\u{NN}`. Everything else is unchanged.
public enum TerminalText {
    public static func escaped(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            guard isControl(u) else {
                out.unicodeScalars.append(u)
                continue
            }
            out += escape(u)
        }
        return out
    }

    /// A file name as bytes (`readdir` gives bytes, not necessarily UTF-8): valid UTF-8 decoded and escaped as
    /// above, each byte that is not UTF-8 as `\xNN`.
    public static func escaped(bytes: [UInt8]) -> String {
        var out = ""
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let u):
                out += isControl(u) ? escape(u) : String(u)
                consumed += UTF8.width(u)
            case .emptyInput:
                return out
            case .error:
                // The decoder skips the bad sequence; show the byte where it started (and resync by bytes).
                let rest = Array(bytes[consumed...])
                return out + hex(rest[0]) + escaped(bytes: Array(rest.dropFirst()))
            }
        }
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool { u.value < 0x20 || (u.value >= 0x7F && u.value <= 0x9F) }

    static func escape(_ u: Unicode.Scalar) -> String {
        switch u {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return u.value < 0x80 ? hex(UInt8(u.value)) : "\\u{\(String(u.value, radix: 16, uppercase: true))}"
        }
    }

    static func hex(_ b: UInt8) -> String { String(format: "\\x%02X", b) }
}
