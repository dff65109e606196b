/// What a change of GPCI table did to the work GPCI floor in one locality.
public enum WorkFloorEffect: String, Sendable, Hashable {
    /// No floor raised the work GPCI in either period (or the tables do not say).
    case none
    /// A floor raised the old period's work GPCI and no longer does: the new one is CMS's own, lower value.
    case ended = "floor-ended"
    /// A floor raised the work GPCI in both periods.
    case still = "floor-kept"
    /// A floor raises the new period's work GPCI above the old period's value, which it did not raise.
    case started = "floor-started"
}

/// One locality compared between two fee periods: its GPCIs, the floor's effect, and the amount of one unit of a
/// code (the default conversion factor of each period) before and after.
public struct LocalityChange: Sendable, Hashable {
    public var locality: Locality
    /// Nil when the locality is not in that period's table.
    public var old: LocalityGPCI?
    public var new: LocalityGPCI?
    public var floor: WorkFloorEffect
    public var code: String
    public var setting: Setting
    public var oldAmount: DecimalValue?
    public var newAmount: DecimalValue?

    /// True when a GPCI (work, PE or MP) or the locality's presence differs.
    public var gpciChanged: Bool {
        guard let o = old, let n = new else { return true }
        return o.work != n.work || o.pe != n.pe || o.mp != n.mp
    }

    /// New minus old amount; nil unless both are known.
    public var amountChange: DecimalValue? {
        guard let a = oldAmount, let b = newAmount else { return nil }
        return b - a
    }

    /// (new − old) / old × 100, one decimal.
    public var percentChange: DecimalValue? {
        guard let a = oldAmount, let b = newAmount else { return nil }
        return CodingRules.percentChange(from: a, to: b, places: 1)
    }
}

extension RulesData {
    /// Every locality of either period's GPCI table compared, for one code and setting: largest change of the
    /// amount of one unit first (by absolute dollars, then locality order). Empty when a period has no table.
    public func compareLocalities(_ old: FeePeriod, _ new: FeePeriod, code: String, setting: Setting = .nonfacility)
        -> [LocalityChange]
    {
        guard let a = old.gpciTable.flatMap({ gpciTables[$0] }), let b = new.gpciTable.flatMap({ gpciTables[$0] }) else {
            return []
        }
        var ids = Array(Set(a.rows.keys).union(b.rows.keys))
        ids.sort { (b.rows[$0] ?? a.rows[$0])!.locality < (b.rows[$1] ?? a.rows[$1])!.locality }
        let places = ids.map { LocalityChoice.locality(id: $0) }
        let oldPrices = priceBreakdowns(code: code, period: old, setting: setting, localities: places)
        let newPrices = priceBreakdowns(code: code, period: new, setting: setting, localities: places)
        let changes = ids.enumerated().map { i, id in
            let o = a.rows[id], n = b.rows[id]
            let floor: WorkFloorEffect = switch (o?.isWorkFloored ?? false, n?.isWorkFloored ?? false) {
            // A locality the new table drops has no new work GPCI: the floor did not end there, the row did.
            case (true, false): n == nil ? .none : .ended
            case (true, true): .still
            // A table without the unfloored column says nothing about a floor: "started" only when the floor
            // visibly raised the work GPCI.
            case (false, true): (o.map { $0.work < n!.work } ?? false) ? .started : .none
            case (false, false): .none
            }
            return LocalityChange(
                locality: (n ?? o)!.locality, old: o, new: n, floor: floor, code: code, setting: setting,
                oldAmount: o == nil ? nil : oldPrices[i].amount, newAmount: n == nil ? nil : newPrices[i].amount)
        }
        // Ties keep the locality order.
        return changes.enumerated().sorted {
            let x = $0.element.amountChange.map(abs) ?? .zero, y = $1.element.amountChange.map(abs) ?? .zero
            return x != y ? x > y : $0.offset < $1.offset
        }.map(\.element)
    }
}
