import SiteRender

/// ```` ```code-descriptor CODE ````: the licensed CPT short and long descriptor when the licensee provided
/// `data/cpt-descriptors.yaml`, otherwise the guide's plain-language summary from codes.yaml (silently).
package struct CodeDescriptorDirective: Directive {
    package let name = "code-descriptor"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let rules = context.site.data.rules
        guard use.arguments.count == 1, let code = use.arguments.first else {
            throw DirectiveError(.directiveArguments, "takes one argument: a code", at: use.location(ofArgument: 1))
        }
        guard let record = rules.code(code) else {
            throw DirectiveError(.directiveUnknownCode, "unknown code '\(code)'", hint: acceptedCodes(rules), at: use.location(ofArgument: 0))
        }
        if let d = context.site.guide.descriptors[code] {
            let html: HTML = [
                .el("div", [.class("code-descriptor licensed")],
                    .el("p", [], .el("strong", [], .text(code)), " — \(d.short)"), .newline, .el("p", [], .text(d.long)), .newline,
                    .el("p", [.class("descriptor-note")],
                        "CPT descriptor reproduced under licence from the American Medical Association.")),
                .newline,
            ]
            return DirectiveOutput(html, citedSources: [])
        }
        var cite = CitationCollector(context)
        let html: HTML = [
            .el("div", [.class("code-descriptor plain")],
                .el("p", [], .el("strong", [], .text(code)),
                    " — \(record.summary) (\(cite.linksMarked([record.summarySource ?? record.source])))")),
            .newline,
        ]
        return DirectiveOutput(html, citedSources: cite.ids)
    }
}
