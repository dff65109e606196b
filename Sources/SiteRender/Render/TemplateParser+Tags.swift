import Foundation
import SiteContent

extension TemplateParser {
    /// Reads the tag whose `{{` is at `start`, up to its closing braces: its sigil (`&` for `{{{…}}}`, a space for
    /// a plain variable) and its name. It must be closed, not empty, name one word of name characters (a partial
    /// or section tag names one), and use none of the forms ctsguide templates leave out.
    mutating func readTag(_ start: Int, at: SourceLocation) throws(Diagnostic) -> (sigil: Character, name: String) {
        let triple = start + 2 < chars.count && chars[start + 2] == "{"
        let open = triple ? 3 : 2
        let close: [Character] = triple ? ["}", "}", "}"] : ["}", "}"]
        var j = start + open
        while j + close.count <= chars.count, !chars[j..<(j + close.count)].elementsEqual(close) { j += 1 }
        guard j + close.count <= chars.count else { throw .error("template.unclosed-tag", at, "unclosed Mustache tag") }
        pos = j + close.count
        let inner = String(chars[(start + open)..<j]).trimmingCharacters(in: .whitespaces)
        if !triple, inner.isEmpty { throw .error("template.empty-tag", at, "empty Mustache tag") }
        let sigil: Character = triple ? "&" : "#^/&>!=<$%".contains(inner.first!) ? inner.first! : " "
        let name = triple || sigil == " " ? inner : String(inner.dropFirst()).trimmingCharacters(in: .whitespaces)
        if let problem = Self.nameProblem(sigil: triple ? "&" : inner.first!, name: name, inner: triple ? "&" + inner : inner) {
            throw .error(.templateBadName, at, problem)
        }
        switch sigil {
        case "!":
            guard !name.contains("{{") else {
                throw .error("template.tag-in-comment",
                    at, "this comment holds a tag: a comment ends at its first '}}', so the rest would be published as text",
                    hint: "write '{{' nowhere inside a comment")
            }
            return (sigil, name)
        case "=", "<", "$", "%":
            throw .error(
                "template.unsupported-tag", at, "'{{\(sigil)…}}' is not used in ctsguide templates",
                hint: "use variables, sections and partials")
        case ">" where name.hasPrefix("*"):
            throw .error("template.dynamic-partial", at, "dynamic partials ('{{\(inner)}}') are not used in ctsguide templates")
        case ">": break
        default:
            if inner.contains("(") { throw .error("template.transform", at, "transforms ('\(inner)') are not used in ctsguide templates") }
        }
        guard name.allSatisfy({ Self.nameChars.contains($0) || (sigil == ">" && $0 == "/") }) else {
            let shown = triple ? "{" + inner + "}" : inner
            throw .error(.templateBadName, at, "template syntax: '{{\(shown)}}'': a name is one word of letters, digits, '.', '-' and '_'")
        }
        return (sigil, name)
    }

    static let nameChars = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")

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
