import CodingRules

/// `assets/calculator-data.js`: the lookup tables the calculator page (`assets/calculator.js`) reads, all
/// computed here by `CodingRules` (`RulesData.evaluate` and `unitPrice`, the same code paths as `ctsguide calc`),
/// so the script holds no threshold, rate or date. Layout (`window.CTSGUIDE_CALC`):
///
/// - `options`: the form's choices per CLI option (`[value, label]`; localities also carry their state),
///   `defaults`, `dateMin`/`dateMax`, `minutesMin`/`minutesMax` (the minutes the tables cover),
///   `patientsMin`/`patientsMax`, `groupFrom` (patients at which a session becomes a group).
/// - `segments`: date ranges in which every result is constant, found by evaluating canonical inputs on every
///   covered day and grouping equal consecutive days. Each names its `runs` per `profile|group`, its
///   context per `discipline|provider|telehealth|setting`, its `prices` table and `docs` per group flag.
/// - `runs`: lists of `[fromMinute, pattern]`; `patterns`: claim lines `[code, units]`, reasons and the
///   thresholds `{code, unit, minutes, reached}` that decided them.
/// - `ctxs`: modifiers, the setting used for pricing, reasons, warnings and notes (or `invalid`, the CLI's error).
/// - `prices`: per `code|pricedSetting|provider` a comma-separated unit amount per locality (in
///   `options.locality` order; empty when unpriced).
/// - `texts`: every sentence, referenced by index.
enum CalculatorData {
    static let path = "assets/calculator-data.js"
    /// The longest session the tables cover, in minutes (a size choice: longer sessions are told to use the CLI).
    static let tableMinutes = 240

    struct Choice { var value: String; var label: String; var group: String = "" }

    /// The form's choices, shared with the `calculator` directive so both list the same values.
    static func choices(_ rules: RulesData) -> [String: [Choice]] {
        let disciplineNames = ["pt": "Physical therapy (PT)", "ot": "Occupational therapy (OT)", "slp": "Speech-language pathology (SLP)"]
        let providerNames = ["therapist": "Therapist", "assistant": "Assistant (PTA or OTA)"]
        let settingNames = [
            "nonfacility": "Private practice or the patient's home (non-facility amount)",
            "facility": "Physician or NPP billing in a facility (facility amount)",
            "institutional": "Hospital outpatient department, rehab agency, SNF Part B, CORF, home health Part B (non-facility amount)",
        ]
        var locs = [Choice(value: "national", label: "National (no locality adjustment)")]
        for l in rules.allLocalities {
            locs.append(Choice(value: l.id, label: "\(l.state) – \(l.name) (\(l.id))", group: l.state))
        }
        return [
            "discipline": Discipline.allCases.map { Choice(value: $0.rawValue, label: disciplineNames[$0.rawValue] ?? $0.rawValue) },
            "provider": Provider.allCases.map { Choice(value: $0.rawValue, label: providerNames[$0.rawValue] ?? $0.rawValue) },
            "setting": Setting.allCases.map { Choice(value: $0.rawValue, label: settingNames[$0.rawValue] ?? $0.rawValue) },
            "profile": rules.profiles.map { Choice(value: $0.id, label: $0.name) },
            "locality": locs,
        ]
    }

    /// First and last date of service the calculator offers (an open last period ends with its start's year).
    static func dateRange(_ rules: RulesData) -> (CalendarDate, CalendarDate)? {
        guard let r = rules.coveredRange else { return nil }
        let last = r.through ?? CalendarDate(year: rules.periods.last!.range.from.year, month: 12, day: 31)!
        var first = r.from
        if let fam = rules.family(rules.defaultFamilyID), fam.validFrom > first { first = fam.validFrom }
        return (first, last)
    }

    /// Whether a page uses the `calculator` directive (only then is the data file written).
    static func isUsed(_ site: SiteModel) -> Bool {
        site.pages.contains { page in
            page.body.split(separator: "\n").contains { line in
                let t = line.trimmingCharacters(in: .whitespaces)
                guard t.hasPrefix("```") || t.hasPrefix("~~~") else { return false }
                return t.dropFirst(3).split(separator: " ").first == "calculator"
            }
        }
    }

