import SiteContent

/// Compact JSON written straight into bytes, for the search index's hot path: the same text
/// `ScriptJSONEncoder` writes for the index's types (strings escaped by `appendJSONString`, safe in a script),
/// without a tree of values or the `Encoder` protocol's dispatch per string. `SearchIndexWriterTests` checks
/// both give the same bytes.
struct ScriptJSONWriter {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ s: String) { appendJSONString(s, to: &bytes) }

    mutating func int(_ n: Int) {
        if n >= 0 && n < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(n))
        } else {
            bytes.append(contentsOf: String(n).utf8)
        }
    }

    /// A section's search text, cut to its first `limit` characters (as `String.prefix` cuts: by grapheme
    /// cluster). ASCII text without a carriage return (nearly all of it) has one character per byte, so it is
    /// cut by counting bytes once; anything else goes through `prefix`.
    mutating func truncatedString(_ s: String, limit: Int) {
        var s = s
        let done: Bool = s.withUTF8 { u in
            if u.count <= limit {
                appendJSONString(u, to: &bytes)
                return true
            }
            // The byte after the cut must be ASCII too: a combining mark there would join the last character.
            for b in u[0...limit] where b >= 0x80 || b == 0x0D { return false }
            appendJSONString(UnsafeBufferPointer(rebasing: u[0..<limit]), to: &bytes)
            return true
        }
        if !done { appendJSONString(String(s.prefix(limit)), to: &bytes) }
    }
}
