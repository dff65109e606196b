/// Everything the rules need, loaded from data: code families and records, fee periods, GPCI tables,
/// policies and unit profiles. Build it once; it is immutable and `Sendable`.
public struct RulesData: Sendable, Hashable {
    public var families: [CodeFamily]
    public var codes: [CodeRecord]
    /// Sorted by start date; contiguous (the loader checks it).
    public var periods: [FeePeriod]
    public var gpciTables: [String: GPCITable]
    public var policies: Policies
    public var profiles: [UnitProfile]
    public var defaultProfileID: String
    public var totalTimeRule: TotalTimeRule
    /// What is known about dates of service after the last fee period (nil when nothing is recorded).
    public var pending: PendingFeeSchedule?

    public init(
        families: [CodeFamily], codes: [CodeRecord], periods: [FeePeriod], gpciTables: [String: GPCITable],
        policies: Policies, profiles: [UnitProfile], defaultProfileID: String, totalTimeRule: TotalTimeRule,
        pending: PendingFeeSchedule? = nil
    ) {
        self.pending = pending
        self.families = families
        self.codes = codes
        self.periods = periods.sorted { $0.range.from < $1.range.from }
        self.gpciTables = gpciTables
        self.policies = policies
        self.profiles = profiles
        self.defaultProfileID = defaultProfileID
        self.totalTimeRule = totalTimeRule
    }

    /// The default family id when none is given: the first family listed.
    public var defaultFamilyID: String { families.first?.id ?? "" }

    public func family(_ id: String) -> CodeFamily? { families.first { $0.id == id } }
    public func code(_ code: String) -> CodeRecord? { codes.first { $0.code == code } }
    public func profile(_ id: String) -> UnitProfile? { profiles.first { $0.id == id } }
    public var defaultProfile: UnitProfile? { profile(defaultProfileID) }

    /// The fee period covering a date of service.
    public func period(on date: CalendarDate) -> FeePeriod? { periods.first { $0.range.contains(date) } }

    /// The period that starts on `effective`.
    public func period(effective: CalendarDate) -> FeePeriod? { periods.first { $0.range.from == effective } }

    /// The dates of service the guide accepts (the December review's N19: one range for `calc`, the calculator and
    /// every statement of it): the fee periods, followed by the pending year when the data records one right
    /// after the last period (those dates get claim lines without amounts).
    public var acceptedRange: DateRange? {
        guard let c = coveredRange else { return nil }
        if let p = pending, let t = c.through, p.range.from == t.adding(days: 1) {
            return DateRange(from: c.from, through: p.range.through)
        }
        return c
    }

    /// First and last dates of service with Medicare amounts (the fee periods), when any period exists.
    public var coveredRange: DateRange? {
        guard let first = periods.first, let last = periods.last else { return nil }
        return DateRange(from: first.range.from, through: last.range.through)
    }

    /// Every locality known in any GPCI table (latest table wins for the name), sorted by state and name.
    public var allLocalities: [Locality] {
        var byID: [String: Locality] = [:]
        for table in gpciTables.values.sorted(by: { $0.id < $1.id }) {
            for row in table.rows.values { byID[row.locality.id] = row.locality }
        }
        return byID.values.sorted()
    }

    /// Localities priced in a period (empty when its GPCI table is missing).
    public func localities(in period: FeePeriod) -> [Locality] {
        guard let id = period.gpciTable, let table = gpciTables[id] else { return [] }
        return table.sortedRows.map(\.locality)
    }
}
