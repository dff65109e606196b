
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
        var out = ""
        write(into: &out, indent: indent)
        return out
    }

    /// `rendered(indent:)` appended to one string (no string per nested value).
    func write(into out: inout String, indent: Int) {
        func pad(_ n: Int) { for _ in 0..<n { out += "  " } }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .string(let s): out += JSONValue.quote(s)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (n, item) in items.enumerated() {
                if n > 0 { out += ",\n" }
                pad(indent + 1)
                item.write(into: &out, indent: indent + 1)
            }
            out += "\n"
            pad(indent)
            out += "]"
        case .object(let dict):
            if dict.isEmpty { out += "{}"; return }
            out += "{\n"
            for (n, k) in dict.keys.sorted().enumerated() {
                if n > 0 { out += ",\n" }
                pad(indent + 1)
                out += JSONValue.quote(k)
                out += ": "
                dict[k]!.write(into: &out, indent: indent + 1)
            }
            out += "\n"
            pad(indent)
            out += "}"
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
