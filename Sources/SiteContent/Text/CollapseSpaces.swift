/// Collapses runs of white space into single spaces and trims the ends. White space is Unicode's White_Space
/// set (ASCII tab, line feed, vertical tab, form feed, carriage return and space; U+0085, U+00A0, U+1680,
/// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), taken scalar by scalar.
public func collapseSpaces(_ s: String) -> String {
    var text = s
    return text.withUTF8 { collapseSpaces(bytes: $0) }
}

/// `collapseSpaces` of UTF-8 bytes (valid UTF-8: only whole scalars are dropped). One pass, no decoding:
/// the non-ASCII white-space scalars are recognised by their bytes.
public func collapseSpaces(bytes: UnsafeBufferPointer<UInt8>) -> String {
    let n = bytes.count
    if n == 0 { return "" }
    return String(unsafeUninitializedCapacity: n) { out in
        guard let src = bytes.baseAddress, let dst = out.baseAddress else { return 0 }
        var o = 0
        var pendingSpace = false
        var i = 0
        while i < n {
            // A run of bytes that cannot start white space (letters, digits, most punctuation) is copied as it is
            // scanned.
            if src[i] > 0x20 && src[i] < 0xC2 {
                if pendingSpace {
                    dst[o] = 0x20
                    o += 1
                    pendingSpace = false
                }
                repeat {
                    dst[o] = src[i]
                    o += 1
                    i += 1
                } while i < n && src[i] > 0x20 && src[i] < 0xC2
                continue
            }
            let width = whiteSpaceWidth(bytes, at: i)
            if width > 0 {
                pendingSpace = o > 0
                i += width
                continue
            }
            if pendingSpace {
                dst[o] = 0x20
                o += 1
                pendingSpace = false
            }
            dst[o] = src[i]
            o += 1
            i += 1
        }
        return o
    }
}

/// The byte length of the White_Space scalar starting at `i`, or 0 when none starts there.
@inline(__always)
func whiteSpaceWidth(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let c = b[i]
    if c < 0x80 { return c == 0x20 || (c >= 0x09 && c <= 0x0D) ? 1 : 0 }
    let n = b.count
    switch c {
    case 0xC2:  // U+0085, U+00A0
        return i + 1 < n && (b[i + 1] == 0x85 || b[i + 1] == 0xA0) ? 2 : 0
    case 0xE1:  // U+1680
        return i + 2 < n && b[i + 1] == 0x9A && b[i + 2] == 0x80 ? 3 : 0
    case 0xE2:
        guard i + 2 < n else { return 0 }
        let b1 = b[i + 1], b2 = b[i + 2]
        if b1 == 0x80 && (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) { return 3 }  // U+2000–200A, 2028, 2029, 202F
        return b1 == 0x81 && b2 == 0x9F ? 3 : 0  // U+205F
    case 0xE3:  // U+3000
        return i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : 0
    default:
        return 0
    }
}
