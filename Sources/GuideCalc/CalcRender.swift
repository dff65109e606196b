import SiteContent
import GuideData
import CodingRules
import RulesText

/// Renders a `SessionResult` for `ctsguide calc` as a readable table (the JSON object is `CalcReport`); every
/// sentence of the rules comes from `RulesText`.
package enum CalcRender {
    static func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, n - s.count))
        return right ? fill + s : s + fill
    }

    /// The outlook's statements for a session: the amounts statement is left out (the pending warning says it),
    /// and the floor is worded for the session's locality when it has one.
    static func outlookItems(_ r: SessionResult, _ o: YearOutlook, text: RulesText) -> [OutlookItem] {
        let warnedTelehealth = r.warnings.contains { if case .unconfirmedTelehealthListing = $0 { return true } else { return false } }
        return text.outlook(o, locality: r.localityRecord?.id).filter {
            $0.topic != "amounts" && !($0.topic == "telehealth" && warnedTelehealth)
        }
    }

    /// A warning as `calc` says it: when the outlook follows (a date after the last period), the pending notice
    /// leaves out what the outlook states (the proposed factors, the therapist waiver), so each is said once.
    static func warningText(_ w: SessionWarning, _ r: SessionResult, data: SiteData, text: RulesText) -> String {
        guard case .pendingFeeSchedule(var n) = w, data.rules.yearOutlook() != nil else { return text.warning(w) }
        n.schedule.proposedConversionFactors = []
        n.therapistTelehealth = nil
        return text.pendingNotice(n) + " See the outlook for " + n.schedule.label + "."
    }

    package static func table(_ r: SessionResult, input: SessionInput, data: SiteData, text: RulesText = .plain) -> String {
        var out: [String] = []
        let where_ = r.localityRecord.map { "\($0.name), \($0.state) (\($0.id))" } ?? "national"
        out.append(
            "Session: \(input.minutes) min, \(input.patients) patient\(input.patients == 1 ? "" : "s") represented (\(r.kind.rawValue)), "
                + "date of service \(input.date), \(input.setting.rawValue), \(input.provider.rawValue), "
                + "\(input.discipline.rawValue.uppercased()), \(input.telehealth ? "telehealth" : "in person"), \(where_)")
        if let cf = r.feeSchedule.conversionFactor {
            out.append(
                "Fee schedule: \(r.feeSchedule.label) from \(r.feeSchedule.effective), conversion factor \(cf.value) "
                    + "(\(cf.label)); units by the \(data.rules.profile(r.profile)?.name ?? r.profile)")
        } else if let p = r.pending {
            out.append(
                "Fee schedule: \(p.label) from \(p.range.from): not in this guide yet (last checked \(p.checked); "
                    + "sources \(p.sources.joined(separator: ", "))); units by the \(data.rules.profile(r.profile)?.name ?? r.profile)")
        }
        out.append("")
        if r.billable {
            out.append("Billable: yes")
            out.append(pad("code", 8) + pad("units", 7) + pad("modifiers", 14) + pad("unit amount", 13, right: true) + pad("amount", 10, right: true))
            for l in r.lines {
                out.append(
                    pad(l.code, 8) + pad(String(l.units), 7) + pad(l.modifiers.joined(separator: " "), 14)
                        + pad(l.unitAmount?.moneyText ?? "n/a", 13, right: true) + pad(l.amount?.moneyText ?? "n/a", 10, right: true))
            }
            out.append(pad("", 29) + pad("total", 13, right: true) + pad(r.total?.moneyText ?? "n/a", 10, right: true))
        } else {
            out.append("Billable: no")
            for reason in r.reasons { out.append("  reason: \(text.reason(reason))") }
        }
        if !r.thresholdNotes.isEmpty {
            out.append("")
            out.append("Units decided by:")
            for t in r.thresholdNotes { out.append("  \(text.threshold(t))") }
        }
        if let s = r.split {
            out.append("")
            out.append(text.splitLine(s))
        }
        for n in r.notes { out.append("Note: \(text.note(n))") }
        for w in r.warnings { out.append("Warning: \(warningText(w, r, data: data, text: text))") }
        if !r.missingData.isEmpty { out.append("Missing data: \(r.missingData.map(text.missing).joined(separator: "; "))") }
        if r.pending != nil, let o = data.rules.yearOutlook() {
            out.append("")
            out.append("Outlook for \(text.outlookHeading(o)):")
            for item in outlookItems(r, o, text: text) { out.append("  - \(item.text)") }
        }
        out.append("")
        out.append("Documentation reminders:")
        for d in r.documentation { out.append("  - \(d.text)") }
        return out.joined(separator: "\n") + "\n"
    }
}
