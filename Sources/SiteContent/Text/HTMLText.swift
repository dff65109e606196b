import Foundation

/// Escapes text for HTML element content and double-quoted attribute values.
public func escapeHTML(_ s: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    appendHTMLEscaped(s, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// Appends `s` escaped for element content and double-quoted attribute values (`&`, `<`, `>`, `"`, `'`);
/// without `quotes`, for element content only (`&`, `<`, `>`). Over the UTF-8 bytes (every escaped character
/// is ASCII): runs with nothing to escape are copied whole.
package func appendHTMLEscaped(_ s: String, to out: inout [UInt8], quotes: Bool = true) {
    var s = s
    s.withUTF8 { src in
        var from = 0
        for i in 0..<src.count {
            let e: StaticString
            switch src[i] {
            case UInt8(ascii: "&"): e = "&amp;"
            case UInt8(ascii: "<"): e = "&lt;"
            case UInt8(ascii: ">"): e = "&gt;"
            case UInt8(ascii: "\"") where quotes: e = "&quot;"
            case UInt8(ascii: "'") where quotes: e = "&#39;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: src[from..<i]))
            e.withUTF8Buffer { out.append(contentsOf: $0) }
            from = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: src[from..<src.count]))
    }
}

/// A stable anchor id for a heading: its letters and digits lower-cased, words joined by '-'. A letter with an
/// accent loses it where it is a Latin letter with one ("Facturación" → `facturacion`); letters of other scripts
/// stay as they are ("Оплата" → `оплата`), so a heading in any language gets a readable id.
public func slugify(_ text: String) -> String {
    var out = ""
    var pendingDash = false
    for var ch in text.lowercased().unicodeScalars {
        if !ch.isASCII, let base = String(ch).decomposedStringWithCanonicalMapping.unicodeScalars.first, base.isASCII {
            ch = base
        }
        let keep = ch.isASCII ? (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9")
            : ch.properties.isAlphabetic || ch.properties.numericType == .decimal
        if keep {
            if pendingDash && !out.isEmpty { out += "-" }
            pendingDash = false
            out.unicodeScalars.append(ch)
        } else if ch == "'" || ch == "’" || [.nonspacingMark, .format].contains(ch.properties.generalCategory) {
            continue  // (an apostrophe, an accent written apart, a zero-width character: inside the word)
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
