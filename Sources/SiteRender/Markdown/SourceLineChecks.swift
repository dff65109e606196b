/// What the walk reads again from a block's source lines, where cmark's tree has lost it: the column of a fenced
/// block's info string, and Markdown that cmark keeps as text (an undefined reference link, a pipe table). Lines
/// and columns are cmark's (from 1, in the page's body; the column in bytes).
extension Walker {
    /// Each `[text][label]` of a text node that its source line holds as it is (so not escaped, `\\[sic\\]`): a
    /// reference link whose label is not defined; each footnote mark `[^1]` (CommonMark has no footnotes); and each
    /// `[text](address)` left as text (a space in the address, a link inside another link's text).
    mutating func checkReferences(_ text: String, line l: Int, column c: Int, end: Int?, rewriter: inout some MarkdownRewriter) {
        guard c >= 1, let line = bodyLine(l) else { return }
        let source = Substring(line.utf8.dropFirst(c - 1).prefix(max(0, (end ?? Int.max / 2) - c)))
        var from = source.startIndex
        for m in text.matches(of: try! Regex(#"\[[^\[\]]+\]\[[^\[\]]*\]|\[\^[^\[\]\s]+\]|(!?\[[^\[\]]*)?\]\([^()\[\]]*\)"#)) {
            let found = String(m.output[0].substring ?? "")
            guard let r = source[from...].range(of: found) else { continue }
            from = r.upperBound
            if source[..<r.lowerBound].last == "\\" { continue }
            rewriter.shownAsText(.undefinedReference, found, line: l + lineOffset, column: c + source.utf8.distance(from: source.startIndex, to: r.lowerBound))
        }
    }

    /// A paragraph holding a pipe table's delimiter row (`|---|:--|`) under a line with '|': a table in another
    /// dialect, published as a paragraph of text.
    mutating func checkPipeTable(lines first: Int, _ last: Int, rewriter: inout some MarkdownRewriter) {
        if hasPipe == nil { hasPipe = bodyHolds(UInt8(ascii: "|")) }
        guard hasPipe == true, first >= 1, last > first, bodyLine(last) != nil else { return }
        for n in (first + 1)...last where bodyLine(n - 1)!.utf8.contains(UInt8(ascii: "|")) {
            let line = bodyLine(n)!, row = line.drop { $0 == " " || $0 == ">" }
            if row.contains("|"), row.contains("-"), row.allSatisfy({ "|-: \t".contains($0) }) {
                rewriter.shownAsText(.pipeTable, String(row), line: n + lineOffset, column: line.count - row.count + 1)
                return
            }
        }
    }

    /// The column where a fenced block's info string starts on its line, or nil when the line does not hold it
    /// as cmark read it (an escape or entity in it).
    mutating func infoColumn(_ info: String, line l: Int, column c: Int) -> Int? {
        guard !info.isEmpty, c >= 1, let text = bodyLine(l) else { return nil }
        let line = text.utf8.dropFirst(c - 1)
        let fence = line.prefix { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "~") }.count
        let spaces = line.dropFirst(fence).prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
        return line.dropFirst(fence + spaces).starts(with: info.utf8) ? c + fence + spaces : nil
    }
}
