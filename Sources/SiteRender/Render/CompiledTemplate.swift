/// A Mustache template compiled for fast rendering: constant text as bytes, tags as nodes, rendered into one
/// byte buffer with typed view-model access (`TemplateValue.data(_:)`) instead of swift-mustache's casts of
/// `Any` and its string concatenation per tag (about half of a large build's CPU time).
///
/// The output is the same as swift-mustache 2's for the tags ctsguide templates may use (variables, `{{{…}}}`
/// and `{{&…}}`, sections, inverted sections, comments, partials): the parser below follows swift-mustache's
/// (standalone lines, indentation of partials) step for step, and `CompiledTemplateTests` renders every
/// template both ways. Anything else (delimiters, inheritance, dynamic partials, transforms, configuration tags)
/// does not compile, and the set renders with swift-mustache (`TemplateSet`). One deliberate difference: text
/// is escaped byte by byte, so a `<` followed by a combining mark is escaped too (swift-mustache compares whole
/// characters and would leave it).
package struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(TagName, escaped: Bool)
        case section(TagName, [Node])
        case inverted(TagName, [Node])
        case partial(String, indentation: String?)
    }

    /// A tag's name: `.` (the current item), `.a.b` (from the current item only) or `a.b` (searched up the stack).
    struct TagName: Sendable {
        enum Scope: Sendable { case current, top, stack }
        var scope: Scope
        var parts: [String]

        init(_ name: String) {
            parts = name.split(separator: ".").map(String.init)
            scope = name == "." ? .current : name.first == "." ? .top : .stack
        }
    }

    var nodes: [Node]

    package struct Unsupported: Error {}

    /// Compiles `text`, or throws `Unsupported` for anything this renderer does not handle the way swift-mustache
    /// does (including every syntax error, which swift-mustache reports).
    package init(_ text: String) throws(Unsupported) {
        var p = TemplateParser(Array(text))
        nodes = try p.parse(section: nil, newLine: true)
    }
}

/// A port of swift-mustache's `MustacheTemplate.parse` for the supported tags (same reading of whitespace,
/// newlines and standalone tags, on Characters as there).
private struct TemplateParser {
    typealias Node = CompiledTemplate.Node
    let chars: [Character]
    var pos = 0

    init(_ chars: [Character]) { self.chars = chars }

    var atEnd: Bool { pos == chars.count }
    func current() -> Character { atEnd ? "\0" : chars[pos] }

    mutating func readWhile(_ test: (Character) -> Bool) -> String {
        let start = pos
        while !atEnd, test(chars[pos]) { pos += 1 }
        return String(chars[start..<pos])
    }

    /// `read(string:)`: consumes `s` when it comes next; fails (an error there) when fewer characters remain.
    mutating func read(_ s: String) throws(CompiledTemplate.Unsupported) -> Bool {
        let want = Array(s)
        guard chars.count - pos >= want.count else { throw .init() }
        if Array(chars[pos..<(pos + want.count)]) == want {
            pos += want.count
            return true
        }
        return false
    }

    mutating func parse(section: String?, newLine startNewLine: Bool) throws(CompiledTemplate.Unsupported) -> [Node] {
        var nodes: [Node] = []
        var newLine = startNewLine
        var whiteSpaceBefore = ""
        func text(_ s: String) -> Node { .text(Array(s.utf8)) }
        while !atEnd {
            if newLine { whiteSpaceBefore = readWhile { $0 == " " || $0 == "\t" } }
            let t = try readUntilDelimiterOrNewline()
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
            var setNewLine = false
            switch current() {
            case "#", "^":
                let inverted = current() == "^"
                pos += 1
                let name = try parseName()
                if isStandalone(newLine) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let inner = try parse(section: name, newLine: setNewLine)
                let tag = CompiledTemplate.TagName(name)
                nodes.append(inverted ? .inverted(tag, inner) : .section(tag, inner))
            case "/":
                pos += 1
                let name = try parseName()
                guard name == section else { throw .init() }
                if !isStandalone(newLine), !whiteSpaceBefore.isEmpty {
                    nodes.append(text(whiteSpaceBefore))
                }
                return nodes
            case "!":
                pos += 1
                try skipComment()
                setNewLine = isStandalone(newLine)
            case "{", "&":
                let triple = current() == "{"
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                pos += 1
                let name = try parseName()
                if triple { guard try read("}") else { throw .init() } }
                nodes.append(.variable(CompiledTemplate.TagName(name), escaped: false))
            case ">":
                pos += 1
                _ = readWhile(\.isWhitespace)
                if current() == "*" { throw .init() }
                let name = try parsePartialName()
                if !whiteSpaceBefore.isEmpty { nodes.append(text(whiteSpaceBefore)) }
                if isStandalone(newLine) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: whiteSpaceBefore))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
                whiteSpaceBefore = ""
            case "<", "$", "=", "%":
                throw .init()
            default:
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                nodes.append(.variable(CompiledTemplate.TagName(try parseName()), escaped: true))
            }
            newLine = setNewLine
        }
        guard section == nil else { throw .init() }
        return nodes
    }

    /// Text up to a newline (not consumed) or up to and including `{{`.
    mutating func readUntilDelimiterOrNewline() throws(CompiledTemplate.Unsupported) -> String {
        var total = ""
        while !atEnd {
            let start = pos
            while !atEnd, chars[pos] != "\n", chars[pos] != "\r\n", chars[pos] != "{" { pos += 1 }
            total += String(chars[start..<pos])
            if current().isNewline { break }
            if current() == "{" {
                if try read("{{") { break }
                total += "{"
                pos += 1
            }
        }
        return total
    }

    static let nameChars = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    static let partialNameChars = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    mutating func parseName() throws(CompiledTemplate.Unsupported) -> String {
        _ = readWhile(\.isWhitespace)
        let name = readWhile { Self.nameChars.contains($0) }
        _ = readWhile(\.isWhitespace)
        guard try read("}}"), !name.contains("("), !name.contains(")") else { throw .init() }
        return name
    }

    mutating func parsePartialName() throws(CompiledTemplate.Unsupported) -> String {
        _ = readWhile(\.isWhitespace)
        let name = readWhile { Self.partialNameChars.contains($0) }
        _ = readWhile(\.isWhitespace)
        guard try read("}}") else { throw .init() }
        return name
    }

    /// `read(untilString: "}}", skipToEnd: true)`, with its way of restarting after a partial match.
    mutating func skipComment() throws(CompiledTemplate.Unsupported) {
        let until: [Character] = ["}", "}"]
        var k = 0
        while !atEnd {
            if chars[pos] == until[k] {
                k += 1
                if k == until.count {
                    pos += 1
                    return
                }
            } else {
                k = 0
            }
            pos += 1
        }
        throw .init()
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
