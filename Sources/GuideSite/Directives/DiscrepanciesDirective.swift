import SiteRender

/// ```` ```discrepancies ````: known errors of other sources (data/discrepancies.yaml), each with what is
/// correct, why, and the sources that settle it.
package struct DiscrepanciesDirective: Directive {
    package let name = "discrepancies"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        guard use.arguments.isEmpty else { throw DirectiveError(.directiveArguments, "takes no arguments", at: use.location(ofArgument: 0)) }
        let list = context.site.guide.discrepancies
        guard !list.isEmpty else {
            throw DirectiveError(.directiveMissingData, "no discrepancies loaded", hint: "add Content/data/discrepancies.yaml")
        }
        var cite = CitationCollector(context)
        let rows = list.map { d -> [HTML] in
            [
                .text(d.claim), .text(d.appears), .text(d.correct), .text(d.why), cite.linksMarked(d.sources),
            ]
        }
        let html: HTML = [
            .el("div", [.class("discrepancies")],
                .newline,
                dataTable(
                    label: "Known errors in other sources", caption: "Claims found elsewhere and what is correct",
                    headers: ["Claim found elsewhere", "Where it appears", "What is correct", "Why", "Sources"],
                    rows: rows)),
            .newline,
        ]
        return DirectiveOutput(html, citedSources: cite.ids)
    }
}
