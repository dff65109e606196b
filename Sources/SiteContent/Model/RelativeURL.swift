/// Builds the relative URL from one output file to another, so the same site works at `/`, at any
/// sub-path and from `file://`. Paths are relative to the output folder, with '/' separators.
/// Folder pages are linked as `…/index.html` (a `file://` folder URL would show a listing).
public func relativeURL(from page: String, to target: String) -> String {
    // Byte-level: called for every link of every page's navigation, breadcrumbs and child list.
    let from = Array(page.utf8), to = Array(target.utf8)
    let slash = UInt8(ascii: "/")
    // Folders of `from` (everything before its last '/') and the common folder prefix with `to`.
    let fromEnd = from.lastIndex(of: slash) ?? -1
    var common = 0  // bytes of whole common folders, each with its '/'
    var i = 0
    while i <= fromEnd, i < to.count, from[i] == to[i] {
        if from[i] == slash { common = i + 1 }
        i += 1
    }
    // `to`'s last component must stay: only count folders of `to` that end before its last '/'.
    var ups = 0
    var k = common
    while k <= fromEnd {
        if from[k] == slash { ups += 1 }
        k += 1
    }
    var out: [UInt8] = []
    out.reserveCapacity(ups * 3 + to.count - common)
    for _ in 0..<ups { out += [UInt8(ascii: "."), UInt8(ascii: "."), slash] }
    // Each remaining segment percent-encoded (see `percentEncodedSegment`); '/' separates them.
    let hex = Array("0123456789ABCDEF".utf8)
    for b in to[common...] {
        switch b {
        case slash, UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            out.append(b)
        default:
            out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 15)]]
        }
    }
    return String(decoding: out, as: UTF8.self)
}

/// An output path as a URL path: each segment percent-encoded (`a b#1/index.html` → `a%20b%231/index.html`).
public func urlPath(_ outputPath: String) -> String {
    outputPath.split(separator: "/", omittingEmptySubsequences: false).map { percentEncodedSegment(String($0)) }
        .joined(separator: "/")
}

/// The URL path of a page's output file below the site's address: `urlPath`, with a final `index.html` left
/// off (`codes/97550/index.html` → `codes/97550/`; the home page → ""), as a web server serves folders.
public func pageURLPath(_ outputPath: String) -> String {
    let path = urlPath(outputPath)
    if path == "index.html" { return "" }
    return path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
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

/// Resolves `../faq.md` against `codes/97550.md` → `faq.md`; nil when it climbs above the content folder.
package func resolveRelative(_ link: String, from source: String) -> String? {
    var link = link, source = source
    // ASCII paths (nearly every link; called several times per link) byte by byte, without a String per part.
    let ascii = link.withUTF8 { $0.allSatisfy { $0 < 0x80 } } && source.withUTF8 { $0.allSatisfy { $0 < 0x80 } }
    guard ascii else { return resolveRelativeText(link, from: source) }
    return source.withUTF8 { src in link.withUTF8 { resolveRelativeASCII($0, from: src) } }
}

/// The parts of `bytes` between `separator`s, empty ones left out (as `split` does, without an array).
@inline(__always)
private func forEachPart(
    _ bytes: Slice<UnsafeBufferPointer<UInt8>>, separatedBy separator: UInt8,
    _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> Bool
) -> Bool {
    var start = bytes.startIndex
    var i = start
    while i <= bytes.endIndex {
        if i == bytes.endIndex || bytes[i] == separator {
            if i > start, !body(bytes[start..<i]) { return false }
            start = i + 1
        }
        i += 1
    }
    return true
}

/// `resolveRelative` of ASCII bytes, in one buffer.
private func resolveRelativeASCII(_ l: UnsafeBufferPointer<UInt8>, from src: UnsafeBufferPointer<UInt8>) -> String? {
    let slash = UInt8(ascii: "/"), dot = UInt8(ascii: "."), question = UInt8(ascii: "?")
    var out: [UInt8] = []
    out.reserveCapacity(src.count + l.count)
    var starts: [Int] = []  // where each folder of `out` starts (before its '/')
    starts.reserveCapacity(8)
    func push(_ part: Slice<UnsafeBufferPointer<UInt8>>) {
        starts.append(out.count)
        if !out.isEmpty { out.append(slash) }
        out.append(contentsOf: part)
    }
    // The folders of `source`: its parts but the last.
    var previous: Slice<UnsafeBufferPointer<UInt8>>? = nil
    _ = forEachPart(src[...], separatedBy: slash) { part in
        if let p = previous { push(p) }
        previous = part
        return true
    }
    // The path is the text before the first '?' (or the first text between '?'s).
    var path = l[...]
    _ = forEachPart(l[...], separatedBy: question) { part in
        path = part
        return false
    }
    let ok = forEachPart(path, separatedBy: slash) { part in
        if part.count == 1 && part.first == dot { return true }
        if part.count == 2 && part.first == dot && part.last == dot {
            guard let start = starts.popLast() else { return false }
            out.removeSubrange(start...)
            return true
        }
        if part.contains(UInt8(ascii: "%")) {
            let name = String(decoding: UnsafeBufferPointer(rebasing: part), as: UTF8.self)
            var decoded = name.removingPercentEncoding ?? name
            decoded.withUTF8 { push($0[...]) }
        } else {
            push(part)
        }
        return true
    }
    if path.last == slash { out.append(slash) }
    return ok ? String(decoding: out, as: UTF8.self) : nil
}

/// `resolveRelative` for text that is not all ASCII: parts split as characters.
package func resolveRelativeText(_ link: String, from source: String) -> String? {
    var stack = source.split(separator: "/").dropLast().map(String.init)
    let path = link.split(separator: "?").first.map(String.init) ?? link
    let trailingSlash = path.hasSuffix("/")
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
        if part == "." { continue }
        if part == ".." {
            if stack.isEmpty { return nil }
            stack.removeLast()
            continue
        }
        let name = String(part)
        stack.append(name.utf8.contains(UInt8(ascii: "%")) ? name.removingPercentEncoding ?? name : name)
    }
    let joined = stack.joined(separator: "/")
    return trailingSlash ? joined + "/" : joined
}
