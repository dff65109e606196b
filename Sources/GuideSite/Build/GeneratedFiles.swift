/// Files the build writes besides pages and assets.
enum GeneratedFiles {
    static func make(site: SiteModel, rendered: [RenderedPage]) -> [OutputFile] {
        var files = [SearchIndex.file(site: site, rendered: rendered)]
        if CalculatorData.isUsed(site) { files.append(CalculatorData.file(site: site)) }
        if FeeDownloadsDirective.isUsed(site) { files += FeeDownloads.files(site.data) }
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
            out += "{\"url\":\(jsonString(urlPath(page.outputPath))),\"title\":\(jsonString(page.meta.title)),"
            out += "\"keywords\":\(jsonString(keywords)),\"sections\":[\(sections.joined(separator: ","))]}"
        }
        out += "\n];\n"
        return OutputFile(path: path, text: out)
    }
}

