import SiteContent
import SiteRender

/// Checks that need every page rendered: anchors must name an id on their target page, and the site extension's
/// own (`SiteExtensionData.check`: the guide's certainty markers and uncited sources).
enum ReferenceCheck {
    static func run(site: SiteModel, rendered: [RenderedPage], diagnostics diags: inout Diagnostics) {
        var idsByOutput: [String: Set<String>] = [:]
        for (i, r) in rendered.enumerated() {
            diags.append(contentsOf: r.diagnostics)
            idsByOutput[site.pages[i].outputPath] = r.ids
        }
        for r in rendered {
            for ref in r.anchorReferences where !(idsByOutput[ref.targetOutputPath]?.contains(ref.fragment) ?? false) {
                diags.error("link.broken-anchor",
                    ref.location, "broken anchor '#\(ref.fragment)': no such heading or id in \(ref.targetDisplay)")
            }
        }
        site.siteExtensionData?.check(site: site, rendered: rendered, diagnostics: &diags)
    }
}
