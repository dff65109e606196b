/// The status of the year after the last fee period (before its final rule is imported), gathered in one value
/// from the data: the pending schedule (outlook.yaml), the proposed conversion factors against the last
/// period's, the end of the work-GPCI floor (policies.yaml `work_gpci_floor` and the GPCI table's unfloored
/// work values), the year's KX and review thresholds, its telehealth status, and where its amounts will appear
/// first. Pages (the `year-outlook` directive), `calc` and the calculator word it through `RulesText`; nothing
/// here is ever a CMS amount.
public struct YearOutlook: Sendable, Hashable {
    /// A proposed conversion factor and the last period's factor with the same id.
    public struct ConversionFactorChange: Sendable, Hashable {
        public var proposed: ConversionFactorOption
        /// The last period's factor with the same id (nil when it has none).
        public var current: ConversionFactorOption?
        /// (proposed − current) / current × 100, rounded to two places.
        public var percent: DecimalValue?
    }

    /// One locality whose work GPCI the floor raised, priced at the last period's values both ways.
    public struct FloorEffect: Sendable, Hashable {
        public var locality: Locality
        public var workFloored: DecimalValue
        public var workUnfloored: DecimalValue
        /// The example code's non-facility unit amount at the last period's values, with the floor.
        public var amountFloored: DecimalValue?
        /// The same with CMS's work GPCI before the floor: illustrative, not a CMS figure.
        public var amountUnfloored: DecimalValue?
    }

    /// The floor ending before the outlook's year, and what it meant in the last period's GPCI table.
    public struct FloorEnd: Sendable, Hashable {
        /// The last floor row (its `through` is before the outlook's year).
        public var lastFloor: Dated<DecimalValue>
        /// The GPCI table the effects are computed from, and its number of localities.
        public var table: String
        public var tableSource: String
        public var localityCount: Int
        /// Every locality the floor raised, sorted by state and name.
        public var raised: [FloorEffect]
        /// The code the amounts are for.
        public var code: String
    }

    public var pending: PendingFeeSchedule
    /// The last fee period (whose values the illustrative figures use).
    public var lastPeriod: FeePeriod
    public var conversionFactors: [ConversionFactorChange]
    /// Nil when a floor row covers the outlook's first day (the floor goes on) or the data records no floor.
    public var floorEnd: FloorEnd?
    public var kx: Dated<KXThreshold>?
    /// The latest KX row with a published amount before the outlook's year.
    public var lastKX: Dated<KXThreshold>?
    public var medicalReview: Dated<DecimalValue>?
    public var telehealthList: Dated<TelehealthListing>?
    public var therapistTelehealth: Dated<TherapistTelehealthStatus>?

    /// Every source id the outlook rests on, sorted.
    public var sources: [String] {
        var ids = Set(pending.sources)
        if let f = floorEnd { ids.formUnion([f.lastFloor.source, f.tableSource]) }
        let dated = [kx?.source, medicalReview?.source, telehealthList?.source, therapistTelehealth?.source]
        ids.formUnion((dated + [pending.amountsFirst?.source]).compactMap { $0 })
        return ids.sorted()
    }
}

extension RulesData {
    /// The outlook for the year after the last fee period, or nil when the data records none. `code` picks the
    /// code of the floor's illustrative amounts (default: the outlook's example code, else the first family's
    /// initial code).
    public func yearOutlook(code: String? = nil) -> YearOutlook? {
        guard let p = pending, let last = periods.last else { return nil }
        let first = p.range.from
        let changes = p.proposedConversionFactors.map { cf -> YearOutlook.ConversionFactorChange in
            let current = last.conversionFactors.first { $0.id == cf.id }
            let pct = current.map { percentChange(from: $0.value, to: cf.value, places: 2) }
            return .init(proposed: cf, current: current, percent: pct)
        }
        var floorEnd: YearOutlook.FloorEnd? = nil
        if policies.workGPCIFloor.entry(on: first) == nil, let lastFloor = policies.workGPCIFloor.last,
            let tid = last.gpciTable, let table = gpciTables[tid]
        {
            let c = code ?? p.exampleCode ?? families.first?.initialCode ?? ""
            let raised = table.sortedRows.filter(\.isWorkFloored).map { row in
                YearOutlook.FloorEffect(
                    locality: row.locality, workFloored: row.work, workUnfloored: row.workUnfloored,
                    amountFloored: floorAmount(code: c, period: last, row: row, work: row.work),
                    amountUnfloored: floorAmount(code: c, period: last, row: row, work: row.workUnfloored))
            }
            floorEnd = .init(
                lastFloor: lastFloor, table: tid, tableSource: table.source, localityCount: table.rows.count,
                raised: raised, code: c)
        }
        return YearOutlook(
            pending: p, lastPeriod: last, conversionFactors: changes, floorEnd: floorEnd,
            kx: policies.kxThresholds.entry(on: first),
            lastKX: policies.kxThresholds.last { $0.range.from < first && $0.value.amount != nil },
            medicalReview: policies.medicalReviewThresholds.entry(on: first),
            telehealthList: policies.telehealthListing.entry(on: first),
            therapistTelehealth: policies.therapistTelehealth.entry(on: first))
    }

    /// One non-facility unit of `code` at `period`'s values in a locality, with `work` as its work GPCI.
    func floorAmount(code: String, period: FeePeriod, row: LocalityGPCI, work: DecimalValue) -> DecimalValue? {
        guard let rvu = period.rvus[code], let w = rvu.work, let pe = rvu.peNonfacility, let mp = rvu.mp else { return nil }
        return PriceBreakdown(
            code: code, setting: .nonfacility, provider: .therapist, locality: .locality(id: row.locality.id),
            rvus: .init(work: w, pe: pe, mp: mp), gpci: .init(work: work, pe: row.pe, mp: row.mp),
            conversionFactor: period.defaultConversionFactor, assistantPercent: nil
        ).amount
    }
}
