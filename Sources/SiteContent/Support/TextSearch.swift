/// Whether `needle` occurs in `text` (bytes).
package func contains(_ needle: String, in text: String) -> Bool {
    let n = Array(needle.utf8)
    guard !n.isEmpty else { return true }
    var view = text
    return view.withUTF8 { t in
        guard t.count >= n.count else { return false }
        for i in 0...(t.count - n.count) where t[i] == n[0] {
            var j = 1
            while j < n.count && t[i + j] == n[j] { j += 1 }
            if j == n.count { return true }
        }
        return false
    }
}

/// `text` with every occurrence of `needle` replaced (byte-wise, left to right, as `replacingOccurrences`).
package func replacing(_ needle: String, with replacement: String, in text: String) -> String {
    guard contains(needle, in: text) else { return text }
    let n = Array(needle.utf8), t = Array(text.utf8)
    guard !n.isEmpty else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(t.count + replacement.utf8.count)
    var i = 0
    while i < t.count {
        if t[i] == n[0], i + n.count <= t.count, t[i..<(i + n.count)].elementsEqual(n) {
            out.append(contentsOf: replacement.utf8)
            i += n.count
        } else {
            out.append(t[i])
            i += 1
        }
    }
    return String(decoding: out, as: UTF8.self)
}
