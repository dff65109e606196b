extension RulesData {
    /// Every date of service on which something the rules read can differ from the day before: the start of
    /// each code family and code record, each fee period's first day and the day after its last, and the same
    /// for the pending (after the last period) schedule, every dated policy row (telehealth listing, therapist telehealth, consent, quantity limits, KX
    /// thresholds, assistant, coinsurance and sequestration percentages) and every dated documentation item.
    /// Sorted, without repeats.
    ///
    /// Between two consecutive change dates every date lookup of the rules finds the same row, so a result
    /// depends on the date of service only where a sentence quotes that date. Callers that tabulate results
    /// over dates (the calculator data) evaluate once per stretch between change dates instead of once per day,
    /// so their work grows with the number of rule changes, never with the number of days covered.
    public var changeDates: [CalendarDate] {
        var out = Set<CalendarDate>()
        func add(_ range: DateRange) {
            out.insert(range.from)
            // The day after the last one; none when the range ends on the last representable day.
            if let through = range.through, let next = CalendarDate(dayNumber: through.dayNumber + 1) {
                out.insert(next)
            }
        }
        func add<V>(_ rows: [Dated<V>]) { for r in rows { add(r.range) } }
        for f in families { out.insert(f.validFrom) }
        for c in codes { out.insert(c.validFrom) }
        for p in periods { add(p.range) }
        if let p = pending { add(p.range) }
        add(policies.telehealthListing)
        add(policies.therapistTelehealth)
        add(policies.consent)
        add(policies.quantityLimits)
        add(policies.kxThresholds)
        add(policies.assistantPercent)
        add(policies.coinsurancePercent)
        add(policies.sequestrationPercent)
        for item in policies.documentation { if let r = item.range { add(r) } }
        return out.sorted()
    }

    /// The change dates strictly after `from` and up to `through` (see `changeDates`).
    public func changeDates(after from: CalendarDate, through: CalendarDate) -> [CalendarDate] {
        changeDates.filter { $0 > from && $0 <= through }
    }
}
