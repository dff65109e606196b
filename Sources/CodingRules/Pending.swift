/// A sentence of data with its source and its certainty grade (facts.md: H, M, L).
public struct GradedStatement: Sendable, Hashable {
    public var text: String
    public var grade: String
    public var source: String

    public init(text: String, grade: String, source: String) {
        self.text = text
        self.grade = grade
        self.source = source
    }
}

/// What is known about dates of service after the last fee period in the data: the next year's fee schedule
/// is not in the guide yet. All of it is data with sources (outlook.yaml); nothing here is ever priced.
public struct PendingFeeSchedule: Sendable, Hashable {
    /// The dates of service it speaks for (starts the day after the last fee period).
    public var range: DateRange
    public var label: String
    /// When a maintainer last looked for the next final rule.
    public var checked: CalendarDate
    /// One plain sentence on the state of the next fee schedule (e.g. proposed, final rule not yet out).
    public var status: String
    /// Conversion factors CMS has proposed; informational only, never used for an amount.
    public var proposedConversionFactors: [ConversionFactorOption]
    /// When the proposal was published.
    public var proposedOn: CalendarDate?
    public var source: String
    /// Where the year's amounts will appear first (outlook.yaml `amounts_appear_first`), with its grade.
    public var amountsFirst: GradedStatement?
    /// The code the outlook's illustrative figures are for (outlook.yaml `example_code`).
    public var exampleCode: String?

    public init(
        range: DateRange, label: String, checked: CalendarDate, status: String,
        proposedConversionFactors: [ConversionFactorOption], proposedOn: CalendarDate?, source: String
    ) {
        self.range = range
        self.label = label
        self.checked = checked
        self.status = status
        self.proposedConversionFactors = proposedConversionFactors
        self.proposedOn = proposedOn
        self.source = source
    }

    /// Ids of the sources behind the statement.
    public var sources: [String] { Array(Set([source] + proposedConversionFactors.map(\.source))).sorted() }
}

extension RulesData {
    /// The after-the-last-period answer for a date: the pending schedule, the last date with amounts, and the
    /// therapist telehealth policy in force on that date when the data has one.
    public func pendingNotice(_ p: PendingFeeSchedule, on date: CalendarDate) -> PendingNotice {
        PendingNotice(
            schedule: p, lastCovered: coveredRange?.through, date: date,
            therapistTelehealth: policies.therapistTelehealth.entry(on: date)?.summary)
    }

    /// The pending schedule that covers a date no fee period covers, if any.
    public func pending(on date: CalendarDate) -> PendingFeeSchedule? {
        guard period(on: date) == nil, let p = pending, p.range.contains(date) else { return nil }
        return p
    }
}
