import Foundation

/// What in a published file would run a script or load something from another site: the site is self-contained
/// (no request leaves it) and runs no script from its content. Looked for in the SVG images of the content (a
/// reader can open the published file on its own, where a script runs) and in the stylesheets (the content's
/// `stylesheet:` and the CSS files of the templates' assets).
package enum SelfContained {
    /// The first script, event attribute, `javascript:` link, `<foreignObject>` or reference to another site in an
    /// SVG: what it is, and its line and column (in characters).
    package static func svgProblem(_ bytes: [UInt8]) -> (what: String, line: Int, column: Int)? {
        let file = String(decoding: bytes, as: UTF8.self)
        let patterns: [(String, String)] = [
            (#"<([\w.-]+:)?script"#, "a <script> element"),  // also with a namespace prefix (<svg:script>)
            (loose("javascript:"), "a javascript: link"),
            (#"<([\w.-]+:)?foreignObject"#, "a <foreignObject> (HTML inside the image)"),
            (#"\son[a-z]+\s*="#, "an event attribute (such as onload=)"),
            (#"(href\s*=\s*["']?|\s(to|from|by|values)\s*=\s*["']([^"']*;)?|"# + cssIntroducer + ")" + remote, "a reference to another site"),
            (#"<!ENTITY"#, "an entity declaration (it can stand for a link)"),
        ]
        // A backslash is a CSS escape in a style, and a slash in an attribute's address: the text is read both ways.
        let found = [decoded(file), decoded(file, css: false)].flatMap { text, origin in
            patterns.compactMap { p, what in
                text.range(of: p, options: [.regularExpression, .caseInsensitive]).map {
                    (what, origin[text.distance(from: text.startIndex, to: $0.lowerBound)])
                }
            }
        }
        guard let first = found.min(by: { $0.1 < $1.1 }) else { return nil }
        let (line, column) = position(of: first.1, in: file)
        return (first.0, line, column)
    }

    /// Whether a browser would read the file as UTF-16 (a byte order mark `FF FE`/`FE FF`, or NUL bytes, as in
    /// `<\0s\0v\0g\0`), text the checks here, which read UTF-8, cannot see into.
    package static func isWideText(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.contains(0)
    }

    /// The first `url(…)` or `@import` of a stylesheet that names another site: its text, line and column.
    package static func cssRemoteReference(_ bytes: [UInt8]) -> (text: String, line: Int, column: Int)? {
        let file = String(decoding: bytes, as: UTF8.self)
        let (text, origin) = decoded(file)
        let pattern = "(" + cssIntroducer + ")(?<address>" + remote + #"[^"')\s;]*)"#
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
            let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let r = Range(match.range, in: text), let address = Range(match.range(withName: "address"), in: text)
        else { return nil }
        let (line, column) = position(of: origin[text.distance(from: text.startIndex, to: r.lowerBound)], in: file)
        return (String(text[address]).trimmingCharacters(in: .whitespacesAndNewlines), line, column)
    }

    /// Where CSS names an address: `url(`, `@import` (a comment may follow it), a string in `image-set(`.
    static let cssIntroducer = #"url\(\s*["']?|@import(\s|/\*.*?\*/)*(url\(\s*)?["']?|image-set\([^;{}]*?["']"#

    /// The start of an address on another site, as a browser reads it: `//` (or `\\`, `/\`: a backslash is a
    /// slash in a web address), or a scheme that loads from elsewhere (`https:evil.example` is absolute on a page
    /// served over http); tabs and line breaks inside are dropped by browsers.
    static let remote = #"\s*(("# + loose("http") + #"s?|ftp|wss?|file)[\t\n\r]*:|[/\\][\t\n\r]*[/\\])"#

    /// The text as a browser reads it: character references (`&#106;`, `&#x6A;`, `&quot;`) and CSS escapes (`\72`, `u\rl`)
    /// decoded, so neither hides a `javascript:` link or another site's address; with, for each character, where it
    /// came from in `text` (and one more: the end), so a problem is reported where it is written.
    static func decoded(_ text: String, css: Bool = true) -> (String, [String.Index]) {
        var out = "", origin: [String.Index] = []
        var i = text.startIndex
        while i < text.endIndex {
            let start = i
            var c = text[i]
            i = text.index(after: i)
            // (With any number of leading zeros: '&#x000000006A;' is a 'j' too.)
            if c == "&", text[i...].hasPrefix("#"), case let body = text[text.index(after: i)...],
                case let hex = body.first == "x" || body.first == "X", case let digits = hex ? body.dropFirst() : body,
                case let first = digits.drop(while: { $0 == "0" }).startIndex,
                let semi = digits[first...].prefix(9).firstIndex(of: ";")
            {
                let number = digits[first..<semi]
                let value: UInt32? = number.isEmpty ? (first > digits.startIndex ? 0 : nil)
                    : hex ? UInt32(number, radix: 16) : UInt32(number)
                if let value, let scalar = Unicode.Scalar(value) { c = Character(scalar); i = text.index(after: semi) }
            } else if c == "&", let name = ["quot;": "\"", "apos;": "'"].first(where: { text[i...].hasPrefix($0.key) }) {
                c = Character(name.value)
                i = text.index(i, offsetBy: name.key.count)
            } else if css, c == "\\", i < text.endIndex, text[i] != "\n" {
                let hex = text[i...].prefix(6).prefix { $0.isHexDigit }
                if let value = UInt32(hex, radix: 16), !hex.isEmpty, let scalar = Unicode.Scalar(value) {
                    c = Character(scalar)
                    i = hex.endIndex
                    if i < text.endIndex, text[i].isWhitespace { i = text.index(after: i) }
                } else {
                    c = text[i]
                    i = text.index(after: i)
                }
            }
            out.append(c)
            origin.append(start)
        }
        origin.append(text.endIndex)
        return (out, origin)
    }

    /// A pattern for `word` that also matches it with tabs and line breaks inside, which browsers drop from a URL.
    static func loose(_ word: String) -> String { word.map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: "[\\t\\n\\r]*") }

    static func position(of index: String.Index, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for c in text[..<index] {
            if c == "\n" || c == "\r\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
