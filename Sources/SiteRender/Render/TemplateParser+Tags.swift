import Foundation
import SiteContent

extension TemplateParser {
    /// Checks the tag whose `{{` is at `start` before it is read, and gives its text between the braces (for
    /// messages): it is closed, not empty, names one word (a partial or section tag names one), and uses none of
    /// the forms ctsguide templates leave out.
    func checkTag(_ start: Int, at: SourceLocation) throws(Diagnostic) -> String {
        let triple = start + 2 < chars.count && chars[start + 2] == "{"
        let open = triple ? 3 : 2
        let close: [Character] = triple ? ["}", "}", "}"] : ["}", "}"]
        var j = start + open
        while j + close.count <= chars.count, !chars[j..<(j + close.count)].elementsEqual(close) { j += 1 }
        guard j + close.count <= chars.count else { throw .error(at, "unclosed Mustache tag") }
        let inner = String(chars[(start + open)..<j]).trimmingCharacters(in: .whitespaces)
        let sigil: Character = triple ? "&" : inner.first ?? " "
        if !triple, inner.isEmpty { throw .error(at, "empty Mustache tag") }
        let name = triple ? inner : String(inner.dropFirst()).trimmingCharacters(in: .whitespaces)
        if let problem = Self.nameProblem(sigil: sigil, name: name, inner: triple ? "&" + inner : inner) {
            throw .error(at, problem)
        }
        switch sigil {
        case "=", "<", "$", "%":
            throw .error(at, "'{{\(sigil)…}}' is not used in ctsguide templates", hint: "use variables, sections and partials")
        case "!", ">": break
        default:
            if inner.contains("(") { throw .error(at, "transforms ('\(inner)') are not used in ctsguide templates") }
        }
        return triple ? "{" + inner + "}" : inner
    }

    /// What is wrong with the name in a `{{…}}` tag (nil when nothing): a section, partial or variable names one
    /// thing, so it is one word, without spaces or braces; a partial or section tag needs one.
    static func nameProblem(sigil: Character, name: String, inner: String) -> String? {
        let kind: String
        switch sigil {
        case ">": kind = "a partial"
        case "#", "^", "/": kind = "a section"
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
}
