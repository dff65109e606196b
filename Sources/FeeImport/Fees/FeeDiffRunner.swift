import SiteContent
import GuideData
import CodingRules

/// `ctsguide fees diff A B [--json]`: the fee periods covering dates A and B compared code by code and setting by
/// setting (RVUs, conversion factor, national amount, % change), computed by `RulesData.compare`.
public enum FeeDiffRunner {
    public static func run(from a: String, to b: String, json: Bool, content: String) -> CommandOutcome {
        func fail(_ id: DiagnosticID, _ message: String, _ code: Int32) -> CommandOutcome {
            .failure([.error(id, SourceLocation(file: "fees diff"), message)], exitCode: code)
        }
        guard let da = CalendarDate(parsing: a), let db = CalendarDate(parsing: b) else {
            return fail("fees-diff.bad-date", "expected two dates YYYY-MM-DD (a period's start or any date in it), got '\(a)' '\(b)'", 2)
        }
        let loaded = SiteDataLoader.load(contentDirectory: content)
        guard let data = loaded.output else { return .failure(loaded.diagnostics) }
        let rules = data.rules
        let periods = rules.periods.map { "\($0.id)" }.joined(separator: ", ")
        guard let pa = rules.period(on: da), let pb = rules.period(on: db) else {
            let missing = rules.period(on: da) == nil ? da : db
            return fail("fees-diff.no-such-period", "no fee period covers \(missing); periods start \(periods)", 1)
        }
        let c = rules.compare(pa, pb)
        return CommandOutcome(stdout: json ? jsonText(c, data) + "\n" : text(c, data), diagnostics: [], exitCode: 0)
    }

    static func pct(_ v: DecimalValue?) -> String {
        guard let v else { return "n/a" }
        return (v.isNegative || v == .zero ? "" : "+") + v.description + "%"
    }

    package static func text(_ c: PeriodComparison, _ data: SiteData) -> String {
        func head(_ p: FeePeriod, _ cf: ConversionFactorOption) -> String {
            let release = data.provenance(of: p)?.releaseText.map { ", CMS \($0)" } ?? ""
            return "\(p.label) (\(p.range.from)–\(p.range.through.map(\.description) ?? "")), conversion factor \(cf.value)\(release)"
        }
        var out = "from: \(head(c.old, c.oldConversionFactor))\n  to: \(head(c.new, c.newConversionFactor))\n"
        out += "conversion factor: \(c.oldConversionFactor.value) → \(c.newConversionFactor.value) (\(pct(c.conversionFactorChange)))\n\n"
        var rows = [["code", "setting", "work", "PE", "MP", "total RVU", "national amount", "change"]]
        for ch in c.changes {
            rows.append([
                ch.code, ch.setting.rawValue, pair(ch.old?.work, ch.new?.work), pair(ch.old?.pe, ch.new?.pe),
                pair(ch.old?.mp, ch.new?.mp), pair(ch.old?.total, ch.new?.total),
                pair(ch.old?.amount, ch.new?.amount, money: true), ch.old == nil ? "new" : pct(ch.percentChange),
            ])
        }
        out += table(rows)
        if let l = c.largest {
            out += "\nlargest change: \(l.code) \(l.setting.rawValue) \(pct(l.percentChange))\n"
        }
        return out + localityText(c, data)
    }

    /// The code whose locality amounts the diff shows: the first of the main family (97550).
    static func localityCode(_ data: SiteData) -> String? { data.rules.families.first?.codes.first }

    static func floorText(_ f: WorkFloorEffect) -> String {
        switch f {
        case .none: return ""
        case .ended: return "work floor ended"
        case .still: return "work floor kept"
        case .started: return "work floor started"
        }
    }

    /// Per locality: the GPCIs that changed, the floor's effect, and the amount of one unit of the main code.
    static func localityText(_ c: PeriodComparison, _ data: SiteData) -> String {
        guard let code = localityCode(data) else { return "" }
        let all = data.rules.compareLocalities(c.old, c.new, code: code)
        guard !all.isEmpty else { return "\nlocalities: not compared (a period has no GPCI table)\n" }
        let changed = all.filter(\.gpciChanged)
        var out = "\n"
        let floors = data.rules.policies.workGPCIFloor
        let before = floors.entry(on: c.old.range.from), after = floors.entry(on: c.new.range.from)
        if before?.value != after?.value {
            out += "work GPCI floor: \(before.map { "\($0.value) (through \($0.range.through?.description ?? "open"))" } ?? "none")"
                + " → \(after.map { "\($0.value)" } ?? "none") on \(c.new.range.from) (policies.yaml work_gpci_floor)\n"
        }
        out += "localities: \(changed.count) of \(all.count) with a GPCI change (\(code) \(Setting.nonfacility.rawValue), one unit, largest amount change first)\n"
        for (o, n) in renamed(all) { out += "renamed: \(o.id) \(o.state) \(o.name) → \(n.state) \(n.name)\n" }
        guard !changed.isEmpty else { return out }
        var rows = [["locality", "name", "work GPCI", "PE GPCI", "MP GPCI", "floor", code, "change"]]
        for l in changed {
            let change = l.amountChange.map { ($0.isNegative ? "-$" + (DecimalValue.zero - $0).moneyText : "+$" + $0.moneyText) + " (\(pct(l.percentChange)))" } ?? "—"
            rows.append([
                l.locality.id, "\(l.locality.state) \(l.locality.name)", pair(l.old?.work, l.new?.work), pair(l.old?.pe, l.new?.pe),
                pair(l.old?.mp, l.new?.mp), floorText(l.floor), pair(l.oldAmount, l.newAmount, money: true), change,
            ])
        }
        return out + table(rows)
    }

