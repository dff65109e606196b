/// A units rule for individual (timed) sessions: how many minutes attain the initial unit and each add-on
/// unit. Profiles are data, so a payer's rule is added without code.
///
/// The initial unit is attained at `initialMinimum` minutes; the add-on's n-th unit at
/// `initialSpan + addOnSpan × (n − 1) + addOnMinimum` minutes in total.
public struct UnitProfile: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// What the rule is and who uses it, in the guide's own words.
    public var summary: String
    /// True for the rule the CPT code set itself states.
    public var isCPTRule: Bool
    /// Minutes the initial code covers.
    public var initialSpan: Int
    /// Minutes needed for the initial unit.
    public var initialMinimum: Int
    /// Minutes each add-on unit covers.
    public var addOnSpan: Int
    /// Minutes into an add-on span needed for that unit.
    public var addOnMinimum: Int
    public var source: String

    public init(
        id: String, name: String, summary: String, isCPTRule: Bool, initialSpan: Int, initialMinimum: Int,
        addOnSpan: Int, addOnMinimum: Int, source: String
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.isCPTRule = isCPTRule
        self.initialSpan = initialSpan
        self.initialMinimum = initialMinimum
        self.addOnSpan = addOnSpan
        self.addOnMinimum = addOnMinimum
        self.source = source
    }

    /// Units of the initial code for a session of `minutes` (0 or 1).
    public func initialUnits(minutes: Int) -> Int { minutes >= initialMinimum ? 1 : 0 }

    /// Units of the add-on code for a session of `minutes`; 0 whenever the initial unit is not attained.
    public func addOnUnits(minutes: Int) -> Int {
        guard initialUnits(minutes: minutes) == 1 else { return 0 }
        let beyond = minutes - initialSpan
        guard beyond >= addOnMinimum else { return 0 }
        return (beyond - addOnMinimum) / addOnSpan + 1
    }

    /// Total minutes at which the add-on's `unit`-th unit (1-based) is attained.
    public func addOnThreshold(unit: Int) -> Int { initialSpan + addOnSpan * (unit - 1) + addOnMinimum }
}

/// The CMS total-timed-minutes rule for a visit with several 15-minute services: total units are
/// total minutes ÷ `unitMinutes`, plus one when the remainder is at least `remainderMinimum`.
public struct TotalTimeRule: Sendable, Hashable {
    public var name: String
    public var summary: String
    public var unitMinutes: Int
    public var remainderMinimum: Int
    public var source: String

    public init(name: String, summary: String, unitMinutes: Int, remainderMinimum: Int, source: String) {
        self.name = name
        self.summary = summary
        self.unitMinutes = unitMinutes
        self.remainderMinimum = remainderMinimum
        self.source = source
    }
}
