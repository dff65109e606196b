import SiteContent
import GuideCalc
import GuideCompute
import CodingRules

/// ```` ```worked-examples ````: one card per scenario of `data/examples.yaml`, every figure computed by
/// `RulesData.evaluate` at build time (claim lines, amounts, the thresholds that decided the units, the
/// beneficiary split, warnings and the documentation checklist). The YAML holds inputs and narrative only.
/// ```` ```worked-examples ID… ```` (ids on the opening line and/or in the body, separated by spaces or lines)
/// shows only those scenarios, in the order given, so the examples can be spread over several pages; an
/// unknown or repeated id is an error at the directive.
package struct WorkedExamplesDirective: Directive {
    package let name = "worked-examples"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let all = context.site.guide.examples
        guard !all.isEmpty else {
            throw DirectiveError("no scenarios", hint: "add them to data/examples.yaml under 'examples:'")
        }
        let scenarios = try Self.select(
            use.arguments + use.body.split(whereSeparator: \.isWhitespace).map(String.init), from: all)
        let rules = context.site.data.rules
        var cite = CitationCollector(context)
        var html = ""
        // Documentation checklists are shared by many cards: each distinct one is listed once, after the cards.
        var checklists: [(kind: SessionKind, items: [String])] = []
        var sources: [String] = []
        var periodsUsed: [FeePeriod] = []
        for s in scenarios {
            let r: SessionResult
            do {
                r = try rules.evaluate(s.input)
            } catch {
                throw DirectiveError("scenario '\(s.id)': \(error.message)", at: s.location)
            }
            var n = checklists.firstIndex { $0.items == r.documentation }
            if n == nil {
                checklists.append((r.kind, r.documentation))
                n = checklists.count - 1
            }
            for id in r.sources + s.sources where !sources.contains(id) { sources.append(id) }
            if r.pending == nil, let p = rules.period(on: s.input.date), !periodsUsed.contains(where: { $0.id == p.id }) {
                periodsUsed.append(p)
            }
            html += card(s, r, rules: rules, checklist: n! + 1, context: context, cite: &cite)
        }
        for (i, c) in checklists.enumerated() {
            html += "<h2 id=\"example-checklist-\(i + 1)\">Documentation reminders \(i + 1) (\(c.kind.rawValue) session)</h2>\n<ul>\n"
            html += c.items.map { "<li>\(escapeHTML($0))</li>\n" }.joined() + "</ul>\n"
        }
        html += "<p class=\"table-note\">Sources of the figures: \(cite.linksMarked(sources)). "
            + periodsUsed.sorted { $0.range.from < $1.range.from }.map {
                PeriodWording.release($0, context.site.data, cite: &cite)
            }.joined(separator: " ") + "</p>\n"
        return DirectiveOutput(html: html, citedSources: cite.ids)
    }

    /// The scenarios named by `ids` (all of them when `ids` is empty), in the order of `ids`.
    static func select(_ ids: [String], from all: [ExampleScenario]) throws(DirectiveError) -> [ExampleScenario] {
        guard !ids.isEmpty else { return all }
        var out: [ExampleScenario] = []
        for id in ids {
            guard let s = all.first(where: { $0.id == id }) else {
                throw DirectiveError(
                    "unknown example '\(id)'", hint: "known: \(all.map(\.id).joined(separator: ", "))")
            }
            guard !out.contains(where: { $0.id == id }) else { throw DirectiveError("example '\(id)' is listed twice") }
            out.append(s)
        }
        return out
    }

    static func yesNo(_ b: Bool) -> String { b ? "yes" : "no" }

    func card(
        _ s: ExampleScenario, _ r: SessionResult, rules: RulesData, checklist: Int, context: DirectiveContext,
        cite: inout CitationCollector
    ) -> String {
        let i = s.input
        let anchor = "example-" + s.id
        var h = "<section class=\"card example\" id=\"\(escapeHTML(anchor))\" aria-labelledby=\"\(escapeHTML(anchor))-t\">\n"
        h += "<h2 id=\"\(escapeHTML(anchor))-t\">\(escapeHTML(s.title))</h2>\n"
        h += "<p>\(escapeHTML(s.narrative))</p>\n"
        var patients = "\(i.patients) patient\(i.patients == 1 ? "" : "s") represented (\(r.kind.rawValue))"
        if let c = i.caregivers { patients += ", \(c) caregiver\(c == 1 ? "" : "s")" }
        let localityText = r.localityRecord.map { "\($0.name), \($0.state) (\($0.id))" } ?? "national"
        let settingText = CalculatorData.choices(rules)["setting"]?.first { $0.value == i.setting.rawValue }?.label
        var inputs = [
            i.date.description, "\(i.minutes) min", patients, i.discipline.rawValue.uppercased(),
            i.provider == .assistant ? "assistant" : "therapist", settingText ?? i.setting.rawValue,
            i.telehealth ? "telehealth" : "in person", localityText, rules.profile(r.profile)?.name ?? r.profile,
            "\(r.feeSchedule.label)" + (r.feeSchedule.conversionFactor.map { ", conversion factor \($0.value)" } ?? ""),
        ]
        if let y = i.yearToDateAmount { inputs.append("$\(y.moneyText) of therapy so far this year") }
        h += "<p class=\"example-inputs\"><strong>Inputs:</strong> \(inputs.map(escapeHTML).joined(separator: " · "))</p>\n"
        if r.billable {
            func money(_ v: DecimalValue?) -> String {
                v.map { "$" + escapeHTML($0.moneyText) } ?? "<span class=\"missing\">not in this guide yet</span>"
            }
            h += "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Claim lines: \(escapeHTML(s.title))\"><table class=\"data\"><caption>Claim lines, \(escapeHTML(localityText))</caption>\n"
            h += "<tr><th scope=\"col\">Code</th><th scope=\"col\">Units</th><th scope=\"col\">Modifiers</th>"
            h += "<th scope=\"col\">Allowed</th></tr>\n"
            for l in r.lines {
                h += "<tr><th scope=\"row\">\(escapeHTML(l.code))</th><td>\(l.units)</td><td>\(escapeHTML(l.modifiers.joined(separator: " ")))</td>"
                h += "<td>\(money(l.amount))</td></tr>\n"
            }
            h += "<tr><th scope=\"row\" colspan=\"3\">Total</th><td>\(money(r.total))</td></tr>\n</table></div>\n"
        } else {
            h += "<p class=\"not-billable\"><strong>Not billable:</strong> "
            h += r.reasons.map { escapeHTML($0) }.joined(separator: "; ") + ".</p>\n"
        }
        if !r.thresholdNotes.isEmpty {
            h += "<p><strong>Units decided by:</strong> \(r.thresholdNotes.map(escapeHTML).joined(separator: "; ")).</p>\n"
        }
        if let sp = r.split {
            h += "<p><strong>Who pays</strong> (deductible met): patient \(escapeHTML(sp.coinsurancePercent.description))% "
            h += "coinsurance $\(escapeHTML(sp.coinsurance.moneyText)); Medicare $\(escapeHTML(sp.medicareBeforeSequestration.moneyText)) "
            h += "less \(escapeHTML(sp.sequestrationPercent.description))% sequestration $\(escapeHTML(sp.sequestration.moneyText)) "
            h += "= $\(escapeHTML(sp.medicarePaid.moneyText)) paid.</p>\n"
        } else if r.billable {
            h += "<p><strong>Money:</strong> not in this guide yet for \(escapeHTML(r.feeSchedule.label)); the claim lines "
            h += "still apply. Check your Medicare contractor&#39;s fee schedule.</p>\n"
        }
        let extra = r.notes + r.warnings
        if !extra.isEmpty {
            h += "<p><strong>Notes:</strong> \(extra.map(escapeHTML).joined(separator: "; ")).</p>\n"
        }
        h += "<p><a href=\"#example-checklist-\(checklist)\">Documentation reminders \(checklist)</a></p>\n"
        h += "</section>\n"
        return h
    }
}
