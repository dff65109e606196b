import SiteContent
import GuideCalc
import GuideCompute
import CodingRules

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
        func select(_ key: String, _ label: String, _ selected: String) -> String {
            var h = "<div class=\"calc-field\"><label for=\"calc-\(key)\">\(escapeHTML(label))</label>\n"
            h += "<select id=\"calc-\(key)\" name=\"\(key)\">\n"
            var group = ""
            // Localities other than the national choice are added by calculator.js from the data file.
            for c in choices[key] ?? [] where key != "locality" || c.group.isEmpty {
                if c.group != group {
                    if !group.isEmpty { h += "</optgroup>\n" }
                    if !c.group.isEmpty { h += "<optgroup label=\"\(escapeHTML(c.group))\">\n" }
                    group = c.group
                }
                let sel = c.value == selected ? " selected" : ""
                h += "<option value=\"\(escapeHTML(c.value))\"\(sel)>\(escapeHTML(c.label))</option>\n"
            }
            if !group.isEmpty { h += "</optgroup>\n" }
            return h + "</select></div>\n"
        }
        let maxM = CalculatorData.tableMinutes
        var h = "<form class=\"calculator\" id=\"calculator\" hidden aria-label=\"Session calculator\">\n"
        h += "<div class=\"calc-field\"><label for=\"calc-date\">Date of service</label>\n"
        h += "<input type=\"date\" id=\"calc-date\" name=\"date\" value=\"\(date)\" min=\"\(first)\" max=\"\(last)\" required></div>\n"
        h += "<div class=\"calc-field\"><label for=\"calc-minutes\">Minutes (total of the session, 1–\(maxM))</label>\n"
        h += "<input type=\"number\" id=\"calc-minutes\" name=\"minutes\" value=\"38\" min=\"1\" max=\"\(maxM)\" step=\"1\" inputmode=\"numeric\" required></div>\n"
        h += "<div class=\"calc-field\"><label for=\"calc-patients\">Patients represented (not caregivers)</label>\n"
        h += "<input type=\"number\" id=\"calc-patients\" name=\"patients\" value=\"1\" min=\"1\" step=\"1\" inputmode=\"numeric\" required></div>\n"
        h += select("family", "Codes (what the training covers)", rules.defaultFamilyID)
        h += select("discipline", "Discipline", Discipline.allCases[0].rawValue)
        h += select("provider", "Furnished by", Provider.allCases[0].rawValue)
        h += select("setting", "Who bills, and where", Setting.allCases[0].rawValue)
        h += "<div class=\"calc-field calc-check\"><input type=\"checkbox\" id=\"calc-telehealth\" name=\"telehealth\" value=\"1\">\n"
        h += "<label for=\"calc-telehealth\">Telehealth (synchronous audio-video)</label></div>\n"
        h += ZIPField.calculator(context)
        h += select("locality", "Locality (Medicare payment area, by state)", "national")
        h += select("profile", "Time rule for units", rules.defaultProfileID)
        h += "</form>\n"
        h += "<p class=\"calc-note\" id=\"calc-scope\" hidden>The calculator covers sessions of 1 to \(maxM) minutes with dates of "
        h += "service from \(first) to \(last). For a longer session, add the add-on units shown in the units table below. "
        h += "A date after the last fee schedule in this guide gets what is known for it, without an amount.</p>\n"
        h += "<div class=\"calc-result card\" id=\"calc-result\" aria-live=\"polite\" aria-atomic=\"true\" hidden></div>\n"
        h += "<script src=\"\(escapeHTML(context.url(to: CalculatorData.path)))\" defer></script>\n"
        h += "<script src=\"\(escapeHTML(context.url(to: "assets/calculator.js")))\" defer></script>\n"
        h += ZIPField.script(context)
        return DirectiveOutput(html: h)
    }
}
