/// Every step of one unit's allowed amount (rules.md §5), computed once here so pages and `calc` show it
/// without arithmetic of their own:
///
/// - each RVU times its GPCI (`adjusted`), exact;
/// - their sum (`adjustedTotal`) times the conversion factor: `unrounded`, exact;
/// - `feeScheduleAmount`: `unrounded` rounded to cents (where CMS rounds);
/// - for an assistant line, `unrounded × percent` (`assistantUnrounded`, exact) rounded to cents;
/// - `amount`: the line's unit amount (the assistant amount for an assistant, else the fee schedule amount).
public struct PriceBreakdown: Sendable, Hashable {
    /// Work, practice expense and malpractice values (RVUs, GPCIs, or their products).
    public struct Parts: Sendable, Hashable {
        public var work: DecimalValue
        public var pe: DecimalValue
        public var mp: DecimalValue

        public init(work: DecimalValue, pe: DecimalValue, mp: DecimalValue) {
            self.work = work
            self.pe = pe
            self.mp = mp
        }

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
    /// `unrounded × assistantPercent / 100`, unrounded (assistant lines only).
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
            let a = unrounded * pct.percentAsFactor
            assistantUnrounded = a
            amount = a.roundedToCents
        } else {
            assistantUnrounded = nil
            amount = feeScheduleAmount
        }
    }
}
