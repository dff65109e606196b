import SiteContent
import Mustache

/// A Mustache tag as the template check sees it. Only the plain Mustache forms are allowed in ctsguide
/// templates: variables, sections, inverted sections, partials and comments.
package struct TemplateToken: Sendable {
    package enum Kind: Sendable {
        case variable(String)
        case section(String, [TemplateToken])
        case inverted(String, [TemplateToken])
        case partial(String)
    }
    package var kind: Kind
    package var location: SourceLocation

    package static func flatten(_ tokens: [TemplateToken]) -> [TemplateToken] {
        var out: [TemplateToken] = []
        for t in tokens {
            out.append(t)
            switch t.kind {
            case .section(_, let inner), .inverted(_, let inner): out += flatten(inner)
            default: break
            }
        }
        return out
    }

    /// The deepest nesting of sections a template may have (real templates use 3 or 4). Deeper nesting is an
    /// error at the tag that goes too deep, found before any recursive code sees the template.
    static let maxNesting = 32

    /// The largest template and the longest template line (swift-mustache's parser takes time that grows with
    /// the square of the text's length; real templates are under 1 KB with lines under 300 characters).
    static let maxBytes = 64 << 10
    static let maxLineLength = 4_000

    /// Scans a template's tags into a tree of sections. Text between tags is not kept.
    /// What is wrong with the name in a `{{…}}` tag (nil when nothing): a section, partial or variable names one
    /// thing, so it is one word, without spaces or braces; a partial or section tag needs one.
    static func nameProblem(sigil: Character, name: String, inner: String) -> String? {
        let kind: String
        switch sigil {
        case ">": kind = "a partial"
        case "#", "^", "/": kind = "a section"
        case "&": kind = "a variable"
        case "!", "=", "<", "$": return nil
        default: kind = "a variable"
        }
        let word = "#^/&>".contains(sigil) ? name : inner
        let shown = "{{\(inner)}}"
        if word.isEmpty { return "'\(shown)' names no \(kind.dropFirst(2)); write \(kind) name after '\(sigil)'" }
        if word.contains(where: { $0.isWhitespace || $0 == "{" || $0 == "}" }) {
            return "'\(shown)': \(kind) name is one word, without spaces or braces"
                + (sigil == ">" ? " (such as partials/nav)" : "")
        }
        return nil
    }

    package static func scan(_ text: String, file: String) -> Result<[TemplateToken], Diagnostic> {
        if text.utf8.count > maxBytes {
            return .failure(.error("template.too-large", SourceLocation(file: file), "the template is larger than \(maxBytes >> 10) KB"))
        }
        var lineNumber = 1, lineLength = 0
        for s in text.unicodeScalars {
            if s == "\n" {
                lineNumber += 1
                lineLength = 0
            } else {
                lineLength += 1
                if lineLength > maxLineLength {
                    return .failure(
                        .error("template.line-too-long",
                            SourceLocation(file: file, line: lineNumber, column: maxLineLength + 1),
                            "the template line is longer than \(maxLineLength) characters", hint: "break it into several lines"))
                }
            }
        }
        let chars = Array(text)
        var i = 0
        var line = 1
        var col = 1
        // Stack of open sections: (name, inverted, tokens, location)
        var stack: [(String, Bool, [TemplateToken], SourceLocation)] = [("", false, [], SourceLocation(file: file))]
        func advance(_ n: Int) {
            for _ in 0..<n {
                if i < chars.count, chars[i] == "\n" { line += 1; col = 1 } else { col += 1 }
                i += 1
            }
        }
        while i < chars.count {
            guard chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" else { advance(1); continue }
            let at = SourceLocation(file: file, line: line, column: col)
            let triple = i + 2 < chars.count && chars[i + 2] == "{"
            let open = triple ? 3 : 2
            let close: [Character] = triple ? ["}", "}", "}"] : ["}", "}"]
            var j = i + open
            var found = -1
            while j + close.count <= chars.count {
                if Array(chars[j..<(j + close.count)]) == close { found = j; break }
                j += 1
            }
            guard found >= 0 else { return .failure(.error("template.unclosed-tag", at, "unclosed Mustache tag")) }
            let inner = String(chars[(i + open)..<found]).trimmingCharacters(in: .whitespaces)
            advance(found + close.count - i)
            if triple {
                if let problem = nameProblem(sigil: "&", name: inner, inner: "&" + inner) { return .failure(.error(.templateBadName, at, problem)) }
                stack[stack.count - 1].2.append(TemplateToken(kind: .variable(inner), location: at))
                continue
            }
            guard let sigil = inner.first else { return .failure(.error("template.empty-tag", at, "empty Mustache tag")) }
            let name = String(inner.dropFirst()).trimmingCharacters(in: .whitespaces)
            if let problem = nameProblem(sigil: sigil, name: name, inner: inner) { return .failure(.error(.templateBadName, at, problem)) }
            switch sigil {
            case "!": continue
            case "#", "^":
                if stack.count > TemplateToken.maxNesting {
                    return .failure(
                        .error("template.nested-too-deep", at, "sections are nested more than \(TemplateToken.maxNesting) deep",
                            hint: "split the template into partials"))
                }
                stack.append((name, sigil == "^", [], at))
            case "/":
                guard stack.count > 1, stack[stack.count - 1].0 == name else {
                    return .failure(.error("template.stray-close", at, "'{{/\(name)}}' closes no open section"))
                }
                let (n, inv, toks, loc) = stack.removeLast()
                let kind: Kind = inv ? .inverted(n, toks) : .section(n, toks)
                stack[stack.count - 1].2.append(TemplateToken(kind: kind, location: loc))
            case ">":
                stack[stack.count - 1].2.append(TemplateToken(kind: .partial(name), location: at))
            case "&":
                stack[stack.count - 1].2.append(TemplateToken(kind: .variable(name), location: at))
            case "=", "<", "$":
                return .failure(
                    .error("template.unsupported-tag", at, "'{{\(sigil)…}}' is not used in ctsguide templates", hint: "use variables, sections and partials"))
            default:
                if inner.contains("(") {
                    return .failure(.error("template.transform", at, "transforms ('\(inner)') are not used in ctsguide templates"))
                }
                stack[stack.count - 1].2.append(TemplateToken(kind: .variable(inner), location: at))
            }
        }
        if stack.count > 1 {
            let open = stack[stack.count - 1]
            return .failure(.error("template.unclosed-section", open.3, "section '\(open.0)' is not closed"))
        }
        return .success(stack[0].2)
    }
}

