/// A JSON string literal. With `forScript` (the default) it is also safe inside a script file: `<`, `>` and
/// the JavaScript line separators are escaped too.
package func jsonString(_ s: String, forScript: Bool = true) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "<" where forScript: out += "\\u003c"
        case ">" where forScript: out += "\\u003e"
        case "\u{2028}" where forScript: out += "\\u2028"
        case "\u{2029}" where forScript: out += "\\u2029"
        default:
            if u.value < 0x20 {
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}
