/// A JSON string literal. With `forScript` (the default) it is also safe inside a script file: `<`, `>` and
/// the JavaScript line separators are escaped too.
package func jsonString(_ s: String, forScript: Bool = true) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 16)
    appendJSONString(s, forScript: forScript, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// `jsonString` appended to a byte buffer (no string of its own).
package func appendJSONString(_ s: String, forScript: Bool = true, to out: inout [UInt8]) {
    // Over the UTF-8 bytes: runs that need no escape are copied whole (every escaped character is ASCII, but
    // U+2028/U+2029: E2 80 A8/A9).
    var s = s
    s.withUTF8 { src in
        out.append(UInt8(ascii: "\""))
        var from = 0
        var i = 0
        func escape(_ e: StaticString, skip: Int = 1) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: src[from..<i]))
            out.append(contentsOf: UnsafeBufferPointer(start: e.utf8Start, count: e.utf8CodeUnitCount))
            i += skip
            from = i
        }
        while i < src.count {
            let b = src[i]
            switch b {
            case UInt8(ascii: "\""): escape("\\\"")
            case UInt8(ascii: "\\"): escape("\\\\")
            case UInt8(ascii: "\n"): escape("\\n")
            case UInt8(ascii: "\r"): escape("\\r")
            case UInt8(ascii: "\t"): escape("\\t")
            case UInt8(ascii: "<") where forScript: escape("\\u003c")
            case UInt8(ascii: ">") where forScript: escape("\\u003e")
            case 0xE2 where forScript && i + 2 < src.count && src[i + 1] == 0x80 && (src[i + 2] == 0xA8 || src[i + 2] == 0xA9):
                escape(src[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", skip: 3)
            case 0..<0x20:
                let hex: StaticString = "0123456789abcdef"
                escape("\\u00")  // then the byte's two hex digits
                out.append(hex.utf8Start[Int(b >> 4)])
                out.append(hex.utf8Start[Int(b & 15)])
            default:
                i += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: src[from..<src.count]))
        out.append(UInt8(ascii: "\""))
    }
}
