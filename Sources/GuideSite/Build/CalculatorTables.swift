import CodingRules

/// What the calculator data holds for one date of service, asked of `CodingRules`: the context of every
/// discipline × provider × telehealth × setting, the documentation reminders, the unit amounts, and the claim
/// patterns per minute. `CalculatorData` tabulates these per date segment (`CalculatorSegments` finds them).
final class CalculatorTables {
    let rules: RulesData
    let localities: [CalculatorData.Choice]
    let maxMinutes: Int
    /// Patients at which a session becomes a group (asked of the rules, not assumed).
    let groupFrom: Int
    let texts = CalculatorData.Interner(), patterns = CalculatorData.Interner(), runLists = CalculatorData.Interner()
    let ctxs = CalculatorData.Interner(), prices = CalculatorData.Interner()

    typealias ContextKey = (Discipline, Provider, Bool, Setting)
    let ctxKeys: [ContextKey] = Discipline.allCases.flatMap { d in
        Provider.allCases.flatMap { p in [false, true].flatMap { t in Setting.allCases.map { s in (d, p, t, s) } } }
    }

    init(rules: RulesData, localities: [CalculatorData.Choice], maxMinutes: Int, first: CalendarDate) {
        self.rules = rules
        self.localities = localities
        self.maxMinutes = maxMinutes
        var groupFrom = 2
        for p in 1...10 {
            let input = SessionInput(minutes: maxMinutes, patients: p, date: first)
            if let r = try? rules.evaluate(input), r.kind == .group { groupFrom = p; break }
        }
        self.groupFrom = groupFrom
    }

    func ctxKey(_ k: ContextKey) -> String { "\(k.0.rawValue)|\(k.1.rawValue)|\(k.2 ? 1 : 0)|\(k.3.rawValue)" }

    /// Sentences that quote the date of service keep it as `{date}` (the page puts the input back).
    func dated(_ list: [String], _ date: CalendarDate, _ texts: CalculatorData.Interner) -> JSONValue {
        let needle = date.description
        return .array(list.map { texts.id(replacing(needle, with: "{date}", in: $0)) })
    }

    func context(_ k: ContextKey, on date: CalendarDate, texts: CalculatorData.Interner) -> JSONValue {
        let input = SessionInput(
            minutes: maxMinutes, patients: 1, date: date, setting: k.3, provider: k.1, discipline: k.0, telehealth: k.2)
        do {
            let r = try rules.evaluate(input)
            return .object([
                "mods": .string(r.billable ? (r.lines.first?.modifiers ?? []).joined(separator: " ") : ""),
                "priced": .string(r.pricedSetting.rawValue),
                "reasons": dated(r.reasons, date, texts), "warnings": dated(r.warnings, date, texts),
                "notes": dated(r.notes, date, texts),
                "split": .optional(
                    r.split.map {
                        "Who pays (Part B deductible met): the patient owes \($0.coinsurancePercent)% coinsurance; "
                            + "Medicare pays the rest less \($0.sequestrationPercent)% sequestration."
                    }),
                "label": .string(r.feeSchedule.label),
            ])
        } catch {
            return .object(["invalid": dated(["--\(error.field.rawValue): \(error.message)"], date, texts)])
        }
    }

    func docs(on date: CalendarDate, texts: CalculatorData.Interner) -> JSONValue {
        .object([
            "0": .array(rules.documentationChecklist(on: date, kind: .individual).map(texts.id)),
            "1": .array(rules.documentationChecklist(on: date, kind: .group).map(texts.id)),
        ])
    }

    func priceTable(on date: CalendarDate, nationalOnly: Bool = false) -> JSONValue {
        guard let period = rules.period(on: date) else { return .object([:]) }
        let codes = rules.family(rules.defaultFamilyID)?.codes ?? []
        var out: [String: JSONValue] = [:]
        for code in codes {
            for s in Setting.allCases {
                for p in Provider.allCases {
                    let cells = localities.prefix(nationalOnly ? 1 : Int.max).map { c -> String in
                        let loc: LocalityChoice = c.value == "national" ? .national : .locality(id: c.value)
                        return rules.unitPrice(
                            code: code, period: period, setting: s, provider: p, locality: loc,
                            assistantPercentDate: date
                        ).amount?.moneyText ?? ""
                    }
                    out["\(code)|\(s.rawValue)|\(p.rawValue)"] = .string(cells.joined(separator: ","))
                }
            }
        }
        return .object(out)
    }

