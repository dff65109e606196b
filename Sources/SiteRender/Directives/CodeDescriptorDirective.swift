import SiteContent
import GuideCalc
import GuideCompute
import CodingRules

/// ```` ```code-descriptor CODE ````: the licensed CPT short and long descriptor when the licensee provided
/// `data/cpt-descriptors.yaml`, otherwise the guide's plain-language summary from codes.yaml (silently).
package struct CodeDescriptorDirective: Directive {
    package let name = "code-descriptor"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let rules = context.site.data.rules
        guard use.arguments.count == 1, let code = use.arguments.first else {
            throw DirectiveError("takes one argument: a code")
        }
        guard let record = rules.code(code) else {
            throw DirectiveError("unknown code '\(code)'", hint: "accepted: \(rules.codes.map(\.code).joined(separator: ", "))")
        }
        if let d = context.site.guide.descriptors[code] {
            let html =
                "<div class=\"code-descriptor licensed\"><p><strong>\(escapeHTML(code))</strong> — "
                + "\(escapeHTML(d.short))</p>\n<p>\(escapeHTML(d.long))</p>\n"
                + "<p class=\"descriptor-note\">CPT descriptor reproduced under licence from the American Medical Association.</p></div>\n"
            return DirectiveOutput(html: html, citedSources: [])
        }
        var cite = CitationCollector(context)
        let html =
            "<div class=\"code-descriptor plain\"><p><strong>\(escapeHTML(code))</strong> — "
            + "\(escapeHTML(record.summary)) (\(cite.linksMarked([record.summarySource ?? record.source])))</p></div>\n"
        return DirectiveOutput(html: html, citedSources: cite.ids)
    }
}
