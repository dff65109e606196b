import SiteContent
import GuideCalc
import GuideData
import CodingRules
import RulesText

extension LoadSession {
    /// Keys of a scenario that are `calc` options; the option's name is the key with '-' for '_'.
    static let exampleOptionKeys = [
        "minutes", "patients", "caregivers", "date", "setting", "provider", "discipline", "telehealth", "locality",
        "profile", "family", "ytd_amount", "conversion_factor",
    ]

    /// examples.yaml: `examples:` list of {id, title, narrative, minutes, date, [patients, caregivers, setting,
    /// provider, discipline, telehealth, locality, profile, family, ytd_amount, conversion_factor, sources]}.
    /// Optional file. Each scenario is validated like `ctsguide calc` input and evaluated once, so an invalid
    /// scenario is an error at its line.
    package mutating func loadExamples(rules: RulesData, known: Set<String>) -> [ExampleScenario] {
        guard let (ctx, opened) = openOptionalYAML("examples.yaml") else { return [] }
        defer { finish(ctx) }
        guard let root = opened else { return [] }
        var out: [ExampleScenario] = []
        var seen: Set<String> = []
        root.forEachEntry("examples", "a scenario", finish: "a scenario") { m, item in
            let id = m.id("scenario id")
            let title = m.text("title")
            let narrative = m.text("narrative")
            var raw: [String: String] = [:]
            for key in Self.exampleOptionKeys where key != "telehealth" {
                if let v = m.string(key, required: key == "minutes" || key == "date") {
                    raw[key] = v.trimmingCharacters(in: .whitespaces)
                }
            }
            let telehealth = m.bool("telehealth") ?? false
            let sources = m.stringList("sources") ?? []
            guard let id, let title, let narrative else { return }
            if seen.contains(id) { m.node("id")?.error("examples.duplicate-scenario", "duplicate scenario id '\(id)'") }
            seen.insert(id)
            checkSources(sources, at: m.node("sources"), known: known)
            func report(option: String, _ message: String) {
                let key = option.replacingOccurrences(of: "-", with: "_")
                ((Self.exampleOptionKeys.contains(key) ? m.node(key) : nil) ?? item).error("examples.invalid-option", message)
            }
            guard raw["minutes"] != nil, raw["date"] != nil else { return }  // (an error at each already)
            var caregivers: Int? = nil
            if let c = raw["caregivers"] {
                guard let v = Int(c), v >= 1 else {
                    report(option: "caregivers", "expected a whole number of caregivers, 1 or more, got '\(c)'")
                    return
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
                return
            } catch {
                item.error("examples.invalid-scenario", "scenario '\(id)': \(error)")
                return
            }
            input.caregivers = caregivers
            do throws(RulesInputError) {
                _ = try rules.evaluate(input)
            } catch {
                report(option: error.field.rawValue, "scenario '\(id)': \(RulesText.plain.problem(error.problem))")
                return
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
