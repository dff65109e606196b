import Foundation

/// What in a published file would run a script or load something from another site: the site is self-contained
/// (no request leaves it) and runs no script from its content. Looked for in the SVG images of the content (a
/// reader can open the published file on its own, where a script runs) and in the stylesheets (the content's
/// `stylesheet:` and the CSS files of the templates' assets).
package enum SelfContained {
    /// The first script, event attribute, `javascript:` link, `<foreignObject>` or reference to another site in an
    /// SVG: what it is, and its line and column (in characters).
    package static func svgProblem(_ bytes: [UInt8]) -> (what: String, line: Int, column: Int)? {
        let text = String(decoding: bytes, as: UTF8.self)
        let patterns: [(String, String)] = [
            (#"<script"#, "a <script> element"),
            (#"javascript:"#, "a javascript: link"),
            (#"<foreignObject"#, "a <foreignObject> (HTML inside the image)"),
            (#"\son[a-z]+\s*="#, "an event attribute (such as onload=)"),
            (#"(href\s*=\s*["']?|url\(\s*["']?)\s*(https?:)?//"#, "a reference to another site"),
        ]
        let found = patterns.compactMap { p, what in
            text.range(of: p, options: [.regularExpression, .caseInsensitive]).map { (what, $0.lowerBound) }
        }
        guard let first = found.min(by: { $0.1 < $1.1 }) else { return nil }
        let (line, column) = position(of: first.1, in: text)
        return (first.0, line, column)
    }

    /// The first `url(…)` or `@import` of a stylesheet that names another site: its text, line and column.
    package static func cssRemoteReference(_ bytes: [UInt8]) -> (text: String, line: Int, column: Int)? {
        let text = String(decoding: bytes, as: UTF8.self)
        let pattern = #"(@import\s*(url\(\s*)?["']?|url\(\s*["']?)\s*(https?:)?//[^"')\s;]*"#
        guard let r = text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) else { return nil }
        let (line, column) = position(of: r.lowerBound, in: text)
        let address = text[r].range(of: #"(https?:)?//.*"#, options: [.regularExpression, .caseInsensitive]).map { String(text[$0]) }
        return (address ?? String(text[r]), line, column)
    }

    static func position(of index: String.Index, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for c in text[..<index] {
            if c == "\n" || c == "\r\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
