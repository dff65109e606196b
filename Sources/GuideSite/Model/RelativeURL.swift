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
    out += to[common...]
    return String(decoding: out, as: UTF8.self)
}
