import SiteContent
import GuideData
import CodingRules
import RulesText

/// The object `ctsguide calc --json` prints (design.md, plus extra keys): keys sorted, every key present (an
/// absent value is `null`; only `zip` is left out without `--zip`); every sentence comes from `RulesText`.
package struct CalcReport {
    package var json: JSONValue

    /// The report of one evaluated session (its sentences worded by `text`).
    package init(_ r: SessionResult, input: SessionInput, data: SiteData, zip: CalcZIP?, text: RulesText = .plain) {
        let cf = r.feeSchedule.conversionFactor
        func strings(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }
        var report: [String: JSONValue] = [
            "billable": .bool(r.billable),
            "lines": .array(r.lines.map {
                .object([
                    "code": .string($0.code), "units": .int($0.units), "modifiers": strings($0.modifiers),
                    "unit_amount": .optional($0.unitAmount?.moneyText), "amount": .optional($0.amount?.moneyText),
                ])
            }),
            "total": .optional(r.total?.moneyText),
            "warnings": strings(r.warnings.map { CalcRender.warningText($0, r, data: data, text: text) }),
            "reasons": strings(r.reasons.map(text.reason)),
            "notes": strings(r.notes.map(text.note)),
            "fee_schedule": .object([
                "effective": .string(r.feeSchedule.effective.description), "through": .optional(r.feeSchedule.through?.description),
                "label": .string(r.feeSchedule.label), "conversion_factor": .optional(cf?.value.description),
                "conversion_factor_id": .optional(cf?.id), "source": .string(cf?.source ?? r.pending?.source ?? ""),
            ]),
            "pending_fee_schedule": r.pending.map { p in
                .object([
                    "label": .string(p.label), "from": .string(p.range.from.description),
                    "through": .optional(p.range.through?.description), "checked": .string(p.checked.description),
                    "status": .string(p.status), "amounts_in_guide": .bool(false),
                    "last_priced_date": .optional(data.rules.coveredRange?.through?.description),
                    "proposed_on": .optional(p.proposedOn?.description),
                    "proposed_conversion_factors": .array(p.proposedConversionFactors.map {
                        .object([
                            "id": .string($0.id), "label": .string($0.label), "value": .string($0.value.description),
                            "source": .string($0.source),
                        ])
                    }),
                    "sources": strings(p.sources),
                ])
            } ?? .null,
            "outlook": Self.outlook(r, data: data, text: text),
            "profile": .string(r.profile),
            "session": .object([
                "minutes": .int(input.minutes), "patients": .int(input.patients), "kind": .string(r.kind.rawValue),
                "date": .string(input.date.description), "setting": .string(input.setting.rawValue),
                "priced_setting": .string(r.pricedSetting.rawValue), "provider": .string(input.provider.rawValue),
                "discipline": .string(input.discipline.rawValue), "telehealth": .bool(input.telehealth),
                "family": .string(r.family),
            ]),
            // The priced locality, or the string "national" when none.
            "locality": r.localityRecord.map {
                .object([
                    "id": .string($0.id), "name": .string($0.name), "state": .string($0.state),
                    "gpci_table": .optional(r.feeSchedule.gpciTable),
                ])
            } ?? .string("national"),
            "thresholds": strings(r.thresholdNotes.map(text.threshold)),
            "threshold_minutes": .array(r.thresholds.map {
                .object(["code": .string($0.code), "unit": .int($0.unit), "minutes": .int($0.minutes), "reached": .bool($0.reached)])
            }),
            "split": r.split.map { s in
                .object([
                    "allowed": .string(s.allowed.moneyText), "coinsurance": .string(s.coinsurance.moneyText),
                    "coinsurance_percent": .string(s.coinsurancePercent.description),
                    "medicare_before_sequestration": .string(s.medicareBeforeSequestration.moneyText),
                    "sequestration": .string(s.sequestration.moneyText),
                    "sequestration_percent": .string(s.sequestrationPercent.description),
                    "medicare_paid": .string(s.medicarePaid.moneyText), "assumes": .string(text.splitAssumption),
                ])
            } ?? .null,
            "documentation": strings(r.documentation.map(\.text)),
            "sources": strings(r.sources),
            "missing_data": strings(r.missingData.map(text.missing)),
        ]
        if let zip {
            report["zip"] = .object([
                "code": .string(zip.zip), "locality": .string(zip.locality.id), "name": .string(zip.locality.name),
                "state": .string(zip.locality.state), "split_by_zip4": .bool(zip.split), "note": .optional(zip.note),
                "list": .string("CMS ZIP code list, \(zip.quarterLabel)"),
            ])
        }
        json = .object(report)
    }

    /// The status of the year after the last fee period (`YearOutlook`), for a date in it (null otherwise):
    /// every statement once, with its sources, and the figures a program may want; worded for the session's
    /// locality.
    static func outlook(_ r: SessionResult, data: SiteData, text: RulesText) -> JSONValue {
        guard r.pending != nil, let o = data.rules.yearOutlook() else { return .null }
        var pct: [String: JSONValue] = [:]
        for c in o.conversionFactors { if let p = c.percent { pct[c.proposed.id] = .string(p.description) } }
        return .object([
            "heading": .string(text.outlookHeading(o)), "label": .string(o.pending.label),
            "checked": .string(o.pending.checked.description),
            "items": .array(CalcRender.outlookItems(r, o, text: text).map {
                .object(["topic": .string($0.topic), "text": .string($0.text), "sources": .array($0.sources.map(JSONValue.string))])
            }),
            "proposed_change_percent": .object(pct),
            "work_gpci_floor": o.floorEnd.map {
                .object([
                    "floor": .string($0.lastFloor.value.description), "through": .optional($0.lastFloor.range.through?.description),
                    "localities_raised": .int($0.raised.count), "localities": .int($0.localityCount), "table": .string($0.table),
                ])
            } ?? .null,
            "kx_threshold": o.kx.map {
                .object([
                    "year": .int(o.pending.range.from.year), "published": .bool($0.value.amount != nil),
                    "amount": .optional($0.value.amount?.moneyText), "last_published": .optional(o.lastKX?.value.amount?.moneyText),
                    "last_published_year": o.lastKX.map { .int($0.range.from.year) } ?? .null,
                ])
            } ?? .null,
            "telehealth_list": .optional(o.telehealthList?.value.rawValue),
            "therapist_telehealth_through": .optional(o.therapistTelehealth?.range.through?.description),
        ])
    }

    /// The pretty-printed JSON text (sorted keys, two-space indentation), with a final newline.
    package func rendered() -> String { json.rendered() + "\n" }
}
