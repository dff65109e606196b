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
    var text = s
    if let collapsed = text.withUTF8({ collapseASCIISpaces($0) }) { return collapsed }
    return s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

/// `collapseSpaces` of ASCII bytes, or nil when they are not all ASCII.
func collapseASCIISpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
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

/// Does `s` contain this ASCII byte? (`memchr`, which reads many bytes at a time; `utf8.contains` goes through
/// the generic iterator.)
package func containsByte(_ s: String, _ byte: UInt8) -> Bool {
    var s = s
    return s.withUTF8 { u in u.baseAddress.map { memchr($0, Int32(byte), u.count) != nil } ?? false }
}
