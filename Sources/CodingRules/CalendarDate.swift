/// A calendar date (proleptic Gregorian), without time or time zone. Dates of service, period starts and
/// policy dates are all `CalendarDate`s; they compare in calendar order.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date from its parts, or nil if it does not exist (month 13, February 30, …).
    public init?(year: Int, month: Int, day: Int) {
        guard year >= 1, year <= 9999, month >= 1, month <= 12 else { return nil }
        guard day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (four, two and two ASCII digits) and checks that the day exists.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Gregorian cycle lengths in days, built from their parts.
    static let daysPer4Years = 4 * 365 + 1
    static let daysPer100Years = 100 * 365 + 24
    static let daysPer400Years = 400 * 365 + 97

    /// Days since a fixed epoch (Howard Hinnant's days-from-civil), for day arithmetic.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * CalendarDate.daysPer400Years + doe
    }

    /// The date `dayNumber` days from the epoch.
    public init?(dayNumber z0: Int) {
        let z = z0
        let era = (z >= 0 ? z : z - (CalendarDate.daysPer400Years - 1)) / CalendarDate.daysPer400Years
        let doe = z - era * CalendarDate.daysPer400Years
        let yoe = (doe - doe / (CalendarDate.daysPer4Years - 1) + doe / (CalendarDate.daysPer100Years - 1)
            - doe / (CalendarDate.daysPer400Years - 1)) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.init(year: y, month: m, day: d)
    }

    /// The first and last dates there are (years 1 to 9999).
    public static let earliest = CalendarDate(year: 1, month: 1, day: 1)!
    public static let latest = CalendarDate(year: 9999, month: 12, day: 31)!

    /// The date `n` days later (or earlier for negative `n`), or nil when that is outside years 1 to 9999.
    public func addingChecked(days n: Int) -> CalendarDate? {
        let (z, overflow) = dayNumber.addingReportingOverflow(n)
        if overflow || z < CalendarDate.earliest.dayNumber || z > CalendarDate.latest.dayNumber { return nil }
        return CalendarDate(dayNumber: z)
    }

    /// The date `n` days later (or earlier for negative `n`). Never traps: past the last (or before the first)
    /// date there is, it stays at that date; `addingChecked(days:)` says when that happens.
    public func adding(days n: Int) -> CalendarDate {
        addingChecked(days: n) ?? (n < 0 ? CalendarDate.earliest : CalendarDate.latest)
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

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
