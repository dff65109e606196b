import SiteRender
import GuideCompute
import Foundation

/// ```` ```fee-downloads ````: links to the machine-readable fee files of every period (CSV and JSON, written by
/// `FeeDownloads`), newest first, with the CMS release each comes from. Using the directive makes the build
/// write the files.
package struct FeeDownloadsDirective: Directive {
    package static let directiveName = "fee-downloads"
    package let name = FeeDownloadsDirective.directiveName


    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        guard use.arguments.isEmpty else { throw DirectiveError(.directiveArguments, "takes no arguments", at: use.location(ofArgument: 0)) }
        let data = context.site.data
        var cite = CitationCollector(context)
        var items: [HTML] = [.newline]
        for p in data.rules.periods.reversed() {
            func download(_ format: String, _ label: String) -> HTML {
                .el("a", [.href(context.url(to: FeeDownloads.path(p, format))), .flag("download")], .text(label))
            }
            items += [
                .el("li", [], "\(p.label) (dates of service from \(p.range.from)): \(download("csv", "CSV")) · \(download("json", "JSON")) — \(PeriodWording.release(p, data, cite: &cite))"),
                .newline,
            ]
        }
        return DirectiveOutput([.el("ul", [.class("fee-downloads")], children: items), .newline], citedSources: cite.ids)
    }
}
