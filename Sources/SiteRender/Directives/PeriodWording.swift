import SiteContent
import GuideCalc
import GuideCompute
import CodingRules

/// Reader-facing wording shared by the fee directives: which CMS release a period's figures come from, and
/// signed percentages.
package enum PeriodWording {
    /// "Figures for CY2026 come from Medicare's 2026 fee schedule, CMS's July 2026 release (published 06/30/2026)."
    static func release(_ period: FeePeriod, _ data: SiteData, cite: inout CitationCollector) -> String {
        let year = period.range.from.year
        var text = "Figures for \(escapeHTML(period.label)) come from Medicare's \(year) fee schedule"
        if let r = data.provenance(of: period)?.releaseText {
            text += ", CMS's \(escapeHTML(r))"
        } else if let s = data.source(period.source) {
            text += ", CMS's release dated \(s.date)"
        }
        return text + " (\(cite.link(period.source)))."
    }

    /// "+1.3%", "−11.0%", "0.0%".
    static func percent(_ v: DecimalValue) -> String {
        if v.isNegative { return "−" + (DecimalValue.zero - v).description + "%" }
        return (v == .zero ? "" : "+") + v.description + "%"
    }

    static func setting(_ s: Setting) -> String { s == .facility ? "facility" : "non-facility" }

    /// The after-the-last-period notice (empty when the data records nothing after the last period).
    static func pendingNotice(_ data: SiteData, cite: inout CitationCollector) -> String {
        guard let p = data.rules.pending else { return "" }
        let text = data.rules.pendingStatement(p, on: p.range.from)
        var ids = p.sources
        if let t = data.rules.policies.therapistTelehealth.entry(on: p.range.from) { ids.append(t.source) }
        return "<p class=\"after-last-period\"><strong>Dates of service from \(p.range.from):</strong> "
            + "\(escapeHTML(text)) (\(cite.links(ids)))</p>\n"
    }
}
