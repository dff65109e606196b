import CodingRules

extension SiteData {
    /// The effective date of the fee period in force on `date`, or "" when no period covers it.
    package func feePeriodLabel(on date: CalendarDate) -> String {
        rules.period(on: date).map { $0.range.from.description } ?? ""
    }
}
