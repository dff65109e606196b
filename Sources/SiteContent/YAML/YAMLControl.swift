import Foundation
import Yams

/// Control characters in YAML values: which ones are refused, and where the escape that wrote one is.
package enum YAMLControl {
    /// The first control character of `s` other than tab and newline (C0, DEL and C1), or nil.
    static func first(in s: String) -> Unicode.Scalar? {
        // One pass over the bytes: a C0 byte, DEL, or 0xC2 (the lead byte of every C1 character).
        if !s.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 }) {
            return nil
        }
        return s.unicodeScalars.first(where: isRefused)
    }

    package static func isRefused(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u != "\t" && u != "\n") || (u.value >= 0x7F && u.value <= 0x9F)
    }

    /// `U+001B` (and the escape that writes it, when it has a short one).
    package static func name(_ u: Unicode.Scalar) -> String { String(format: "U+%04X", u.value) }

    /// Where the first escape in the double-quoted scalar at `mark` writes a refused character (nil when the
    /// scalar is not double-quoted or the escape is not found; the caller then uses the scalar's position).
    static func escapeLocation(in context: YAMLContext, from mark: Mark?) -> SourceLocation? {
        guard let mark, let text = context.source else { return nil }
        var line = 1, col = 1
        var it = text.unicodeScalars.makeIterator()
        // Move to the mark (line and column count characters, from 1).
        while line < mark.line || (line == mark.line && col < mark.column) {
            guard let c = it.next() else { return nil }
            if c == "\n" { line += 1; col = 1 } else { col += 1 }
        }
        guard it.next() == "\"" else { return nil }
        col += 1
        while let c = it.next() {
            let at = (line, col)
            col += 1
            if c == "\n" { line += 1; col = 1; continue }
            if c == "\"" { return nil }
            guard c == "\\", let e = it.next() else { continue }
            col += 1
            var value: UInt32?
            switch e {
            case "0": value = 0
            case "a": value = 7
            case "b": value = 8
            case "v": value = 11
            case "f": value = 12
            case "r": value = 13
            case "e": value = 27
            case "N": value = 0x85
            case "x", "u", "U":
                let n = e == "x" ? 2 : e == "u" ? 4 : 8
                var digits = ""
                for _ in 0..<n {
                    guard let d = it.next() else { break }
                    digits.unicodeScalars.append(d)
                    col += 1
                }
                value = UInt32(digits, radix: 16)
            case "\n":
                line += 1
                col = 1
            default: break
            }
            if let v = value, let u = Unicode.Scalar(v), isRefused(u) {
                return SourceLocation(file: context.file, line: at.0 + context.lineOffset, column: at.1)
            }
        }
        return nil
    }
}
