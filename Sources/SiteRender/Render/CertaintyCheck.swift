import SiteContent
import GuideCalc
import GuideCompute

/// Certainty shown where it is weak: a statement (paragraph, list item, table row) whose source links all point
/// to secondary sources (sources.yaml `authority: secondary`) must say so in plain words, with the phrase
/// `CertaintyCheck.phrase` ("reported by …; not confirmed by CMS"). Checked on every rendered page at build time.
package enum CertaintyCheck {
    /// The words every marker contains.
    package static let phrase = "not confirmed by CMS"

    /// The citation a directive writes for a statement resting only on secondary sources: the source links
    /// (already HTML) inside the marker.
    package static func marker(links: String) -> String {
        "<span class=\"certainty\">reported by \(links); \(phrase)</span>"
    }

    /// The statements of `html` that cite only secondary sources and carry no marker (their text, shortened).
    package static func unmarked(html: String, sources: [SourceRecord]) -> [String] {
        let secondary = Set(sources.filter(\.isSecondary).map(\.id))
        // Without a secondary source, or a source link on the page, no statement can need a marker.
        guard !secondary.isEmpty, containsBytes(html, "#source-") else { return [] }
        var out: [String] = []
        for block in blocks(html) {
            let ids = sourceIDs(block)
            guard !ids.isEmpty, ids.allSatisfy(secondary.contains) else { continue }
            let flat = block.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
            if flat.contains(phrase.lowercased()) { continue }
            out.append(plainText(block))
        }
        return out
    }

    /// Inner HTML of every `<p>`, `<li>` and `<tr>` (innermost text counts once per enclosing block).
    static func blocks(_ html: String) -> [String] {
        // Byte by byte over the UTF-8 (every marker searched for is ASCII).
        let h = Array(html.utf8)
        var out: [String] = []
        for tag in ["p", "li", "tr"] {
            let open = Array("<\(tag)".utf8), close = Array("</\(tag)>".utf8)
            var rest = 0
            while let o = find(open, in: h, from: rest) {
                let after = o + open.count
                // `<p>` or `<p class=…>`, not `<pre>`.
                guard after < h.count, h[after] == UInt8(ascii: ">") || h[after] == UInt8(ascii: " ") else {
                    rest = after
                    continue
                }
                guard let c = find(close, in: h, from: after), let gt = h[after...].firstIndex(of: UInt8(ascii: ">"))
                else { break }
                out.append(gt < c ? String(decoding: h[(gt + 1)..<c], as: UTF8.self) : "")
                rest = c + close.count
            }
        }
        return out
    }

    /// Source ids linked from a block (`…#source-<id>"`).
    static func sourceIDs(_ block: String) -> [String] {
        let b = Array(block.utf8), marker = Array("#source-".utf8)
        var ids: [String] = []
        var rest = 0
        while let m = find(marker, in: b, from: rest) {
            let after = m + marker.count
            guard let end = b[after...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            ids.append(String(decoding: b[after..<end], as: UTF8.self))
            rest = end
        }
        return ids
    }

    /// The first position at or after `from` where `needle` starts in `bytes`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var i = from
        while i <= bytes.count - needle.count {
            if bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    static func plainText(_ block: String) -> String {
        var text = ""
        var inTag = false
        for c in block {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
        }
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count > 120 ? String(words.prefix(120)) + "…" : words
    }
}
