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
    for _ in 0..<ups { out += "../".utf8 }
    appendURLPath(to[common...], to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// An output path as a URL path: every byte other than '/', letters, digits and `-._~` percent-encoded
/// (`a b#1/index.html` → `a%20b%231/index.html`), so a file name with a space, `#`, `%` or `?` still gives a
/// working link.
public func urlPath(_ outputPath: String) -> String {
    var out: [UInt8] = []
    appendURLPath(outputPath.utf8, to: &out)
    return String(decoding: out, as: UTF8.self)
}

private let hexDigits = Array("0123456789ABCDEF".utf8)

/// `urlPath` of a path's bytes, appended to `out`.
private func appendURLPath(_ path: some Sequence<UInt8>, to out: inout [UInt8]) {
    for b in path {
        switch b {
        case UInt8(ascii: "/"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            out.append(b)
        default:
            out += [UInt8(ascii: "%"), hexDigits[Int(b >> 4)], hexDigits[Int(b & 15)]]
        }
    }
}

/// The URL path of a page's output file below the site's address: `urlPath`, with a final `index.html` left
/// off (`codes/97550/index.html` → `codes/97550/`; the home page → ""), as a web server serves folders.
public func pageURLPath(_ outputPath: String) -> String {
    let path = urlPath(outputPath)
    if path == "index.html" { return "" }
    return path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
}

/// Resolves `../faq.md` against `codes/97550.md` → `faq.md`; nil when it climbs above the content folder.
/// Paths are cut at '/' bytes, as the file system cuts them (empty parts left out); a part with '%' is
/// percent-decoded; a query (from the first '?') is left off. Built in one byte buffer from the two texts'
/// bytes: every link of every page comes through here, some twice.
package func resolveRelative(_ link: String, from source: String) -> String? {
    var (link, source) = (link, source)
    return source.withUTF8 { src in link.withUTF8 { resolveRelative($0, from: src) } }
}

private func resolveRelative(_ link: UnsafeBufferPointer<UInt8>, from source: UnsafeBufferPointer<UInt8>) -> String? {
    var out = PathBuffer()
    // The source's folder: its parts but the last.
    for part in PathParts(rest: source[...]) { out.push(part) }
    _ = out.pop()
    // The link up to a '?': its first run of bytes without one (the whole link when it has none).
    let question = UInt8(ascii: "?")
    var path = link[...]
    if let first = link.firstIndex(where: { $0 != question }) {
        path = link[first..<(link[first...].firstIndex(of: question) ?? link.endIndex)]
    }
    for part in PathParts(rest: path) {
        if part.elementsEqual(".".utf8) { continue }
        if part.elementsEqual("..".utf8) {
            guard out.pop() else { return nil }
            continue
        }
        if part.contains(UInt8(ascii: "%")) {
            let name = String(decoding: part, as: UTF8.self)
            out.push((name.removingPercentEncoding ?? name).utf8)
        } else {
            out.push(part)
        }
    }
    if path.last == UInt8(ascii: "/") { out.bytes.append(UInt8(ascii: "/")) }
    return String(decoding: out.bytes, as: UTF8.self)
}

/// A path being built: its bytes, parts joined by '/', and where each part starts.
private struct PathBuffer {
    var bytes: [UInt8] = []
    var starts: [Int] = []

    mutating func push(_ part: some Collection<UInt8>) {
        if !starts.isEmpty { bytes.append(UInt8(ascii: "/")) }
        starts.append(bytes.count)
        bytes.append(contentsOf: part)
    }

    /// Drops the last part; false when there is none.
    mutating func pop() -> Bool {
        guard let start = starts.popLast() else { return false }
        bytes.removeSubrange(max(0, start - 1)...)
        return true
    }
}

/// The non-empty parts of a path's bytes, between '/'s.
private struct PathParts: Sequence, IteratorProtocol {
    var rest: Slice<UnsafeBufferPointer<UInt8>>

    mutating func next() -> Slice<UnsafeBufferPointer<UInt8>>? {
        while !rest.isEmpty {
            let end = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            let part = rest[..<end]
            rest = rest[(end == rest.endIndex ? end : end + 1)...]
            if !part.isEmpty { return part }
        }
        return nil
    }
}
