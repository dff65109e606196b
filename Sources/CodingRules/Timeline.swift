/// One dated change, for the "what changed" tables.
public struct TimelineEvent: Sendable, Hashable {
    public var date: CalendarDate
    /// `codes`, `fee-schedule`, `telehealth-list`, `therapist-telehealth`, `consent`, `quantity-limits`,
    /// `kx-threshold`, `assistant-payment`, `coinsurance`, `sequestration`.
    public var topic: String
    public var change: TimelineChange
    public var source: String
}

/// What changed on a timeline date.
public enum TimelineChange: Sendable, Hashable {
    /// A code family's codes became available.
    case codesAvailable(familyName: String, codes: [String])
    /// A fee period started: its default conversion factor and the other options.
    case feeSchedule(label: String, conversionFactor: DecimalValue, options: [ConversionFactorOption])
    /// A dated policy row took effect; its summary (data).
    case policy(String)
}

extension RulesData {
    /// Every dated rule and period start as an event, sorted by date then topic; `from` drops earlier ones.
    public func policyTimeline(from: CalendarDate? = nil) -> [TimelineEvent] {
        var out = families.map { f in
            TimelineEvent(
                date: f.validFrom, topic: "codes", change: .codesAvailable(familyName: f.name, codes: f.codes),
                source: f.source)
        }
        out += periods.map { p in
            TimelineEvent(
                date: p.range.from, topic: "fee-schedule",
                change: .feeSchedule(
                    label: p.label, conversionFactor: p.defaultConversionFactor.value,
                    options: p.conversionFactors.filter { !$0.isDefault }),
                source: p.source)
        }
        func add<V>(_ rows: [Dated<V>], _ topic: String) {
            for r in rows { out.append(TimelineEvent(date: r.range.from, topic: topic, change: .policy(r.summary), source: r.source)) }
        }
        add(policies.telehealthListing, "telehealth-list")
        add(policies.therapistTelehealth, "therapist-telehealth")
        add(policies.consent, "consent")
        add(policies.quantityLimits, "quantity-limits")
        add(policies.kxThresholds, "kx-threshold")
        add(policies.medicalReviewThresholds, "medical-review")
        add(policies.assistantPercent, "assistant-payment")
        add(policies.coinsurancePercent, "coinsurance")
        add(policies.sequestrationPercent, "sequestration")
        return out.filter { from == nil || $0.date >= from! }.sorted { ($0.date, $0.topic) < ($1.date, $1.topic) }
    }
}
