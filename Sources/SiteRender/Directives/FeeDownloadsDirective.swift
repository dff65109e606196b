import SiteContent
import GuideCalc
import GuideCompute
import CodingRules
import Foundation

/// ```` ```fee-downloads ````: links to the machine-readable fee files of every period (CSV and JSON, written by
/// `FeeDownloads`), newest first, with the CMS release each comes from. Using the directive makes the build
/// write the files.
package struct FeeDownloadsDirective: Directive {
    package static let directiveName = "fee-downloads"
    package let name = FeeDownloadsDirective.directiveName


    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        guard use.arguments.isEmpty else { throw DirectiveError("takes no arguments") }
        let data = context.site.data
        var cite = CitationCollector(context)
        var html = "<ul class=\"fee-downloads\">\n"
        for p in data.rules.periods.reversed() {
            let csv = escapeHTML(context.url(to: FeeDownloads.path(p, "csv")))
            let json = escapeHTML(context.url(to: FeeDownloads.path(p, "json")))
            html += "<li>\(escapeHTML(p.label)) (dates of service from \(p.range.from)): "
                + "<a href=\"\(csv)\" download>CSV</a> · <a href=\"\(json)\" download>JSON</a> — "
                + "\(PeriodWording.release(p, data, cite: &cite))</li>\n"
        }
        html += "</ul>\n"
        return DirectiveOutput(html: html, citedSources: cite.ids)
    }
}
