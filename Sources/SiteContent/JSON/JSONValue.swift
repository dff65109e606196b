/// A JSON value, the one way the program builds JSON (written by `JSONWriter`: object keys sorted).
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A string, or null for nil.
    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// The pretty-printed text (keys sorted, two-space indentation), without a trailing newline; not escaped
    /// for a script.
    public func rendered(indent: Int = 0) -> String {
        var w = JSONWriter(forScript: false)
        w.value(self, indent: indent)
        return String(decoding: w.bytes, as: UTF8.self)
    }

}
