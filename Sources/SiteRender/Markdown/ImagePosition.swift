extension Walker {
    /// Where an image is written: the `![` before its `(url` in the page's lines, searched from the image's
    /// paragraph and after the image found before (cmark gives inline nodes no position); the paragraph's own
    /// position when the text is not found as written (an escaped or reference-style destination).
    mutating func imagePosition(_ url: String, block: (line: Int, column: Int)) -> (line: Int, column: Int) {
        let target = Array("](" + url)
        var n = max(block.line - lineOffset, imageCursor.line)
        while n >= 1, let text = bodyLine(n) {
            let line = Array(text)
            let from = n == imageCursor.line ? imageCursor.column : 0
            for i in from..<max(from, line.count) where line[i...].starts(with: target) {
                if let open = (from..<i).last(where: { line[$0] == "!" && $0 + 1 < i && line[$0 + 1] == "[" }) {
                    imageCursor = (n, i + target.count)
                    return (n + lineOffset, open + 1)
                }
            }
            n += 1
            if n > block.line - lineOffset + 50 { break }  // a paragraph is not that long: the text was not found
        }
        return block
    }
}
