import SiteRender

/// ```` ```modifiers ````: the modifier reference table from data/modifiers.yaml.
package struct ModifiersDirective: Directive {
    package let name = "modifiers"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        guard use.arguments.isEmpty else { throw DirectiveError(.directiveArguments, "takes no arguments", at: use.location(ofArgument: 0)) }
        let list = context.site.guide.modifiers
        guard !list.isEmpty else {
            throw DirectiveError(.directiveMissingData, "no modifiers loaded", hint: "add Content/data/modifiers.yaml")
        }
        var cite = CitationCollector(context)
        let rows = list.map { m -> [HTML] in
            [
                .el("code", [], .text(m.code)), .text(m.meaning), .text(m.applies), .text(m.payment), .text(m.from),
                cite.linksMarked(m.sources),
            ]
        }
        let html = dataTable(
            label: "Claim modifiers for caregiver training", caption: "Claim modifiers and the caregiver-training codes",
            headers: ["Modifier", "Meaning", "When it applies to these codes", "Effect on payment", "From", "Source"],
            rows: rows)
        return DirectiveOutput(html, citedSources: cite.ids)
    }
}
