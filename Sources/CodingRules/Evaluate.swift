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
        var warnings: [String] = [], reasons: [String] = [], notes: [String] = []
        var planned: [(code: String, role: CodeRole, units: Int)] = []
        var thresholds: [UnitThreshold] = []
        var thresholdNotes: [String] = []

        if kind == .group {
            if let group = family.groupCode {
                planned = [(group, .group, 1)]
                thresholdNotes.append(
                    "\(group): untimed group service, 1 unit on this patient's claim "
                        + "(\(input.patients) patients represented; caregivers are not counted)")
            } else {
                reasons.append(family.noGroupReason ?? "the \(family.name) family has no group code")
            }
        } else {
            if let c = input.caregivers, c > 1 {
                notes.append("\(c) caregivers of one patient: still an individual session (patients represented decide)")
            }
            let initial = profile.initialUnits(minutes: input.minutes)
            let addOn = profile.addOnUnits(minutes: input.minutes)
            thresholds.append(
                UnitThreshold(code: family.initialCode, unit: 1, minutes: profile.initialMinimum, reached: initial == 1))
            for n in 1...(addOn + 1) {
                thresholds.append(
                    UnitThreshold(
                        code: family.addOnCode, unit: n, minutes: profile.addOnThreshold(unit: n), reached: n <= addOn))
            }
            thresholdNotes = RulesData.thresholdNotes(
                family: family, profile: profile, minutes: input.minutes, addOnUnits: addOn)
            if initial == 0 {
                reasons.append(
                    "\(input.minutes) minutes is under the \(profile.initialMinimum) minutes \(family.initialCode) "
                        + "needs under the \(profile.name); nothing is reportable")
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
                notes.append(
                    "telehealth on an institutional claim: modifier \(policies.modifiers.telehealth) on the line, "
                        + "priced at the non-facility amount (no place of service decides the rate)")
            } else if let pos = policies.telehealthPlacesOfService.first(where: { $0.setting == input.setting }) {
                pricedSetting = pos.setting
                let rate = pos.setting.usesFacilityPE ? "facility" : "non-facility"
                notes.append("telehealth: place of service \(pos.pos), priced at the \(rate) rate (\(pos.summary))")
            }
        }

        if input.setting.isInstitutional {
            notes.append(
                "institutional claim (hospital outpatient department, rehab agency, SNF Part B, CORF, home health "
                    + "Part B): priced at the non-facility amount, as a copy of the CMS claims manual reports; not "
                    + "confirmed by CMS in full. A critical access hospital is paid its reasonable cost instead: no "
                    + "fee-schedule amount applies")
        }

        var lines: [ClaimLine] = []
        var missingData: [String] = []
        var total: DecimalValue? = nil
        var split: BeneficiarySplit? = nil
        var sources: Set<String> = [period.source, profile.source]
        if let cf { sources.insert(cf.source) }
        if reasons.isEmpty, let pending {
            lines = planned.map { ClaimLine(code: $0.code, role: $0.role, units: $0.units, modifiers: [], unitAmount: nil, amount: nil) }
            warnings.append(pendingStatement(pending, on: input.date))
            sources.formUnion(pending.sources)
            if let t = policies.therapistTelehealth.entry(on: input.date) { sources.insert(t.source) }
            let sorted = modifiers.sorted()
            for i in lines.indices { lines[i].modifiers = sorted }
        } else if reasons.isEmpty, let cf {
            var missing: [String] = []
            for p in planned {
                let price = unitPrice(
                    code: p.code, period: period, setting: pricedSetting, provider: input.provider,
                    locality: input.locality, conversionFactor: cf.id,
                    assistantPercentDate: input.date)
                if case .missing(let m) = price { missing.append(contentsOf: m) }
                if let rvu = period.rvus[p.code] { sources.insert(rvu.source) }
                lines.append(
                    ClaimLine(
                        code: p.code, role: p.role, units: p.units, modifiers: [], unitAmount: price.amount,
                        amount: price.amount.map { $0 * p.units }))
            }
            if case .locality = input.locality, let t = period.gpciTable, let table = gpciTables[t] {
                sources.insert(table.source)
            }
            if missing.isEmpty {
                total = lines.compactMap(\.amount).reduce(DecimalValue.zero.rounded(toPlaces: 2), +)
            } else {
                let gpciNote = period.gpciTable == nil ? [period.gpciMissingNote ?? "GPCI table for \(period.label)"] : []
                for m in missing + period.missingNotes + gpciNote where !missingData.contains(m) { missingData.append(m) }
                warnings.append(
                    "amounts for \(period.label) are not in this guide yet; check your Medicare contractor's fee schedule")
            }
            if kxApplies(input, total: total, warnings: &warnings) { modifiers.append(policies.modifiers.kx) }
            let sorted = modifiers.sorted()
            for i in lines.indices { lines[i].modifiers = sorted }
            if input.provider == .assistant, let pct = policies.assistantPercent.entry(on: input.date) {
                sources.insert(pct.source)
                notes.append("assistant lines are paid at \(pct.value)% of the fee schedule amount")
            }
            if let total {
                split = beneficiarySplit(allowed: total, on: input.date)
            }
        }

        return SessionResult(
            billable: reasons.isEmpty && !lines.isEmpty, kind: kind, family: family.id,
            lines: reasons.isEmpty ? lines : [], total: reasons.isEmpty ? total : nil, warnings: warnings,
            notes: notes, reasons: reasons,
            feeSchedule: FeeScheduleUsed(
                effective: period.range.from, through: period.range.through, label: period.label,
                conversionFactor: cf, gpciTable: period.gpciTable),
            profile: profile.id, locality: input.locality, localityRecord: ctx.locality, pricedSetting: pricedSetting,
            thresholds: thresholds, thresholdNotes: thresholdNotes, split: split,
            documentation: documentationChecklist(on: input.date, kind: kind), sources: sources.sorted(),
            missingData: missingData, pending: pending)
    }

    struct Validated {
        var family: CodeFamily
        var profile: UnitProfile
        var period: FeePeriod
        /// Nil for a date after the last fee period.
        var cf: ConversionFactorOption?
        var locality: Locality?
        var pending: PendingFeeSchedule?
    }

    func validate(_ input: SessionInput) throws(RulesInputError) -> Validated {
        guard input.minutes > 0 else {
            throw RulesInputError(.minutes, "expected a whole number of minutes above 0, got '\(input.minutes)'")
        }
        guard input.patients >= 1 else {
            throw RulesInputError(
                .patients, "expected a whole number of patients represented, 1 or more, got '\(input.patients)'")
        }
        if let c = input.caregivers, c < 1 {
            throw RulesInputError(.caregivers, "expected a whole number of caregivers, 1 or more, got '\(c)'")
        }
        let familyID = input.family ?? defaultFamilyID
        guard let family = family(familyID) else {
            throw RulesInputError(
                .family, "unknown family '\(familyID)'; accepted: \(families.map(\.id).joined(separator: ", "))")
        }
        let profileID = input.profile ?? defaultProfileID
        guard let profile = profile(profileID) else {
            throw RulesInputError(
                .profile, "unknown profile '\(profileID)'; accepted: \(profiles.map(\.id).joined(separator: ", "))")
        }
        guard policies.modifiers.discipline[input.discipline] != nil else {
            throw RulesInputError(.discipline, "no discipline modifier is defined for '\(input.discipline.rawValue)'")
        }
        if input.provider == .assistant && policies.modifiers.assistant[input.discipline] == nil {
            let ok = Discipline.allCases.filter { policies.modifiers.assistant[$0] != nil }.map(\.rawValue)
            throw RulesInputError(
                .provider,
                "Medicare has no assistant modifier for \(input.discipline.readableName), so an assistant's service "
                    + "cannot be billed; choose the therapist, or an assistant in "
                    + ok.compactMap { Discipline(rawValue: $0)?.readableName }.joined(separator: " or "))
        }
        if input.date < family.validFrom {
            throw RulesInputError(
                .date,
                "the \(family.id) codes (\(family.codes.joined(separator: ", "))) exist for dates of service from "
                    + "\(family.validFrom), got \(input.date)")
        }
        if let p = pending(on: input.date) {
            if let id = input.conversionFactor, !p.proposedConversionFactors.contains(where: { $0.id == id }) {
                throw RulesInputError(
                    .conversionFactor,
                    "unknown conversion factor '\(id)' for \(p.label); accepted: "
                        + p.proposedConversionFactors.map(\.id).joined(separator: ", "))
            }
            let period = FeePeriod(
                range: p.range, label: p.label, conversionFactors: p.proposedConversionFactors, gpciTable: nil,
                rvus: [:], source: p.source)
            return Validated(
                family: family, profile: profile, period: period, cf: nil, locality: try locality(input), pending: p)
        }
        guard let period = period(on: input.date) else {
            let covered = coveredRange.map { "\($0.from) through \($0.through.map(\.description) ?? "open")" } ?? "none"
            throw RulesInputError(.date, "no fee schedule period covers \(input.date); covered dates: \(covered)")
        }
        guard let cf = period.conversionFactor(input.conversionFactor) else {
            throw RulesInputError(
                .conversionFactor,
                "unknown conversion factor '\(input.conversionFactor ?? "")' for \(period.label); accepted: "
                    + period.conversionFactors.map(\.id).joined(separator: ", "))
        }
        return Validated(family: family, profile: profile, period: period, cf: cf, locality: try locality(input))
    }

    /// The locality record asked for (nil for national); also checks the year-to-date amount.
    func locality(_ input: SessionInput) throws(RulesInputError) -> Locality? {
        var locality: Locality? = nil
        if case .locality(let id) = input.locality {
            guard let l = allLocalities.first(where: { $0.id == id }) else {
                throw RulesInputError(.locality, "unknown locality '\(id)'; accepted: national or MAC-LOCALITY such as "
                    + (allLocalities.first?.id ?? "none"))
            }
            locality = l
        }
        if let ytd = input.yearToDateAmount, ytd.isNegative {
            throw RulesInputError(.yearToDateAmount, "expected an amount of 0 or more, got '\(ytd)'")
        }
        return locality
    }

    func telehealthChecks(_ input: SessionInput, reasons: inout [String], warnings: inout [String]) {
        guard let listing = policies.telehealthListing.entry(on: input.date), listing.value.allowsTelehealth else {
            let why = policies.telehealthListing.entry(on: input.date)?.summary ?? "no telehealth policy covers this date"
            reasons.append("telehealth is not billable on \(input.date): \(why)")
            return
        }
        if listing.value == .provisional { warnings.append("telehealth: \(listing.summary)") }
        let status = policies.therapistTelehealth.entry(on: input.date)
        switch status?.value {
        case .authorized?: break
        case .lapsedRestored?: warnings.append("telehealth on \(input.date): \(status!.summary)")
        default:
            reasons.append(
                "telehealth is not billable by a therapist on \(input.date): "
                    + (status?.summary ?? "no therapist telehealth authority covers this date"))
        }
    }

    func kxApplies(_ input: SessionInput, total: DecimalValue?, warnings: inout [String]) -> Bool {
        guard let ytd = input.yearToDateAmount else { return false }
        guard let t = policies.kxThresholds.entry(on: input.date) else {
            warnings.append("no KX threshold is known for \(input.date); KX not assessed")
            return false
        }
        let bucket = policies.kxBuckets[input.discipline] ?? input.discipline.rawValue
        if ytd > t.value.amount { return true }
        guard let total else {
            warnings.append(
                "KX: cannot tell whether this claim crosses the \(t.value.amount.moneyText) \(bucket) threshold, "
                    + "because its amount is unknown")
            return false
        }
        return ytd + total > t.value.amount
    }

    static func thresholdNotes(family: CodeFamily, profile: UnitProfile, minutes: Int, addOnUnits: Int) -> [String] {
        var notes = ["\(family.initialCode) from \(profile.initialMinimum) min (\(profile.name))"]
        var addOn = "\(family.addOnCode)"
        if addOnUnits == 0 {
            addOn += " unit 1 at \(profile.addOnThreshold(unit: 1)) min (not reached)"
        } else {
            addOn += (1...addOnUnits).map { " unit \($0) at \(profile.addOnThreshold(unit: $0))" }.joined(separator: ",")
            addOn += ", next at \(profile.addOnThreshold(unit: addOnUnits + 1))"
        }
        notes.append(addOn + " (session: \(minutes) min)")
        return notes
    }

    /// The documentation checklist for a date of service and a session kind (rules.md §7).
    public func documentationChecklist(on date: CalendarDate, kind: SessionKind) -> [String] {
        policies.documentation.compactMap { item in
            guard item.appliesTo.contains(kind), item.range?.contains(date) ?? true else { return nil }
            if item.usesConsentRule { return policies.consent.entry(on: date)?.value }
            return item.text
        }
    }
}
