import SiteContent
import GuideCalc
import GuideCompute
import CodingRules

/// ```` ```fee-example CODE [MAC-LOCALITY] ````: the payment formula worked in full from data for one
/// non-facility unit of CODE in the as-of period (in a locality, or nationally), then the beneficiary split.
package struct FeeExampleDirective: Directive {
    package let name = "fee-example"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let rules = context.site.data.rules
        guard (1...2).contains(use.arguments.count) else {
            throw DirectiveError("takes a code and optionally a locality id (MAC-LOCALITY)")
        }
        let code = use.arguments[0]
        guard rules.code(code) != nil else { throw DirectiveError("unknown code '\(code)'") }
        let date = asOfDate(context)
        guard let period = rules.period(on: date) else { throw DirectiveError("no fee period covers \(date)") }
        guard let rvu = period.rvus[code], let w = rvu.work, let pe = rvu.peNonfacility, let mp = rvu.mp else {
            throw DirectiveError("RVUs for \(code) are not imported for \(period.label)")
        }
        var cite = CitationCollector(context)
        let one = DecimalValue(1)
        var g = (w: one, pe: one, mp: one)
        var place = "nationally (every cost index 1)"
        var locality: LocalityChoice = .national
        var srcs = [rvu.source, period.defaultConversionFactor.source]
        if use.arguments.count == 2 {
            let id = use.arguments[1]
            guard let tid = period.gpciTable, let table = rules.gpciTables[tid], let row = table.rows[id] else {
                throw DirectiveError("no cost indices for locality '\(id)' in \(period.label)")
            }
            g = (row.work, row.pe, row.mp)
            place = "in \(row.locality.name), \(row.locality.state) (locality \(id))"
            locality = .locality(id: id)
            srcs.append(table.source)
        }
        let cf = period.defaultConversionFactor.value
        let sw = w * g.w, spe = pe * g.pe, smp = mp * g.mp
        let sum = sw + spe + smp
        let raw = sum * cf
        guard case .priced(let amount) = rules.unitPrice(code: code, period: period, setting: .nonfacility, locality: locality)
        else { throw DirectiveError("cannot price \(code) in \(period.label)") }
        func t(_ v: DecimalValue) -> String { escapeHTML(v.description) }
        var html = "<div class=\"fee-example\">\n<p>One non-facility unit of \(escapeHTML(code)), \(escapeHTML(period.label)), "
            + "\(escapeHTML(place)) (\(cite.links(srcs))):</p>\n<ol>\n"
        html += "<li>Work: \(t(w)) × \(t(g.w)) = \(t(sw))</li>\n"
        html += "<li>Practice expense (non-facility): \(t(pe)) × \(t(g.pe)) = \(t(spe))</li>\n"
        html += "<li>Malpractice: \(t(mp)) × \(t(g.mp)) = \(t(smp))</li>\n"
        html += "<li>Sum: \(t(sw)) + \(t(spe)) + \(t(smp)) = \(t(sum))</li>\n"
        html += "<li>Times the conversion factor: \(t(sum)) × \(t(cf)) = \(t(raw)), rounded to $\(escapeHTML(amount.moneyText))</li>\n"
        html += "</ol>\n<p>\(PeriodWording.release(period, context.site.data, cite: &cite))</p>\n"
        if let s = rules.beneficiarySplit(allowed: amount, on: period.range.from) {
            srcs = [rules.policies.coinsurancePercent.entry(on: period.range.from)?.source ?? "",
                    rules.policies.sequestrationPercent.entry(on: period.range.from)?.source ?? ""]
            html += "<p>Who pays it, once the Part B deductible is met (\(cite.links(srcs))):</p>\n<ul>\n"
            html += "<li>Allowed amount: $\(escapeHTML(s.allowed.moneyText))</li>\n"
            html += "<li>Patient's coinsurance (\(t(s.coinsurancePercent)) %): $\(escapeHTML(s.coinsurance.moneyText))</li>\n"
            html += "<li>Medicare's share before sequestration: $\(escapeHTML(s.medicareBeforeSequestration.moneyText))</li>\n"
            html += "<li>Sequestration (\(t(s.sequestrationPercent)) % of Medicare's share): −$\(escapeHTML(s.sequestration.moneyText))</li>\n"
            html += "<li>Medicare pays: $\(escapeHTML(s.medicarePaid.moneyText))</li>\n</ul>\n"
        }
        html += "</div>\n"
        return DirectiveOutput(html: html, citedSources: cite.ids)
    }
}
