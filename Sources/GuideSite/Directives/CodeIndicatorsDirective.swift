import SiteRender

/// ```` ```code-indicators CODE ````: the code's payment-policy indicators from codes.yaml (as CMS publishes
/// them in the PPRRVU file), each with what it means for billing.
package struct CodeIndicatorsDirective: Directive {
    package let name = "code-indicators"

    /// CMS PPRRVU field names and the meaning of the values these codes carry (the file layout's definitions,
    /// in our words). A value not listed here is shown as it is.
    static let fields: [(key: String, label: String, meanings: [String: String])] = [
        ("status", "Status", ["A": "active: separately paid under the fee schedule"]),
        ("global", "Global period", ["XXX": "the global-surgery concept does not apply", "ZZZ": "add-on: always billed with another service"]),
        ("pctc", "PC/TC indicator", ["0": "a physician service; no professional/technical split. (The “always therapy” codes carry indicator 7 instead, a therapy marker, not a split.)"]),
        ("mult_proc", "Multiple procedure", ["0": "no multiple-procedure payment reduction applies"]),
        ("bilat_surg", "Bilateral surgery", ["0": "not applicable"]),
        ("asst_surg", "Assistant at surgery", ["0": "not applicable"]),
        ("co_surg", "Co-surgeons", ["0": "not applicable"]),
        ("team_surg", "Team surgery", ["0": "not applicable"]),
        ("phys_supervision", "Physician supervision (diagnostic tests)", ["09": "the supervision concept does not apply"]),
    ]

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let rules = context.site.data.rules
        guard use.arguments.count == 1, let record = rules.code(use.arguments[0]) else {
            throw DirectiveError(.directiveUnknownCode,
                "needs one known code", hint: acceptedCodes(rules),
                at: use.location(ofArgument: use.arguments.count > 1 ? 1 : 0))
        }
        var cite = CitationCollector(context)
        var rows: [[HTML]] = []
        for f in Self.fields {
            guard let value = record.indicators[f.key] else { continue }
            rows.append([.text(f.label), .text(value), .text(f.meanings[value] ?? "")])
        }
        for (k, v) in record.indicators.sorted(by: { $0.key < $1.key }) where !Self.fields.contains(where: { $0.key == k }) {
            rows.append([.text(k), .text(v), .empty])
        }
        let source = cite.link(record.source)
        var html: [HTML] = [dataTable(
            label: "Payment indicators for \(record.code)", caption: "CMS payment-policy indicators, \(record.code)",
            headers: ["Indicator", "Value", "What it means"], rows: rows)]
        if let base = record.addOnTo {
            html += [.el("p", [], "\(record.code) is an add-on to \(base) and is never paid without it."), .newline]
        }
        html += [.el("p", [.class("table-source")], "Source: \(source)."), .newline]
        return DirectiveOutput(.group(html), citedSources: cite.ids)
    }
}
