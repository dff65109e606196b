/// A JSON string literal. With `forScript` (the default) it is also safe inside a script file: `<`, `>` and
/// the JavaScript line separators are escaped too.
func jsonString(_ s: String, forScript: Bool = true) -> String {
    // Byte by byte over the UTF-8 (every escaped character is ASCII but U+2028/U+2029, E2 80 A8/A9).
    var s = s
    return s.withUTF8 { src in
        var out: [UInt8] = []
        out.reserveCapacity(src.count + 2)
        out.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        var i = 0
        while i < src.count {
            let b = src[i]
            switch b {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), b]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), b]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "<") where forScript: out += Array("\\u003c".utf8)
            case UInt8(ascii: ">") where forScript: out += Array("\\u003e".utf8)
            case 0xE2 where forScript && i + 2 < src.count && src[i + 1] == 0x80 && (src[i + 2] == 0xA8 || src[i + 2] == 0xA9):
                out += Array((src[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 3
                continue
            case 0..<0x20:
                out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 15)]]
            default:
                out.append(b)
            }
            i += 1
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
