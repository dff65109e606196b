import SiteContent
import CodingRules
import RulesText

/// What the calculator data holds for one date of service, asked of `CodingRules`: the context of every
/// family × discipline × provider × telehealth × setting, the documentation reminders, the unit amounts, and
/// the claim patterns per minute. `CalculatorData` tabulates these per date segment (`CalculatorSegments`
/// finds them). Every sentence comes from `RulesText.placeholders`: the session's date is `{date}`.
package final class CalculatorTables {
    let rules: RulesData
    let localities: [CalculatorData.Choice]
    let maxMinutes: Int
    /// Patients at which a session becomes a group (asked of the rules, not assumed).
    let groupFrom: Int
    let texts = CalculatorData.Interner(), patterns = CalculatorData.Interner(), runLists = CalculatorData.Interner()
    let ctxs = CalculatorData.Interner(), prices = CalculatorData.Interner(), amounts = CalculatorData.Interner()
    let ctxTables = CalculatorData.Interner(), runTables = CalculatorData.Interner()

    typealias ContextKey = (family: CodeFamily, discipline: Discipline, provider: Provider, telehealth: Bool, setting: Setting)
    /// Every context, in the order of the data file's `ctxKeys`.
    let ctxKeys: [ContextKey]
    /// Every claim-pattern table (profile, group flag, family), in the order of the data file's `runKeys`.
    let runKeys: [(profile: UnitProfile, group: Bool, family: CodeFamily)]

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
        ctxKeys = rules.families.flatMap { f in
            Discipline.allCases.flatMap { d in
                Provider.allCases.flatMap { p in [false, true].flatMap { t in Setting.allCases.map { s in (f, d, p, t, s) } } }
            }
        }
        runKeys = rules.profiles.flatMap { p in [false, true].flatMap { g in rules.families.map { f in (p, g, f) } } }
    }

    /// `family|discipline|provider|0 or 1|setting`, as the page builds it from the form.
    static func ctxKey(_ k: ContextKey) -> String {
        "\(k.family.id)|\(k.discipline.rawValue)|\(k.provider.rawValue)|\(k.telehealth ? 1 : 0)|\(k.setting.rawValue)"
    }
    /// `profile|0 or 1|family`.
    static func runKey(profile: UnitProfile, group: Bool, family: CodeFamily) -> String {
        "\(profile.id)|\(group ? 1 : 0)|\(family.id)"
    }

    /// The words of the rules, with the session's date as `{date}` (the page puts the input back).
    let words = RulesText.placeholders

    /// Every context's answer on a date, in `ctxKeys` order, in words (`CalculatorContexts`); a segment's
    /// first day is also a signature's, so each date is evaluated once.
    var contextCache: [CalendarDate: [ContextWords]] = [:]

    func docs(on date: CalendarDate, texts: CalculatorData.Interner) -> JSONValue {
        .object([
            "0": .array(rules.documentationChecklist(on: date, kind: .individual).map { texts.id($0.text) }),
            "1": .array(rules.documentationChecklist(on: date, kind: .group).map { texts.id($0.text) }),
        ])
    }

    /// Unit amounts per `code|setting|provider` (every code of every family, every setting): the number of a
    /// string in `amounts` holding one amount per locality in `options.locality` order, empty where unpriced.
    /// An assistant line's amount is not its unit amount times units (rules.md §5: the reduction is taken on
    /// the whole line's fee schedule amount), so each `code|setting|assistant` also has `code|setting|assistant|fee`
    /// (the fee schedule amounts it is reduced from) and the table has `share|assistant`: the assistant's share
    /// in millionths (and `share|scale`, the million), from the same policy `CodingRules` reads. The page's line is
    /// `round half up(fee cents × units × share / scale)` (`CalculatorTables.assistantLineCents` in Swift).
    func priceTable(on date: CalendarDate, conversionFactor: String? = nil) -> JSONValue {
        guard let rows = priceRows(on: date, conversionFactor: conversionFactor) else { return .object([:]) }
        var out: [String: JSONValue] = [:]
        var byKey: [String: PriceRow] = [:]
        for r in rows { byKey[r.key] = r }
        let assistant = Provider.assistant.rawValue, therapist = Provider.therapist.rawValue
        for r in rows {
            out[r.key] = amounts.id(r.amounts)
            guard r.key.hasSuffix("|" + assistant),
                let fee = byKey[String(r.key.dropLast(assistant.count)) + therapist]
            else { continue }
            out[r.key + "|fee"] = amounts.id(fee.amounts)
        }
        if let share = assistantShareMillionths(on: date) {
            out["share|" + assistant] = .int(share)
            out["share|scale"] = .int(Self.shareScale)
        }
        return .object(out)
    }

    /// The assistant differential in force on `date` as millionths of the fee (85 % → 850000); nil when the
    /// data has none or it is finer than a ten-thousandth of a percent.
    func assistantShareMillionths(on date: CalendarDate) -> Int? {
        guard let pct = rules.policies.assistantPercent.entry(on: date)?.value else { return nil }
        let m = pct * DecimalValue(10_000)
        guard m.rounded(toPlaces: 0) == m else { return nil }
        return m.wholePart
    }

    /// What `share|…` is counted in (`share|scale` in the table, so the page holds no number of its own).
    static let shareScale = 1_000_000

    /// The page's assistant line arithmetic, in Swift (tests check it equals `CodingRules`' line amount).
    static func assistantLineCents(feeCents: Int, units: Int, shareMillionths: Int) -> Int {
        (feeCents * units * shareMillionths + shareScale / 2) / shareScale
    }

    /// The price rows by the inputs they depend on (`priceKey`, `CalculatorPrices`): many segments share a
    /// period and assistant differential, and a segment's table is also part of its signature.
    var priceRowCache: [String: [PriceRow]] = [:]

    /// A day's signature: everything the tables hold that could depend on the date. Two days with equal
    /// signatures share one segment. Locality amounts follow the period (its GPCI table) and the national
    /// amounts (assistant share, which a date without a fee period does not show).
    struct Signature: Equatable {
        var contexts: [ContextWords], docs: [[String]], nationalPrices: [String]?, share: Int?, period: CalendarDate?
    }

    func signature(_ date: CalendarDate) -> Signature {
        let prices = priceRows(on: date)
        return Signature(
            contexts: contextWords(on: date),
            docs: [SessionKind.individual, .group].map { rules.documentationChecklist(on: date, kind: $0).map(\.text) },
            nationalPrices: prices?.map(\.national), share: prices == nil ? nil : assistantShareMillionths(on: date),
            period: rules.period(on: date)?.range.from)
    }

    typealias Pattern = CalculatorRuns.Pattern
    private var patternIndex: [Pattern: Int] = [:]

    /// The runs of every segment (`ranges`) and `runKeys` entry; `[segment][key]`.
    ///
    /// Segments within one stretch between change dates share the runs of the stretch's first segment: every
    /// rule lookup is the same there, and the runs' sentences write the date of service as `{date}`.
    /// `shareWithinStretch: false` evaluates every segment (the tests compare).
    func allRuns(_ ranges: [CalculatorSegments.Range], shareWithinStretch: Bool = true) -> [[[CalculatorRuns.Run]]] {
        let changes = rules.changeDates
        func stretch(_ d: CalendarDate) -> CalendarDate? { changes.last { $0 <= d } }
        var out: [[[CalculatorRuns.Run]]] = []
        for (i, r) in ranges.enumerated() {
            if shareWithinStretch, i > 0, stretch(ranges[i - 1].from) == stretch(r.from) {
                out.append(out[i - 1])
                continue
            }
            out.append(runKeys.map { k in
                let job = CalculatorRuns.Job(date: r.from, profile: k.profile, group: k.group, family: k.family)
                return CalculatorRuns.runs(rules, job, maxMinutes: maxMinutes, groupFrom: groupFrom)
            })
        }
        return out
    }

    /// The pattern's number in `patterns` (its sentences numbered on first sight).
    private func index(of p: Pattern) -> Int {
        if let i = patternIndex[p] { return i }
        let json: JSONValue = .object([
            "lines": .array(p.lines.map { .array([.string($0.code), .int($0.units)]) }),
            "reasons": .array(p.reasons.map(texts.id)),
            "thresholds": .array(p.thresholds.map { texts.id(words.unitThreshold($0)) } + p.graded.map { texts.id($0) }),
        ])
        let i = patterns.list(json)
        patternIndex[p] = i
        return i
    }

    /// One segment of the data file: its dates and the numbers of its claim-pattern table (`runTables`, in
    /// `runKeys` order), context table (`ctxTables`, in `ctxKeys` order), amounts and reminders, all evaluated
    /// on its first day.
    func segment(from d: CalendarDate, through: CalendarDate, runs: [[CalculatorRuns.Run]]) -> [String: JSONValue] {
        let runIDs = runs.map { list in
            JSONValue.int(runLists.list(.array(list.map { .array([.int($0.from), .int(index(of: $0.pattern))]) })))
        }
        let ctx = contextWords(on: d).map { JSONValue.int(ctxs.list($0.json(texts))) }
        return [
            "from": .string(d.description), "through": .string(through.description),
            "runs": .int(runTables.list(.array(runIDs))), "ctx": .int(ctxTables.list(.array(ctx))),
            "prices": .int(prices.list(priceTable(on: d))), "docs": docs(on: d, texts: texts),
        ]
    }
}
