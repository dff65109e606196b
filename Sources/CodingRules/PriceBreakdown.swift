/// Every step of one unit's allowed amount (rules.md §5), computed once here so pages and `calc` show it
/// without arithmetic of their own:
///
/// - each RVU times its GPCI (`adjusted`), exact;
/// - their sum (`adjustedTotal`) times the conversion factor: `unrounded`, exact;
/// - `feeScheduleAmount`: `unrounded` rounded to cents (where CMS rounds);
/// - for an assistant line, `feeScheduleAmount × percent` (`assistantUnrounded`, exact) rounded to cents: the
///   reduction applies to the fee schedule amount in cents, as a contractor holds it (rules.md §5, facts D7);
/// - `amount`: the line's unit amount (the assistant amount for an assistant, else the fee schedule amount);
/// - `lineAmount(units:)`: the amount of a line of several units — for an assistant line the reduction is taken
///   on the line, `round2(feeScheduleAmount × units × percent)`, which can differ by a cent from
///   `amount × units`.
public struct PriceBreakdown: Sendable, Hashable {
    /// Work, practice expense and malpractice values (RVUs, GPCIs, or their products).
    public struct Parts: Sendable, Hashable {
        public var work: DecimalValue
        public var pe: DecimalValue
        public var mp: DecimalValue
        /// work + pe + mp.
        public var sum: DecimalValue { work + pe + mp }
    }

    public let code: String
    /// The setting whose practice-expense RVU is used.
    public let setting: Setting
    public let provider: Provider
    public let locality: LocalityChoice
    /// The RVUs (PE for `setting`).
    public let rvus: Parts
    /// The GPCIs (every one 1 for national pricing).
    public let gpci: Parts
    public let conversionFactor: ConversionFactorOption
    /// Each RVU times its GPCI.
    public let adjusted: Parts
    /// The sum of `adjusted`.
    public let adjustedTotal: DecimalValue
    /// `adjustedTotal × conversion factor`, unrounded.
    public let unrounded: DecimalValue
    /// `unrounded` rounded to cents: the fee schedule amount.
    public let feeScheduleAmount: DecimalValue
    /// The assistant payment percentage, for an assistant line.
    public let assistantPercent: DecimalValue?
    /// `feeScheduleAmount × assistantPercent / 100`, unrounded (assistant lines only).
    public let assistantUnrounded: DecimalValue?
    /// The unit amount of the line, rounded to cents.
    public let amount: DecimalValue

    public init(
        code: String, setting: Setting, provider: Provider, locality: LocalityChoice, rvus: Parts, gpci: Parts,
        conversionFactor: ConversionFactorOption, assistantPercent: DecimalValue?
    ) {
        self.code = code
        self.setting = setting
        self.provider = provider
        self.locality = locality
        self.rvus = rvus
        self.gpci = gpci
        self.conversionFactor = conversionFactor
        adjusted = Parts(work: rvus.work * gpci.work, pe: rvus.pe * gpci.pe, mp: rvus.mp * gpci.mp)
        adjustedTotal = adjusted.sum
        unrounded = adjustedTotal * conversionFactor.value
        feeScheduleAmount = unrounded.roundedToCents
        self.assistantPercent = provider == .assistant ? assistantPercent : nil
        if provider == .assistant, let pct = assistantPercent {
            let a = feeScheduleAmount * pct.percentAsFactor
            assistantUnrounded = a
            amount = a.roundedToCents
        } else {
            assistantUnrounded = nil
            amount = feeScheduleAmount
        }
    }

    /// The allowed amount of a line of `units` units (rules.md §5): `amount × units`, except on an assistant
    /// line, where the percentage is taken of the whole line's fee schedule amount and rounded once,
    /// `round2(feeScheduleAmount × units × percent)`.
    public func lineAmount(units: Int) -> DecimalValue {
        guard provider == .assistant, let pct = assistantPercent else { return amount * units }
        return (feeScheduleAmount * units * pct.percentAsFactor).roundedToCents
    }
}
