/// How one unit's amount is computed, or the data that is missing to compute it.
public enum PriceResult: Sendable, Hashable {
    case priced(PriceBreakdown)
    case missing([MissingData])

    public var breakdown: PriceBreakdown? {
        if case .priced(let b) = self { return b }
        return nil
    }

    /// The unit amount, when priced.
    public var amount: DecimalValue? { breakdown?.amount }
}

extension RulesData {
    /// The unit amount for `code` in `period` (rules.md §5), with every step of it (see `PriceBreakdown`).
    /// `assistantPercentDate` picks the assistant differential in force (the date of service; defaults to the
    /// period start). National pricing uses GPCI 1.
    public func priceBreakdown(
        code: String, period: FeePeriod, setting: Setting, provider: Provider = .therapist,
        locality: LocalityChoice = .national, conversionFactor: String? = nil,
        assistantPercentDate: CalendarDate? = nil
    ) -> PriceResult {
        priceBreakdowns(
            code: code, period: period, setting: setting, provider: provider, localities: [locality],
            conversionFactor: conversionFactor, assistantPercentDate: assistantPercentDate)[0]
    }

    /// `priceBreakdown` for each of `localities` (in that order), looking the code's RVUs, the conversion factor,
    /// the GPCI table and the assistant differential up once for all of them.
    public func priceBreakdowns(
        code: String, period: FeePeriod, setting: Setting, provider: Provider = .therapist,
        localities: [LocalityChoice], conversionFactor: String? = nil, assistantPercentDate: CalendarDate? = nil
    ) -> [PriceResult] {
        guard let cf = period.conversionFactor(conversionFactor) else {
            let missing = PriceResult.missing([.conversionFactor(id: conversionFactor, periodLabel: period.label)])
            return localities.map { _ in missing }
        }
        var rvuMissing: [MissingData] = []
        let rvu = period.rvus[code]
        if let rvu {
            // Only the practice-expense column of `setting` is needed.
            let parts = rvu.missingComponents.filter { $0 != (setting.usesFacilityPE ? .peNonfacility : .peFacility) }
            if !parts.isEmpty { rvuMissing.append(.rvuComponents(parts, code: code, periodLabel: period.label)) }
        } else {
            rvuMissing.append(.rvus(code: code, periodLabel: period.label))
        }
        var rvus: PriceBreakdown.Parts? = nil
        if let rvu, let work = rvu.work, let pe = rvu.pe(setting), let mp = rvu.mp {
            rvus = PriceBreakdown.Parts(work: work, pe: pe, mp: mp)
        }
        let table = period.gpciTable.flatMap { gpciTables[$0] }
        let percentDate = assistantPercentDate ?? period.range.from
        let percent = provider == .assistant ? policies.assistantPercent.entry(on: percentDate)?.value : nil
        let national = PriceBreakdown.Parts(work: DecimalValue(1), pe: DecimalValue(1), mp: DecimalValue(1))
        return localities.map { locality in
            var missing = rvuMissing
            var gpci = national
            if case .locality(let id) = locality {
                if let tableID = period.gpciTable, let table {
                    if let row = table.rows[id] {
                        gpci = PriceBreakdown.Parts(work: row.work, pe: row.pe, mp: row.mp)
                    } else {
                        missing.append(.gpciRow(locality: id, table: tableID))
                    }
                } else {
                    missing.append(.gpciTable(periodLabel: period.label, note: period.gpciMissingNote))
                }
            }
            if !missing.isEmpty { return .missing(missing) }
            guard let rvus else { return .missing([.rvus(code: code, periodLabel: period.label)]) }
            if provider == .assistant && percent == nil { return .missing([.assistantPercent(date: percentDate)]) }
            return .priced(
                PriceBreakdown(
                    code: code, setting: setting, provider: provider, locality: locality, rvus: rvus, gpci: gpci,
                    conversionFactor: cf, assistantPercent: percent))
        }
    }

    /// The beneficiary split of an allowed amount on a date: coinsurance, Medicare's share, sequestration.
    /// Nil when the percentages for that date are not in the data.
    public func beneficiarySplit(allowed: DecimalValue, on date: CalendarDate) -> BeneficiarySplit? {
        guard let co = policies.coinsurancePercent.entry(on: date)?.value,
            let seq = policies.sequestrationPercent.entry(on: date)?.value
        else { return nil }
        let coinsurance = (allowed * co.percentAsFactor).roundedToCents
        let medicare = allowed - coinsurance
        let sequestration = (medicare * seq.percentAsFactor).roundedToCents
        return BeneficiarySplit(
            allowed: allowed, coinsurancePercent: co, coinsurance: coinsurance,
            medicareBeforeSequestration: medicare, sequestrationPercent: seq, sequestration: sequestration,
            medicarePaid: medicare - sequestration)
    }
}
