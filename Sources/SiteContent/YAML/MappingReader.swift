import Foundation
import Yams

/// Reads the keys of one YAML mapping. Every key read is remembered; `finish()` reports the rest as unknown
/// (with a "did you mean" hint when a known key is really close: `isCloseMatch`).
public final class MappingReader {
    public let owner: YAMLNode
    /// The keys in order, and beside them the key and value nodes.
    public private(set) var keys: [String] = []
    private var entries: [(keyNode: Node, value: Node)] = []
    /// The first entry of each key, for a mapping of more than `scanLimit` keys (a data file with hundreds of
    /// keys is read key by key); a smaller one (a page's front matter) is searched in order, which hashes nothing.
    private var firstEntry: [String: Int]?
    private static let scanLimit = 16
    /// Whether each entry was read (`node`): `finish` looks only at the others.
    private var read: [Bool] = []
    /// The keys asked for (`node`, `declare`), in the order asked, repeats and all: only `finish` reads them.
    private var known: [String] = []

    init(mapping: Node.Mapping, owner: YAMLNode) {
        self.owner = owner
        keys.reserveCapacity(mapping.count)
        entries.reserveCapacity(mapping.count)
        if mapping.count > Self.scanLimit { firstEntry = [:] }
        for (k, v) in mapping {
            let key = k.string ?? ""
            if index(of: key) != nil {
                owner.context.error(.duplicateKey, k.mark, "duplicate key '\(key)'")
            } else {
                firstEntry?[key] = keys.count
            }
            keys.append(key)
            entries.append((k, v))
        }
        read = Array(repeating: false, count: entries.count)
    }

    /// The index in `entries` of the first entry of `key`.
    private func index(of key: String) -> Int? {
        if let firstEntry { return firstEntry[key] }
        return keys.firstIndex(of: key)
    }

    public var context: YAMLContext { owner.context }
    /// Where each key is written, in the order written (a repeated key only where it is first written: the
    /// repeat is an error already).
    public var keyLocations: [(key: String, at: SourceLocation)] {
        keys.indices.filter { index(of: keys[$0]) == $0 }.map { (keys[$0], context.location(entries[$0].keyNode.mark)) }
    }

    /// The value of `key`, if present. Marks the key as known. A key written with no value (`through:`,
    /// `through: ~`) is an error at the key, reported once, and reads as absent: left unreported it would quietly
    /// mean "not given" (an open-ended range, no tags) where the writer meant to give something.
    public func node(_ key: String) -> YAMLNode? {
        known.append(key)
        guard let i = index(of: key) else { return nil }
        let n = YAMLNode(node: entries[i].value, context: context)
        if n.isNull && !read[i] {
            context.error("yaml.empty-value", entries[i].keyNode.mark, "'\(key)' has no value",
                hint: "give it a value, or leave the key out")
        }
        read[i] = true
        return n.isNull ? nil : n
    }

    /// Marks keys as known without reading them (a reader that stops early must not call them unknown).
    public func declare(_ keys: [String]) { known.append(contentsOf: keys) }

    /// The location of a key itself (for "missing value" style messages).
    public func keyLocation(_ key: String) -> SourceLocation? {
        index(of: key).map { context.location(entries[$0].keyNode.mark) }
    }

    /// The value of a key that must be present; reports "missing required field" at the mapping otherwise, or at
    /// the key when it is written with no value (`as_of:`, `as_of: ~`).
    public func required(_ key: String) -> YAMLNode? {
        if let i = index(of: key), YAMLNode(node: entries[i].value, context: context).isNull {
            known.append(key)
            if !read[i] { context.error(.missingField, entries[i].keyNode.mark, "required field '\(key)' has no value") }
            read[i] = true
            return nil
        }
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

    public func stringList(_ key: String, required isRequired: Bool = false, distinct: Bool = false) -> [String]? {
        (isRequired ? required(key) : node(key))?.stringList("a list of text items for '\(key)'", distinct: distinct)
    }

    public func list(_ key: String, required isRequired: Bool = false) -> [YAMLNode]? {
        (isRequired ? required(key) : node(key))?.list("a list for '\(key)'")
    }

    public func mapping(_ key: String, required isRequired: Bool = false) -> MappingReader? {
        (isRequired ? required(key) : node(key))?.mapping("a mapping for '\(key)'")
    }

    /// Reports every key that was never asked for as an error at that key.
    public func finish(_ what: String = "") {
        let unknown = keys.indices.filter { !read[$0] && !known.contains(keys[$0]) }
        guard !unknown.isEmpty else { return }
        let allowed = Set(known).sorted()
        for i in unknown {
            // The closest known key, the first in alphabetical order on a tie.
            let key = keys[i]
            let near = allowed.min { editDistance($0, key) < editDistance($1, key) }
            var hint = "allowed keys\(what.isEmpty ? "" : " in \(what)"): \(allowed.joined(separator: ", "))"
            if let near, isCloseMatch(near, key) { hint = "did you mean '\(near)'? " + hint }
            context.error("yaml.unknown-key", entries[i].keyNode.mark, "unknown key '\(key)'", hint: hint)
        }
    }
}
