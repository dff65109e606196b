
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
        String(decoding: renderedBytes(indent: indent), as: UTF8.self)
    }

    /// `rendered(indent:)` as UTF-8 bytes.
    package func renderedBytes(indent: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, indent: indent)
        return out
    }

    /// `rendered(indent:)` appended to one byte buffer (no string per nested value).
    package func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .string(let s): appendJSONString(s, forScript: false, to: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, indent: indent + 1)
                item.write(into: &out, indent: indent + 1)
            }
            JSONValue.newline(&out, indent: indent)
            out.append(UInt8(ascii: "]"))
        case .object(let dict):
            if dict.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (n, entry) in dict.sorted(by: { $0.key < $1.key }).enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, indent: indent + 1)
                JSONValue.key(entry.key, into: &out)
                entry.value.write(into: &out, indent: indent + 1)
            }
            JSONValue.newline(&out, indent: indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A line break and `indent` levels of two-space indentation, as `rendered` writes them.
    package static func newline(_ out: inout [UInt8], indent: Int) {
        out.append(UInt8(ascii: "\n"))
        if indent <= spaces.count / 2 {
            out.append(contentsOf: spaces[0..<(2 * indent)])
        } else {
            for _ in 0..<indent { out.append(contentsOf: "  ".utf8) }
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    /// `"key": `, as `rendered` writes an object's key.
    package static func key(_ k: String, into out: inout [UInt8]) {
        appendJSONString(k, forScript: false, to: &out)
        out.append(contentsOf: ": ".utf8)
    }

    /// This object with one more key (unchanged when `value` is nil or this is not an object).
    public func adding(_ key: String, _ value: JSONValue?) -> JSONValue {
        guard let value, case .object(var d) = self else { return self }
        d[key] = value
        return .object(d)
    }

    static func quote(_ s: String) -> String { jsonString(s, forScript: false) }
}
