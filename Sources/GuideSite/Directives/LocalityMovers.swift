import SiteRender
import CodingRules
import GuideCompute

/// The locality part of one step of ```` ```what-changed ````: how many localities' cost indices changed, the
/// largest movers of one unit of the main code (non-facility) in a short table, the floor's effect named, and
/// the fee downloads of both periods for every locality. Computed by `RulesData.compareLocalities`, as
/// `ctsguide fees diff` prints it.
enum LocalityMovers {
    static let shown = 10

    static func html(_ c: PeriodComparison, context: DirectiveContext, cite: inout CitationCollector) -> HTML? {
        let rules = context.site.data.rules
        guard let code = rules.families.first?.codes.first else { return nil }
        let all = rules.compareLocalities(c.old, c.new, code: code)
        let changed = all.filter(\.gpciChanged)
        guard !changed.isEmpty else { return nil }
        var intro: [HTML] = [
            .text(
                "The local cost indices changed in \(changed.count) of \(all.count) localities. The table shows the "
                    + "\(min(shown, changed.count)) largest changes of one unit of \(code) (non-facility) at each period's conversion factor.")
        ]
        let ended = changed.filter { $0.floor == .ended }
        if !ended.isEmpty, let floor = rules.policies.workGPCIFloor.entry(on: c.old.range.from) {
            let through = floor.range.through?.description ?? "the earlier period"
            intro.append(
                .text(" In \(ended.count) of them the work cost index falls because the \(floor.value.description) floor under it applied only through \(through) "))
            intro.append(cite.link(floor.source))
            intro.append(.text("."))
        }
        func rows(_ list: [LocalityChange]) -> [[HTML]] {
            list.map { l in
                let work = l.old?.work == l.new?.work
                    ? (l.new?.work.description ?? "—") : "\(l.old?.work.description ?? "—") → \(l.new?.work.description ?? "—")"
                let change = l.amountChange.map { ($0.isNegative ? "−$" + (DecimalValue.zero - $0).moneyText : "+$" + $0.moneyText) }
                    .map { "\($0) (\(l.percentChange.map(PeriodWording.percent) ?? "—"))" } ?? "—"
                return [
                    .text("\(l.locality.state) — \(l.locality.name)"), .text(work + (l.floor == .ended ? " (floor ended)" : "")),
                    .text(l.oldAmount.map { "$" + $0.moneyText } ?? "—"), .text(l.newAmount.map { "$" + $0.moneyText } ?? "—"),
                    .text(change),
                ]
            }
        }
        let headers = ["Locality", "Work cost index", "Before", "After", "Change"]
        var parts: [HTML] = [
            .el("p", [], children: intro), .newline,
            dataTable(
                label: "Largest locality changes from \(c.old.label) to \(c.new.label)",
                caption: "\(code), one unit, non-facility: the largest locality changes", headers: headers,
                rows: rows(Array(changed.prefix(shown)))),
        ]
        if changed.count > shown {
            // The rest: every locality's cost indices and amounts of both periods are in the fee downloads (a page
            // of 47 more rows would break the page-weight budget); `ctsguide fees diff` prints them side by side.
            let links: [HTML] = [c.old, c.new].flatMap { p -> [HTML] in
                [.el("a", [.href(context.url(to: FeeDownloads.path(p, "csv")))], .text("\(p.label) (CSV)"))]
            }
            parts += [
                .newline,
                .el(
                    "p", [],
                    .text("All \(changed.count) localities whose cost indices changed, with every locality's cost indices and amounts: "),
                    links[0], " and ", links[1], "."),
            ]
        }
        return .group(parts)
    }
}
