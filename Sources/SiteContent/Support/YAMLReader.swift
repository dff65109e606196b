import Foundation
import Yams

/// Collects the diagnostics of reading one file (or one front-matter block). One per file, so files can be
/// read in parallel and their diagnostics merged afterwards.
public final class YAMLContext {
    public let file: String
    /// How many lines of the file come before the YAML text (for front matter: the opening `---` line).
    public let lineOffset: Int
    public var diagnostics = Diagnostics()

    public init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    public func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    public func error(_ mark: Mark?, _ message: String, hint: String? = nil) {
        diagnostics.error(location(mark), message, hint: hint)
    }

    public func warning(_ mark: Mark?, _ message: String, hint: String? = nil) {
        diagnostics.warning(location(mark), message, hint: hint)
    }

    /// Parses `text` as one YAML document. A syntax error becomes one diagnostic at its line and column, and
    /// nil is returned. An empty document gives an empty mapping.
    public func parse(_ text: String) -> YAMLNode? {
        do {
            let node = try Yams.compose(yaml: text, .default, .default, .utf8) ?? Node.mapping(Node.Mapping([]))
            return YAMLNode(node: node, context: self)
        } catch let e as YamlError {
            switch e {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                if problem.hasPrefix("Maximum nesting level") {
                    error(mark, "the YAML is nested too deeply (lists or mappings inside each other)")
                } else {
                    error(mark, "YAML syntax: \(problem)")
                }
            case .reader(let problem, let offset, _, _):
                let (l, c) = YAMLContext.position(atByte: offset ?? 0, in: text)
                diagnostics.error(SourceLocation(file: file, line: l + lineOffset, column: c), "YAML cannot be read: \(problem)")
            case .duplicatedKeysInMapping(let keys, let context):
                // Yams names the keys but not where they repeat: find each repeat at its own line.
                let repeats = YAMLContext.repeatedKeys(in: text).filter { keys.contains($0.key) }
                if repeats.isEmpty {
                    error(context.mark, "duplicate key\(keys.count == 1 ? "" : "s") \(keys.map { "'\($0)'" }.joined(separator: ", "))")
                }
                for r in repeats {
                    diagnostics.error(
                        SourceLocation(file: file, line: r.line + lineOffset, column: r.column),
                        "duplicate key '\(r.key)' (first given at line \(r.firstLine + lineOffset))")
                }
            default:
                error(nil, "YAML cannot be read: \(e)")
            }
            return nil
        } catch {
            self.error(nil, "YAML cannot be read: \(error)")
            return nil
        }
    }
}

extension YAMLContext {
    /// The line and column of a byte offset (for reader errors), or nil.
    static func position(atByte offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1, seen = 0
        for s in text.unicodeScalars {
            if seen >= offset { break }
            seen += String(s).utf8.count
            if s == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// Keys written twice in the same block mapping: each repeat with its line and column (1-based, in `text`)
    /// and the line of the first use. Flow mappings (`{a: 1, a: 2}`) are not looked into.
    static func repeatedKeys(in text: String) -> [(key: String, line: Int, column: Int, firstLine: Int)] {
        var out: [(key: String, line: Int, column: Int, firstLine: Int)] = []
        // Open block mappings by the column of their keys: key → line of first use.
        var open: [Int: [String: Int]] = [:]
        var inBlockScalar: Int? = nil
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Array(raw.hasSuffix("\r") ? raw.dropLast() : raw)
            var col = 0
            while col < line.count, line[col] == " " { col += 1 }
            if col == line.count || line[col] == "#" { continue }
            if let b = inBlockScalar {
                if col > b { continue }
                inBlockScalar = nil
            }
            if col == 0, line.starts(with: Array("---")) || line.starts(with: Array("...")) {
                open = [:]
                continue
            }
            // "- " items start a new mapping at the column after the dash(es).
            var startsItem = false
            while col + 1 < line.count, line[col] == "-", line[col + 1] == " " {
                startsItem = true
                col += 2
                while col < line.count, line[col] == " " { col += 1 }
            }
            for k in open.keys where k > col || (startsItem && k >= col) { open[k] = nil }
            guard let (key, valueStart) = keyAt(line, col) else { continue }
            if let first = open[col]?[key] {
                out.append((key, i + 1, col + 1, first))
            } else {
                open[col, default: [:]][key] = i + 1
            }
            let value = String(line[valueStart...]).trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("|") || value.hasPrefix(">") { inBlockScalar = col }
        }
        return out
    }

    /// The key of a `key: value` line starting at `col` (plain or quoted), and where its value starts.
    static func keyAt(_ line: [Character], _ col: Int) -> (String, Int)? {
        guard col < line.count else { return nil }
        var j = col
        var key = ""
        if line[j] == "\"" || line[j] == "'" {
            let q = line[j]
            j += 1
            while j < line.count, line[j] != q { key.append(line[j]); j += 1 }
            guard j < line.count else { return nil }
            j += 1
            while j < line.count, line[j] == " " { j += 1 }
            guard j < line.count, line[j] == ":" else { return nil }
            return (key, j + 1)
        }
        if "[{&*!|>'\"%@`".contains(line[j]) { return nil }
        while j < line.count {
            if line[j] == ":" && (j + 1 == line.count || line[j + 1] == " " || line[j + 1] == "\t") {
                return (key.trimmingCharacters(in: .whitespaces), j + 1)
            }
            if line[j] == "#" && j > col && line[j - 1] == " " { return nil }
            key.append(line[j])
            j += 1
        }
        return nil
    }
}

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

