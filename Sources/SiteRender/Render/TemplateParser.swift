import SiteContent

/// A template as the one parser reads it: constant text as bytes, and tags with the position of their `{{`.
/// The template check and the renderer (`TemplateProgram`) both read these nodes.
package indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool, at: SourceLocation)
    case section(TemplateName, inverted: Bool, [TemplateNode], at: SourceLocation)
    /// `indentation` is set for a partial alone on its line: each line it writes is indented by it.
    case partial(String, indentation: String?, at: SourceLocation)

    /// Every partial `nodes` include, sections included, in order.
    package static func partials(in nodes: [TemplateNode]) -> [(name: String, at: SourceLocation)] {
        nodes.flatMap { node -> [(name: String, at: SourceLocation)] in
            switch node {
            case .partial(let p, _, let at): [(p, at)]
            case .section(_, _, let inner, _): partials(in: inner)
            default: []
            }
        }
    }
}

/// A tag's name: `.` (the current item), `.a.b` (from the current item only) or `a.b` (searched up the stack).
package struct TemplateName: Sendable {
    enum Scope: UInt8, Sendable { case current, top, stack }
    /// As written, for messages.
    package let text: String
    let scope: Scope
    let parts: [String]

    init(_ name: String) {
        text = name
        parts = name.split(separator: ".").map(String.init)
        scope = parts.isEmpty ? .current : name.first == "." ? .top : .stack
    }
}

