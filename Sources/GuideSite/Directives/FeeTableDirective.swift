import SiteRender
import CodingRules

/// ```` ```fee-table [CODE …] ````: per fee period, newest first (several codes in one table share its notes, once),
/// the national non-facility and facility amount of one unit, the RVUs and the conversion factor; a period whose
/// RVUs are missing says so instead of showing money.
package struct FeeTableDirective: Directive {
    package let name = "fee-table"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let rules = context.site.data.rules
        let codes = try namedCodes(use, rules)
        var cite = CitationCollector(context)
        var rows: [[HTML]] = []
        var notes: [HTML] = []
        // Newest first: the period in force now is the one a reader looks for.
        for period in rules.periods.reversed() {
            let cf = period.defaultConversionFactor
            // Codes that existed in the period (review-2026-12 N3: nothing at all for a period before a code began).
            let existing = codes.filter { c in
                rules.code(c).map { $0.validFrom <= (period.range.through ?? period.range.from) } ?? false
            }
            for code in existing {
                let rvu = period.rvus[code]
                func fmt(_ v: DecimalValue?) -> HTML { v.map { .text($0.description) } ?? "not in this guide yet" }
                func money(_ s: Setting, _ p: Provider = .therapist) -> HTML {
                    switch rules.priceBreakdown(code: code, period: period, setting: s, provider: p) {
                    case .priced(let v): return "$\(v.amount.moneyText)"
                    case .missing: return .el("span", [.class("missing")], "not in this guide yet")
                    }
                }
                var periodCell: HTML = .text(period.label)
                if codes.count > 1 { periodCell = "\(period.label) · \(codeLink(code, context))" }
                let sources = [period.source, cf.source] + (rvu.map { [$0.source] } ?? [])
                rows.append([
                    periodCell, money(.nonfacility), money(.facility), money(.nonfacility, .assistant),
                    fmt(rvu?.work), fmt(rvu?.peNonfacility), fmt(rvu?.peFacility), fmt(rvu?.mp),
                    .text(cf.value.description), cite.linksMarked(sources),
                ])
            }
            if codes.contains(where: { period.rvus[$0] != nil }) {
                notes.append(PeriodWording.release(period, context.site.data, cite: &cite))
            }
            for option in period.conversionFactors where !option.isDefault {
                var amounts: [HTML] = []
                for code in codes where period.rvus[code] != nil {
                    let nf = rules.priceBreakdown(code: code, period: period, setting: .nonfacility, conversionFactor: option.id).amount
                    let f = rules.priceBreakdown(code: code, period: period, setting: .facility, conversionFactor: option.id).amount
                    if let nf, let f { amounts.append("\(code) $\(nf.moneyText) non-facility, $\(f.moneyText) facility") }
                }
                let at: HTML = amounts.isEmpty ? .empty : "; at that factor one unit is \(HTML.joined(amounts, separator: "; "))"
                notes.append(
                    "\(period.label): amounts use the default conversion factor; \(option.label) is \(option.value.description)\(at) (\(cite.link(option.source))).")
            }
            if existing.contains(where: { period.rvus[$0]?.missingComponents.isEmpty == false || period.rvus[$0] == nil }) {
                notes.append([
                    "\(period.label): Medicare's relative values for this year are not in this guide yet; ",
                    // As text, so its apostrophe is escaped as this sentence always was (`&#39;`).
                    .text("check your Medicare contractor's fee schedule before billing."),
                ])
            }
        }
        let what = codes.count == 1 ? codes[0] : codes.joined(separator: ", ")
        var html: [HTML] = [dataTable(
            label: "Medicare national payment for \(what)",
            caption: "Medicare national amount for one unit of \(what), by date of service",
            headers: [
                "Dates of service", "Non-facility amount (private practice, home; institutional claims)",
                "Facility amount (physician or NPP billing in a facility)", "Assistant (CQ/CO), non-facility",
                "Work RVU", "Practice expense RVU, non-facility", "Practice expense RVU, facility", "Malpractice RVU",
                "Conversion factor", "Sources",
            ], rows: rows, detail: (from: 4, label: "RVUs, conversion factor and sources"))]
        if !notes.isEmpty {
            html += [.el("ul", [.class("table-notes")], children: [.newline] + notes.flatMap { [.el("li", [], $0), .newline] }), .newline]
        }
        return DirectiveOutput(.group(html), citedSources: cite.ids)
    }
}