    /// A new name under the same MAC and locality number shows only as the name, or not at all when the GPCIs
    /// stayed: the diff says it (the ZIP code table and the pages follow the number, a reader the name).
    static func renamed(_ all: [LocalityChange]) -> [(old: Locality, new: Locality)] {
        all.compactMap { l in
            guard let o = l.old?.locality, let n = l.new?.locality, o.name != n.name || o.state != n.state else { return nil }
            return (o, n)
        }
    }

    /// "old → new", or the value alone when it did not change ("—" for none; money as "$52.08").
    static func pair(_ a: DecimalValue?, _ b: DecimalValue?, money: Bool = false) -> String {
        let f = { (v: DecimalValue?) in v.map { money ? "$" + $0.moneyText : $0.description } ?? "—" }
        return a == b ? f(a) : "\(f(a)) → \(f(b))"
    }

    /// The rows as left-aligned columns two spaces apart, without trailing spaces.
    static func table(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count).map { i in rows.map { $0[i].count }.max() ?? 0 }
        return rows.map { r in
            zip(r, widths).map { $0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingSpacesAtEnd + "\n"
        }.joined()
    }

    static func jsonText(_ c: PeriodComparison, _ data: SiteData) -> String {
        func period(_ p: FeePeriod, _ cf: ConversionFactorOption) -> JSONValue {
            .object([
                "effective": .string(p.id), "through": .optional(p.range.through?.description), "label": .string(p.label),
                "conversion_factor": .string(cf.value.description), "source": .string(p.source),
                "release": .optional(data.provenance(of: p)?.releaseText),
            ])
        }
        func side(_ s: CodeChange.Side?) -> JSONValue {
            guard let s else { return .null }
            return .object([
                "work": .string(s.work.description), "pe": .string(s.pe.description), "mp": .string(s.mp.description),
                "total": .string(s.total.description), "conversion_factor": .string(s.conversionFactor.description),
                "amount": .string(s.amount.moneyText),
            ])
        }
        let code = localityCode(data) ?? ""
        let all = data.rules.compareLocalities(c.old, c.new, code: code)
        let localities = all.filter(\.gpciChanged)
        func gpci(_ g: LocalityGPCI?) -> JSONValue {
            guard let g else { return .null }
            return .object([
                "work": .string(g.work.description), "work_unfloored": .string(g.workUnfloored.description),
                "pe": .string(g.pe.description), "mp": .string(g.mp.description),
            ])
        }
        return JSONValue.object([
            "from": period(c.old, c.oldConversionFactor), "to": period(c.new, c.newConversionFactor),
            "localities": .array(
                localities.map {
                    .object([
                        "locality": .string($0.locality.id), "name": .string($0.locality.name), "state": .string($0.locality.state),
                        "old": gpci($0.old), "new": gpci($0.new), "floor": .string($0.floor.rawValue), "code": .string(code),
                        "setting": .string($0.setting.rawValue), "old_amount": .optional($0.oldAmount?.moneyText),
                        "new_amount": .optional($0.newAmount?.moneyText), "change_percent": .optional($0.percentChange?.description),
                    ])
                }),
            "renamed_localities": .array(
                renamed(all).map {
                    .object([
                        "locality": .string($0.old.id), "old_name": .string($0.old.name), "old_state": .string($0.old.state),
                        "new_name": .string($0.new.name), "new_state": .string($0.new.state),
                    ])
                }),
            "conversion_factor_change_percent": .string(c.conversionFactorChange.description),
            "changes": .array(
                c.changes.map {
                    .object([
                        "code": .string($0.code), "setting": .string($0.setting.rawValue), "old": side($0.old),
                        "new": side($0.new), "change_percent": .optional($0.percentChange?.description),
                    ])
                }),
        ]).rendered()
    }
}

extension String {
    var trimmingSpacesAtEnd: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
