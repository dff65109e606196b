import SiteContent
import SiteRender
import GuideData
import CodingRules
import RulesText

/// Reader-facing wording shared by the fee directives: which CMS release a period's figures come from, and
/// signed percentages.
package enum PeriodWording {
    /// "Figures for CY2026 come from Medicare's 2026 fee schedule, CMS's July 2026 release (published 06/30/2026)."
    static func release(_ period: FeePeriod, _ data: SiteData, cite: inout CitationCollector) -> HTML {
        let year = period.range.from.year
        var parts: [HTML] = ["Figures for \(period.label) come from Medicare's \(year) fee schedule"]
        if let r = data.releaseWording(of: period) { parts.append(", CMS's \(r)") }
        parts.append(" (\(cite.link(period.source))).")
        return .group(parts)
    }

    /// "+1.3%", "−11.0%", "0.0%".
    static func percent(_ v: DecimalValue) -> String {
        if v.isNegative { return "−" + (DecimalValue.zero - v).description + "%" }
        return (v == .zero ? "" : "+") + v.description + "%"
    }

    static func setting(_ s: Setting) -> String { s == .facility ? "facility" : "non-facility" }

    /// The after-the-last-period notice as a paragraph (empty when the data records nothing after the last
    /// period).
    static func pendingNotice(_ data: SiteData, cite: inout CitationCollector) -> HTML {
        guard let p = data.rules.pending else { return .empty }
        let text = RulesText.plain.pendingNotice(data.rules.pendingNotice(p, on: p.range.from))
        var ids = p.sources
        if let t = data.rules.policies.therapistTelehealth.entry(on: p.range.from) { ids.append(t.source) }
        let sentence: HTML = [.el("strong", [], "Dates of service from \(p.range.from):"), " \(text) (\(cite.links(ids)))"]
        return [.el("p", [.class("after-last-period")], sentence), .newline]
    }
}
