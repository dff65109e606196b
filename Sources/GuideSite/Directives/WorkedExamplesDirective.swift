import SiteContent
import SiteRender
import GuideData
import GuideCompute
import CodingRules
import RulesText

/// ```` ```worked-examples ````: one card per scenario of `data/examples.yaml`, every figure computed by
/// `RulesData.evaluate` at build time (claim lines, amounts, the thresholds that decided the units, the
/// beneficiary split, warnings and the documentation checklist). The YAML holds inputs and narrative only.
/// ```` ```worked-examples ID… ```` (ids on the opening line and/or in the body, separated by spaces or lines)
/// shows only those scenarios, in the order given, so the examples can be spread over several pages; an
/// unknown or repeated id is an error at the directive.
package struct WorkedExamplesDirective: Directive {
    package let name = "worked-examples"
    package var readsBody: Bool { true }

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let all = context.site.guide.examples
        guard !all.isEmpty else {
            throw DirectiveError(.directiveMissingData, "no scenarios", hint: "add them to data/examples.yaml under 'examples:'")
        }
        let scenarios = try Self.select(use, from: all)
        let rules = context.site.data.rules
        var cite = CitationCollector(context)
        var html: [HTML] = []
        // Documentation checklists are shared by many cards: each distinct one is listed once, after the cards.
        var checklists: [(kind: SessionKind, items: [String])] = []
        var sources: [String] = []
        var periodsUsed: [FeePeriod] = []
        for s in scenarios {
            let r: SessionResult
            do {
                r = try rules.evaluate(s.input)
            } catch {
                throw DirectiveError("directive.invalid-scenario", "scenario '\(s.id)': \(RulesText.plain.problem(error.problem))", at: s.location)
            }
            let documentation = r.documentation.map(\.text)
            var n = checklists.firstIndex { $0.items == documentation }
            if n == nil {
                checklists.append((r.kind, documentation))
                n = checklists.count - 1
            }
            for id in r.sources + s.sources where !sources.contains(id) { sources.append(id) }
            if r.pending == nil, let p = rules.period(on: s.input.date), !periodsUsed.contains(where: { $0.id == p.id }) {
                periodsUsed.append(p)
            }
            html.append(card(s, r, rules: rules, checklist: n! + 1, context: context, cite: &cite))
        }
        for (i, c) in checklists.enumerated() {
            html += [
                .el("h2", [.id("example-checklist-\(i + 1)")], "Documentation reminders \(i + 1) (\(c.kind.rawValue) session)"),
                .newline, .el("ul", [], children: [.newline] + c.items.flatMap { [.el("li", [], .text($0)), .newline] }), .newline,
            ]
        }
        let releases = periodsUsed.sorted { $0.range.from < $1.range.from }.map {
            PeriodWording.release($0, context.site.data, cite: &cite)
        }
        html += [
            .el("p", [.class("table-note")],
                "Sources of the figures: \(cite.linksMarked(sources)). ", .joined(releases, separator: " ")),
            .newline,
        ]
        return DirectiveOutput(.group(html), citedSources: cite.ids)
    }

    /// The scenarios a use names, by its arguments and then the words of its block; every unknown or repeated id
    /// is an error at it.
    static func select(_ use: DirectiveUse, from all: [ExampleScenario]) throws(DirectiveError) -> [ExampleScenario] {
        // The block's words become arguments too, each at its line and column.
        var words = use
        for (n, line) in use.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var column = use.location.column, word = ""
            for c in line + " " {
                if !c.isWhitespace {
                    word.append(c)
                } else if !word.isEmpty {
                    words.arguments.append(word)
                    words.argumentLocations.append(
                        SourceLocation(file: use.location.file, line: use.location.line + 1 + n, column: column - word.count))
                    word = ""
                }
                column += 1
            }
        }
        if words.argumentLocations.count < words.arguments.count { words.argumentLocations = [] }  // (places not known)
        try words.checkArguments { i, id in
            guard all.contains(where: { $0.id == id }) else {
                return DirectiveError("directive.unknown-example", "unknown example '\(id)'", hint: "known: \(all.map(\.id).joined(separator: ", "))")
            }
            return words.arguments[..<i].contains(id) ? DirectiveError("directive.example-listed-twice", "example '\(id)' is listed twice") : nil
        }
        return words.arguments.isEmpty ? all : words.arguments.compactMap { id in all.first { $0.id == id } }
    }

    func card(
        _ s: ExampleScenario, _ r: SessionResult, rules: RulesData, checklist: Int, context: DirectiveContext,
        cite: inout CitationCollector
    ) -> HTML {
        let i = s.input
        let anchor = "example-" + s.id
        var patients = "\(i.patients) patient\(i.patients == 1 ? "" : "s") represented (\(r.kind.rawValue))"
        if let c = i.caregivers { patients += ", \(c) caregiver\(c == 1 ? "" : "s")" }
        let localityText = r.localityRecord.map { "\($0.name), \($0.state) (\($0.id))" } ?? "national"
        let settingText = CalculatorData.settingLabel(i.setting)
        var inputs = [
            i.date.description, "\(i.minutes) min", patients, i.discipline.rawValue.uppercased(),
            i.provider == .assistant ? "assistant" : "therapist", settingText,
            i.telehealth ? "telehealth" : "in person", localityText, rules.profile(r.profile)?.name ?? r.profile,
            "\(r.feeSchedule.label)" + (r.feeSchedule.conversionFactor.map { ", conversion factor \($0.value)" } ?? ""),
        ]
        if let y = i.yearToDateAmount { inputs.append("$\(y.moneyText) of therapy so far this year") }
        func line(_ content: HTML...) -> HTML { [.el("p", [], children: content), .newline] }
        var h: [HTML] = [
            .newline,
            .el("h2", [.id(anchor + "-t")], .text(s.title)), .newline,
            line(.text(s.narrative)),
            .el("p", [.class("example-inputs")], .el("strong", [], "Inputs:"), " ", .text(inputs.joined(separator: " · "))),
            .newline,
        ]
        if r.billable {
            func money(_ v: DecimalValue?) -> HTML {
                v.map { "$\($0.moneyText)" } ?? .el("span", [.class("missing")], "not in this guide yet")
            }
            let col = HTMLAttribute.attr("scope", "col"), row = HTMLAttribute.attr("scope", "row")
            var rows: [HTML] = [
                .el("caption", [], "Claim lines, \(localityText)"), .newline,
                .el("tr", [], .el("th", [col], "Code"), .el("th", [col], "Units"), .el("th", [col], "Modifiers"),
                    .el("th", [col], "Allowed")), .newline,
            ]
            for l in r.lines {
                rows += [
                    .el("tr", [], .el("th", [row], .text(l.code)), .el("td", [], "\(l.units)"),
                        .el("td", [], .text(l.modifiers.joined(separator: " "))), .el("td", [], money(l.amount))),
                    .newline,
                ]
            }
            rows += [.el("tr", [], .el("th", [row, .attr("colspan", "3")], "Total"), .el("td", [], money(r.total))), .newline]
            h += [tableScroll(label: "Claim lines: \(s.title)", .el("table", [.class("data")], children: rows)), .newline]
        } else {
            h.append(.el("p", [.class("not-billable")], .el("strong", [], "Not billable:"), " \(r.reasons.map(RulesText.plain.reason).joined(separator: "; "))."))
            h.append(.newline)
        }
        if !r.thresholdNotes.isEmpty {
            h.append(line(.el("strong", [], "Units decided by:"), " \(r.thresholdNotes.map(RulesText.plain.threshold).joined(separator: ". "))."))
        }
        if let sp = r.split {
            h.append(line(
                .el("strong", [], "Who pays"),
                // Two short sentences: cards with the same amounts must not repeat one long sentence (review N13).
                " (deductible met): patient \(sp.coinsurancePercent.description)% coinsurance $\(sp.coinsurance.moneyText). ",
                "Medicare: $\(sp.medicareBeforeSequestration.moneyText) less \(sp.sequestrationPercent.description)% ",
                "sequestration ($\(sp.sequestration.moneyText)) = $\(sp.medicarePaid.moneyText) paid."))
        } else if r.billable {
            h.append(line(
                .el("strong", [], "Money:"), " not in this guide yet for \(r.feeSchedule.label); the claim lines still apply. ",
                // As text, so its apostrophe is escaped as this sentence always was (`&#39;`).
                .text("Check your Medicare contractor's fee schedule.")))
        }
        let extra = r.notes.map(RulesText.plain.note) + r.warnings.map(RulesText.plain.warning)
        if !extra.isEmpty { h.append(line(.el("strong", [], "Notes:"), " \(extra.joined(separator: "; ")).")) }
        h.append(line(.a(href: "#example-checklist-\(checklist)", "Documentation reminders \(checklist)")))
        return [
            .el("section", [.class("card example"), .id(anchor), .attr("aria-labelledby", anchor + "-t")], children: h),
            .newline,
        ]
    }
}
