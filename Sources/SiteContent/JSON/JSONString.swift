/// A JSON string literal. With `forScript` (the default) it is also safe inside a script file: `<`, `>` and
/// the JavaScript line separators are escaped too.
package func jsonString(_ s: String, forScript: Bool = true) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 16)
    appendJSONString(s, forScript: forScript, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// Appends `jsonString(s, forScript:)` to `out` as UTF-8 bytes, without an intermediate string.
package func appendJSONString(_ s: String, forScript: Bool = true, to out: inout [UInt8]) {
    var s = s
    s.withUTF8 { appendJSONString($0, forScript: forScript, to: &out) }
}

/// The bytes that may need an escape: 1 always (controls, `"`, `\`), 2 only in a script (`<`, `>`, and 0xE2,
/// the first byte of U+2028/U+2029: E2 80 A8/A9). Every other byte is copied as it is.
private let jsonEscapeClass: [UInt8] = (0..<256).map { b in
    switch b {
    case 0..<0x20, 0x22, 0x5C: 1
    case 0x3C, 0x3E, 0xE2: 2
    default: 0
    }
}

/// Whether any of the eight bytes in `x` is one `appendJSONString` looks at: a control, `"`, `\`, any byte from
/// 0x80 (the U+2028/U+2029 lead byte is one), and in a script `<` and `>`. Word arithmetic ("has a byte less
/// than n" and "has a zero byte" after xor), exact for the whole word.
@inline(__always) func mayNeedEscape(_ x: UInt64, _ forScript: Bool) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
    func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & high }
    var m = x & high
    m |= (x &- ones &* 0x20) & ~x & high
    m |= hasZero(x ^ (ones &* 0x22)) | hasZero(x ^ (ones &* 0x5C))
    if forScript { m |= hasZero(x ^ (ones &* 0x3C)) | hasZero(x ^ (ones &* 0x3E)) }
    return m != 0
}

/// `appendJSONString` over UTF-8 bytes: runs that need no escape are copied whole.
package func appendJSONString(_ src: UnsafeBufferPointer<UInt8>, forScript: Bool = true, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    let limit: UInt8 = forScript ? 2 : 1
    let hex = Array("0123456789abcdef".utf8)
    var from = 0
    var i = 0
    jsonEscapeClass.withUnsafeBufferPointer { table in
        func escape(_ e: StaticString, skip: Int = 1) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: src[from..<i]))
            e.withUTF8Buffer { out.append(contentsOf: $0) }
            i += skip
            from = i
        }
        let base = src.baseAddress
        while i < src.count {
            // Eight bytes at a time while none of them may need an escape (plain ASCII text).
            if i + 8 <= src.count, let base, !mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self), forScript) {
                i += 8
                continue
            }
            let b = src[i]
            let c = table[Int(b)]
            if c == 0 || c > limit {
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "\""): escape("\\\"")
            case UInt8(ascii: "\\"): escape("\\\\")
            case UInt8(ascii: "\n"): escape("\\n")
            case UInt8(ascii: "\r"): escape("\\r")
            case UInt8(ascii: "\t"): escape("\\t")
            case UInt8(ascii: "<"): escape("\\u003c")
            case UInt8(ascii: ">"): escape("\\u003e")
            case 0xE2:
                if i + 2 < src.count && src[i + 1] == 0x80 && (src[i + 2] == 0xA8 || src[i + 2] == 0xA9) {
                    escape(src[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", skip: 3)
                } else {
                    i += 1
                }
            default:  // another control character
                out.append(contentsOf: UnsafeBufferPointer(rebasing: src[from..<i]))
                out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 15)]]
                i += 1
                from = i
            }
        }
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: src[from..<src.count]))
    out.append(UInt8(ascii: "\""))
}
