/// `CalendarDate` lives in the leaf target CalendarDates (the engine reads dates too); every user of the rules
/// sees it through this module.
@_exported import CalendarDates

/// A span of dates, both ends included; `through == nil` means open-ended.
public struct DateRange: Sendable, Hashable, CustomStringConvertible {
    public var from: CalendarDate
    public var through: CalendarDate?

    public init(from: CalendarDate, through: CalendarDate? = nil) {
        self.from = from
        self.through = through
    }

    public func contains(_ d: CalendarDate) -> Bool { d >= from && (through.map { d <= $0 } ?? true) }

    /// True when the two ranges share at least one day.
    public func overlaps(_ o: DateRange) -> Bool {
        let aEndsBefore = through.map { $0 < o.from } ?? false
        let bEndsBefore = o.through.map { $0 < from } ?? false
        return !aEndsBefore && !bEndsBefore
    }

    public var description: String { "\(from) … \(through.map(\.description) ?? "open")" }
}

/// A value that applies to dates of service in a range: one row of a dated policy.
public struct Dated<Value: Sendable & Hashable>: Sendable, Hashable {
    public var range: DateRange
    public var value: Value
    /// The id of the source (in the sources list) that supports this row.
    public var source: String
    /// What this row means, in the guide's own words (for timelines and warnings).
    public var summary: String

    public init(range: DateRange, value: Value, source: String, summary: String) {
        self.range = range
        self.value = value
        self.source = source
        self.summary = summary
    }
}

extension Array {
    /// The first dated row whose range contains `date`.
    public func entry<V>(on date: CalendarDate) -> Dated<V>? where Element == Dated<V> {
        first { $0.range.contains(date) }
    }
}