/// Walks a template with a real view model and reports every name that resolves to nothing.
package struct TemplateChecker {
    let set: TemplateSet
    package var diagnostics: [Diagnostic] = []
    var reported: Set<String> = []

    /// Marks a sequence item on the stack (swift-mustache offers first/last/index/even/odd there).
    struct SequenceItem {}
    static let sequenceNames: Set<String> = ["first", "last", "index", "even", "odd"]

    mutating func check(template name: String, stack: [Any], depth: Int) {
        guard depth < 12, let tokens = set.parsed[name] else { return }
        check(tokens, template: name, stack: stack, depth: depth)
    }

    mutating func check(_ tokens: [TemplateToken], template: String, stack: [Any], depth: Int) {
        for t in tokens {
            switch t.kind {
            case .partial(let p):
                check(template: p, stack: stack, depth: depth + 1)
            case .variable(let v):
                if resolve(v, stack) == nil { missing(v, t, template, stack) }
            case .inverted(let v, let inner):
                if resolve(v, stack) == nil { missing(v, t, template, stack) }
                check(inner, template: template, stack: stack, depth: depth)
            case .section(let v, let inner):
                guard let value = resolve(v, stack) else {
                    missing(v, t, template, stack)
                    continue
                }
                let unwrapped = unwrap(value)
                if let b = unwrapped as? Bool {
                    if b { check(inner, template: template, stack: stack, depth: depth) }
                } else if let array = unwrapped as? [Any] {
                    for item in array.prefix(50) {
                        check(inner, template: template, stack: stack + [SequenceItem(), item], depth: depth)
                    }
                } else if let s = unwrapped as? String {
                    if !s.isEmpty { check(inner, template: template, stack: stack + [s], depth: depth) }
                } else if !isNil(unwrapped) {
                    check(inner, template: template, stack: stack + [unwrapped], depth: depth)
                }
            }
        }
    }

    mutating func missing(_ name: String, _ t: TemplateToken, _ template: String, _ stack: [Any]) {
        let key = "\(t.location)|\(name)"
        guard !reported.contains(key) else { return }
        reported.insert(key)
        let here = stack.last.map { keys(of: unwrap($0)) } ?? []
        diagnostics.append(
            .error("template.unknown-variable",
                t.location, "template '\(template)' names '\(name)', which its view model does not provide",
                hint: here.isEmpty ? nil : "available here: \(here.joined(separator: ", "))"))
    }

    func resolve(_ name: String, _ stack: [Any]) -> Any? {
        if name == "." { return stack.last }
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        for (pos, ctx) in stack.enumerated().reversed() {
            if ctx is SequenceItem { continue }
            if Self.sequenceNames.contains(first), pos > 0, stack[pos - 1] is SequenceItem, pos == stack.count - 1 {
                return true
            }
            if var value = child(unwrap(ctx), first) {
                for p in parts.dropFirst() {
                    guard let next = child(unwrap(value), p) else { return nil }
                    value = next
                }
                return value
            }
        }
        return nil
    }

    func child(_ value: Any, _ key: String) -> Any? {
        (value as? MustacheParent)?.child(named: key)
    }

    func keys(of value: Any) -> [String] {
        if let d = value as? [String: Any] { return d.keys.sorted() }
        return (value as? any TemplateValue).map { type(of: $0).fieldNames } ?? []
    }

    func unwrap(_ v: Any) -> Any {
        guard let o = v as? any OptionalValue else { return v }
        return o.wrappedValue.map(unwrap) ?? v
    }

    func isNil(_ v: Any) -> Bool { (v as? any OptionalValue).map { $0.wrappedValue == nil } ?? false }
}

/// Lets the check see through an `Optional` without reflection.
package protocol OptionalValue { var wrappedValue: Any? { get } }
extension Optional: OptionalValue {
    package var wrappedValue: Any? { self.map { $0 as Any } }
}
