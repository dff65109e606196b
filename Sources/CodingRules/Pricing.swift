/// The allowed amount for one unit of a code, or the names of the data that is missing to compute it.
public enum UnitPrice: Sendable, Hashable {
    case priced(DecimalValue)
    case missing([String])

    public var amount: DecimalValue? {
        if case .priced(let v) = self { return v }
        return nil
    }
}

extension RulesData {
    /// The unit amount for `code` in `period` (rules.md §5):
    /// `round2((work × wGPCI + PE × peGPCI + MP × mpGPCI) × CF)`, and for assistant lines
    /// `round2(unrounded × assistant percent)`. `assistantPercentDate` picks the assistant differential in
    /// force (the date of service; defaults to the period start). National pricing uses GPCI 1.
    public func unitPrice(
        code: String, period: FeePeriod, setting: Setting, provider: Provider = .therapist,
        locality: LocalityChoice = .national, conversionFactor: String? = nil,
        assistantPercentDate: CalendarDate? = nil
    ) -> UnitPrice {
        var missing: [String] = []
        guard let cf = period.conversionFactor(conversionFactor) else {
            return .missing(["conversion factor '\(conversionFactor ?? "")' for \(period.label)"])
        }
        let rvu = period.rvus[code]
        if let rvu {
            let parts = rvu.missingComponents.filter { name in
                switch name {
                case "PE non-facility": return !setting.usesFacilityPE
                case "PE facility": return setting.usesFacilityPE
                default: return true
                }
            }
            if !parts.isEmpty {
                missing.append("\(parts.joined(separator: ", ")) RVU for \(code) in \(period.label)")
            }
        } else {
            missing.append("RVUs for \(code) in \(period.label)")
        }
        var gpci: (DecimalValue, DecimalValue, DecimalValue) = (DecimalValue(1), DecimalValue(1), DecimalValue(1))
        if case .locality(let id) = locality {
            if let tableID = period.gpciTable, let table = gpciTables[tableID] {
                if let row = table.rows[id] {
                    gpci = (row.work, row.pe, row.mp)
                } else {
                    missing.append("GPCI for locality \(id) in table \(tableID)")
                }
            } else {
                missing.append(period.gpciMissingNote ?? "GPCI table for \(period.label)")
            }
        }
        if !missing.isEmpty { return .missing(missing) }
        guard let rvu, let work = rvu.work, let pe = rvu.pe(setting), let mp = rvu.mp else {
            return .missing(["RVUs for \(code) in \(period.label)"])
        }
        let raw = (work * gpci.0 + pe * gpci.1 + mp * gpci.2) * cf.value
        if provider == .assistant {
            let date = assistantPercentDate ?? period.range.from
            guard let pct = policies.assistantPercent.entry(on: date)?.value else {
                return .missing(["assistant payment percentage on \(date)"])
            }
            return .priced((raw * pct.percentAsFactor).roundedToCents)
        }
        return .priced(raw.roundedToCents)
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

/// One cell of a fee table: a code's unit amount in a period, setting and for a provider.
public struct FeeTableRow: Sendable, Hashable {
    public var code: String
    public var setting: Setting
    public var provider: Provider
    public var locality: LocalityChoice
    public var price: UnitPrice
}

extension RulesData {
    /// Unit amounts for every code of the period × setting × provider, for one locality (or national).
    /// Codes are in family order; codes that did not exist in the period are left out.
    public func feeTable(
        period: FeePeriod, locality: LocalityChoice = .national, conversionFactor: String? = nil
    ) -> [FeeTableRow] {
        var rows: [FeeTableRow] = []
        for family in families where family.validFrom <= (period.range.through ?? period.range.from) {
            for code in family.codes where period.rvus[code] != nil {
                for setting in Setting.priceColumns {
                    for provider in Provider.allCases {
                        rows.append(
                            FeeTableRow(
                                code: code, setting: setting, provider: provider, locality: locality,
                                price: unitPrice(
                                    code: code, period: period, setting: setting, provider: provider,
                                    locality: locality, conversionFactor: conversionFactor)))
                    }
                }
            }
        }
        return rows
    }
}
