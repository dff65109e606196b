import SiteContent
import SiteRender

/// Checks that need every page rendered: anchors must name an id on their target page, statements citing only
/// secondary sources must say so, and every source should be cited.
enum ReferenceCheck {
    static func run(site: SiteModel, rendered: [RenderedPage], diagnostics diags: inout Diagnostics) {
        var idsByOutput: [String: Set<String>] = [:]
        var cited: Set<String> = []
        let sources = site.data.sources
        let certainty = site.data.certainty
        let unmarked = parallelMap(rendered) { r in
            CertaintyCheck.unmarked(r.statements, sources: sources, certainty: certainty)
        }
        for (i, r) in rendered.enumerated() {
            diags.append(contentsOf: r.diagnostics)
            for (statement, problem) in unmarked[i] {
                diags.error("certainty.unmarked-secondary",
                    site.pages[i].meta.location,
                    "a statement \(problem): \"\(statement)\"",
                    hint: "cite the graded fact it states ([text](fact:ID), data/facts.yaml), whose marker follows "
                        + "its grade, or cite an official source")
            }
            idsByOutput[site.pages[i].outputPath] = r.ids
            cited.formUnion(r.citedSources)
        }
        for r in rendered {
            for ref in r.anchorReferences where !(idsByOutput[ref.targetOutputPath]?.contains(ref.fragment) ?? false) {
                diags.error("link.broken-anchor",
                    ref.location, "broken anchor '#\(ref.fragment)': no such heading or id in \(ref.targetDisplay)")
            }
        }
        for s in site.data.sources where !cited.contains(s.id) {
            diags.warning("source.uncited", s.location, "source '\(s.id)' is not cited by any page")
        }
    }
}
