import SiteContent
import GuideCalc
import GuideCompute
import CodingRules

/// ```` ```what-changed ````: each fee period compared with the one before it (newest first): the conversion
/// factor, and per code and setting the total RVUs and the national amount of one unit with the percentage
/// change, computed by `RulesData.compare`. The largest change of each step is named first.
package struct WhatChangedDirective: Directive {
    package let name = "what-changed"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        guard use.arguments.isEmpty else { throw DirectiveError("takes no arguments") }
        let data = context.site.data
        let comparisons = data.rules.consecutiveComparisons.reversed()
        guard !comparisons.isEmpty else { throw DirectiveError("needs at least two fee periods to compare") }
        var cite = CitationCollector(context)
        var html = PeriodWording.pendingNotice(data, cite: &cite)
        for c in comparisons {
            let id = "changes-\(c.new.id)"
            html += "<section class=\"period-change\" aria-labelledby=\"\(id)\">\n"
            html += "<h3 id=\"\(id)\">\(escapeHTML(c.old.label)) → \(escapeHTML(c.new.label)) "
                + "(dates of service from \(c.new.range.from))</h3>\n<p>"
            html += "The conversion factor went from \(escapeHTML(c.oldConversionFactor.value.description)) to "
                + "\(escapeHTML(c.newConversionFactor.value.description)) (\(PeriodWording.percent(c.conversionFactorChange)))."
            if let l = c.largest, let a = l.old, let b = l.new, let p = l.percentChange {
                html += " The largest change is <strong>\(codeLink(l.code, context)) in the "
                    + "\(PeriodWording.setting(l.setting)) setting: \(PeriodWording.percent(p))</strong> "
                    + "($\(a.amount.moneyText) → $\(b.amount.moneyText) for one unit, national)."
            }
            html += " " + PeriodWording.release(c.old, data, cite: &cite) + " " + PeriodWording.release(c.new, data, cite: &cite)
            html += "</p>\n"
            var rows: [[String]] = []
            for ch in c.changes {
                let total = { (s: CodeChange.Side?) in s.map { escapeHTML($0.total.description) } ?? "—" }
                let money = { (s: CodeChange.Side?) in s.map { "$" + escapeHTML($0.amount.moneyText) } ?? "—" }
                let change = ch.old == nil ? "new code" : ch.percentChange.map(PeriodWording.percent) ?? "—"
                rows.append([
                    codeLink(ch.code, context), PeriodWording.setting(ch.setting), "\(total(ch.old)) → \(total(ch.new))",
                    money(ch.old), money(ch.new), change,
                ])
            }
            html += dataTable(
                label: "Changes from \(c.old.label) to \(c.new.label)",
                caption: "One unit, national: \(c.old.label) compared with \(c.new.label)",
                headers: ["Code", "Setting", "Total RVU", "Before", "After", "Change"], rows: rows)
            html += "</section>\n"
        }
        _ = cite.links(comparisons.flatMap { [$0.oldConversionFactor.source, $0.newConversionFactor.source] })
        return DirectiveOutput(html: html, citedSources: cite.ids)
    }
}
