import Foundation
import Yams

/// Reads the keys of one YAML mapping. Every key read is remembered; `finish()` reports the rest as unknown
/// (with a "did you mean" hint when a known key is really close: `isCloseMatch`).
public final class MappingReader {
    public let owner: YAMLNode
    private var entries: [(key: String, keyNode: Node, value: Node)] = []
    /// The first entry of each key (a mapping with hundreds of keys is read key by key).
    private var firstEntry: [String: Int] = [:]
    private var used: Set<String> = []
    private var known: Set<String> = []

    init(mapping: Node.Mapping, owner: YAMLNode) {
        self.owner = owner
        for (k, v) in mapping {
            let key = k.string ?? ""
            if firstEntry[key] != nil {
                owner.context.error(.duplicateKey, k.mark, "duplicate key '\(key)'")
            } else {
                firstEntry[key] = entries.count
            }
            entries.append((key, k, v))
        }
    }

    public var context: YAMLContext { owner.context }
    public var keys: [String] { entries.map(\.key) }

    /// The value of `key`, if present (null values count as absent). Marks the key as known.
    public func node(_ key: String) -> YAMLNode? {
        known.insert(key)
        guard let i = firstEntry[key] else { return nil }
        used.insert(key)
        let n = YAMLNode(node: entries[i].value, context: context)
        return n.isNull ? nil : n
    }

    /// Marks keys as known without reading them (a reader that stops early must not call them unknown).
    public func declare(_ keys: [String]) { known.formUnion(keys) }

    /// The location of a key itself (for "missing value" style messages).
    public func keyLocation(_ key: String) -> SourceLocation? {
        firstEntry[key].map { context.location(entries[$0].keyNode.mark) }
    }

    /// The value of a key that must be present; reports "missing required field" at the mapping otherwise.
    public func required(_ key: String) -> YAMLNode? {
        if let n = node(key) { return n }
        owner.error(.missingField, "missing required field '\(key)'")
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
            if let near, isCloseMatch(near, e.key) { hint = "did you mean '\(near)'? " + hint }
            context.error("yaml.unknown-key", e.keyNode.mark, "unknown key '\(e.key)'", hint: hint)
        }
    }
}
