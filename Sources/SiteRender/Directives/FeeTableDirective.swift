import SiteContent
import GuideCalc
import GuideCompute
import CodingRules

/// ```` ```fee-table [CODE] ````: per fee period, the national non-facility and facility amount of one unit,
/// the RVUs and the conversion factor; a period whose RVUs are missing says so instead of showing money.
package struct FeeTableDirective: Directive {
    package let name = "fee-table"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let rules = context.site.data.rules
        guard use.arguments.count <= 1 else { throw DirectiveError("takes at most one argument: a code") }
        let codes: [String]
        if let code = use.arguments.first {
            guard rules.code(code) != nil else {
                throw DirectiveError("unknown code '\(code)'", hint: "accepted: \(rules.codes.map(\.code).joined(separator: ", "))")
            }
            codes = [code]
        } else {
            codes = rules.family(rules.defaultFamilyID)?.codes ?? []
        }
        var cite = CitationCollector(context)
        var rows: [[String]] = []
        var notes: [String] = []
        for period in rules.periods {
            let cf = period.defaultConversionFactor
            for code in codes {
                guard let record = rules.code(code), record.validFrom <= (period.range.through ?? period.range.from)
                else { continue }
                let rvu = period.rvus[code]
                func fmt(_ v: DecimalValue?) -> String { v.map { escapeHTML($0.description) } ?? "not in this guide yet" }
                func money(_ s: Setting, _ p: Provider = .therapist) -> String {
                    switch rules.unitPrice(code: code, period: period, setting: s, provider: p) {
                    case .priced(let v): return "$" + escapeHTML(v.moneyText)
                    case .missing: return "<span class=\"missing\">not in this guide yet</span>"
                    }
                }
                var periodCell = escapeHTML(period.label)
                if codes.count > 1 { periodCell += " · " + codeLink(code, context) }
                let sources = [period.source, cf.source] + (rvu.map { [$0.source] } ?? [])
                rows.append([
                    periodCell, money(.nonfacility), money(.facility), money(.nonfacility, .assistant),
                    fmt(rvu?.work), fmt(rvu?.peNonfacility), fmt(rvu?.peFacility), fmt(rvu?.mp),
                    escapeHTML(cf.value.description), cite.linksMarked(sources),
                ])
            }
            if codes.contains(where: { period.rvus[$0] != nil }) {
                notes.append(PeriodWording.release(period, context.site.data, cite: &cite))
            }
            for option in period.conversionFactors where !option.isDefault {
                var amounts: [String] = []
                for code in codes where period.rvus[code] != nil {
                    let nf = rules.unitPrice(code: code, period: period, setting: .nonfacility, conversionFactor: option.id).amount
                    let f = rules.unitPrice(code: code, period: period, setting: .facility, conversionFactor: option.id).amount
                    if let nf, let f { amounts.append("\(escapeHTML(code)) $\(nf.moneyText) non-facility, $\(f.moneyText) facility") }
                }
                let at = amounts.isEmpty ? "" : "; at that factor one unit is " + amounts.joined(separator: "; ")
                notes.append(
                    "\(escapeHTML(period.label)): amounts use the default conversion factor; \(escapeHTML(option.label)) is \(escapeHTML(option.value.description))\(at) (\(cite.link(option.source))).")
            }
            if codes.contains(where: { period.rvus[$0]?.missingComponents.isEmpty == false || period.rvus[$0] == nil }) {
                notes.append(
                    "\(escapeHTML(period.label)): Medicare's relative values for this year are not in this guide yet; "
                        + "check your Medicare contractor&#39;s fee schedule before billing.")
            }
        }
        let what = codes.count == 1 ? codes[0] : codes.joined(separator: ", ")
        var html = dataTable(
            label: "Medicare national payment for \(what)",
            caption: "Medicare national amount for one unit of \(what), by date of service",
            headers: [
                "Dates of service", "Non-facility amount (private practice, home; institutional claims)",
                "Facility amount (physician or NPP billing in a facility)", "Assistant (CQ/CO), non-facility",
                "Work RVU", "Practice expense RVU, non-facility", "Practice expense RVU, facility", "Malpractice RVU",
                "Conversion factor", "Sources",
            ], rows: rows)
        let pending = PeriodWording.pendingNotice(context.site.data, cite: &cite)
        if !pending.isEmpty { notes.append(String(pending.dropFirst("<p class=\"after-last-period\">".count).dropLast("</p>\n".count))) }
        if !notes.isEmpty {
            html += "<ul class=\"table-notes\">\n" + notes.map { "<li>\($0)</li>\n" }.joined() + "</ul>\n"
        }
        return DirectiveOutput(html: html, citedSources: cite.ids)
    }
}
