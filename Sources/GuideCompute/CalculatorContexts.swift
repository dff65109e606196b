import SiteContent
import CodingRules
import RulesText

/// One context's answer (`CalculatorTables.ctxKeys`: family, discipline, provider, telehealth, setting) on a
/// date, in words: what the data file's `ctxs` entry holds before its sentences are numbered in `texts`.
enum ContextWords: Hashable, Sendable {
    case valid(mods: String, priced: String, reasons: [String], warnings: [String], notes: [String], split: String?, label: String)
    /// Why the rules reject the input, in the page's words.
    case invalid(String)

    /// The `ctxs` entry, its sentences numbered in `texts` (in the order reasons, warnings, notes, split, label).
    func json(_ texts: CalculatorData.Interner) -> JSONValue {
        switch self {
        case .valid(let mods, let priced, let reasons, let warnings, let notes, let split, let label):
            return .object([
                "mods": .string(mods), "priced": .string(priced),
                "reasons": .array(reasons.map(texts.id)), "warnings": .array(warnings.map(texts.id)),
                "notes": .array(notes.map(texts.id)), "split": split.map(texts.id) ?? .null, "label": texts.id(label),
            ])
        case .invalid(let why):
            return .object(["invalid": .array([texts.id(why)])])
        }
    }
}

extension CalculatorTables {
    /// Every context's answer on `date`, in `ctxKeys` order, asked of `RulesData.evaluate` (a session of the
    /// tables' longest length for one patient, priced nationally); computed once per date.
    func contextWords(on date: CalendarDate) -> [ContextWords] {
        if let cached = contextCache[date] { return cached }
        // After the last fee period the warnings go on with the year outlook's floor, KX and where-the-amounts-
        // appear statements (rules.md §5), as `calc` says them; the pending notice gives the factors and the waiver.
        let outlook = rules.pending(on: date) == nil ? [] : rules.yearOutlook().map { o in
            words.outlook(o).filter { !["amounts", "conversion-factor", "telehealth"].contains($0.topic) }.map(\.text)
        } ?? []
        let out = ctxKeys.map { context($0, on: date, outlook: outlook) }
        contextCache[date] = out
        return out
    }

    private func context(_ k: ContextKey, on date: CalendarDate, outlook: [String]) -> ContextWords {
        let input = SessionInput(
            minutes: maxMinutes, patients: 1, date: date, setting: k.setting, provider: k.provider,
            discipline: k.discipline, telehealth: k.telehealth, family: k.family.id)
        do {
            let r = try rules.evaluate(input)
            return .valid(
                mods: r.billable ? (r.lines.first?.modifiers ?? []).joined(separator: " ") : "",
                priced: r.pricedSetting.rawValue, reasons: r.reasons.map(words.reason),
                warnings: r.warnings.map(words.warning) + (r.pending == nil ? [] : outlook),
                notes: r.notes.map(words.note),
                split: r.split.map(words.splitSummary), label: r.feeSchedule.label)
        } catch {
            return .invalid(words.pageProblem(error.problem, familyName: k.family.name))
        }
    }
}
