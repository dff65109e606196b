import SiteRender
import CodingRules
import RulesText

/// ```` ```year-outlook [CODE] [MAC-LOCALITY] ````: the status of the year after the last fee period (e.g. 2027
/// before its final rule), once, from data (`RulesData.yearOutlook`, worded by `RulesText.outlook`): the
/// amounts not in the guide yet, the proposed conversion factors against the last period's, the end of the
/// work-GPCI floor (for CODE's amounts, and for the locality when one is given), the year's KX and review
/// thresholds, its telehealth status and where its amounts will appear first. Renders nothing when the data
/// records no year after the last period. Use it once per page.
package struct YearOutlookDirective: Directive {
    package let name = "year-outlook"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let rules = context.site.data.rules
        guard use.arguments.count <= 2 else {
            throw DirectiveError(.directiveArguments, "takes at most a code and a locality id (MAC-LOCALITY)", at: use.location(ofArgument: 2))
        }
        var code: String? = nil, locality: String? = nil
        try use.checkArguments { _, a in
            if rules.code(a) != nil, code == nil {
                code = a
            } else if a.contains("-"), locality == nil {
                guard rules.allLocalities.contains(where: { $0.id == a }) else { return DirectiveError("directive.unknown-locality", "unknown locality '\(a)'") }
                locality = a
            } else {
                return DirectiveError("directive.unknown-code-or-locality", "unknown code or locality '\(a)'", hint: "a code of codes.yaml, or MAC-LOCALITY")
            }
            return nil
        }
        guard let o = rules.yearOutlook(code: code) else { return DirectiveOutput(.empty, citedSources: []) }
        var cite = CitationCollector(context)
        var items: [HTML] = [.newline]
        for item in RulesText.plain.outlook(o, locality: locality) {
            var content: [HTML] = []
            if item.topic == "amounts" { content.append(.el("strong", [], "Dates of service from \(o.pending.range.from):")) ; content.append(" ") }
            content.append(.text(item.text))
            content.append(" (")
            content.append(cite.linksMarked(item.sources))
            content.append(")")
            items += [.el("li", [.attr("data-topic", item.topic)], children: content), .newline]
        }
        let html: HTML = [
            .el("div", [.class("year-outlook after-last-period")],
                .newline,
                .el("p", [], .el("strong", [], .text("What is known about \(RulesText.plain.outlookHeading(o))"))), .newline,
                .el("ul", [], children: items), .newline),
            .newline,
        ]
        return DirectiveOutput(html, citedSources: cite.ids)
    }
}
