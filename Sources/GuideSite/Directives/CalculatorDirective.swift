import SiteRender
import GuideCompute
import CodingRules
import RulesText

/// ```` ```calculator ````: the interactive calculator's form and result region. The form's controls are named
/// after the `ctsguide calc` options (the page's URL query keeps them); `assets/calculator.js` reads the tables of `assets/calculator-data.js`
/// (computed by `CalculatorData` at build time) and shows the result. The form stays hidden without
/// JavaScript; put the `units-table` directive below it for that case (and link the fee tables).
package struct CalculatorDirective: Directive {
    package static let directiveName = "calculator"
    package let name = CalculatorDirective.directiveName

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        guard use.arguments.isEmpty else { throw DirectiveError(.directiveArguments, "takes no arguments", at: use.location(ofArgument: 0)) }
        let rules = context.site.data.rules
        guard let (first, last) = CalculatorData.dateRange(rules) else {
            throw DirectiveError(.directiveMissingData, "no fee period in the data, so there is nothing to calculate")
        }
        let choices = CalculatorData.choices(rules)
        let asOf = context.site.config.asOf
        let date = asOf >= first && asOf <= last ? asOf : first
        func select(_ key: String, _ label: String, _ selected: String) -> HTML {
            var options: [HTML] = [.newline]
            // The localities (the only grouped choices, by state) other than the national choice are added by
            // calculator.js from the data file.
            for c in choices[key] ?? [] where c.group.isEmpty {
                var attributes: [HTMLAttribute] = [.attr("value", c.value)]
                if c.value == selected { attributes.append(.flag("selected")) }
                options += [.el("option", attributes, .text(c.label)), .newline]
            }
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
        /// A row of tap targets (radio buttons styled as a segmented control) named like the `calc` option: its
        /// choices in the data (with `short` labels), or `options` (value, label).
        func toggle(
            _ key: String, _ legend: String, _ selected: String, short: [String: String] = [:],
            options: [(value: String, label: String)]? = nil
        ) -> HTML {
            var items: [HTML] = [.newline]
            for (value, label) in options ?? (choices[key] ?? []).map({ ($0.value, short[$0.value] ?? $0.label) }) {
                var attributes: [HTMLAttribute] = [.attr("type", "radio"), .attr("name", key), .attr("value", value)]
                if value == selected { attributes.append(.flag("checked")) }
                items += [.el("label", [], .void("input", attributes), .el("span", [], .text(label))), .newline]
            }
            return [
                .el("fieldset", [.class("calc-field seg"), .id("calc-\(key)")],
                    .el("legend", [], .text(legend)), .newline, .el("div", [.class("seg-options")], children: items)),
                .newline,
            ]
        }
        func hint(_ id: String, _ content: HTML...) -> HTML {
            [.el("p", [.class("calc-hint"), .id(id)], children: content), .newline]
        }
        let knownErrors = context.site.pages.first { $0.outputPath == "known-errors/index.html" }
        let profileHint: HTML = [
            "The CPT mid-point rule is the usual rule for these timed codes. ",
            "“Full units only” (a whole 15 minutes for every unit) is not the CPT rule",
            knownErrors.map { .group([" (see ", .a(href: context.url(to: $0.outputPath), "known errors"), ")"]) } ?? .empty,
            "; the other rules are here to compare.",
        ]
        var form: [HTML] = [
            .newline,
            .el("div", [.class("calc-row")],
                .newline,
                field(
                    .el("label", [.attr("for", "calc-minutes")], "Minutes in the session"), .newline,
                    number("minutes", value: "38", max: maxM)),
                field(
                    .el("label", [.attr("for", "calc-patients")], "Patients represented"), .newline,
                    number("patients", value: "1", max: nil)),
                field(
                    .el("label", [.attr("for", "calc-date")], "Date of service"), .newline,
                    .void("input", [
                        .attr("type", "date"), .id("calc-date"), .attr("name", "date"), .attr("value", "\(date)"),
                        .attr("min", "\(first)"), .attr("max", "\(last)"), .flag("required"),
                    ]))),
            .newline,
            hint("calc-patients-hint",
                 "Count the patients whose caregivers are trained, not the caregivers; 2 or more makes a group session. ",
                 "Minutes: the whole session, 1 to \(maxM)."),
            toggle("discipline", "Discipline", Discipline.allCases[0].rawValue,
                   short: ["pt": "PT", "ot": "OT", "slp": "SLP"]),
            toggle("provider", "Furnished by", Provider.allCases[0].rawValue,
                   short: ["therapist": "Therapist", "assistant": "Assistant (PTA, OTA)"]),
            toggle("setting", "Who bills", Setting.allCases[0].rawValue,
                   short: ["nonfacility": "Private practice or home", "institutional": "Hospital outpatient or other institution",
                           "facility": "Physician or NPP in a facility"]),
            hint("calc-setting-hint",
                 "An institution is a hospital outpatient department, rehab agency, SNF Part B, CORF or home health ",
                 "Part B; it is paid the non-facility amount. A physician or NPP billing in a facility gets the facility amount."),
            toggle("telehealth", "Delivered", "0", options: [("0", "In person"), ("1", "Telehealth (audio-video)")]),
            ZIPField.calculator(context),
            select("locality", "Locality (Medicare payment area, by state)", "national"),
            .el("details", [.class("calc-more")],
                .newline, .el("summary", [], "More options: code family, time rule, conversion factor"), .newline,
                select("family", "Code family", rules.defaultFamilyID),
                hint("calc-family-hint", "Pick what the training covered; most sessions are functional performance."),
                select("profile", "Time rule for units", rules.defaultProfileID),
                hint("calc-profile-hint", profileHint),
                select("conversion-factor", "Conversion factor", ""),
                hint("calc-cf-hint",
                     "Leave the usual factor unless the clinician is a qualifying participant in an advanced alternative ",
                     "payment model (APM), which some years pay at a higher factor.")),
            .newline,
        ]
        form = [
            .el("form", [
                .class("calculator"), .id("calculator"), .flag("hidden"), .attr("aria-label", "Session calculator"),
                .attr("data-split-base", context.url(to: CalculatorSplits.folder)),
            ], children: form), .newline,
        ]
        let h: HTML = [
            // Its own styles, so other pages do not carry them (a stylesheet link is allowed in the body).
            .void("link", [.attr("rel", "stylesheet"), .attr("href", context.url(to: "assets/calculator.css"))]), .newline,
            .el("div", [.class("calc-tool")],
                .newline, .group(form),
                .el("div", [
                    .class("calc-answer"), .id("calc-answer"), .attr("role", "status"), .attr("aria-live", "polite"),
                    .attr("aria-atomic", "true"), .flag("hidden"),
                ]), .newline),
            .newline,
            .el("p", [.class("calc-note"), .id("calc-scope"), .flag("hidden")],
                "The calculator covers sessions of 1 to \(maxM) minutes; covered dates: ",
                .text(RulesText.coveredDates(
                    DateRange(from: first, through: last),
                    pricedThrough: rules.coveredRange?.through.flatMap { $0 < last ? $0 : nil })),
                ". For a longer session, add the add-on units shown in the units table below."),
            .newline,
            .el("div", [.class("calc-result"), .id("calc-result"), .flag("hidden")]),
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
