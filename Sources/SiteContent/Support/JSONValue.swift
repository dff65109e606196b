
/// A small JSON value with deterministic output: object keys sorted, two-space indentation.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A string, or null for nil.
    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// The pretty-printed text (keys sorted), without a trailing newline.
    public func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .string(let s): return JSONValue.quote(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n\(pad)]"
        case .object(let dict):
            if dict.isEmpty { return "{}" }
            let body = dict.keys.sorted().map { k in
                inner + JSONValue.quote(k) + ": " + dict[k]!.rendered(indent: indent + 1)
            }
            return "{\n" + body.joined(separator: ",\n") + "\n\(pad)}"
        }
    }

    /// This object with one more key (unchanged when `value` is nil or this is not an object).
    public func adding(_ key: String, _ value: JSONValue?) -> JSONValue {
        guard let value, case .object(var d) = self else { return self }
        d[key] = value
        return .object(d)
    }

    static func quote(_ s: String) -> String { jsonString(s, forScript: false) }
}
