import SiteContent
import GuideCalc
import SiteRender
import GuideData
import CodingRules
import RulesText
import Foundation

extension GuideDataLoader {
    /// Keys of a scenario that are `calc` options, with the option name they stand for.
    static let exampleOptionKeys: [(key: String, option: String)] = [
        ("minutes", "minutes"), ("patients", "patients"), ("caregivers", "caregivers"), ("date", "date"),
        ("setting", "setting"), ("provider", "provider"), ("discipline", "discipline"),
        ("telehealth", "telehealth"), ("locality", "locality"), ("profile", "profile"), ("family", "family"),
        ("ytd_amount", "ytd-amount"), ("conversion_factor", "conversion-factor"),
    ]

    /// examples.yaml: `examples:` list of {id, title, narrative, minutes, date, [patients, caregivers, setting,
    /// provider, discipline, telehealth, locality, profile, family, ytd_amount, conversion_factor, sources]}.
    /// Optional file. Each scenario is validated like `ctsguide calc` input and evaluated once, so an invalid
    /// scenario is an error at its line.
    static func loadExamples(_ file: String, rules: RulesData, known: Set<String>, diags: inout [Diagnostic])
        -> [ExampleScenario]
    {
        guard let (ctx, opened) = openOptionalYAML(file, diags: &diags) else { return [] }
        defer { diags.append(contentsOf: ctx.diagnostics.items) }
        guard let root = opened else { return [] }
        var out: [ExampleScenario] = []
        var seen: Set<String> = []
        for item in root.list("examples", required: true) ?? [] {
            guard let m = item.mapping("a scenario") else { continue }
            defer { m.finish("a scenario") }
            let id = m.string("id", required: true)
            let title = m.string("title", required: true)
            let narrative = m.string("narrative", required: true)
            var raw: [String: String] = [:]
            for (key, _) in exampleOptionKeys where key != "telehealth" {
                if let v = m.string(key) { raw[key] = v.trimmingCharacters(in: .whitespaces) }
            }
            let telehealth = m.bool("telehealth") ?? false
            let sources = m.stringList("sources") ?? []
            guard let id, let title, let narrative else { continue }
            if seen.contains(id) { m.node("id")?.error("examples.duplicate-scenario", "duplicate scenario id '\(id)'") }
            seen.insert(id)
            for s in sources where !known.isEmpty && !known.contains(s) {
                m.node("sources")?.error(.unknownSource, "unknown source id '\(s)' (not in sources.yaml)")
            }
            func report(option: String, _ message: String) {
                let key = exampleOptionKeys.first { $0.option == option }?.key
                (key.flatMap { m.node($0) } ?? item).error("examples.invalid-option", message)
            }
            guard raw["minutes"] != nil else { item.error(.missingField, "missing required field 'minutes'"); continue }
            guard raw["date"] != nil else { item.error(.missingField, "missing required field 'date'"); continue }
            var caregivers: Int? = nil
            if let c = raw["caregivers"] {
                guard let v = Int(c), v >= 1 else {
                    report(option: "caregivers", "expected a whole number of caregivers, 1 or more, got '\(c)'")
                    continue
                }
                caregivers = v
            }
            let options = CalcOptions(
                minutes: raw["minutes"], patients: raw["patients"], date: raw["date"], setting: raw["setting"],
                provider: raw["provider"], discipline: raw["discipline"], telehealth: telehealth,
                locality: raw["locality"], profile: raw["profile"], family: raw["family"],
                ytdAmount: raw["ytd_amount"], conversionFactor: raw["conversion_factor"])
            var input: SessionInput
            do {
                input = try CalcRunner.sessionInput(options, rules: rules)
            } catch let f as CalcRunner.InputFailure {
                report(option: f.option, "scenario '\(id)': \(f.message)")
                continue
            } catch {
                item.error("examples.invalid-scenario", "scenario '\(id)': \(error)")
                continue
            }
            input.caregivers = caregivers
            do {
                _ = try rules.evaluate(input)
            } catch {
                report(option: error.field.rawValue, "scenario '\(id)': \(RulesText.plain.problem(error.problem))")
                continue
            }
            out.append(
                ExampleScenario(
                    id: id, title: title, narrative: narrative, input: input, sources: sources,
                    location: item.location))
        }
        root.finish("examples.yaml")
        return out
    }
}
