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
            "nonfacility": "Non-facility (private practice, home)",
            "facility": "Facility (hospital outpatient department, SNF)",
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

    /// The whole data object; `segments` replaces the segmentation (tests compare it with grouping every day).
    static func build(
        _ rules: RulesData, asOf: CalendarDate, segments ranges: [CalculatorSegments.Range]? = nil
    ) -> JSONValue {
        let choices = choices(rules)
        guard let (first, last) = dateRange(rules) else { return .object([:]) }
        let maxM = tableMinutes
        let tables = CalculatorTables(rules: rules, localities: choices["locality"]!, maxMinutes: maxM, first: first)
        let ranges = ranges ?? CalculatorSegments.ranges(tables, first: first, last: last).ranges
        // Sentences are numbered in the order a day-by-day pass meets them: a segment's first-day signature,
        // then the previous segment's tables.
        var segments: [JSONValue] = []
        for (i, r) in ranges.enumerated() {
            _ = tables.signature(r.from, texts: tables.texts)
            if i > 0 { segments.append(tables.segment(from: ranges[i - 1].from, through: ranges[i - 1].through)) }
        }
        if let r = ranges.last { segments.append(tables.segment(from: r.from, through: r.through)) }
        let groupFrom = tables.groupFrom
        let texts = tables.texts, runLists = tables.runLists, patterns = tables.patterns
        let ctxs = tables.ctxs, prices = tables.prices

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
