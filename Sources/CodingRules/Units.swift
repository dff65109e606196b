/// The lines (without modifiers or money) of an individual session of a given length.
public struct UnitLines: Sendable, Hashable {
    public var minutes: Int
    public var initialUnits: Int
    public var addOnUnits: Int
}

/// A band of minutes with the same units, for the units table (`through == nil`: and above).
public struct UnitBand: Sendable, Hashable {
    public var fromMinutes: Int
    public var throughMinutes: Int?
    public var initialUnits: Int
    public var addOnUnits: Int
}

extension UnitProfile {
    /// Units for an individual session of `minutes`.
    public func lines(minutes: Int) -> UnitLines {
        UnitLines(minutes: minutes, initialUnits: initialUnits(minutes: minutes), addOnUnits: addOnUnits(minutes: minutes))
    }

    /// Bands of minutes from 0 through `maxMinutes` with constant units; the last band is open-ended.
    public func bands(upTo maxMinutes: Int) -> [UnitBand] {
        var out: [UnitBand] = []
        for m in 0...max(0, maxMinutes) {
            let l = lines(minutes: m)
            if let last = out.last, last.initialUnits == l.initialUnits, last.addOnUnits == l.addOnUnits { continue }
            if !out.isEmpty { out[out.count - 1].throughMinutes = m - 1 }
            out.append(UnitBand(fromMinutes: m, throughMinutes: nil, initialUnits: l.initialUnits, addOnUnits: l.addOnUnits))
        }
        return out
    }

    /// The minute thresholds: the initial unit, then the first `addOnUnits` add-on units.
    public func thresholds(addOnUnits count: Int) -> (initial: Int, addOn: [Int]) {
        (initialMinimum, (0..<max(0, count)).map { addOnThreshold(unit: $0 + 1) })
    }
}

/// One timed 15-minute service of a visit, for the CMS total-time comparison.
public struct TimedService: Sendable, Hashable {
    public var name: String
    public var minutes: Int
}

/// Units per service under the CMS total-time rule and under the per-service mid-point rule.
public struct TotalTimeComparison: Sendable, Hashable {
    public var totalMinutes: Int
    public var totalUnits: Int
    /// Units per service, in input order, under the CMS total-timed-minutes rule.
    public var cmsUnits: [Int]
    /// Units per service, in input order, counting each service on its own (mid-point of each unit).
    public var perServiceUnits: [Int]
}

extension TotalTimeRule {
    /// Total units for `minutes` of timed services.
    public func totalUnits(minutes: Int) -> Int {
        guard minutes > 0 else { return 0 }
        return minutes / unitMinutes + (minutes % unitMinutes >= remainderMinimum ? 1 : 0)
    }

    /// Applies the rule to a visit: total units from the total minutes; each service first gets its full
    /// units, then the remaining units go to the services with the most leftover minutes (ties: input order).
    /// Beside it, each service counted on its own with the same mid-point (`remainderMinimum`).
    public func compare(_ services: [TimedService]) -> TotalTimeComparison {
        let total = services.reduce(0) { $0 + max(0, $1.minutes) }
        let units = totalUnits(minutes: total)
        var cms = services.map { max(0, $0.minutes) / unitMinutes }
        var left = units - cms.reduce(0, +)
        let order = services.indices.sorted {
            let a = max(0, services[$0].minutes) % unitMinutes, b = max(0, services[$1].minutes) % unitMinutes
            return a != b ? a > b : $0 < $1
        }
        var i = 0
        while left > 0 && !order.isEmpty {
            cms[order[i % order.count]] += 1
            left -= 1
            i += 1
        }
        let per = services.map { totalUnits(minutes: $0.minutes) }
        return TotalTimeComparison(totalMinutes: total, totalUnits: units, cmsUnits: cms, perServiceUnits: per)
    }
}