    /// A day's signature: everything the tables hold that could depend on the date. Two days with equal
    /// signatures share one segment. Locality amounts follow the period (its GPCI table) and the national
    /// amounts (assistant share).
    func signature(_ date: CalendarDate, texts: CalculatorData.Interner) -> JSONValue {
        .array(
            ctxKeys.map { context($0, on: date, texts: texts) } + [
                docs(on: date, texts: texts), priceTable(on: date, nationalOnly: true),
                .optional(rules.period(on: date)?.range.from.description),
            ])
    }

    /// One session length's result as the tables keep it (compared before it is turned into JSON).
    struct Pattern: Hashable {
        var lines: [ClaimLine]
        var reasons: [String]
        var thresholds: [UnitThreshold]
    }
    private var patternIndex: [Pattern: Int] = [:]

    /// The claim pattern of every session length for one profile and group flag on a date, as runs
    /// `[fromMinute, pattern]`.
    func runs(profile: UnitProfile, group: Bool, on d: CalendarDate) -> JSONValue {
        var runs: [JSONValue] = []
        var last: Pattern? = nil
        for m in 1...maxMinutes {
            let input = SessionInput(minutes: m, patients: group ? groupFrom : 1, date: d, profile: profile.id)
            var pattern = Pattern(lines: [], reasons: [], thresholds: [])
            if let r = try? rules.evaluate(input) {
                pattern = Pattern(
                    lines: r.reasons.isEmpty ? r.lines.map { ClaimLine(code: $0.code, role: $0.role, units: $0.units,
                        modifiers: [], unitAmount: nil, amount: nil) } : [],
                    reasons: r.reasons.map { minutesPlaceholder($0, m) }, thresholds: r.thresholds)
            }
            if pattern == last { continue }
            last = pattern
            runs.append(.array([.int(m), .int(index(of: pattern))]))
        }
        return .array(runs)
    }

    /// The pattern's number in `patterns` (its sentences numbered on first sight).
    private func index(of p: Pattern) -> Int {
        if let i = patternIndex[p] { return i }
        let json: JSONValue = .object([
            "lines": .array(p.lines.map { .array([.string($0.code), .int($0.units)]) }),
            "reasons": .array(p.reasons.map(texts.id)),
            "thresholds": .array(
                p.thresholds.map {
                    .object([
                        "code": .string($0.code), "unit": .int($0.unit), "minutes": .int($0.minutes),
                        "reached": .bool($0.reached),
                    ])
                }),
        ])
        let i = patterns.list(json)
        patternIndex[p] = i
        return i
    }

    /// One segment of the data file: its dates, runs, contexts, amounts and reminders, evaluated on its first day.
    func segment(from d: CalendarDate, through: CalendarDate) -> JSONValue {
        var runsByKey: [String: JSONValue] = [:]
        for profile in rules.profiles {
            for group in [0, 1] {
                runsByKey["\(profile.id)|\(group)"] = .int(runLists.list(runs(profile: profile, group: group == 1, on: d)))
            }
        }
        var ctxByKey: [String: JSONValue] = [:]
        for k in ctxKeys { ctxByKey[ctxKey(k)] = .int(ctxs.list(context(k, on: d, texts: texts))) }
        return .object([
            "from": .string(d.description), "through": .string(through.description),
            "runs": .object(runsByKey), "ctx": .object(ctxByKey), "prices": .int(prices.list(priceTable(on: d))),
            "docs": docs(on: d, texts: texts),
        ])
    }
}

/// `text` with every occurrence of `needle` replaced (byte-wise, left to right, as `replacingOccurrences`).
func replacing(_ needle: String, with replacement: String, in text: String) -> String {
    let n = Array(needle.utf8), t = Array(text.utf8)
    guard !n.isEmpty, t.count >= n.count else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(t.count)
    var i = 0, changed = false
    while i < t.count {
        if t[i] == n[0], i + n.count <= t.count, t[i..<(i + n.count)].elementsEqual(n) {
            out.append(contentsOf: replacement.utf8)
            i += n.count
            changed = true
        } else {
            out.append(t[i])
            i += 1
        }
    }
    return changed ? String(decoding: out, as: UTF8.self) : text
}
