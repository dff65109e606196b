/// Finds Hugo and Zola template syntax in a block of Markdown source lines: `{{< … >}}`, `{{% … %}}` and
/// `{{ … }}` (everything from `{{` to the next `}}`), outside code spans. ctsguide has no shortcodes, so such text
/// would be published as it is; the build warns where it is.
enum TemplateSyntaxScan {
    /// Whether the text has `{{` at all (most pages have none, and are not scanned). A loop over the contiguous
    /// bytes: every page passes here, and iterating the UTF-8 view twice (zip with dropFirst) cost about a tenth of
    /// a 5,000-page build's CPU.
    static func mayOccur(in body: String) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == UInt8(ascii: "{") && previous == byte { return true }
                previous = byte
            }
            return false
        }
    }

    /// Each occurrence (its text on one line, newlines as spaces) at its line (`firstLine` is the first of `lines`)
    /// and column (in characters, from 1).
    static func find(in lines: [Substring], firstLine: Int) -> [(text: String, line: Int, column: Int)] {
        var chars: [(c: Character, line: Int, column: Int)] = []
        for (k, text) in lines.enumerated() {
            chars += text.enumerated().map { ($1, firstLine + k, $0 + 1) }
            chars.append(("\n", firstLine + k, text.count + 1))
        }
        let plain = chars.map(\.c)
        var found: [(text: String, line: Int, column: Int)] = []
        var i = 0
        while i < chars.count {
            if chars[i].c == "`" {
                i = endOfCodeSpan(plain, from: i)
                continue
            }
            if chars[i].c == "{", i + 1 < chars.count, chars[i + 1].c == "{" {
                var j = i + 2
                while j + 1 < chars.count, !(chars[j].c == "}" && chars[j + 1].c == "}") { j += 1 }
                if j + 1 < chars.count {
                    found.append((String(chars[i...(j + 1)].map { $0.c == "\n" ? " " : $0.c }), chars[i].line, chars[i].column))
                    i = j + 2
                    continue
                }
            }
            i += 1
        }
        return found
    }

    /// A code span opens with a run of backticks and closes at the next run of the same length; without one,
    /// the run is plain text. Returns where scanning goes on.
    static func endOfCodeSpan(_ chars: [Character], from i: Int) -> Int {
        func backticks(at k: Int) -> Int { chars[k...].prefix { $0 == "`" }.count }
        let n = backticks(at: i)
        var j = i + n
        while j < chars.count {
            let m = backticks(at: j)
            if m == n { return j + m }
            j += max(m, 1)
        }
        return i + n
    }
}
