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
    let rest = to[common...].map(String.init)
    return (ups + rest).joined(separator: "/")
}
