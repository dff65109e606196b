import SiteContent
import CodingRules

/// Renders a `SessionResult` for `ctsguide calc`: the JSON object of design.md (plus extra keys) or a table.
package enum CalcRender {
    static func money(_ v: DecimalValue?) -> JSONValue { .optional(v?.moneyText) }

    package static func json(_ r: SessionResult, input: SessionInput, data: SiteData) -> JSONValue {
        let lines: [JSONValue] = r.lines.map { l in
            .object([
                "code": .string(l.code), "units": .int(l.units), "modifiers": .array(l.modifiers.map(JSONValue.string)),
                "unit_amount": money(l.unitAmount), "amount": money(l.amount),
            ])
        }
        let cf = r.feeSchedule.conversionFactor
        var locality: JSONValue = .string("national")
        if let l = r.localityRecord {
            locality = .object([
                "id": .string(l.id), "name": .string(l.name), "state": .string(l.state),
                "gpci_table": .optional(r.feeSchedule.gpciTable),
            ])
        }
        var split: JSONValue = .null
        if let s = r.split {
            split = .object([
                "allowed": money(s.allowed), "coinsurance": money(s.coinsurance),
                "coinsurance_percent": .string(s.coinsurancePercent.description),
                "medicare_before_sequestration": money(s.medicareBeforeSequestration),
                "sequestration": money(s.sequestration),
                "sequestration_percent": .string(s.sequestrationPercent.description),
                "medicare_paid": money(s.medicarePaid),
                "assumes": .string("Part B deductible already met"),
            ])
        }
        return .object([
            "billable": .bool(r.billable),
            "lines": .array(lines),
            "total": money(r.total),
            "warnings": .array(r.warnings.map(JSONValue.string)),
            "reasons": .array(r.reasons.map(JSONValue.string)),
            "notes": .array(r.notes.map(JSONValue.string)),
            "fee_schedule": .object([
                "effective": .string(r.feeSchedule.effective.description),
                "through": .optional(r.feeSchedule.through?.description),
                "label": .string(r.feeSchedule.label),
                "conversion_factor": .optional(cf?.value.description),
                "conversion_factor_id": .optional(cf?.id),
                "source": .string(cf?.source ?? r.pending?.source ?? ""),
            ]),
            "pending_fee_schedule": pendingJSON(r.pending, data: data),
            "profile": .string(r.profile),
            "session": .object([
                "minutes": .int(input.minutes), "patients": .int(input.patients), "kind": .string(r.kind.rawValue),
                "date": .string(input.date.description), "setting": .string(input.setting.rawValue),
                "priced_setting": .string(r.pricedSetting.rawValue), "provider": .string(input.provider.rawValue),
                "discipline": .string(input.discipline.rawValue), "telehealth": .bool(input.telehealth),
                "family": .string(r.family),
            ]),
            "locality": locality,
            "thresholds": .array(r.thresholdNotes.map(JSONValue.string)),
            "threshold_minutes": .array(
                r.thresholds.map {
                    .object([
                        "code": .string($0.code), "unit": .int($0.unit), "minutes": .int($0.minutes),
                        "reached": .bool($0.reached),
                    ])
                }),
            "split": split,
            "documentation": .array(r.documentation.map(JSONValue.string)),
            "sources": .array(r.sources.map(JSONValue.string)),
            "missing_data": .array(r.missingData.map(JSONValue.string)),
        ])
    }

    /// The structured after-the-last-period answer (null for a date inside a fee period).
    static func pendingJSON(_ p: PendingFeeSchedule?, data: SiteData) -> JSONValue {
        guard let p else { return .null }
        return .object([
            "label": .string(p.label), "from": .string(p.range.from.description),
            "through": .optional(p.range.through?.description), "checked": .string(p.checked.description),
            "status": .string(p.status), "amounts_in_guide": .bool(false),
            "last_priced_date": .optional(data.rules.coveredRange?.through?.description),
            "proposed_on": .optional(p.proposedOn?.description),
            "proposed_conversion_factors": .array(
                p.proposedConversionFactors.map {
                    .object([
                        "id": .string($0.id), "label": .string($0.label), "value": .string($0.value.description),
                        "source": .string($0.source),
                    ])
                }),
            "sources": .array(p.sources.map(JSONValue.string)),
        ])
    }

    static func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, n - s.count))
        return right ? fill + s : s + fill
    }

    package static func table(_ r: SessionResult, input: SessionInput, data: SiteData) -> String {
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
            for reason in r.reasons { out.append("  reason: \(reason)") }
        }
        if !r.thresholdNotes.isEmpty {
            out.append("")
            out.append("Units decided by:")
            for t in r.thresholdNotes { out.append("  \(t)") }
        }
        if let s = r.split {
            out.append("")
            out.append(
                "Split (Part B deductible met): patient \(s.coinsurancePercent)% coinsurance \(s.coinsurance.moneyText); "
                    + "Medicare \(s.medicareBeforeSequestration.moneyText) less \(s.sequestrationPercent)% sequestration "
                    + "\(s.sequestration.moneyText) = \(s.medicarePaid.moneyText)")
        }
        for n in r.notes { out.append("Note: \(n)") }
        for w in r.warnings { out.append("Warning: \(w)") }
        if !r.missingData.isEmpty { out.append("Missing data: \(r.missingData.joined(separator: "; "))") }
        out.append("")
        out.append("Documentation reminders:")
        for d in r.documentation { out.append("  - \(d)") }
        return out.joined(separator: "\n") + "\n"
    }
}
