/// Files the build writes besides pages and assets.
enum GeneratedFiles {
    /// `cache` (incremental builds) reuses files while the inputs they are computed from are unchanged.
    static func make(site: SiteModel, rendered: [RenderedPage], cache: BuildCache? = nil) -> [OutputFile] {
        func reuse(_ name: String, fromPageBodies: Bool, _ make: () -> [OutputFile]) -> [OutputFile] {
            cache?.generated(name, fromPageBodies: fromPageBodies, make: make) ?? make()
        }
        var files = reuse("search-index", fromPageBodies: true) { [SearchIndex.file(site: site, rendered: rendered)] }
        if rendered.contains(where: { $0.directivesUsed.contains("calculator") }) {
            files += reuse("calculator-data", fromPageBodies: false) { [CalculatorData.file(site: site)] }
        }
        if ZIPScripts.isUsed(site) {
            files += reuse("zip-scripts", fromPageBodies: false) { ZIPScripts.files(site: site) }
        }
        if FeeDownloadsDirective.isUsed(site) {
            files += reuse("fee-downloads", fromPageBodies: false) { FeeDownloads.files(site.data) }
        }
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

