import SiteRender
import CodingRules
import GuideData

/// Shared pieces of the guide's directives: accessible table wrappers and source links.
package struct CitationCollector {
    private(set) var ids: [String] = []
    let context: DirectiveContext

    init(_ context: DirectiveContext) { self.context = context }

    /// A link to a source's entry on the sources page (plain text when there is no sources page), remembered
    /// as cited.
    mutating func link(_ id: String, long: Bool = false) -> HTML {
        if !ids.contains(id) { ids.append(id) }
        let label = context.site.data.source(id).map { long ? $0.title : $0.citationLabel } ?? "source"
        guard let url = context.url(forSource: id) else { return .text(label) }
        return .citation(id, .el("a", [.class("source-link"), .href(url)], .text(label)))
    }

    /// Links to several sources; when every one of them is secondary, then the marker of the graded fact they
    /// state (the weakest fact of data/facts.yaml citing them all: `Certainty.fact(citing:)`). With no such fact
    /// the statement is refused by the certainty check.
    mutating func linksMarked(_ list: [String]) -> HTML {
        let html = links(list)
        let records = list.filter { !$0.isEmpty }.compactMap { context.site.data.source($0) }
        guard !records.isEmpty, records.allSatisfy(\.isSecondary) else { return html }
        let certainty = context.site.data.certainty
        guard let fact = certainty.fact(citing: list) else { return html }
        return .group([html, CertaintyCheck.factCitation(fact, certainty: certainty, gradesURL: context.gradesURL)])
    }

    /// Links to a graded fact's sources, then its certainty marker (none for H).
    mutating func fact(_ id: String) -> HTML {
        let certainty = context.site.data.certainty
        guard let fact = certainty.fact(id) else { return .text("source") }
        return .group([links(fact.sources), CertaintyCheck.factCitation(fact, certainty: certainty, gradesURL: context.gradesURL)])
    }

    /// Links to several sources, separated by semicolons, duplicates removed.
    mutating func links(_ list: [String]) -> HTML {
        var seen: Set<String> = []
        var parts: [HTML] = []
        var labels: [String: Int] = [:]
        let unique = list.filter { !$0.isEmpty && seen.insert($0).inserted }
        for id in unique {
            if let s = context.site.data.source(id) { labels[s.publisher, default: 0] += 1 }
        }
        for id in unique {
            // Two sources of one publisher would read alike ("CMS, 2024; CMS, 2024"): name each by its title.
            let shared = context.site.data.source(id).map { labels[$0.publisher, default: 0] > 1 } ?? false
            parts.append(link(id, long: shared))
        }
        return .joined(parts, separator: "; ")
    }
}

extension SourceRecord {
    /// How a citation names a source: "CMS, 2025", or the publisher alone when only the day it was read is known.
    var citationLabel: String { dateIsAccessed ? publisher : "\(publisher), \(date.year)" }
}

/// `<div class="table-scroll" …><table class="data"><caption>…</caption><thead>…</thead><tbody>…</tbody></table></div>`
/// Each row's first cell becomes a row header unless `rowHeaders` is false. `detail`: the columns from that index
/// on are detail a phone may keep behind a button (`data-detail-from`, `data-detail-label`; `assets/tables.js`).
package func dataTable(
    label: String, caption: String, headers: [String], rows: [[HTML]], rowHeaders: Bool = true,
    detail: (from: Int, label: String)? = nil
) -> HTML {
    let head = HTML.el("tr", children: headers.map { .el("th", [.attr("scope", "col")], .text($0)) })
    var body: [HTML] = [.newline]
    for row in rows {
        let cells = row.enumerated().map { (i, cell) -> HTML in
            i == 0 && rowHeaders ? .el("th", [.attr("scope", "row")], cell) : .el("td", [], cell)
        }
        body += [.el("tr", children: cells), .newline]
    }
    return [
        tableScroll(label: label, .el("table", [.class("data")] + (detail.map { [.attr("data-detail-from", "\($0.from)"), .attr("data-detail-label", $0.label)] } ?? []),
            .newline, .el("caption", [], .text(caption)), .newline, .el("thead", [], head), .newline,
            .el("tbody", children: body), .newline)),
        .newline,
    ]
}

/// The scrolling, labelled region around a wide table.
package func tableScroll(label: String, _ table: HTML) -> HTML {
    .el("div", [.class("table-scroll"), .attr("tabindex", "0"), .attr("role", "region"), .attr("aria-label", label)], table)
}

/// A code as a link to its page when it has one.
package func codeLink(_ code: String, _ context: DirectiveContext) -> HTML {
    guard let url = context.url(forCode: code) else { return .text(code) }
    return .a(href: url, .text(code))
}

/// A session's claim lines in words: "97550 ×1 + 97551 ×2", or "nothing billable".
func claimText(_ family: CodeFamily, initialUnits: Int, addOnUnits: Int) -> String {
    let lines = [(family.initialCode, initialUnits), (family.addOnCode, addOnUnits)].filter { $0.1 > 0 }
    return lines.isEmpty ? "nothing billable" : lines.map { "\($0.0) ×\($0.1)" }.joined(separator: " + ")
}

/// The hint of an unknown code: "accepted: 97550, 97551, …".
func acceptedCodes(_ rules: RulesData) -> String { "accepted: \(rules.codes.map(\.code).joined(separator: ", "))" }

/// The codes a directive's arguments name (each must be a known code, once), or the default family's when none.
/// `other` checks the arguments that are not codes (`isCode` false: `period=…`). Every bad argument is reported.
func namedCodes(
    _ use: DirectiveUse, _ rules: RulesData, isCode: (String) -> Bool = { _ in true },
    other: (String) -> DirectiveError? = { _ in nil }
) throws(DirectiveError) -> [String] {
    try use.checkArguments { i, code in
        guard isCode(code) else { return other(code) }
        if rules.code(code) == nil { return DirectiveError(.directiveUnknownCode, "unknown code '\(code)'", hint: acceptedCodes(rules)) }
        return use.arguments[..<i].contains(code) ? DirectiveError("directive.code-listed-twice", "code '\(code)' is listed twice") : nil
    }
    let codes = use.arguments.filter(isCode)
    return codes.isEmpty ? (rules.family(rules.defaultFamilyID)?.codes ?? []) : codes
}

/// The date of service a directive describes by default: the site's as-of date.
package func asOfDate(_ context: DirectiveContext) -> CalendarDate { context.site.config.asOf }
