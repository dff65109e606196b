import Foundation
import CodingRules
import SiteContent
import SiteRender

/// ```` ```locality-periods ````: every fee period of the data, newest first, with its dates and a link to its
/// locality page (the page whose body uses ```` ```locality-fees period=<first date> ````). A period without such
/// a page is a warning at this directive naming the file to create (`ctsguide fees import` writes it), so a
/// missing page cannot go unnoticed.
package struct LocalityPeriodsDirective: Directive {
    package let name = "locality-periods"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        guard use.arguments.isEmpty else { throw DirectiveError(.directiveArguments, "takes no arguments", at: use.location(ofArgument: 0)) }
        let rules = context.site.data.rules
        guard !rules.periods.isEmpty else { throw DirectiveError(.directiveMissingData, "needs at least one fee period") }
        var items: [HTML] = []
        var warnings: [Diagnostic] = []
        // Every page's lines, split once for all periods (splitting them per period was 4 % of the guide's build).
        let pages = context.site.pages.map { (page: $0, lines: $0.body.split(separator: "\n")) }
        for period in rules.periods.reversed() {
            let marker = "```locality-fees period=\(period.range.from)"
            // The period's main page: one whose directive names only the period (no code list), else any that uses it.
            let uses = pages.filter { $0.lines.contains { $0.hasPrefix(marker) } }
            let main = uses.filter { $0.lines.contains { $0.trimmingCharacters(in: .whitespaces) == marker } }.map(\.page)
            let dates = "\(period.range.from) to \(period.range.through?.description ?? "open")"
            guard let page = (main.isEmpty ? uses.map(\.page) : main).min(by: { $0.relativePath < $1.relativePath }) else {
                warnings.append(
                    .warning("directive.period-without-locality-page",
                        use.location,
                        "fee period \(period.range.from) (\(period.label)) has no locality page (no page uses '\(marker)')",
                        hint: "`ctsguide fees import` writes localities/\(period.range.from).md; for a period written by hand, copy the page of another period"))
                items.append(.el("li", [], .text("\(period.label) (dates of service \(dates))")))
                continue
            }
            items.append(
                .el("li", [], .a(href: context.url(to: page.outputPath), .text(period.label)), .text(" (dates of service \(dates))")))
        }
        return DirectiveOutput(.el("ul", [.class("locality-periods")], children: items), diagnostics: warnings)
    }
}