    public func error(_ message: String, hint: String? = nil) { context.error(mark, message, hint: hint) }
    public func warning(_ message: String, hint: String? = nil) { context.warning(mark, message, hint: hint) }

    /// The scalar text, or an error naming `what` when the node is a mapping or list.
    public func scalar(_ what: String) -> String? {
        if case .scalar(let s) = node { return s.string }
        error("expected \(what), found \(kindDescription)")
        return nil
    }

    public var isNull: Bool {
        if case .scalar(let s) = node, s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) {
            return true
        }
        return false
    }

    public func string(_ what: String = "text") -> String? {
        guard let s = scalar(what) else { return nil }
        return s
    }

    public func int(_ what: String = "a whole number") -> Int? {
        guard let s = scalar(what) else { return nil }
        guard let v = Int(s.trimmingCharacters(in: .whitespaces)) else {
            error("expected \(what), found '\(s)'")
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
            error("expected \(what), found '\(s)'")
            return nil
        }
    }

    /// A decimal number kept as its exact text (e.g. `32.3465`), checked to be digits with an optional
    /// sign and fraction. Callers convert it to an exact decimal type; nothing goes through Double.
    public func decimalText(_ what: String = "a decimal number") -> String? {
        guard let s = scalar(what) else { return nil }
        let t = s.trimmingCharacters(in: .whitespaces)
        if YAMLNode.isDecimal(t) { return t }
        error("expected \(what), found '\(s)'")
        return nil
    }

    static func isDecimal(_ t: String) -> Bool {
        var chars = Substring(t)
        if chars.first == "-" || chars.first == "+" { chars = chars.dropFirst() }
        let parts = chars.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        guard let intPart = parts.first, !intPart.isEmpty, intPart.allSatisfy(\.isASCII), intPart.allSatisfy(\.isNumber)
        else { return false }
        if parts.count == 2 {
            let frac = parts[1]
            return !frac.isEmpty && frac.allSatisfy { $0.isASCII && $0.isNumber }
        }
        return true
    }

    /// The items of a list, or an error.
    public func list(_ what: String = "a list") -> [YAMLNode]? {
        if case .sequence(let seq) = node { return seq.map { YAMLNode(node: $0, context: context) } }
        error("expected \(what), found \(kindDescription)")
        return nil
    }

    /// A list of strings; a single scalar is NOT accepted (so a typo cannot turn a list into one string).
    public func stringList(_ what: String = "a list of text items") -> [String]? {
        guard let items = list(what) else { return nil }
        var out: [String] = []
        for item in items {
            guard let s = item.scalar("text in \(what)") else { return nil }
            out.append(s)
        }
        return out
    }

    /// A mapping reader that tracks which keys were read; call `finish()` to report unknown keys.
    public func mapping(_ what: String = "a mapping") -> MappingReader? {
        if case .mapping(let m) = node { return MappingReader(mapping: m, owner: self) }
        error("expected \(what), found \(kindDescription)")
        return nil
    }
}