/// The one Mustache parser. Only the plain forms are allowed in ctsguide templates: variables (`{{x}}`,
/// `{{{x}}}`, `{{&x}}`), sections, inverted sections, partials and comments; anything else (delimiter changes,
/// inheritance, dynamic partials, pragmas, transforms) is an error at its tag, as is a name that is not one word.
/// Whitespace follows the usual Mustache rules, as swift-mustache 2 read them (the guide rendered through it
/// before): a section, comment or partial tag alone on its line leaves no line behind, and a partial alone on its
/// line is indented by that line's indentation. Sections nest at most `maxNesting` deep, so the recursion is
/// bounded.
package struct TemplateParser {
    static let maxNesting = 32
    /// The largest template and the longest line (real templates are under 1 KB with lines under 300 characters).
    static let maxBytes = 64 << 10
    static let maxLineLength = 4_000

    let chars: [Character]
    let file: String
    var pos = 0
    /// The line and column of `mark`, moved forward as tags are found (their positions only grow).
    var mark = (pos: 0, line: 1, column: 1)

    /// Parses a template's text, or gives the first problem at its position.
    package static func parse(_ text: String, file: String) -> Result<[TemplateNode], Diagnostic> {
        if text.utf8.count > maxBytes {
            return .failure(.error("template.too-large", SourceLocation(file: file), "the template is larger than \(maxBytes >> 10) KB"))
        }
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        if let long = lines.firstIndex(where: { $0.count > maxLineLength }) {
            return .failure(
                .error(
                    "template.line-too-long", SourceLocation(file: file, line: long + 1, column: maxLineLength + 1),
                    "the template line is longer than \(maxLineLength) characters", hint: "break it into several lines"))
        }
        // A control character (but tab and the CR of CRLF) would be written into every page as it is.
        for (i, line) in lines.enumerated() {
            guard let k = line.firstIndex(where: { $0 != "\r" && YAMLControl.isRefused($0) }) else { continue }
            return .failure(
                .error(
                    "template.control-character",
                    SourceLocation(file: file, line: i + 1, column: line.distance(from: line.startIndex, to: k) + 1),
                    "the template holds the control character \(YAMLControl.name(line[k])), which is not allowed in text",
                    hint: "remove it (tab and newline are the only control characters allowed)"))
        }
        var parser = TemplateParser(chars: Array(text), file: file)
        do throws(Diagnostic) {
            return .success(try parser.parse(section: nil, newLine: true, depth: 0))
        } catch {
            return .failure(error)
        }
    }

    /// The position of character `p` (lines end at `\n` and `\r\n`; columns count characters from 1).
    mutating func location(_ p: Int) -> SourceLocation {
        if p < mark.pos { mark = (0, 1, 1) }
        while mark.pos < p {
            if chars[mark.pos] == "\n" || chars[mark.pos] == "\r\n" {
                mark.line += 1
                mark.column = 1
            } else {
                mark.column += 1
            }
            mark.pos += 1
        }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    var atEnd: Bool { pos == chars.count }
    func current() -> Character { atEnd ? "\0" : chars[pos] }

    mutating func readWhile(_ test: (Character) -> Bool) -> String {
        let start = pos
        while !atEnd, test(chars[pos]) { pos += 1 }
        return String(chars[start..<pos])
    }

    /// Nodes up to the end of the text, or up to `{{/section}}` (`section.name` opened at `section.at`).
    mutating func parse(section: (name: String, at: SourceLocation)?, newLine startNewLine: Bool, depth: Int)
        throws(Diagnostic) -> [TemplateNode]
    {
        var nodes: [TemplateNode] = []
        var newLine = startNewLine
        var whiteSpaceBefore = ""
        func text(_ s: String) -> TemplateNode { .text(Array(s.utf8)) }
        /// Writes the white space read at the start of the line as a text node, once.
        func keepWhiteSpace() {
            if !whiteSpaceBefore.isEmpty { nodes.append(text(whiteSpaceBefore)) }
            whiteSpaceBefore = ""
        }
        while !atEnd {
            if newLine { whiteSpaceBefore = readWhile { $0 == " " || $0 == "\t" } }
            let t = readUntilTagOrNewline()
            if current().isNewline {
                nodes.append(text(whiteSpaceBefore + t + String(current())))
                newLine = true
                pos += 1
                continue
            }
            if !t.isEmpty {
                nodes.append(text(whiteSpaceBefore + t))
                whiteSpaceBefore = ""
                newLine = false
            }
            if atEnd { break }
            let at = location(pos - 2)
            let tag = try readTag(pos - 2, at: at)
            var setNewLine = false
            switch tag.sigil {
            case "#", "^":
                if depth >= Self.maxNesting {
                    throw .error(
                        "template.nested-too-deep", at, "sections are nested more than \(Self.maxNesting) deep",
                        hint: "split the template into partials")
                }
                setNewLine = isStandalone(newLine)
                if !setNewLine { keepWhiteSpace() }
                let body = try parse(section: (tag.name, at), newLine: setNewLine, depth: depth + 1)
                nodes.append(.section(TemplateName(tag.name), inverted: tag.sigil == "^", body, at: at))
            case "/":
                guard let open = section else { throw .error("template.stray-close", at, "'{{/\(tag.name)}}' closes no open section") }
                guard tag.name == open.name else {
                    throw .error("template.mismatched-close",
                        at, "'{{/\(tag.name)}}' does not close the open section '\(open.name)' (opened at line \(open.at.line), column \(open.at.column))",
                        hint: "close '\(open.name)' with '{{/\(open.name)}}' first (sections close in the reverse order they open)")
                }
                if !isStandalone(newLine) { keepWhiteSpace() }
                return nodes
            case "!":
                setNewLine = isStandalone(newLine)
            case ">":
                let indentation = whiteSpaceBefore
                keepWhiteSpace()
                setNewLine = isStandalone(newLine)
                nodes.append(.partial(tag.name, indentation: setNewLine ? indentation : nil, at: at))
            default:
                keepWhiteSpace()
                nodes.append(.variable(TemplateName(tag.name), escaped: tag.sigil != "&", at: at))
            }
            newLine = setNewLine
        }
        if let section { throw .error("template.unclosed-section", section.at, "section '\(section.name)' is not closed") }
        return nodes
    }

    /// Text up to a newline (not consumed) or up to `{{` (consumed, not part of the text).
    mutating func readUntilTagOrNewline() -> String {
        let start = pos
        while !atEnd, chars[pos] != "\n", chars[pos] != "\r\n" {
            if chars[pos] == "{", pos + 1 < chars.count, chars[pos + 1] == "{" {
                pos += 2
                return String(chars[start..<(pos - 2)])
            }
            pos += 1
        }
        return String(chars[start..<pos])
    }

    /// A tag alone on its line (only spaces and tabs around it): the rest of the line, newline included, is
    /// consumed.
    mutating func isStandalone(_ newLine: Bool) -> Bool {
        guard newLine else { return false }
        if atEnd { return true }
        var p = pos
        while p < chars.count, chars[p] == " " || chars[p] == "\t" { p += 1 }
        if p < chars.count, chars[p].isNewline {
            pos = p + 1
            return true
        }
        return false
    }
}
