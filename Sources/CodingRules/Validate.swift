extension RulesData {
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
            throw RulesInputError(.minutes, .minutesNotPositive(input.minutes))
        }
        guard input.patients >= 1 else {
            throw RulesInputError(.patients, .patientsBelowOne(input.patients))
        }
        if let c = input.caregivers, c < 1 {
            throw RulesInputError(.caregivers, .caregiversBelowOne(c))
        }
        let familyID = input.family ?? defaultFamilyID
        guard let family = family(familyID) else {
            throw RulesInputError(.family, .unknownFamily(familyID, accepted: families.map(\.id)))
        }
        let profileID = input.profile ?? defaultProfileID
        guard let profile = profile(profileID) else {
            throw RulesInputError(.profile, .unknownProfile(profileID, accepted: profiles.map(\.id)))
        }
        guard policies.modifiers.discipline[input.discipline] != nil else {
            throw RulesInputError(.discipline, .noDisciplineModifier(input.discipline))
        }
        if input.provider == .assistant && policies.modifiers.assistant[input.discipline] == nil {
            let ok = Discipline.allCases.filter { policies.modifiers.assistant[$0] != nil }
            throw RulesInputError(.provider, .noAssistantModifier(input.discipline, allowed: ok))
        }
        if input.date < family.validFrom {
            throw RulesInputError(
                .date, .beforeCodes(family: family.id, codes: family.codes, validFrom: family.validFrom, date: input.date))
        }
        if let p = pending(on: input.date) {
            if let id = input.conversionFactor, !p.proposedConversionFactors.contains(where: { $0.id == id }) {
                throw RulesInputError(
                    .conversionFactor,
                    .unknownConversionFactor(id, periodLabel: p.label, accepted: p.proposedConversionFactors.map(\.id)))
            }
            let period = FeePeriod(
                range: p.range, label: p.label, conversionFactors: p.proposedConversionFactors, gpciTable: nil,
                rvus: [:], source: p.source)
            return Validated(
                family: family, profile: profile, period: period, cf: nil, locality: try locality(input), pending: p)
        }
        guard let period = period(on: input.date) else {
            let accepted = acceptedRange
            let priced = coveredRange?.through
            throw RulesInputError(
                .date, .dateNotCovered(input.date, covered: accepted, pricedThrough: priced == accepted?.through ? nil : priced))
        }
        guard let cf = period.conversionFactor(input.conversionFactor) else {
            throw RulesInputError(
                .conversionFactor,
                .unknownConversionFactor(
                    input.conversionFactor, periodLabel: period.label, accepted: period.conversionFactors.map(\.id)))
        }
        return Validated(family: family, profile: profile, period: period, cf: cf, locality: try locality(input))
    }

    /// The locality record asked for (nil for national); also checks the year-to-date amount.
    func locality(_ input: SessionInput) throws(RulesInputError) -> Locality? {
        var locality: Locality? = nil
        if case .locality(let id) = input.locality {
            guard let l = allLocalities.first(where: { $0.id == id }) else {
                throw RulesInputError(.locality, .unknownLocality(id, example: allLocalities.first?.id))
            }
            locality = l
        }
        if let ytd = input.yearToDateAmount, ytd.isNegative {
            throw RulesInputError(.yearToDateAmount, .negativeYearToDate(ytd))
        }
        return locality
    }
}
