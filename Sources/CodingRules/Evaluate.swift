extension RulesData {
    /// Decides the claim lines, modifiers, amounts, warnings and documentation for one session.
    ///
    /// Throws `RulesInputError` for input that cannot describe a real session: minutes or patients below 1,
    /// an unknown family, profile, locality or conversion-factor option, a date no fee period covers or
    /// before the family's codes existed, or an assistant in a discipline without an assistant modifier.
    /// A valid session that cannot be billed (too few minutes, telehealth not allowed on that date, no group
    /// code in the family) returns `billable == false` with `reasons`.
    public func evaluate(_ input: SessionInput) throws(RulesInputError) -> SessionResult {
        let ctx = try validate(input)
        let family = ctx.family, profile = ctx.profile, period = ctx.period, cf = ctx.cf
        let pending = ctx.pending
        let kind: SessionKind = input.patients >= 2 ? .group : .individual
        var warnings: [SessionWarning] = [], reasons: [NotBillableReason] = [], notes: [SessionNote] = []
        var planned: [(code: String, role: CodeRole, units: Int)] = []
        var thresholds: [UnitThreshold] = []
        var thresholdNotes: [ThresholdNote] = []

        if let caveat = family.modifierCaveat { notes.append(.graded(caveat)) }
        if kind == .group {
            if let group = family.groupCode {
                planned = [(group, .group, 1)]
                thresholdNotes.append(.group(code: group, patients: input.patients))
                if let g = policies.groupBilling { notes.append(.graded(g)) }
            } else {
                reasons.append(.noGroupCode(familyName: family.name, explanation: family.noGroupReason))
            }
        } else {
            if let c = input.caregivers, c > 1 { notes.append(.severalCaregivers(count: c)) }
            let initial = profile.initialUnits(minutes: input.minutes)
            let addOn = profile.addOnUnits(minutes: input.minutes)
            thresholds = [UnitThreshold(code: family.initialCode, unit: 1, minutes: profile.initialMinimum, reached: initial == 1)]
            thresholds += (1...(addOn + 1)).map { n in
                UnitThreshold(code: family.addOnCode, unit: n, minutes: profile.addOnThreshold(unit: n), reached: n <= addOn)
            }
            thresholdNotes = RulesData.thresholdNotes(
                family: family, profile: profile, minutes: input.minutes, addOnUnits: addOn)
            if initial == 0 {
                reasons.append(
                    .belowInitialMinimum(
                        minutes: input.minutes, minimum: profile.initialMinimum, code: family.initialCode,
                        profileName: profile.name))
            } else {
                planned.append((family.initialCode, .initial, 1))
                if addOn > 0 { planned.append((family.addOnCode, .addOn, addOn)) }
            }
        }

        var modifiers: [String] = []
        if let m = policies.modifiers.discipline[input.discipline] { modifiers.append(m) }
        if input.provider == .assistant, let m = policies.modifiers.assistant[input.discipline] { modifiers.append(m) }
        var pricedSetting = input.setting
        if input.telehealth {
            telehealthChecks(input, reasons: &reasons, warnings: &warnings)
            modifiers.append(policies.modifiers.telehealth)
            if input.setting.isInstitutional {
                notes.append(.institutionalTelehealth(modifier: policies.modifiers.telehealth))
            } else if let pos = policies.telehealthPlacesOfService.first(where: { $0.setting == input.setting }) {
                pricedSetting = pos.setting
                notes.append(
                    .telehealthPlaceOfService(pos: pos.pos, facilityRate: pos.setting.usesFacilityPE, policy: pos.summary))
            }
        }

        if input.setting.isInstitutional { notes.append(.institutionalClaim) }

        var lines: [ClaimLine] = []
        var missingData: [MissingData] = []
        var total: DecimalValue? = nil
        var split: BeneficiarySplit? = nil
        var sources: Set<String> = [period.source, profile.source]
        if let cf { sources.insert(cf.source) }
        if reasons.isEmpty, let pending {
            lines = planned.map { ClaimLine(code: $0.code, role: $0.role, units: $0.units, modifiers: [], unitAmount: nil, amount: nil) }
            warnings.append(.pendingFeeSchedule(pendingNotice(pending, on: input.date)))
            sources.formUnion(pending.sources)
            if let t = policies.therapistTelehealth.entry(on: input.date) { sources.insert(t.source) }
            if input.yearToDateAmount != nil, let t = policies.kxThresholds.entry(on: input.date) { sources.insert(t.source) }
        } else if reasons.isEmpty, let cf {
            var missing: [MissingData] = []
            for p in planned {
                let price = priceBreakdown(
                    code: p.code, period: period, setting: pricedSetting, provider: input.provider,
                    locality: input.locality, conversionFactor: cf.id,
                    assistantPercentDate: input.date)
                if case .missing(let m) = price { missing.append(contentsOf: m) }
                if let rvu = period.rvus[p.code] { sources.insert(rvu.source) }
                lines.append(
                    ClaimLine(
                        code: p.code, role: p.role, units: p.units, modifiers: [], unitAmount: price.breakdown?.amount,
                        amount: price.breakdown.map { $0.lineAmount(units: p.units) }, price: price.breakdown))
            }
            if case .locality = input.locality, let t = period.gpciTable, let table = gpciTables[t] {
                sources.insert(table.source)
            }
            if missing.isEmpty {
                total = lines.compactMap(\.amount).reduce(DecimalValue.zero.rounded(toPlaces: 2), +)
            } else {
                let gpciNote: [MissingData] =
                    period.gpciTable == nil ? [.gpciTable(periodLabel: period.label, note: period.gpciMissingNote)] : []
                let periodNotes = period.missingNotes.map(MissingData.periodNote)
                for m in missing + periodNotes + gpciNote where !missingData.contains(m) { missingData.append(m) }
                warnings.append(.amountsNotInGuide(periodLabel: period.label))
            }
            if input.provider == .assistant, let pct = policies.assistantPercent.entry(on: input.date) {
                sources.insert(pct.source)
                notes.append(.assistantPercent(pct.value))
            }
            split = total.flatMap { beneficiarySplit(allowed: $0, on: input.date) }
        }
        // (A date after the last period has no total: KX is then decided on the year-to-date amount alone.)
        if reasons.isEmpty {
            if kxApplies(input, total: total, warnings: &warnings) { modifiers.append(policies.modifiers.kx) }
            let sorted = modifiers.sorted()
            for i in lines.indices { lines[i].modifiers = sorted }
        }

        // Every answer to the KX question carries the hedge on whether these lines count at all (review N7).
        if input.yearToDateAmount != nil, reasons.isEmpty, let k = policies.kxCounting { notes.append(.graded(k)) }
        for case .graded(let s) in notes { sources.insert(s.source) }
        return SessionResult(
            billable: reasons.isEmpty && !lines.isEmpty, kind: kind, family: family.id,
            lines: reasons.isEmpty ? lines : [], total: reasons.isEmpty ? total : nil, warnings: warnings,
            notes: reasons.isEmpty ? notes : notes.filter { !$0.isPricing }, reasons: reasons,
            feeSchedule: FeeScheduleUsed(
                effective: period.range.from, through: period.range.through, label: period.label,
                conversionFactor: cf, gpciTable: period.gpciTable),
            profile: profile.id, locality: input.locality, localityRecord: ctx.locality, pricedSetting: pricedSetting,
            thresholds: thresholds, thresholdNotes: thresholdNotes, split: split,
            documentation: documentationChecklist(on: input.date, kind: kind), sources: sources.sorted(),
            missingData: missingData, pending: pending)
    }

    func telehealthChecks(
        _ input: SessionInput, reasons: inout [NotBillableReason], warnings: inout [SessionWarning]
    ) {
        let row = policies.telehealthListing.entry(on: input.date)
        guard let listing = row, listing.value.allowsTelehealth else {
            reasons.append(.telehealthNotListed(date: input.date, policy: row?.summary))
            return
        }
        if listing.value == .provisional { warnings.append(.provisionalTelehealth(policy: listing.summary)) }
        if listing.value == .unconfirmed { warnings.append(.unconfirmedTelehealthListing(policy: listing.summary)) }
        let status = policies.therapistTelehealth.entry(on: input.date)
        switch status?.value {
        case .authorized?: break
        case .lapsedRestored?: warnings.append(.telehealthLapseRestored(date: input.date, policy: status!.summary))
        default:
            reasons.append(.therapistTelehealthNotAuthorized(date: input.date, policy: status?.summary))
        }
    }

    func kxApplies(_ input: SessionInput, total: DecimalValue?, warnings: inout [SessionWarning]) -> Bool {
        guard let ytd = input.yearToDateAmount else { return false }
        guard let t = policies.kxThresholds.entry(on: input.date) else {
            warnings.append(.noKXThreshold(date: input.date))
            return false
        }
        guard let amount = t.value.amount else {
            let last = policies.kxThresholds.last { $0.range.from < t.range.from && $0.value.amount != nil }
            warnings.append(
                .kxThresholdNotPublished(
                    date: input.date, yearToDate: ytd, lastKnown: last?.value.amount, lastKnownFrom: last?.range.from))
            return false
        }
        let bucket = policies.kxBuckets[input.discipline] ?? input.discipline.rawValue
        if ytd > amount { return true }
        guard let total else {
            warnings.append(.kxUndecidable(threshold: amount, bucket: bucket))
            return false
        }
        return ytd + total > amount
    }

    static func thresholdNotes(
        family: CodeFamily, profile: UnitProfile, minutes: Int, addOnUnits: Int
    ) -> [ThresholdNote] {
        let initial = ThresholdNote.initial(code: family.initialCode, minimum: profile.initialMinimum, profileName: profile.name)
        guard addOnUnits > 0 else {
            return [initial, .addOnNotReached(code: family.addOnCode, firstAt: profile.addOnThreshold(unit: 1), sessionMinutes: minutes)]
        }
        return [
            initial,
            .addOn(
                code: family.addOnCode, reachedAt: (1...addOnUnits).map { profile.addOnThreshold(unit: $0) },
                nextAt: profile.addOnThreshold(unit: addOnUnits + 1), sessionMinutes: minutes),
        ]
    }

    /// The dates around `date` on which the checklist of `kind` reads the same (its items and the consent
    /// wording do not change): the span a checklist's label names instead of a single day.
    public func documentationChecklistRange(on date: CalendarDate, kind: SessionKind) -> DateRange {
        var from = families.map(\.validFrom).min() ?? date
        var through: CalendarDate? = nil
        func clip(_ r: DateRange) {
            if r.contains(date) {
                from = max(from, r.from)
                if let t = r.through { through = through.map { min($0, t) } ?? t }
            } else if r.from > date {
                let before = r.from.adding(days: -1)
                through = through.map { min($0, before) } ?? before
            } else if let t = r.through {
                from = max(from, t.adding(days: 1))
            }
        }
        for item in policies.documentation where item.appliesTo.contains(kind) {
            if let r = item.range { clip(r) }
            if item.usesConsentRule { for c in policies.consent { clip(c.range) } }
        }
        return DateRange(from: from, through: through)
    }

    /// The documentation checklist for a date of service and a session kind (rules.md §7), each item with the
    /// source of its wording (the consent policy's for the consent item).
    public func documentationChecklist(on date: CalendarDate, kind: SessionKind) -> [ChecklistItem] {
        let items = policies.documentation.filter { $0.appliesTo.contains(kind) && ($0.range?.contains(date) ?? true) }
        return items.compactMap { item in
            guard item.usesConsentRule else { return ChecklistItem(id: item.id, text: item.text, source: item.source) }
            return policies.consent.entry(on: date).map { ChecklistItem(id: item.id, text: $0.value, source: $0.source) }
        }
    }
}
