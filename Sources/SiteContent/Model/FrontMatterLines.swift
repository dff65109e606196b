import Foundation

/// A page's front matter lines, found by bytes: the first line must be a `---` fence (spaces and tabs around it
/// allowed), the next such line closes the block, and the body is what follows. Byte offsets into the page's
/// UTF-8 text (after `ContentLoader` turned `\r\n` into `\n`; a byte-order mark at the start is skipped).
struct FrontMatterLines {
    /// Each line read, as a byte range without its newline: the opening fence, the YAML lines, the closing fence.
    var lines: [Range<Int>] = []
    /// Whether the first line is a fence.
    var opened = false
    /// The index in `lines` of the closing fence, when there is one.
    var close: Int?
    var bodyStart = 0

    init(_ u: UnsafeBufferPointer<UInt8>) {
        var pos = u.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        bodyStart = u.count
        while true {
            let nl = Self.newline(in: u, from: pos)
            let line = pos..<nl
            let text = u[line].drop { $0 == 0x20 || $0 == 0x09 }  // spaces and tabs around the fence allowed
            let isFence = text.starts(with: "---".utf8) && text.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 }
            lines.append(line)
            if lines.count == 1 {
                opened = isFence
                if !isFence { return }
            } else if isFence {
                close = lines.count - 1
                bodyStart = nl < u.count ? nl + 1 : nl
                return
            }
            if nl == u.count { return }
            pos = nl + 1
        }
    }

    static func newline(in u: UnsafeBufferPointer<UInt8>, from pos: Int) -> Int {
        guard pos < u.count, let base = u.baseAddress, let p = memchr(base + pos, 0x0A, u.count - pos) else { return u.count }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    /// The text of a byte range of `text` (the string these offsets were found in).
    static func slice(_ text: String, _ range: Range<Int>) -> Substring {
        let u = text.utf8
        return text[u.index(u.startIndex, offsetBy: range.lowerBound)..<u.index(u.startIndex, offsetBy: range.upperBound)]
    }

    func body(of text: String) -> String { String(Self.slice(text, bodyStart..<text.utf8.count)) }

    /// The YAML lines joined by newlines: the text between the fences.
    func yaml(of text: String) -> String {
        guard let close, close > 1 else { return "" }
        return String(Self.slice(text, lines[1].lowerBound..<lines[close - 1].upperBound))
    }
}
