import SiteRender
import CodingRules

/// ```` ```what-changed ````: each fee period compared with the one before it (newest first): the conversion
/// factor, and per code and setting the total RVUs and the national amount of one unit with the percentage
/// change, computed by `RulesData.compare`. The largest change of each step is named first.
/// ```` ```what-changed YEAR ````: only the steps to the periods starting in YEAR (one section of a page grouped by
/// year); for the year of the dates after the last period, what is known about them instead.
package struct WhatChangedDirective: Directive {
    package let name = "what-changed"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        guard use.arguments.count <= 1 else { throw DirectiveError(.directiveArguments, "takes at most a year", at: use.location(ofArgument: 1)) }
        let data = context.site.data
        var comparisons = Array(data.rules.consecutiveComparisons.reversed())
        guard !comparisons.isEmpty else { throw DirectiveError(.directiveMissingData, "needs at least two fee periods to compare") }
        var cite = CitationCollector(context)
        var html: [HTML] = []
        if let arg = use.arguments.first {
            guard let year = Int(arg), arg.count == 4 else {
                throw DirectiveError("directive.bad-year", "'\(arg)' is not a year (YYYY)", at: use.location(ofArgument: 0))
            }
            comparisons = comparisons.filter { $0.new.range.from.year == year }
            if let p = data.rules.pending, p.range.from.year == year {
                html.append(PeriodWording.pendingNotice(data, cite: &cite))
            } else if comparisons.isEmpty {
                // (The year of the dates after the last period, when no outlook for it is in the data, is said so.)
                // (Periods are in date order and do not overlap: the last one ends last.)
                let afterLast = data.rules.periods.last?.range.through?.addingChecked(days: 1)?.year == year
                throw DirectiveError(
                    "directive.no-period-in-year",
                    "no fee period starts in \(year), and "
                        + (afterLast ? "the data hold no outlook for it (data/outlook.yaml)" : "it is not the year after the last period"),
                    at: use.location(ofArgument: 0))
            }
        } else {
            html.append(PeriodWording.pendingNotice(data, cite: &cite))
        }
        for c in comparisons {
            let id = "changes-\(c.new.id)"
            var summary: [HTML] = [
                "The conversion factor went from \(c.oldConversionFactor.value.description) to \(c.newConversionFactor.value.description) (\(PeriodWording.percent(c.conversionFactorChange))).",
            ]
            if let l = c.largest, let a = l.old, let b = l.new, let p = l.percentChange {
                summary += [
                    " The largest change is ",
                    .el("strong", [], "\(codeLink(l.code, context)) in the \(PeriodWording.setting(l.setting)) setting: \(PeriodWording.percent(p))"),
                    " ($\(a.amount.moneyText) → $\(b.amount.moneyText) for one unit, national).",
                ]
            }
            summary += [" ", PeriodWording.release(c.old, data, cite: &cite), " ", PeriodWording.release(c.new, data, cite: &cite)]
            var rows: [[HTML]] = []
            for ch in c.changes {
                let total = { (s: CodeChange.Side?) -> String in s.map { $0.total.description } ?? "—" }
                let money = { (s: CodeChange.Side?) -> String in s.map { "$" + $0.amount.moneyText } ?? "—" }
                let change = ch.old == nil ? "new code" : ch.percentChange.map(PeriodWording.percent) ?? "—"
                rows.append([
                    codeLink(ch.code, context), .text(PeriodWording.setting(ch.setting)), .text("\(total(ch.old)) → \(total(ch.new))"),
                    .text(money(ch.old)), .text(money(ch.new)), .text(change),
                ])
            }
            let movers = LocalityMovers.html(c, context: context, cite: &cite)
            let section = HTML.el(
                "section", [.class("period-change"), .attr("aria-labelledby", id)],
                .newline,
                .el("h3", [.id(id)], "\(c.old.label) → \(c.new.label) (dates of service from \(c.new.range.from))"), .newline,
                .el("p", [], children: summary), .newline,
                dataTable(
                    label: "Changes from \(c.old.label) to \(c.new.label)",
                    caption: "One unit, national: \(c.old.label) compared with \(c.new.label)",
                    headers: ["Code", "Setting", "Total RVU", "Before", "After", "Change"], rows: rows),
                movers.map { HTML.group([.newline, $0]) } ?? .group([]))
            html += [section, .newline]
        }
        _ = cite.links(comparisons.flatMap { [$0.oldConversionFactor.source, $0.newConversionFactor.source] })
        return DirectiveOutput(.group(html), citedSources: cite.ids)
    }
}
