import Foundation

/// Escapes text for HTML element content and double-quoted attribute values.
public func escapeHTML(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for ch in s.unicodeScalars {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(ch)
        }
    }
    return out
}

/// Collapses runs of white space into single spaces and trims the ends.
public func collapseSpaces(_ s: String) -> String {
    // Fast path for ASCII text (the usual case; `Character.isWhitespace` costs a grapheme break per character).
    if s.utf8.allSatisfy({ $0 < 0x80 }) { return collapseSpaces(bytes: Array(s.utf8)) }
    return s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

/// `collapseSpaces` of UTF-8 text.
package func collapseSpaces(bytes: [UInt8]) -> String {
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return collapseSpaces(String(decoding: bytes, as: UTF8.self)) }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var pendingSpace = false
    for b in bytes {
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
            pendingSpace = !out.isEmpty
        } else {
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            out.append(b)
        }
    }
    return String(decoding: out, as: UTF8.self)
}

/// A stable anchor id for a heading: lower-case ASCII letters and digits, words joined by '-'.
public func slugify(_ text: String) -> String {
    var out = ""
    var pendingDash = false
    for ch in text.lowercased().unicodeScalars {
        if (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") {
            if pendingDash && !out.isEmpty { out += "-" }
            pendingDash = false
            out.unicodeScalars.append(ch)
        } else if ch == "'" || ch == "’" {
            continue
        } else {
            pendingDash = true
        }
    }
    return out.isEmpty ? "section" : out
}

/// `s` without leading and trailing spaces and tabs (`CharacterSet.whitespaces`); a byte loop for ASCII text,
/// where Foundation's trimming costs a bridged string per call.
package func trimmedSpaces(_ s: Substring) -> Substring {
    guard s.utf8.allSatisfy({ $0 < 0x80 }) else { return Substring(s.trimmingCharacters(in: .whitespaces)) }
    let u = s.utf8
    var start = u.startIndex, end = u.endIndex
    while start < end, u[start] == 0x20 || u[start] == 0x09 { start = u.index(after: start) }
    while end > start, u[u.index(before: end)] == 0x20 || u[u.index(before: end)] == 0x09 { end = u.index(before: end) }
    return s[start..<end]
}

/// Does `s` contain this ASCII byte? (A plain byte scan; `utf8.contains` goes through the generic iterator.)
package func containsByte(_ s: String, _ byte: UInt8) -> Bool {
    var s = s
    return s.withUTF8 { $0.contains(byte) }
}

/// Does `s` contain `needle` (compared byte for byte)? A scan over the UTF-8 bytes (Foundation's
/// `range(of:)` bridges and compares UTF-16 code units).
package func containsBytes(_ s: String, _ needle: String) -> Bool {
    var s = s, needle = needle
    return s.withUTF8 { h in
        needle.withUTF8 { n in
            guard n.count > 0 else { return true }
            guard h.count >= n.count else { return false }
            let first = n[0]
            var i = 0
            let last = h.count - n.count
            while i <= last {
                if h[i] == first {
                    var k = 1
                    while k < n.count && h[i + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}
