import SiteRender
import CodingRules
import RulesText

/// ```` ```code-glance CODE ````: the box a code page opens with. For the date the guide presents as current
/// (the site's as-of date): the national amount of one unit (non-facility, facility, assistant) of the fee period
/// in force, the unit thresholds, the modifiers, whether the code may be furnished by telehealth and until when,
/// and a link to price a session for a ZIP code in the calculator. Every figure comes from `CodingRules`.
package struct CodeGlanceDirective: Directive {
    package let name = "code-glance"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let rules = context.site.data.rules
        guard use.arguments.count == 1, let record = rules.code(use.arguments[0]) else {
            throw DirectiveError(.directiveUnknownCode, "needs one known code", hint: acceptedCodes(rules),
                at: use.location(ofArgument: use.arguments.count > 1 ? 1 : 0))
        }
        guard let family = rules.family(record.family) else { throw DirectiveError(.directiveMissingData, "no code family for \(record.code) in the data") }
        let code = record.code
        let date = asOfDate(context)
        var cite = CitationCollector(context)
        var body: [HTML] = [
            .newline, .el("p", [.class("glance-title")], .el("strong", [], "\(code) at a glance")), .newline,
        ]

        // Amounts of the period in force on the reference date.
        if let period = rules.period(on: date), period.rvus[code] != nil {
            func cell(_ label: String, _ s: Setting, _ p: Provider) -> HTML {
                let price = rules.priceBreakdown(code: code, period: period, setting: s, provider: p, assistantPercentDate: date)
                let value: HTML = price.amount.map { .text("$\($0.moneyText)") } ?? "not in this guide yet"
                return [.el("div", [], .el("dt", [], .text(label)), .el("dd", [.class("glance-amount num")], value)), .newline]
            }
            body += [
                .el("p", [.class("glance-period")],
                    .text("National amount for one unit, dates of service from \(period.range.from)"
                        + (period.range.through.map { " through \($0)" } ?? "") + " (\(period.label), "),
                    cite.link(period.source), ")"),
                .newline,
                .el("dl", [.class("glance-amounts")], .newline,
                    cell("Non-facility", .nonfacility, .therapist), cell("Facility", .facility, .therapist),
                    cell("Assistant, non-facility", .nonfacility, .assistant)),
                .newline,
            ]
        } else {
            body += [.el("p", [.class("glance-period")], "The fee schedule in force on \(date) is not in this guide yet."), .newline]
        }

        var facts: [HTML] = []
        if let profile = rules.defaultProfile {
            switch record.role {
            case .initial:
                facts.append("One unit once the session reaches \(profile.initialMinimum) minutes; at most one per session.")
            case .addOn:
                facts.append(
                    "First unit at \(profile.addOnThreshold(unit: 1)) minutes in total, one more every further \(profile.addOnSpan); only with \(family.initialCode).")
            case .group:
                // The per-patient statement as the data grades it (policies.yaml group_billing), in RulesText's words.
                let graded = rules.policies.groupBilling.map { RulesText.plain.note(.graded($0)) }
                facts.append(.text("Untimed: one unit per session, whatever its length" + (graded.map { "; " + $0 } ?? "") + "."))
            }
        }
        let m = rules.policies.modifiers
        let disciplines = Discipline.allCases.compactMap { d in m.discipline[d].map { "\($0) (\(d.rawValue.uppercased()))" } }
        let assistants = Discipline.allCases.compactMap { d in m.assistant[d] }
        var mods = "Discipline: \(disciplines.joined(separator: ", "))"
        if !assistants.isEmpty { mods += "; assistant: \(assistants.joined(separator: ", "))" }
        mods += "; telehealth: \(m.telehealth)."
        facts.append(.text(mods))
        facts.append(telehealth(rules, on: date, cite: &cite))

        body += [
            .el("ul", [.class("glance-facts")], children: [.newline] + facts.flatMap { [.el("li", [], $0), .newline] }),
            .newline,
        ]
        if let calc = context.site.pages.first(where: { $0.outputPath == "calculator/index.html" }) {
            let url = context.url(to: calc.outputPath) + "?family=\(family.id)"
            body += [.el("p", [.class("glance-link")], .a(href: url, "Price a session for your ZIP code")), .newline]
        }
        let box = HTML.el("section", [.class("glance card"), .attr("aria-label", "\(code) at a glance")], children: body)
        return DirectiveOutput([blocksStylesheet(context), box, .newline], citedSources: cite.ids)
    }

    /// Telehealth on `date`: listed and therapists authorized (with the first end date), or why not.
    func telehealth(_ rules: RulesData, on date: CalendarDate, cite: inout CitationCollector) -> HTML {
        let p = rules.policies
        let listing = p.telehealthListing.entry(on: date)
        let therapist = p.therapistTelehealth.entry(on: date)
        guard let listing, listing.value.allowsTelehealth else {
            return ["Telehealth: not on Medicare's telehealth list for dates of service on \(date)",
                    listing.map { .group([" (", cite.link($0.source), ")"]) } ?? .empty, "."]
        }
        if let therapist, therapist.value == .notAuthorized {
            return ["Telehealth: on the list, but therapists may not furnish Medicare telehealth on \(date) (",
                    cite.link(therapist.source), ")."]
        }
        let ends = [listing.range.through, therapist?.range.through].compactMap { $0 }.min()
        let sources = [listing.source] + (therapist.map { [$0.source] } ?? [])
        var out: [HTML] = ["Telehealth: allowed",
                .text(ends.map { " for dates of service through \($0)" } ?? ""),
                listing.value == .provisional ? " (provisionally listed)" : "",
                " (", cite.linksMarked(sources), ")"]
        // The day after: a list status not yet confirmed (rules.md §6, 2027) is said here, not left out.
        if let end = ends, let next = p.telehealthListing.entry(on: end.adding(days: 1)), next.value == .unconfirmed {
            let waiver = p.therapistTelehealth.entry(on: next.range.from)
            out += ["; from \(next.range.from) the list status is not confirmed",
                    .text(waiver?.value == .authorized ? (waiver?.range.through.map { ", though the therapist waiver runs through \($0)" } ?? "") : ""),
                    " (", cite.linksMarked([next.source] + (waiver.map { [$0.source] } ?? [])), ")"]
        }
        return .group(out + ["."])
    }
}
