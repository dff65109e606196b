/// Builds the relative URL from one output file to another, so the same site works at `/`, at any
/// sub-path and from `file://`. Paths are relative to the output folder, with '/' separators.
/// Folder pages are linked as `…/index.html` (a `file://` folder URL would show a listing).
public func relativeURL(from page: String, to target: String) -> String {
    let fromDir = page.split(separator: "/").dropLast()
    let to = target.split(separator: "/")
    var common = 0
    while common < fromDir.count, common < to.count - 1, fromDir[fromDir.startIndex + common] == to[common] {
        common += 1
    }
    let ups = Array(repeating: "..", count: fromDir.count - common)
    let rest = to[common...].map { percentEncodedSegment(String($0)) }
    return (ups + rest).joined(separator: "/")
}

/// An output path as a URL path: each segment percent-encoded (`a b#1/index.html` → `a%20b%231/index.html`).
public func urlPath(_ outputPath: String) -> String {
    outputPath.split(separator: "/", omittingEmptySubsequences: false).map { percentEncodedSegment(String($0)) }
        .joined(separator: "/")
}

/// One path segment with every byte other than letters, digits and `-._~` percent-encoded, so a file name with
/// a space, `#`, `%` or `?` still gives a working link.
public func percentEncodedSegment(_ s: String) -> String {
    var out = ""
    for b in s.utf8 {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            out.unicodeScalars.append(Unicode.Scalar(b))
        default:
            let hex = Array("0123456789ABCDEF".unicodeScalars)
            out.unicodeScalars.append("%")
            out.unicodeScalars.append(hex[Int(b >> 4)])
            out.unicodeScalars.append(hex[Int(b & 15)])
        }
    }
    return out
}