    static func file(site: SiteModel) -> OutputFile {
        OutputFile(path: path, text: "window.CTSGUIDE_CALC = " + build(site.data.rules, asOf: site.config.asOf).compact + ";\n")
    }

    final class Interner {
        var texts: [String] = []
        var index: [String: Int] = [:]
        func id(_ s: String) -> JSONValue {
            if let i = index[s] { return .int(i) }
            index[s] = texts.count
            texts.append(s)
            return .int(texts.count - 1)
        }
        var lists: [JSONValue] = []
        var listIndex: [JSONValue: Int] = [:]
        func list(_ v: JSONValue) -> Int {
            if let i = listIndex[v] { return i }
            listIndex[v] = lists.count
            lists.append(v)
            return lists.count - 1
        }
    }

    static func build(_ rules: RulesData, asOf: CalendarDate) -> JSONValue {
        let choices = choices(rules)
        guard let (first, last) = dateRange(rules) else { return .object([:]) }
        let texts = Interner(), patterns = Interner(), runLists = Interner(), ctxs = Interner(), prices = Interner()
        let maxM = tableMinutes
        // Patients at which a session becomes a group (asked of the rules, not assumed).
        var groupFrom = 2
        for p in 1...10 {
            let input = SessionInput(minutes: maxM, patients: p, date: first)
            if let r = try? rules.evaluate(input), r.kind == .group { groupFrom = p; break }
        }
        let ctxKeys: [(Discipline, Provider, Bool, Setting)] = Discipline.allCases.flatMap { d in
            Provider.allCases.flatMap { p in [false, true].flatMap { t in Setting.allCases.map { s in (d, p, t, s) } } }
        }
        func ctxKey(_ k: (Discipline, Provider, Bool, Setting)) -> String {
            "\(k.0.rawValue)|\(k.1.rawValue)|\(k.2 ? 1 : 0)|\(k.3.rawValue)"
        }
        // Sentences that quote the date of service keep it as `{date}` (the page puts the input back).
        func dated(_ list: [String], _ date: CalendarDate) -> JSONValue {
            .array(list.map { texts.id($0.replacingOccurrences(of: date.description, with: "{date}")) })
        }
        func context(_ k: (Discipline, Provider, Bool, Setting), on date: CalendarDate) -> JSONValue {
            let input = SessionInput(
                minutes: maxM, patients: 1, date: date, setting: k.3, provider: k.1, discipline: k.0, telehealth: k.2)
            do {
                let r = try rules.evaluate(input)
                return .object([
                    "mods": .string(r.billable ? (r.lines.first?.modifiers ?? []).joined(separator: " ") : ""),
                    "priced": .string(r.pricedSetting.rawValue),
                    "reasons": dated(r.reasons, date), "warnings": dated(r.warnings, date),
                    "notes": dated(r.notes, date),
                    "split": .optional(
                        r.split.map {
                            "Who pays (Part B deductible met): the patient owes \($0.coinsurancePercent)% coinsurance; "
                                + "Medicare pays the rest less \($0.sequestrationPercent)% sequestration."
                        }),
                    "label": .string(r.feeSchedule.label),
                ])
            } catch {
                return .object(["invalid": dated(["--\(error.field.rawValue): \(error.message)"], date)])
            }
        }
        func docs(on date: CalendarDate) -> JSONValue {
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
                        let cells = choices["locality"]!.prefix(nationalOnly ? 1 : Int.max).map { c -> String in
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
        // A day's signature: everything the tables hold that could depend on the date.
        func signature(_ date: CalendarDate) -> JSONValue {
            // Locality amounts follow the period (its GPCI table) and the national amounts (assistant share).
            .array(
                ctxKeys.map { context($0, on: date) } + [
                    docs(on: date), priceTable(on: date, nationalOnly: true),
                    .optional(rules.period(on: date)?.range.from.description),
                ])
        }
        var segments: [JSONValue] = []
        var day = first
        var segStart = first
        var current = signature(first)
        func close(_ through: CalendarDate) {
            let d = segStart
            var runsByKey: [String: JSONValue] = [:]
            for profile in rules.profiles {
                for group in [0, 1] {
                    var runs: [JSONValue] = []
                    var lastPattern = -1
                    for m in 1...maxM {
                        let input = SessionInput(
                            minutes: m, patients: group == 1 ? groupFrom : 1, date: d, profile: profile.id)
                        let pattern: JSONValue
                        if let r = try? rules.evaluate(input) {
                            let lines: [JSONValue] = r.lines.map { .array([.string($0.code), .int($0.units)]) }
                            let plan = r.reasons.isEmpty ? lines : []
                            pattern = .object([
                                "lines": .array(plan),
                                "reasons": .array(r.reasons.map { texts.id(minutesPlaceholder($0, m)) }),
                                "thresholds": .array(
                                    r.thresholds.map {
                                        .object([
                                            "code": .string($0.code), "unit": .int($0.unit), "minutes": .int($0.minutes),
                                            "reached": .bool($0.reached),
                                        ])
                                    }),
                            ])
                        } else {
                            pattern = .object(["lines": .array([]), "reasons": .array([]), "thresholds": .array([])])
                        }
                        let pi = patterns.list(pattern)
                        if pi != lastPattern { runs.append(.array([.int(m), .int(pi)])) }
                        lastPattern = pi
                    }
                    runsByKey["\(profile.id)|\(group)"] = .int(runLists.list(.array(runs)))
                }
            }
            var ctxByKey: [String: JSONValue] = [:]
            for k in ctxKeys { ctxByKey[ctxKey(k)] = .int(ctxs.list(context(k, on: d))) }
            segments.append(
                .object([
                    "from": .string(d.description), "through": .string(through.description),
                    "runs": .object(runsByKey), "ctx": .object(ctxByKey), "prices": .int(prices.list(priceTable(on: d))),
                    "docs": docs(on: d),
                ]))
        }
        while day < last {
            let next = day.adding(days: 1)
            let sig = signature(next)
            if sig != current {
                close(day)
                segStart = next
                current = sig
            }
            day = next
        }
        close(last)

        func options(_ key: String) -> JSONValue {
            .array(choices[key]!.map { .array([.string($0.value), .string($0.label)]) })
        }
        let defaultDate = asOf >= first && asOf <= last ? asOf : first
        return .object([
            "options": .object([
                "discipline": options("discipline"), "provider": options("provider"), "setting": options("setting"),
                "profile": options("profile"), "locality": .array(choices["locality"]!.map { .string($0.value) }),
            ]),
            "defaults": .object([
                "minutes": .string("38"), "patients": .string("1"), "date": .string(defaultDate.description),
                "discipline": .string(Discipline.allCases[0].rawValue), "provider": .string(Provider.allCases[0].rawValue),
                "setting": .string(Setting.allCases[0].rawValue), "telehealth": .string("0"),
                "locality": .string("national"), "profile": .string(rules.defaultProfileID),
            ]),
            "dateMin": .string(first.description), "dateMax": .string(last.description),
            "minutesMin": .int(1), "minutesMax": .int(maxM),
            "patientsMin": .int(1), "patientsMax": .int(CalcRunner.maxPatients), "groupFrom": .int(groupFrom),
            "segments": .array(segments), "runs": .array(runLists.lists), "patterns": .array(patterns.lists),
            "ctxs": .array(ctxs.lists), "prices": .array(prices.lists), "texts": .array(texts.texts.map(JSONValue.string)),
        ])
    }
}

/// `text` with the session's minute count (a whole number `m` standing alone) as `{minutes}`.
func minutesPlaceholder(_ text: String, _ m: Int) -> String {
    let chars = Array(text), needle = Array(String(m))
    var out = "", i = 0
    while i < chars.count {
        if i + needle.count <= chars.count, Array(chars[i..<(i + needle.count)]) == needle,
            i == 0 || !chars[i - 1].isNumber, i + needle.count == chars.count || !chars[i + needle.count].isNumber
        {
            out += "{minutes}"
            i += needle.count
        } else {
            out.append(chars[i])
            i += 1
        }
    }
    return out
}

extension JSONValue {
    /// Compact JSON (keys sorted, no spaces), with `<`, `>` escaped so it is safe in a script file.
    var compact: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .string(let s): return jsonString(s)
        case .array(let items): return "[" + items.map(\.compact).joined(separator: ",") + "]"
        case .object(let d): return "{" + d.keys.sorted().map { jsonString($0) + ":" + d[$0]!.compact }.joined(separator: ",") + "}"
        }
    }
}
