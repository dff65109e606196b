/// One code in one setting, compared between two fee periods (national amounts, GPCI 1).
public struct CodeChange: Sendable, Hashable {
    public var code: String
    public var setting: Setting
    /// Nil when the code did not exist in that period (or its RVUs are not known).
    public var old: Side?
    public var new: Side?
    /// (new − old) / old × 100 of the national amount, rounded to one decimal; nil unless both amounts are known.
    public var percentChange: DecimalValue?

    /// The RVUs and national amount of one side.
    public struct Side: Sendable, Hashable {
        public var work: DecimalValue
        public var pe: DecimalValue
        public var mp: DecimalValue
        public var total: DecimalValue
        public var conversionFactor: DecimalValue
        public var amount: DecimalValue
    }
}

/// Two consecutive (or any two) fee periods compared code by code and setting by setting.
public struct PeriodComparison: Sendable, Hashable {
    public var old: FeePeriod
    public var new: FeePeriod
    public var oldConversionFactor: ConversionFactorOption
    public var newConversionFactor: ConversionFactorOption
    /// Codes in family order; non-facility before facility.
    public var changes: [CodeChange]

    /// The change with the largest absolute percentage (the first such in table order); nil when none is known.
    public var largest: CodeChange? {
        changes.filter { $0.percentChange != nil }.max { abs($0.percentChange!) < abs($1.percentChange!) }
    }

    /// Percentage change of the default conversion factor, one decimal.
    public var conversionFactorChange: DecimalValue {
        percentChange(from: oldConversionFactor.value, to: newConversionFactor.value, places: 1)
    }
}

func abs(_ v: DecimalValue) -> DecimalValue { v.isNegative ? DecimalValue.zero - v : v }

/// (to − from) / from × 100, rounded half away from zero to `places` decimals, in exact integer arithmetic.
public func percentChange(from: DecimalValue, to: DecimalValue, places: Int) -> DecimalValue {
    let s = max(from.scale, to.scale)
    let a = from.widened(to: s).significand, b = to.widened(to: s).significand
    guard a != 0 else { return .zero }
    let numerator = (b - a) * 100 * DecimalValue.power10(places)
    var q = numerator / a
    let r = numerator % a
    if Swift.abs(r) * 2 >= Swift.abs(a) { q += (numerator < 0) != (a < 0) ? -1 : 1 }
    return DecimalValue(significand: q, scale: places)
}

extension RulesData {
    /// Compares two periods at their default conversion factors (or the option `conversionFactor` where it
    /// exists), for every code valid in either period, national (every GPCI 1).
    public func compare(_ old: FeePeriod, _ new: FeePeriod, conversionFactor: String? = nil) -> PeriodComparison {
        let oldCF = old.conversionFactor(conversionFactor) ?? old.defaultConversionFactor
        let newCF = new.conversionFactor(conversionFactor) ?? new.defaultConversionFactor
        var changes: [CodeChange] = []
        let codes = families.flatMap(\.codes).filter { old.rvus[$0] != nil || new.rvus[$0] != nil }
        for code in codes {
            for setting in Setting.priceColumns {
                func side(_ p: FeePeriod, _ cf: ConversionFactorOption) -> CodeChange.Side? {
                    guard let r = p.rvus[code], let w = r.work, let pe = r.pe(setting), let mp = r.mp,
                        let amount = priceBreakdown(code: code, period: p, setting: setting, conversionFactor: cf.id).amount
                    else { return nil }
                    return CodeChange.Side(work: w, pe: pe, mp: mp, total: w + pe + mp, conversionFactor: cf.value, amount: amount)
                }
                let a = side(old, oldCF), b = side(new, newCF)
                let pct = a.flatMap { a in b.map { percentChange(from: a.amount, to: $0.amount, places: 1) } }
                changes.append(CodeChange(code: code, setting: setting, old: a, new: b, percentChange: pct))
            }
        }
        return PeriodComparison(
            old: old, new: new, oldConversionFactor: oldCF, newConversionFactor: newCF, changes: changes)
    }

    /// Each period compared with the one before it, oldest first.
    public var consecutiveComparisons: [PeriodComparison] {
        zip(periods, periods.dropFirst()).map { compare($0, $1) }
    }
}
