import GuideCompute
import CodingRules
import RulesText

/// ```` ```calculator ````: the interactive calculator's form and result region. The form's controls are named
/// after the `ctsguide calc` options (the page's URL query keeps them); `assets/calculator.js` reads the tables of `assets/calculator-data.js`
/// (computed by `CalculatorData` at build time) and shows the result. The form stays hidden without
/// JavaScript; put the `units-table` and `fee-table` directives below it for that case.
package struct CalculatorDirective: Directive {
    package static let directiveName = "calculator"
    package let name = CalculatorDirective.directiveName

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        guard use.arguments.isEmpty else { throw DirectiveError("takes no arguments") }
        let rules = context.site.data.rules
        guard let (first, last) = CalculatorData.dateRange(rules) else {
            throw DirectiveError("no fee period in the data, so there is nothing to calculate")
        }
        let choices = CalculatorData.choices(rules)
        let asOf = context.site.config.asOf
        let date = asOf >= first && asOf <= last ? asOf : first
        func select(_ key: String, _ label: String, _ selected: String) -> HTML {
            var options: [HTML] = [.newline]
            var grouped: [HTML] = []
            var group = ""
            func closeGroup() {
                if !group.isEmpty { options += [.el("optgroup", [.attr("label", group)], children: grouped), .newline] }
                grouped = [.newline]
            }
            // Localities other than the national choice are added by calculator.js from the data file.
            for c in choices[key] ?? [] where key != "locality" || c.group.isEmpty {
                if c.group != group {
                    closeGroup()
                    group = c.group
                }
                var attributes: [HTMLAttribute] = [.attr("value", c.value)]
                if c.value == selected { attributes.append(.flag("selected")) }
                let option: [HTML] = [.el("option", attributes, .text(c.label)), .newline]
                if group.isEmpty { options += option } else { grouped += option }
            }
            closeGroup()
            return field(
                .el("label", [.attr("for", "calc-\(key)")], .text(label)), .newline,
                .el("select", [.id("calc-\(key)"), .attr("name", key)], children: options))
        }
        let maxM = CalculatorData.tableMinutes
        func number(_ name: String, value: String, max: Int?) -> HTML {
            var attributes: [HTMLAttribute] = [
                .attr("type", "number"), .id("calc-\(name)"), .attr("name", name), .attr("value", value), .attr("min", "1"),
            ]
            if let max { attributes.append(.attr("max", "\(max)")) }
            attributes += [.attr("step", "1"), .attr("inputmode", "numeric"), .flag("required")]
            return .void("input", attributes)
        }
        var form: [HTML] = [
            .newline,
            field(
                .el("label", [.attr("for", "calc-date")], "Date of service"), .newline,
                .void("input", [
                    .attr("type", "date"), .id("calc-date"), .attr("name", "date"), .attr("value", "\(date)"),
                    .attr("min", "\(first)"), .attr("max", "\(last)"), .flag("required"),
                ])),
            field(
                .el("label", [.attr("for", "calc-minutes")], "Minutes (total of the session, 1–\(maxM))"), .newline,
                number("minutes", value: "38", max: maxM)),
            field(
                .el("label", [.attr("for", "calc-patients")], "Patients represented (not caregivers)"), .newline,
                number("patients", value: "1", max: nil)),
            select("family", "Codes (what the training covers)", rules.defaultFamilyID),
            select("discipline", "Discipline", Discipline.allCases[0].rawValue),
            select("provider", "Furnished by", Provider.allCases[0].rawValue),
            select("setting", "Who bills, and where", Setting.allCases[0].rawValue),
            field(
                classes: "calc-field calc-check",
                .void("input", [.attr("type", "checkbox"), .id("calc-telehealth"), .attr("name", "telehealth"), .attr("value", "1")]),
                .newline, .el("label", [.attr("for", "calc-telehealth")], "Telehealth (synchronous audio-video)")),
            ZIPField.calculator(context),
            select("locality", "Locality (Medicare payment area, by state)", "national"),
            select("profile", "Time rule for units", rules.defaultProfileID),
        ]
        form = [.el("form", [.class("calculator"), .id("calculator"), .flag("hidden"), .attr("aria-label", "Session calculator")], children: form), .newline]
        let h: HTML = [
            .group(form),
            .el("p", [.class("calc-note"), .id("calc-scope"), .flag("hidden")],
                "The calculator covers sessions of 1 to \(maxM) minutes; covered dates: ",
                .text(RulesText.coveredDates(
                    DateRange(from: first, through: last),
                    pricedThrough: rules.coveredRange?.through.flatMap { $0 < last ? $0 : nil })),
                ". For a longer session, add the add-on units shown in the units table below."),
            .newline,
            .el("div", [
                .class("calc-result card"), .id("calc-result"), .attr("aria-live", "polite"), .attr("aria-atomic", "true"),
                .flag("hidden"),
            ]),
            .newline,
            script(context.url(to: CalculatorData.path)),
            script(context.url(to: "assets/calculator.js")),
            ZIPField.script(context),
        ]
        return DirectiveOutput(h)
    }
}

/// `<div class="calc-field">…</div>` and a line break: one labelled control of a form.
func field(classes: String = "calc-field", _ content: HTML...) -> HTML {
    [.el("div", [.class(classes)], children: content), .newline]
}

/// `<script src="…" defer></script>` and a line break.
func script(_ url: String) -> HTML {
    [.el("script", [.attr("src", url), .flag("defer")]), .newline]
}
