import SiteRender
import CodingRules

/// ```` ```locality-fees [period=YYYY-MM-DD] [CODE…] ````: for the fee period starting on that date (default: the
/// period of the site's as-of date), the amount of one unit of
/// each code (default: the functional family) in every Medicare locality, non-facility and facility, sorted
/// by state and locality name.
package struct LocalityFeesDirective: Directive {
    package let name = "locality-fees"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let rules = context.site.data.rules
        var chosenDate: CalendarDate?
        let codes = try namedCodes(use, rules, isCode: { !$0.hasPrefix("period=") }) { arg in
            let text = String(arg.dropFirst("period=".count))
            guard chosenDate == nil else { return DirectiveError("directive.period-given-twice", "'period=' is given twice") }
            guard let d = CalendarDate(parsing: text), rules.period(effective: d) != nil else {
                return DirectiveError("directive.unknown-period",
                    "'period=\(text)' names no fee period",
                    hint: "periods: \(rules.periods.map { $0.range.from.description }.joined(separator: ", "))")
            }
            chosenDate = d
            return nil
        }
        let date = chosenDate ?? asOfDate(context)
        guard let period = rules.period(on: date) else {
            throw DirectiveError(.directiveNoPeriod, "no fee period covers the as-of date \(date)")
        }
        var cite = CitationCollector(context)
        guard let tableID = period.gpciTable, let table = rules.gpciTables[tableID] else {
            let note = "the locality cost indices for this year are not in this guide yet; check your Medicare contractor's fee schedule"
            return DirectiveOutput(
                [.el("p", [.class("missing")], "\(period.label): \(note) (\(cite.link(period.source)))."), .newline],
                citedSources: cite.ids)
        }
        let sorted = table.sortedRows
        let places = sorted.map { LocalityChoice.locality(id: $0.locality.id) }
        // One column per code and setting, each priced for every locality at once.
        let columns = codes.flatMap { code in
            [Setting.nonfacility, .facility].map { rules.priceBreakdowns(code: code, period: period, setting: $0, localities: places) }
        }
        var rows: [[HTML]] = []
        for (n, row) in sorted.enumerated() {
            let loc = row.locality
            var cells: [HTML] = [.text("\(loc.state) — \(loc.name)"), .text(loc.id)]
            for column in columns {
                switch column[n] {
                case .priced(let v): cells.append(.text(v.amount.moneyText))
                case .missing: cells.append("n/a")
                }
            }
            rows.append(cells)
        }
        var headers = ["Locality (state — name)", "Contractor and locality number"]
        for code in codes { headers += ["\(code) non-facility ($)", "\(code) facility ($)"] }
        let cf = period.defaultConversionFactor
        let sources = cite.links([table.source, period.source, cf.source] + codes.compactMap { period.rvus[$0]?.source })
        let html: HTML = [
            .el("p", [],
                "\(period.label) (from \(period.range.from)), conversion factor \(cf.value.description); \(rows.count) localities. Sources: \(sources). ",
                PeriodWording.release(period, context.site.data, cite: &cite)),
            .newline,
            dataTable(
                label: "Amounts by locality", caption: "One unit by Medicare locality, \(period.label), in dollars",
                headers: headers, rows: rows),
        ]
        return DirectiveOutput(html, citedSources: cite.ids)
    }
}
