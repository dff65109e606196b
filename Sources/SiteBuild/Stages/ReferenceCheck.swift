import SiteContent
import SiteRender

/// Checks that need every page rendered: anchors must name an id on their target page, and the site extension's
/// own (`SiteExtensionData.check`: the guide's certainty markers and uncited sources).
enum ReferenceCheck {
    static func run(site: SiteModel, rendered: [RenderedPage], diagnostics diags: inout Diagnostics) {
        var idsByOutput: [String: Set<String>] = [:]
        for (i, r) in rendered.enumerated() {
            diags.append(contentsOf: r.diagnostics)
            // (A page whose Markdown was refused has no ids: a link into it is not blamed for that.)
            idsByOutput[site.pages[i].outputPath] = r.diagnostics.contains { $0.id == .markdownRefused } ? nil : r.ids
        }
        for r in rendered {
            // `#` and `#top` (any case) lead to the top of the page in every browser (the HTML standard's rule).
            for ref in r.anchorReferences where !(idsByOutput[ref.targetOutputPath]?.contains(ref.fragment) ?? true)
                && !ref.fragment.isEmpty && ref.fragment.lowercased() != "top"
            {
                let f = ref.fragment.lowercased()  // (`#Notes` for `#notes`, `#unit` for `#units`)
                let near = idsByOutput[ref.targetOutputPath].flatMap { nearest(to: f, among: $0.sorted(), within: 2) }
                diags.error("link.broken-anchor",
                    ref.location, "broken anchor '#\(ref.fragment)': no such heading or id in \(ref.targetDisplay)",
                    hint: near.flatMap { isCloseMatch($0, f) ? "did you mean '#\($0)'?" : nil })
            }
        }
        site.siteExtensionData?.check(site: site, rendered: rendered, diagnostics: &diags)
    }
}
