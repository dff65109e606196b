import CodingRules

package struct LoadedProfiles {
    var profiles: [UnitProfile]
    var defaultID: String
    var totalTime: TotalTimeRule
}

extension LoadSession {
    /// profiles.yaml: `default`, `profiles:` list, `total_time_rule:`.
    mutating func loadProfiles() -> LoadedProfiles? {
        let (ctx, root) = openYAML(path("profiles.yaml"))
        defer { finish(ctx) }
        guard let root else { return nil }
        let defaultNode = root.required("default")
        let defaultID = defaultNode?.string("a profile id")
        var profiles: [UnitProfile] = []
        // Every id given, also of a profile with errors (reported at them), so `default` naming it is no error.
        var namedIDs: [String] = [], unreadID = false
        let why = "the calculator works out every session under each profile"
        let readAll = root.forEachEntry("profiles", "a profile", finish: "a profile", limit: (20, why)) { m, item in
            let id = m.id("profile id")
            if let id, !namedIDs.contains(id) { namedIDs.append(id) } else if id == nil { unreadID = true }
            let name = m.text("name")
            let summary = m.text("summary")
            let cpt = m.bool("cpt_rule", required: true)
            let initialSpan = m.required("initial_span")?.minutes("'initial_span'")
            let initialMin = m.required("initial_minimum")?.minutes("'initial_minimum'")
            let addOnSpan = m.required("add_on_span")?.minutes("'add_on_span'")
            let addOnMin = m.required("add_on_minimum")?.minutes("'add_on_minimum'")
            let src = source(m)
            guard let id, let name, let summary, let cpt, let initialSpan, let initialMin, let addOnSpan, let addOnMin,
                let src
            else { return }
            if initialMin > initialSpan {
                m.node("initial_minimum")?.error("profiles.initial-minimum-over-span", "'initial_minimum' \(initialMin) exceeds 'initial_span' \(initialSpan)")
            }
            if addOnMin > addOnSpan {
                m.node("add_on_minimum")?.error("profiles.add-on-minimum-over-span", "'add_on_minimum' \(addOnMin) exceeds 'add_on_span' \(addOnSpan)")
            }
            if profiles.contains(where: { $0.id == id }) { m.node("id")?.error("profiles.duplicate-profile", "duplicate profile id '\(id)'") }
            profiles.append(
                UnitProfile(
                    id: id, name: name, summary: summary, isCPTRule: cpt, initialSpan: initialSpan,
                    initialMinimum: initialMin, addOnSpan: addOnSpan, addOnMinimum: addOnMin, source: src))
        }
        if !readAll { unreadID = true }
        var total: TotalTimeRule?
        if let m = root.mapping("total_time_rule", required: true) {
            let name = m.text("name")
            let summary = m.text("summary")
            let unit = m.required("unit_minutes")?.minutes("'unit_minutes'")
            let rem = m.required("remainder_minimum")?.minutes("'remainder_minimum'")
            let src = source(m)
            if let name, let summary, let unit, let rem, let src {
                if rem > unit { m.node("remainder_minimum")?.error("profiles.remainder-over-unit", "'remainder_minimum' exceeds 'unit_minutes'") }
                total = TotalTimeRule(name: name, summary: summary, unitMinutes: unit, remainderMinimum: rem, source: src)
            }
            m.finish("total_time_rule")
        }
        root.finish("profiles.yaml")
        guard let defaultID, let total else { return nil }
        if !namedIDs.contains(defaultID), !unreadID {
            defaultNode?.error("profiles.unknown-default",
                "default profile '\(defaultID)' is not defined; defined: \(namedIDs.joined(separator: ", "))")
            return nil
        }
        guard profiles.contains(where: { $0.id == defaultID }) else { return nil }
        return LoadedProfiles(profiles: profiles, defaultID: defaultID, totalTime: total)
    }
}
