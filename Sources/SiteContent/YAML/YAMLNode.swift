import Foundation
import Yams

/// A YAML node and the context that reports problems about it.
public struct YAMLNode {
    public let node: Node
    public let context: YAMLContext

    public var mark: Mark? { node.mark }
    public var location: SourceLocation { context.location(node.mark) }

    /// A short description of what the node is, for messages ("a mapping", "a list", "'abc'").
    public var kindDescription: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let s): return s.string.isEmpty ? "nothing" : "'\(s.string)'"
        }
    }

    public func error(_ id: DiagnosticID, _ message: String, hint: String? = nil) {
        context.error(id, mark, message, hint: hint)
    }
    public func warning(_ id: DiagnosticID, _ message: String, hint: String? = nil) {
        context.warning(id, mark, message, hint: hint)
    }

    /// The scalar text, or an error naming `what` when the node is a mapping or list. A value holding a
    /// control character (only a YAML escape such as `"\0"` or `"\e"` can put one there) is an error at that
    /// escape: it would reach titles, navigation and downloads unseen. Tab and newline are text.
    public func scalar(_ what: String) -> String? {
        if refusesTag() { return nil }
        if case .scalar(let s) = node {
            if let bad = YAMLControl.first(in: s.string) {
                let at = YAMLControl.escapeLocation(in: context, from: node.mark) ?? location
                context.diagnostics.error("text.control-character",
                    at, "this value holds the control character \(YAMLControl.name(bad)), which is not allowed in text",
                    hint: "remove the escape (tab and newline are the only control characters allowed)")
                // (The text is still returned, so the rest of the file is checked as usual: the error alone
                // stops the build.)
            }
            return s.string
        }
        error(.wrongType, "expected \(what), found \(kindDescription)")
        return nil
    }

    public var isNull: Bool {
        guard case .scalar(let s) = node, s.style == .plain else { return false }
        switch s.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    public func string(_ what: String = "text") -> String? { scalar(what) }

    public func int(_ what: String = "a whole number") -> Int? {
        guard let s = scalar(what) else { return nil }
        guard let v = Int(s) ?? Int(s.trimmingCharacters(in: .whitespaces)) else {
            error("yaml.not-an-integer", "expected \(what), found '\(s)'")
            return nil
        }
        return v
    }

    public func bool(_ what: String = "true or false") -> Bool? {
        guard let s = scalar(what) else { return nil }
        switch s {
        case "true", "True", "TRUE", "yes", "Yes": return true
        case "false", "False", "FALSE", "no", "No": return false
        default:
            error("yaml.not-a-boolean", "expected \(what), found '\(s)'")
            return nil
        }
    }

    /// A decimal number kept as its exact text (e.g. `32.3465`), checked to be digits with an optional
    /// sign and fraction. Callers convert it to an exact decimal type; nothing goes through Double.
    public func decimalText(_ what: String = "a decimal number") -> String? {
        guard let s = scalar(what) else { return nil }
        let t = s.trimmingCharacters(in: .whitespaces)
        if YAMLNode.isDecimal(t) { return t }
        error("yaml.not-a-decimal", "expected \(what), found '\(s)'")
        return nil
    }

    package static func isDecimal(_ t: String) -> Bool {
        let unsigned = t.first == "-" || t.first == "+" ? t.dropFirst() : Substring(t)
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)  // the whole part, the fraction
        return parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// Every file is read with the `.basic` resolver, so a value without a tag is text, a list or a mapping. An
    /// explicit tag (`!!binary`, `!!int`, `!custom`) would be dropped unseen (the value is read from its text): it
    /// is an error at the value. (`!!str`, `!!seq` and `!!map` say what every value is read as anyway.)
    func refusesTag() -> Bool {
        let tag = node.tag.rawValue
        switch tag {
        case "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map": return false
        default: break
        }
        let core = "tag:yaml.org,2002:"
        let shown = tag.hasPrefix(core) ? "!!" + tag.dropFirst(core.count) : tag
        error("yaml.tag", "the YAML tag '\(shown)' is not read here", hint: "remove the tag: every value is read from its text")
        return true
    }

    /// The items of a list, or an error.
    public func list(_ what: String = "a list") -> [YAMLNode]? {
        if refusesTag() { return nil }
        if case .sequence(let seq) = node { return seq.map { YAMLNode(node: $0, context: context) } }
        error(.wrongType, "expected \(what), found \(kindDescription)")
        return nil
    }

    /// A list of strings; a single scalar is NOT accepted (so a typo cannot turn a list into one string).
    /// `distinct`: an item given twice (ignoring case and surrounding spaces) is an error at the repeat.
    public func stringList(_ what: String = "a list of text items", distinct: Bool = false) -> [String]? {
        guard let items = list(what) else { return nil }
        var out: [String] = []
        var firstLines: [String: Int] = [:]
        for item in items {
            guard let s = item.scalar("text in \(what)") else { return nil }
            // An empty item (`- `, `~`, "") would be published as nothing, or as the word "null".
            if item.isNull || s.allSatisfy(\.isWhitespace) {
                item.error(.wrongType, "expected text in \(what), found \(item.isNull ? "nothing" : "'\(s)'")")
                return nil
            }
            out.append(s)
            guard distinct else { continue }
            // (Trimmed here: Foundation's `trimmingCharacters` took 6 % of loading 5,000 pages' tags.)
            var t = Substring(s)
            while t.first?.isWhitespace == true { t.removeFirst() }
            while t.last?.isWhitespace == true { t.removeLast() }
            let folded = t.lowercased()
            if let first = firstLines[folded] {
                item.error("yaml.item-listed-twice", "'\(s)' is listed twice in \(what) (first at line \(first))",
                    hint: "remove the repeated item")
            } else {
                firstLines[folded] = item.location.line
            }
        }
        return distinct && firstLines.count < out.count ? nil : out
    }

    /// A mapping reader that tracks which keys were read; call `finish()` to report unknown keys.
    public func mapping(_ what: String = "a mapping") -> MappingReader? {
        if refusesTag() { return nil }
        if case .mapping(let m) = node { return MappingReader(mapping: m, owner: self) }
        error(.wrongType, "expected \(what), found \(kindDescription)")
        return nil
    }
}
