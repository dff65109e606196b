/// Files the build writes besides pages and assets.
enum GeneratedFiles {
    static func make(site: SiteModel, rendered: [RenderedPage]) -> [OutputFile] {
        var files = [SearchIndex.file(site: site, rendered: rendered)]
        if CalculatorData.isUsed(site) { files.append(CalculatorData.file(site: site)) }
        return files
    }
}

/// `assets/search-index.js`: titles, keywords and the text of every section of every page, loaded as a script
/// (not fetched) so search works from `file://`. Read by `assets/search.js`.
enum SearchIndex {
    static let path = "assets/search-index.js"

    static func file(site: SiteModel, rendered: [RenderedPage]) -> OutputFile {
        var out = "window.CTSGUIDE_SEARCH = [\n"
        var first = true
        for (i, page) in site.pages.enumerated() where page.meta.inNav || page.isIndex {
            if page.outputPath == "404.html" { continue }
            let keywords = ([page.meta.code ?? ""] + [page.meta.keywords]).filter { !$0.isEmpty }.joined(separator: " ")
            let sections = rendered[i].sections.map { s in
                "{\"id\":\(jsonString(s.headingID ?? "")),\"heading\":\(jsonString(s.heading)),\"text\":\(jsonString(String(s.text.prefix(1200))))}"
            }
            if !first { out += ",\n" }
            first = false
            out += "{\"url\":\(jsonString(page.outputPath)),\"title\":\(jsonString(page.meta.title)),"
            out += "\"keywords\":\(jsonString(keywords)),\"sections\":[\(sections.joined(separator: ","))]}"
        }
        out += "\n];\n"
        return OutputFile(path: path, text: out)
    }
}

/// A JSON string literal; also safe inside a script file (`<` and `>` are escaped).
func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "<": out += "\\u003c"
        case ">": out += "\\u003e"
        case "\u{2028}": out += "\\u2028"
        case "\u{2029}": out += "\\u2029"
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
