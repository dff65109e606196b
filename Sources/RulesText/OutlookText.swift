import CodingRules

/// One statement of the year outlook: a topic id, the sentence(s) and the sources it rests on.
public struct OutlookItem: Sendable, Hashable {
    /// `amounts`, `conversion-factor`, `work-gpci-floor`, `kx`, `telehealth`, `amounts-first`.
    public var topic: String
    public var text: String
    public var sources: [String]
}

extension RulesText {
    /// A dollar amount with thousands separators and cents ("$" then groups of three digits).
    public static func dollars(_ v: DecimalValue) -> String {
        let t = v.moneyText  // always ends in ".cc"
        let negative = t.hasPrefix("-")
        var whole = t.dropFirst(negative ? 1 : 0).dropLast(3), grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = whole.dropLast(3)
        }
        return (negative ? "−$" : "$") + whole + grouped + t.suffix(3)
    }

    /// "LABEL (dates of service FROM to THROUGH), as checked on CHECKED".
    public func outlookHeading(_ o: YearOutlook) -> String {
        let p = o.pending
        return "\(p.label) (dates of service \(p.range.from)" + (p.range.through.map { " to \($0)" } ?? " on") + ")"
            + ", as checked on \(p.checked)"
    }

    /// The outlook in words, one item per topic, in reading order. `locality` (an id) words the end of the
    /// work-GPCI floor for that locality; otherwise for the locality it lowers most.
    public func outlook(_ o: YearOutlook, locality: String? = nil) -> [OutlookItem] {
        let p = o.pending, last = o.lastPeriod
        let year = String(p.range.from.year), lastYear = String(last.range.from.year)
        var items: [OutlookItem] = [
            OutlookItem(topic: "amounts", text: "\(p.label) amounts are not in this guide yet: \(p.status).", sources: [p.source])
        ]
        if !o.conversionFactors.isEmpty {
            let cfs = o.conversionFactors.map { c -> String in
                var s = "\(c.proposed.value) (\(c.proposed.label))"
                if let cur = c.current, let pct = c.percent {
                    s += ", \(Self.signedPercent(pct)) against \(cur.value) in \(last.label)"
                }
                return s
            }
            items.append(
                OutlookItem(
                    topic: "conversion-factor",
                    text: "Proposed" + (p.proposedOn.map { " on \($0)" } ?? "") + ", not final: conversion factor "
                        + cfs.joined(separator: "; and ") + ". No amount in this guide is computed from them.",
                    sources: Array(Set(o.conversionFactors.map(\.proposed.source))).sorted()))
        }
        if let f = o.floorEnd { items.append(floorItem(f, o, year: year, lastYear: lastYear, locality: locality)) }
        if let kx = o.kx {
            var s: String
            if kx.value.amount == nil {
                s = "The KX threshold for \(year) has not been published yet"
                if let l = o.lastKX, let a = l.value.amount {
                    s += "; until it is, KX may be needed once the patient's therapy for the year passes the "
                        + "\(l.range.from.year) amount of \(Self.dollars(a))"
                }
                s += "."
            } else {
                s = "The KX threshold for \(year) is \(Self.dollars(kx.value.amount!))."
            }
            var ids = [kx.source]
            if let r = o.medicalReview {
                s += " The \(Self.dollars(r.value)) targeted medical review threshold holds through "
                    + "\(r.range.through.map(\.description) ?? "the year")."
                ids.append(r.source)
            }
            items.append(OutlookItem(topic: "kx", text: s, sources: ids))
        }
        if let t = o.telehealthList {
            var s = "Telehealth in \(year): \(t.summary)"
            var ids = [t.source]
            if let th = o.therapistTelehealth {
                // The waiver is named unless the listing's own summary already gives its end date.
                if !t.summary.contains(th.range.through?.description ?? "\u{0}") { s += "; \(th.summary)" }
                ids.append(th.source)
            }
            items.append(OutlookItem(topic: "telehealth", text: s + ".", sources: ids))
        }
        if let w = p.amountsFirst {
            let text = "The \(year) amounts will appear first in \(CertaintyWords.graded(w.text, grade: w.grade))."
            items.append(OutlookItem(topic: "amounts-first", text: text, sources: [w.source]))
        }
        return items
    }

    func floorItem(_ f: YearOutlook.FloorEnd, _ o: YearOutlook, year: String, lastYear: String, locality: String?) -> OutlookItem {
        let through = f.lastFloor.range.through.map(\.description) ?? "the end of \(lastYear)"
        var s = "The \(f.lastFloor.value) floor under the work cost index (work GPCI) applies to dates of service "
            + "through \(through); unless Congress extends it, \(year) uses CMS's work GPCIs without the floor "
            + "(the end date is in the law; that the floor lapses for \(year): \(CertaintyWords.marker("M"))). "
        let lows = f.raised.map(\.workUnfloored)
        s += "In the \(lastYear) table \(f.raised.count) of \(f.localityCount) localities have a work GPCI below "
            + "\(f.lastFloor.value) without the floor"
        if let lo = lows.min(), let hi = lows.max() { s += " (\(lo) to \(hi))" }
        s += "."
        let illustrative = "\(lastYear) values with the work GPCI without the floor; illustrative, not CMS figures"
        func effect(_ e: YearOutlook.FloorEffect) -> String {
            guard let a = e.amountFloored, let b = e.amountUnfloored else { return "" }
            return " \(e.locality.name), \(e.locality.state) (\(e.locality.id)): \(f.code) non-facility "
                + "\(Self.dollars(a)) at \(lastYear) values, about \(Self.dollars(b)) without the floor "
                + "(work GPCI \(e.workFloored) → \(e.workUnfloored); \(illustrative))."
        }
        if let locality {
            if let e = f.raised.first(where: { $0.locality.id == locality }) {
                s += " This locality is one of them:" + effect(e)
            } else {
                s += " This locality's work GPCI is not raised by the floor, so its end does not change this "
                    + "locality's amounts."
            }
        } else if let e = f.raised.max(by: { ($0.amountFloored ?? .zero) - ($0.amountUnfloored ?? .zero) < ($1.amountFloored ?? .zero) - ($1.amountUnfloored ?? .zero) }) {
            s += " The largest change, for example:" + effect(e)
        }
        return OutlookItem(topic: "work-gpci-floor", text: s, sources: [f.lastFloor.source, f.tableSource])
    }

    /// A signed percentage with a space before the sign "%" (a minus sign for a fall).
    static func signedPercent(_ v: DecimalValue) -> String {
        if v.isNegative { return "−" + (DecimalValue.zero - v).description + " %" }
        return (v == .zero ? "" : "+") + v.description + " %"
    }
}
