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
        var out: [String] = []
        for tag in ["p", "li", "tr"] {
            var rest = html[...]
            while let open = rest.range(of: "<\(tag)") {
                let after = rest[open.upperBound...]
                // `<p>` or `<p class=…>`, not `<pre>`.
                guard let next = after.first, next == ">" || next == " " else {
                    rest = after
                    continue
                }
                guard let close = after.range(of: "</\(tag)>"), let gt = after.firstIndex(of: ">") else { break }
                out.append(gt < close.lowerBound ? String(after[after.index(after: gt)..<close.lowerBound]) : "")
                rest = after[close.upperBound...]
            }
        }
        return out
    }

    /// Source ids linked from a block (`…#source-<id>"`).
    static func sourceIDs(_ block: String) -> [String] {
        var ids: [String] = []
        var rest = block[...]
        while let r = rest.range(of: "#source-") {
            let after = rest[r.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            ids.append(String(after[..<end]))
            rest = after[end...]
        }
        return ids
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
