// What a page's Markdown is checked for before cmark parses it (CMark.swift, the only file that calls cmark).
import SiteContent

extension Markdown {
    /// Size, control characters and bracket count, checked before cmark sees the text.
    static func precheck(_ body: String, lineOffset: Int) -> (line: Int, column: Int, message: String)? {
        if body.utf8.count > MarkdownLimits.maxBytes {
            return (lineOffset + 1, 1, "the page is larger than \(MarkdownLimits.maxBytes >> 20) MB of Markdown; split it into several pages")
        }
        // Counted on the bytes in one loop; the position (column in characters) is worked out only for a refusal.
        // A byte below space other than tab, newline, CR and NUL (cmark makes NUL U+FFFD), DEL, or the lead byte
        // of U+0080…U+00BF (C1 controls, and common signs such as © §, so only then are the scalars looked at).
        var text = body
        let (count, mayHoldControl) = text.withUTF8 { bytes -> (Int, Bool) in
            var n = 0, odd = false
            for b in bytes {
                if b == UInt8(ascii: "[") {
                    n += 1
                } else if b < 0x20 || b == 0x7F || b == 0xC2 {
                    if b != 0x0A && b != 0x09 && b != 0x0D && b != 0 { odd = true }
                }
            }
            return (n, odd)
        }
        if mayHoldControl, let bad = firstControl(body) {
            return (lineOffset + bad.line, bad.column,
                "the page holds the control character \(bad.name), which is not allowed in text (tab and newline are the only ones allowed); remove it")
        }
        guard count > MarkdownLimits.maxBrackets else { return nil }
        var brackets = 0, line = 1, column = 1
        for s in body.unicodeScalars {
            if s == "[" {
                brackets += 1
                if brackets > MarkdownLimits.maxBrackets {
                    return (
                        lineOffset + line, column,
                        "the page has more than \(MarkdownLimits.maxBrackets) '[' (links, images or brackets); split it into several pages"
                    )
                }
            }
            if s == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }

    /// The first control character other than tab, newline, CR and NUL, with its line and column (in characters).
    static func firstControl(_ body: String) -> (line: Int, column: Int, name: String)? {
        var line = 1, column = 1
        for s in body.unicodeScalars {
            if s == "\n" {
                line += 1
                column = 1
                continue
            }
            if s != "\r" && s != "\0" && YAMLControl.isRefused(s) { return (line, column, YAMLControl.name(s)) }
            column += 1
        }
        return nil
    }
}
