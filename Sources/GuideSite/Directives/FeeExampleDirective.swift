import SiteRender
import CodingRules
import RulesText

/// ```` ```fee-example CODE [MAC-LOCALITY] ````: the payment formula worked in full from data for one
/// non-facility unit of CODE in the as-of period (in a locality, or nationally), then the beneficiary split.
package struct FeeExampleDirective: Directive {
    package let name = "fee-example"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let rules = context.site.data.rules
        guard (1...2).contains(use.arguments.count) else {
            throw DirectiveError(.directiveArguments, "takes a code and optionally a locality id (MAC-LOCALITY)", at: use.location(ofArgument: 2))
        }
        let code = use.arguments[0]
        let date = asOfDate(context)
        guard let period = rules.period(on: date) else { throw DirectiveError(.directiveNoPeriod, "no fee period covers \(date)") }
        try use.checkArguments { i, a in
            if i == 0 { return rules.code(a) == nil ? DirectiveError(.directiveUnknownCode, "unknown code '\(a)'") : nil }
            guard let tid = period.gpciTable, rules.gpciTables[tid]?.rows[a] != nil else {
                return DirectiveError("directive.no-cost-indices", "no cost indices for locality '\(a)' in \(period.label)")
            }
            return nil
        }
        guard let rvu = period.rvus[code], rvu.work != nil, rvu.peNonfacility != nil, rvu.mp != nil else {
            throw DirectiveError("directive.rvus-not-imported", "RVUs for \(code) are not imported for \(period.label)")
        }
        var cite = CitationCollector(context)
        var place = "nationally (every cost index 1)"
        var locality: LocalityChoice = .national
        var srcs = [rvu.source, period.defaultConversionFactor.source]
        // (A locality given has its row: checked with the arguments above.)
        if use.arguments.count == 2, let tid = period.gpciTable, let table = rules.gpciTables[tid], let row = table.rows[use.arguments[1]] {
            let id = use.arguments[1]
            place = "in \(row.locality.name), \(row.locality.state) (locality \(id))"
            locality = .locality(id: id)
            srcs.append(table.source)
        }
        // Every figure is the rules' own (PriceBreakdown): no arithmetic here.
        guard case .priced(let b) = rules.priceBreakdown(code: code, period: period, setting: .nonfacility, locality: locality)
        else { throw DirectiveError("directive.cannot-price", "cannot price \(code) in \(period.label)") }
        let (w, pe, mp, g) = (b.rvus.work, b.rvus.pe, b.rvus.mp, (w: b.gpci.work, pe: b.gpci.pe, mp: b.gpci.mp))
        let (sw, spe, smp, sum) = (b.adjusted.work, b.adjusted.pe, b.adjusted.mp, b.adjustedTotal)
        let (cf, raw, amount) = (b.conversionFactor.value, b.unrounded, b.amount)
        func li(_ content: HTML) -> HTML { [.el("li", [], content), .newline] }
        var html: [HTML] = [
            .newline,
            .el("p", [], "One non-facility unit of \(code), \(period.label), \(place) (\(cite.links(srcs))):"), .newline,
            .el("ol", [],
                .newline,
                li("Work: \(w) × \(g.w) = \(sw)"),
                li("Practice expense (non-facility): \(pe) × \(g.pe) = \(spe)"),
                li("Malpractice: \(mp) × \(g.mp) = \(smp)"),
                li("Sum: \(sw) + \(spe) + \(smp) = \(sum)"),
                li("Times the conversion factor: \(sum) × \(cf) = \(raw), rounded to $\(amount.moneyText)")),
            .newline, .el("p", [], PeriodWording.release(period, context.site.data, cite: &cite)), .newline,
        ]
        if let s = rules.beneficiarySplit(allowed: amount, on: period.range.from) {
            srcs = [rules.policies.coinsurancePercent.entry(on: period.range.from)?.source ?? "",
                    rules.policies.sequestrationPercent.entry(on: period.range.from)?.source ?? ""]
            html += [
                .el("p", [], "Who pays it, once the Part B deductible is met (\(cite.links(srcs))):"), .newline,
                .el("ul", [],
                    .newline,
                    li("Allowed amount: $\(s.allowed.moneyText)"),
                    li("Patient's coinsurance (\(s.coinsurancePercent) %): $\(s.coinsurance.moneyText)"),
                    li("Medicare's share before sequestration: $\(s.medicareBeforeSequestration.moneyText)"),
                    li("Sequestration (\(s.sequestrationPercent) % of Medicare's share): −$\(s.sequestration.moneyText)"),
                    li("Medicare pays: $\(s.medicarePaid.moneyText)")),
                .newline,
            ]
        }
        html += assistantStep(code: code, period: period, locality: locality, context: context, cite: &cite)
        let out: HTML = [.el("div", [.class("fee-example")], children: html), .newline]
        return DirectiveOutput(out, citedSources: cite.ids)
    }
}

extension FeeExampleDirective {
    /// The assistant (CQ/CO) line worked from the same fee schedule amount: one unit, and a line of several
    /// units where rounding once on the line gives a different cent (rules.md §5, facts D7), with its grade.
    func assistantStep(
        code: String, period: FeePeriod, locality: LocalityChoice, context: DirectiveContext,
        cite: inout CitationCollector
    ) -> [HTML] {
        let rules = context.site.data.rules
        guard case .priced(let a) = rules.priceBreakdown(
            code: code, period: period, setting: .nonfacility, provider: .assistant, locality: locality),
            let pct = a.assistantPercent, let policy = rules.policies.assistantPercent.entry(on: period.range.from)
        else { return [] }
        let fee = a.feeScheduleAmount
        // The smallest number of units whose line amount differs from units × the one-unit amount, if any up to 4.
        let units = (2...4).first { a.lineAmount(units: $0) != a.amount * $0 } ?? 3
        let line = a.lineAmount(units: units)
        let links = cite.links([policy.source, "noridian-allowed-reductions"])
        return [
            .el("p", [], "Furnished in whole or in part by an assistant (modifier CQ or CO), at \(pct) % (\(links)):"),
            .newline,
            .el("ul", [],
                .newline,
                .el("li", [], "One unit: $\(fee.moneyText) × \(pct) % = \(a.assistantUnrounded ?? a.amount), rounded to $\(a.amount.moneyText)"),
                .newline,
                .el("li", [], .text("A line of \(units) units: $\(fee.moneyText) × \(units) × \(pct) % = "
                    + "\(fee * units * pct.percentAsFactor), rounded to $\(line.moneyText)"
                    + (line != a.amount * units ? " (not \(units) × $\(a.amount.moneyText) = $\((a.amount * units).moneyText))" : ""))),
                .newline),
            .newline,
            .el("p", [], .text("How the reduction is rounded: " + CertaintyWords.assistantRounding + ".")), .newline,
        ]
    }
}
