import SiteContent
import GuideCalc
import CodingRules
import RulesText

/// `assets/calculator-data.js`: the lookup tables the calculator page (`assets/calculator.js`) reads, all
/// computed here by `CodingRules` (`RulesData.evaluate` and `priceBreakdown`, the same code paths as `ctsguide calc`),
/// so the script holds no threshold, rate or date. Layout (`window.CTSGUIDE_CALC`):
///
/// - `options`: the form's choices per control (`[value, label]`; `locality` only values, with
///   `localityLabels` `[group, label]` beside them), `defaults`,
///   `dateMin`/`dateMax`, `minutesMin`/`minutesMax` (the minutes the tables cover), `patientsMin`/`patientsMax`,
///   `groupFrom` (patients at which a session becomes a group).
/// - `segments`: date ranges in which every result is constant (`CalculatorSegments`: found from the rules'
///   change dates). Each names its `runs` (a `runTables` entry: one `runs` list per `runKeys` entry,
///   `profile|group|family`), its `ctx` (a `ctxTables` entry: one `ctxs` entry per `ctxKeys` entry,
///   `family|discipline|provider|telehealth|setting`), its `prices` table and `docs` per group flag.
/// - `runs`: lists of `[fromMinute, pattern]`; `patterns`: claim lines `[code, units]`, reasons and the
///   thresholds that decided them (sentences of `texts`, worded by `RulesText.unitThreshold`).
/// - `ctxs`: modifiers, the setting used for pricing, reasons, warnings and notes, or `invalid` (why the rules
///   reject the input, in the page's words).
/// - `prices`: per `code|pricedSetting|provider` the number of an `amounts` string: a comma-separated unit
///   amount per locality (in `options.locality` order; empty when unpriced); assistant rows also `…|fee` and the
///   table `share|assistant` (an assistant line is reduced on the whole line: `CalculatorTables.priceTable`).
/// - `texts`: every sentence, referenced by index (`{date}` and `{minutes}` stand for the input).
/// - `splitPolicies`, `splitBucketCents` and each segment's `split`: where the page finds what Medicare pays and
///   what the patient owes for a total (`CalculatorSplits`); each segment's `release`: its fee schedule.
/// - `groupNotes`: per family, what a group session puts on each patient's claim.
package enum CalculatorData {
    package static let path = "assets/calculator-data.js"
    /// The longest session the tables cover, in minutes (a size choice).
    package static let tableMinutes = 240

    package struct Choice { package var value: String; package var label: String; package var group: String = "" }

    static let settingNames = [
        "nonfacility": "Private practice or the patient's home (non-facility amount)",
        "facility": "Physician or NPP billing in a facility (facility amount)",
        "institutional": "Hospital outpatient department, rehab agency, SNF Part B, CORF, home health Part B (non-facility amount)",
    ]

    /// The form's label of a setting (`choices(_:)["setting"]`), without building the other choices.
    package static func settingLabel(_ s: Setting) -> String { settingNames[s.rawValue] ?? s.rawValue }

    /// The form's choices, shared with the `calculator` directive so both list the same values.
    package static func choices(_ rules: RulesData) -> [String: [Choice]] {
        let disciplineNames = ["pt": "Physical therapy (PT)", "ot": "Occupational therapy (OT)", "slp": "Speech-language pathology (SLP)"]
        let providerNames = ["therapist": "Therapist", "assistant": "Assistant (PTA or OTA)"]
        var locs = [Choice(value: "national", label: "National (no locality adjustment)")]
        for l in rules.allLocalities {
            locs.append(Choice(value: l.id, label: "\(l.state) – \(l.name) (\(l.id))", group: l.state))
        }
        return [
            "discipline": Discipline.allCases.map { Choice(value: $0.rawValue, label: disciplineNames[$0.rawValue] ?? $0.rawValue) },
            "provider": Provider.allCases.map { Choice(value: $0.rawValue, label: providerNames[$0.rawValue] ?? $0.rawValue) },
            "setting": Setting.allCases.map { Choice(value: $0.rawValue, label: settingLabel($0)) },
            "profile": rules.profiles.map { Choice(value: $0.id, label: $0.name) },
            "family": rules.families.map { f in
                Choice(value: f.id, label: "\(f.name) (\(f.codes.joined(separator: ", "))"
                    + (f.groupCode == nil ? "; no group code)" : ")"))
            },
            "locality": locs,
            "conversion-factor": conversionFactorChoices(rules),
        ]
    }

    /// `""` (each fee schedule's usual factor) and every option some period has besides its default, labelled as
    /// the latest period with it names it.
    static func conversionFactorChoices(_ rules: RulesData) -> [Choice] {
        var out = [Choice(value: "", label: "The usual conversion factor of the date's fee schedule")]
        var seen: Set<String> = []
        for period in rules.periods.reversed() {
            for o in period.conversionFactors where !o.isDefault && seen.insert(o.id).inserted {
                out.append(Choice(value: o.id, label: o.label))
            }
        }
        return out
    }

    /// First and last date of service the calculator offers: exactly the dates `calc` accepts
    /// (`RulesData.acceptedRange`: the fee periods and the outlook's year after them, which gets its dated answer
    /// without amounts); an open range ends with the year of its last start.
    package static func dateRange(_ rules: RulesData) -> (CalendarDate, CalendarDate)? {
        guard let r = rules.acceptedRange, let lastPeriod = rules.periods.last else { return nil }
        let last = r.through ?? CalendarDate(year: (rules.pending?.range.from ?? lastPeriod.range.from).year, month: 12, day: 31)
            ?? lastPeriod.range.from
        var first = r.from
        if let fam = rules.family(rules.defaultFamilyID), fam.validFrom > first { first = fam.validFrom }
        return (first, last)
    }


    /// The data file and the split scripts (`CalculatorSplits`) from the data alone (the build starts them as
    /// soon as the data is loaded).
    package static func files(rules: RulesData, asOf: CalendarDate) -> [OutputFile] {
        let (data, splits) = build(rules, asOf: asOf)
        var w = JSONWriter(forScript: true)
        w.raw("window.CTSGUIDE_CALC = ")
        w.value(data)
        w.raw(";\n")
        return [OutputFile(path: path, bytes: w.bytes)] + splits
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

    /// The whole data object and the split scripts its segments name; `segments` replaces the segmentation (tests
    /// compare it with grouping every day), `shareRunsWithinStretch: false` evaluates the claim patterns of every
    /// segment (tests compare).
    static func build(
        _ rules: RulesData, asOf: CalendarDate, segments ranges: [CalculatorSegments.Range]? = nil,
        shareRunsWithinStretch: Bool = true
    ) -> (data: JSONValue, splits: [OutputFile]) {
        let choices = choices(rules)
        guard let (first, last) = dateRange(rules) else { return (.object([:]), []) }
        let maxM = tableMinutes
        let tables = CalculatorTables(rules: rules, localities: choices["locality"]!, maxMinutes: maxM, first: first)
        let ranges = ranges ?? CalculatorSegments.ranges(tables, first: first, last: last).ranges
        let runs = tables.allRuns(ranges, shareWithinStretch: shareRunsWithinStretch)
        let splits = CalculatorSplits.build(tables, ranges: ranges, runs: runs)
        let segments = ranges.indices.map { i -> JSONValue in
            var seg = tables.segment(from: ranges[i].from, through: ranges[i].through, runs: runs[i])
            seg["split"] = splits.segmentPolicy[i].map { .int($0) } ?? .null
            // The fee schedule the amounts come from, as the answer names it.
            seg["release"] = rules.period(on: ranges[i].from).map { .string("\($0.label) (from \($0.range.from))") } ?? .null
            for (k, v) in conversionFactorTables(rules, tables, on: ranges[i].from) { seg[k] = v }
            return .object(seg)
        }

        func options(_ key: String) -> JSONValue {
            .array(choices[key]!.map { .array([.string($0.value), .string($0.label)]) })
        }
        let defaultDate = asOf >= first && asOf <= last ? asOf : first
        return (.object([
            "splitPolicies": .array(splits.policies.map { .array($0.map(JSONValue.string)) }),
            "splitBucketCents": .int(CalculatorSplits.bucketCents),
            // Per family, what a group session puts on the claims (the group code is untimed).
            "groupNotes": .object(Dictionary(uniqueKeysWithValues: rules.families.map { f in
                (f.id, JSONValue.string(f.groupCode.map {
                    // Graded L–M in the facts: an inference from the CMS answers, said as one.
                    "One unit of \($0) per session on the claim of each patient represented (an inference from CMS's answers, not stated by CMS); the minutes do not change it."
                } ?? "This family has no group code."))
            })),
            "options": .object([
                "discipline": options("discipline"), "provider": options("provider"), "setting": options("setting"),
                "profile": options("profile"), "family": options("family"), "conversion-factor": options("conversion-factor"),
                "locality": .array(choices["locality"]!.map { .string($0.value) }),
            ]),
            // The locality list's option groups and labels, in `options.locality` order: the page lists only the
            // national choice in its HTML and the script adds these (the form is hidden without JavaScript), so
            // the 110 localities do not weigh on the page itself.
            "localityLabels": .array(choices["locality"]!.map { .array([.string($0.group), .string($0.label)]) }),
            "defaults": .object([
                "minutes": .string("38"), "patients": .string("1"), "date": .string(defaultDate.description),
                "discipline": .string(Discipline.allCases[0].rawValue), "provider": .string(Provider.allCases[0].rawValue),
                "setting": .string(Setting.allCases[0].rawValue), "telehealth": .string("0"),
                "locality": .string("national"), "profile": .string(rules.defaultProfileID),
                "family": .string(rules.defaultFamilyID), "conversion-factor": .string(""),
            ]),
            "dateMin": .string(first.description), "dateMax": .string(last.description),
            "minutesMin": .int(1), "minutesMax": .int(maxM),
            "patientsMin": .int(1), "patientsMax": .int(CalcRunner.maxPatients), "groupFrom": .int(tables.groupFrom),
            "ctxKeys": .array(tables.ctxKeys.map { .string(CalculatorTables.ctxKey($0)) }),
            "runKeys": .array(tables.runKeys.map { .string(CalculatorTables.runKey(profile: $0.profile, group: $0.group, family: $0.family)) }),
            "segments": .array(segments), "runTables": .array(tables.runTables.lists), "runs": .array(tables.runLists.lists),
            "patterns": .array(tables.patterns.lists), "ctxTables": .array(tables.ctxTables.lists),
            "ctxs": .array(tables.ctxs.lists), "prices": .array(tables.prices.lists),
            "amounts": .array(tables.amounts.texts.map(JSONValue.string)),
            "texts": .array(tables.texts.texts.map(JSONValue.string)),
        ]), splits.files)
    }
}

extension CalculatorData {
    /// A segment's conversion-factor options: `cfOK`, the option ids the rules accept on its dates (those of its
    /// fee period, or the proposed ones of a pending schedule); `cf`, the price table of each option other than
    /// the default; `cfError`, the sentence for any other id (`{cf}` stands for it).
    static func conversionFactorTables(_ rules: RulesData, _ tables: CalculatorTables, on date: CalendarDate) -> [String: JSONValue] {
        let label: String, options: [ConversionFactorOption]
        if let p = rules.pending(on: date) {
            (label, options) = (p.label, p.proposedConversionFactors)
        } else if let period = rules.period(on: date) {
            (label, options) = (period.label, period.conversionFactors)
        } else {
            return [:]
        }
        var cf: [String: JSONValue] = [:]
        if rules.pending(on: date) == nil {
            for o in options where !o.isDefault {
                cf[o.id] = .int(tables.prices.list(tables.priceTable(on: date, conversionFactor: o.id)))
            }
        }
        let problem = RulesInputError.Problem.unknownConversionFactor("{cf}", periodLabel: label, accepted: options.map(\.id))
        return [
            "cfOK": .array(options.map { .string($0.id) }), "cf": .object(cf),
            "cfError": tables.texts.id(RulesText.plain.pageProblem(problem, familyName: "")),
        ]
    }
}
