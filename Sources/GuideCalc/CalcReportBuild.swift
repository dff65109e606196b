import SiteContent
import GuideData
import CodingRules
import RulesText

extension CalcReport {
    /// The report of one evaluated session (its sentences worded by `text`).
    package init(_ r: SessionResult, input: SessionInput, data: SiteData, zip: CalcZIP?, text: RulesText = .plain) {
        let cf = r.feeSchedule.conversionFactor
        billable = r.billable
        lines = r.lines.map {
            Line(
                code: $0.code, units: $0.units, modifiers: $0.modifiers, unit_amount: $0.unitAmount?.moneyText,
                amount: $0.amount?.moneyText)
        }
        total = r.total?.moneyText
        warnings = r.warnings.map { CalcRender.warningText($0, r, data: data, text: text) }
        reasons = r.reasons.map(text.reason)
        notes = r.notes.map(text.note)
        fee_schedule = FeeSchedule(
            effective: r.feeSchedule.effective.description, through: r.feeSchedule.through?.description,
            label: r.feeSchedule.label, conversion_factor: cf?.value.description, conversion_factor_id: cf?.id,
            source: cf?.source ?? r.pending?.source ?? "")
        pending_fee_schedule = r.pending.map { p in
            Pending(
                label: p.label, from: p.range.from.description, through: p.range.through?.description,
                checked: p.checked.description, status: p.status, amounts_in_guide: false,
                last_priced_date: data.rules.coveredRange?.through?.description,
                proposed_on: p.proposedOn?.description,
                proposed_conversion_factors: p.proposedConversionFactors.map {
                    ProposedFactor(id: $0.id, label: $0.label, value: $0.value.description, source: $0.source)
                },
                sources: p.sources)
        }
        outlook = Self.outlook(r, data: data, text: text)
        profile = r.profile
        session = Session(
            minutes: input.minutes, patients: input.patients, kind: r.kind.rawValue, date: input.date.description,
            setting: input.setting.rawValue, priced_setting: r.pricedSetting.rawValue,
            provider: input.provider.rawValue, discipline: input.discipline.rawValue, telehealth: input.telehealth,
            family: r.family)
        locality = r.localityRecord.map {
            .locality(LocalityRecord(id: $0.id, name: $0.name, state: $0.state, gpci_table: r.feeSchedule.gpciTable))
        } ?? .national
        thresholds = r.thresholdNotes.map(text.threshold)
        threshold_minutes = r.thresholds
        split = r.split.map { s in
            Split(
                allowed: s.allowed.moneyText, coinsurance: s.coinsurance.moneyText,
                coinsurance_percent: s.coinsurancePercent.description,
                medicare_before_sequestration: s.medicareBeforeSequestration.moneyText,
                sequestration: s.sequestration.moneyText, sequestration_percent: s.sequestrationPercent.description,
                medicare_paid: s.medicarePaid.moneyText, assumes: text.splitAssumption)
        }
        documentation = r.documentation.map(\.text)
        sources = r.sources
        missing_data = r.missingData.map(text.missing)
        self.zip = zip.map {
            ZIP(
                code: $0.zip, locality: $0.locality.id, name: $0.locality.name, state: $0.locality.state,
                split_by_zip4: $0.split, note: $0.note, list: "CMS ZIP code list, \($0.quarterLabel)")
        }
    }

    /// The year outlook for a date after the last fee period (nil otherwise), worded for the session's locality.
    static func outlook(_ r: SessionResult, data: SiteData, text: RulesText) -> Outlook? {
        guard r.pending != nil, let o = data.rules.yearOutlook() else { return nil }
        let items = CalcRender.outlookItems(r, o, text: text)
        var pct: [String: String] = [:]
        for c in o.conversionFactors { if let p = c.percent { pct[c.proposed.id] = p.description } }
        return Outlook(
            heading: text.outlookHeading(o), label: o.pending.label, checked: o.pending.checked.description,
            items: items.map { Outlook.Item(topic: $0.topic, text: $0.text, sources: $0.sources) },
            proposed_change_percent: pct,
            work_gpci_floor: o.floorEnd.map {
                Outlook.Floor(
                    floor: $0.lastFloor.value.description, through: $0.lastFloor.range.through?.description,
                    localities_raised: $0.raised.count, localities: $0.localityCount, table: $0.table)
            },
            kx_threshold: o.kx.map {
                Outlook.KX(
                    year: o.pending.range.from.year, published: $0.value.amount != nil,
                    amount: $0.value.amount?.moneyText, last_published: o.lastKX?.value.amount?.moneyText,
                    last_published_year: o.lastKX?.range.from.year)
            },
            telehealth_list: o.telehealthList?.value.rawValue,
            therapist_telehealth_through: o.therapistTelehealth?.range.through?.description)
    }

    /// The pretty-printed JSON text (sorted keys, two-space indentation), with a final newline.
    package func rendered() throws -> String { try JSONTreeEncoder.encode(self).rendered() + "\n" }
}
