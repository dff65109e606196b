import SiteContent
import CodingRules

/// `ctsguide fees diff A B [--json]`: the fee periods covering dates A and B compared code by code and setting by
/// setting (RVUs, conversion factor, national amount, % change), computed by `RulesData.compare`.
public enum FeeDiffRunner {
    public static func run(from a: String, to b: String, json: Bool, content: String) -> CommandOutcome {
        func fail(_ message: String, _ code: Int32) -> CommandOutcome {
            CommandOutcome(stdout: "", diagnostics: [.error(SourceLocation(file: "fees diff"), message)], exitCode: code)
        }
        guard let da = CalendarDate(parsing: a), let db = CalendarDate(parsing: b) else {
            return fail("expected two dates YYYY-MM-DD (a period's start or any date in it), got '\(a)' '\(b)'", 2)
        }
        let loadedResult = SiteDataLoader.load(contentDirectory: content)
        let loaded = loadedResult.output, diagnostics = loadedResult.diagnostics
        guard let data = loaded else { return CommandOutcome(stdout: "", diagnostics: diagnostics, exitCode: 1) }
        let rules = data.rules
        let periods = rules.periods.map { "\($0.id)" }.joined(separator: ", ")
        guard let pa = rules.period(on: da), let pb = rules.period(on: db) else {
            let missing = rules.period(on: da) == nil ? da : db
            return fail("no fee period covers \(missing); periods start \(periods)", 1)
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
        func pair(_ a: DecimalValue?, _ b: DecimalValue?, money: Bool = false) -> String {
            let f = { (v: DecimalValue?) in v.map { money ? "$" + $0.moneyText : $0.description } ?? "—" }
            return a == b ? f(a) : "\(f(a)) → \(f(b))"
        }
        for ch in c.changes {
            rows.append([
                ch.code, ch.setting.rawValue, pair(ch.old?.work, ch.new?.work), pair(ch.old?.pe, ch.new?.pe),
                pair(ch.old?.mp, ch.new?.mp), pair(ch.old?.total, ch.new?.total),
                pair(ch.old?.amount, ch.new?.amount, money: true), ch.old == nil ? "new" : pct(ch.percentChange),
            ])
        }
        let widths = (0..<rows[0].count).map { i in rows.map { $0[i].count }.max() ?? 0 }
        for r in rows {
            out += zip(r, widths).map { $0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingSpacesAtEnd + "\n"
        }
        if let l = c.largest {
            out += "\nlargest change: \(l.code) \(l.setting.rawValue) \(pct(l.percentChange))\n"
        }
        return out
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
        return JSONValue.object([
            "from": period(c.old, c.oldConversionFactor), "to": period(c.new, c.newConversionFactor),
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
