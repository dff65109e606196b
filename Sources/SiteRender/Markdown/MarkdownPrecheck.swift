// What a page's Markdown is checked for before cmark parses it (CMark.swift, the only file that calls cmark).

extension Markdown {
    /// Size and bracket count, checked before cmark sees the text.
    static func precheck(_ body: String, lineOffset: Int) -> (line: Int, column: Int, message: String)? {
        if body.utf8.count > MarkdownLimits.maxBytes {
            return (lineOffset + 1, 1, "the page is larger than \(MarkdownLimits.maxBytes >> 20) MB of Markdown; split it into several pages")
        }
        // Counted on the bytes; the position (column in characters) is worked out only for a refusal.
        var text = body
        let count = text.withUTF8 { $0.reduce(0) { $0 + ($1 == UInt8(ascii: "[") ? 1 : 0) } }
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
}
