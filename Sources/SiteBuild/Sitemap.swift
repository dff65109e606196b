import SiteContent

/// `sitemap.xml` (sitemaps.org 0.9), written only when `site.yaml` sets `base_url`: every published page's
/// address under it (escaped as HTML text is, which XML reads the same), with the page's `lastmod` (else `date`)
/// when it has one. Drafts and 404 pages are left out.
package enum Sitemap {
    static let path = "sitemap.xml"

    package static func file(site: SiteModel) -> OutputFile? {
        guard let base = site.config.baseURL else { return nil }
        let listed = site.pages.indices.filter { !site.pages[$0].meta.draft && !site.pages[$0].isNotFoundPage }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for i in listed.sorted(by: { site.pages[$0].outputPath < site.pages[$1].outputPath }) {
            let meta = site.pages[i].meta
            out += "<url><loc>" + escapeHTML(base + pageURLPath(site.pages[i].outputPath)) + "</loc>"
            if let changed = meta.lastmod ?? meta.date { out += "<lastmod>" + changed + "</lastmod>" }
            out += "</url>\n"
        }
        out += "</urlset>\n"
        return OutputFile(path: path, bytes: Array(out.utf8))
    }
}