/// Reads the keys of one YAML mapping. Every key read is remembered; `finish()` reports the rest as unknown
/// (with a "did you mean" hint when a known key is close).
public final class MappingReader {
    public let owner: YAMLNode
    private var entries: [(key: String, keyNode: Node, value: Node)] = []
    private var used: Set<String> = []
    private var known: Set<String> = []

    init(mapping: Node.Mapping, owner: YAMLNode) {
        self.owner = owner
        var seen: Set<String> = []
        for (k, v) in mapping {
            let key = k.string ?? ""
            if seen.contains(key) {
                owner.context.error(k.mark, "duplicate key '\(key)'")
            }
            seen.insert(key)
            entries.append((key, k, v))
        }
    }

    public var context: YAMLContext { owner.context }
    public var keys: [String] { entries.map(\.key) }

    /// The value of `key`, if present (null values count as absent). Marks the key as known.
    public func node(_ key: String) -> YAMLNode? {
        known.insert(key)
        guard let e = entries.first(where: { $0.key == key }) else { return nil }
        used.insert(key)
        let n = YAMLNode(node: e.value, context: context)
        return n.isNull ? nil : n
    }

    /// Marks keys as known without reading them (a reader that stops early must not call them unknown).
    public func declare(_ keys: [String]) { known.formUnion(keys) }

    /// The location of a key itself (for "missing value" style messages).
    public func keyLocation(_ key: String) -> SourceLocation? {
        entries.first(where: { $0.key == key }).map { context.location($0.keyNode.mark) }
    }

    /// The value of a key that must be present; reports "missing required field" at the mapping otherwise.
    public func required(_ key: String) -> YAMLNode? {
        if let n = node(key) { return n }
        owner.error("missing required field '\(key)'")
        return nil
    }

    public func string(_ key: String, required isRequired: Bool = false) -> String? {
        (isRequired ? required(key) : node(key))?.string("text for '\(key)'")
    }

    public func int(_ key: String, required isRequired: Bool = false) -> Int? {
        (isRequired ? required(key) : node(key))?.int("a whole number for '\(key)'")
    }

    public func bool(_ key: String, required isRequired: Bool = false) -> Bool? {
        (isRequired ? required(key) : node(key))?.bool("true or false for '\(key)'")
    }

    public func decimalText(_ key: String, required isRequired: Bool = false) -> String? {
        (isRequired ? required(key) : node(key))?.decimalText("a decimal number for '\(key)'")
    }

    public func stringList(_ key: String, required isRequired: Bool = false) -> [String]? {
        (isRequired ? required(key) : node(key))?.stringList("a list of text items for '\(key)'")
    }

    public func list(_ key: String, required isRequired: Bool = false) -> [YAMLNode]? {
        (isRequired ? required(key) : node(key))?.list("a list for '\(key)'")
    }

    public func mapping(_ key: String, required isRequired: Bool = false) -> MappingReader? {
        (isRequired ? required(key) : node(key))?.mapping("a mapping for '\(key)'")
    }

    /// Reports every key that was never asked for as an error at that key.
    public func finish(_ what: String = "") {
        let allowed = known.sorted().joined(separator: ", ")
        for e in entries where !known.contains(e.key) {
            let near = known.min { editDistance($0, e.key) < editDistance($1, e.key) }
            var hint = "allowed keys\(what.isEmpty ? "" : " in \(what)"): \(allowed)"
            if let near, editDistance(near, e.key) <= 2 { hint = "did you mean '\(near)'? " + hint }
            context.error(e.keyNode.mark, "unknown key '\(e.key)'", hint: hint)
        }
    }
}

/// Levenshtein distance, for "did you mean" hints.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}
