import SiteContent
import Foundation

extension LoadSession {
    /// What the directives read besides the rules data: modifiers.yaml, cpt-descriptors.yaml and
    /// discrepancies.yaml, each optional. `known`: the ids of sources.yaml (their sources are checked against it).
    package mutating func loadGuideData(knownSources known: Set<String>) -> GuideData {
        GuideData(
            modifiers: loadModifiers(known: known), descriptors: loadDescriptors(),
            discrepancies: loadDiscrepancies(known: known))
    }

    /// Reports each of `ids` that sources.yaml does not list (`known`; nothing when it lists none) at `node`.
    package func checkSources(_ ids: [String], at node: YAMLNode?, known: Set<String>) {
        for id in ids where !known.isEmpty && !known.contains(id) {
            node?.error(.unknownSource, "unknown source id '\(id)' (not in sources.yaml)")
        }
    }

    /// modifiers.yaml: `modifiers:` list of {code, meaning, applies, payment, from, sources}.
    mutating func loadModifiers(known: Set<String>) -> [ModifierEntry] {
        guard let (ctx, opened) = openOptionalYAML("modifiers.yaml") else { return [] }
        defer { finish(ctx) }
        guard let root = opened else { return [] }
        var out: [ModifierEntry] = []
        root.forEachEntry("modifiers", "a modifier entry", finish: "a modifier") { m, item in
            let code = m.modifier("code")
            let meaning = m.text("meaning")
            let applies = m.text("applies")
            let payment = m.text("payment")
            let from = m.text("from")
            let sources = m.stringList("sources", required: true, distinct: true)
            guard let code, let meaning, let applies, let payment, let from, let sources else { return }
            if sources.isEmpty { m.node("sources")?.error("modifiers.no-source", "a modifier needs at least one source id") }
            if out.contains(where: { $0.code == code }) {
                m.node("code")?.error("modifiers.duplicate-modifier", "duplicate modifier '\(code)'")
            }
            checkSources(sources, at: m.node("sources"), known: known)
            out.append(
                ModifierEntry(
                    code: code, meaning: meaning, applies: applies, payment: payment, from: from, sources: sources,
                    location: item.location))
        }
        root.finish("modifiers.yaml")
        return out
    }

    /// cpt-descriptors.yaml (licensee-provided): `descriptors:` mapping code → {short, long}.
    mutating func loadDescriptors() -> [String: CPTDescriptor] {
        guard let (ctx, opened) = openOptionalYAML("cpt-descriptors.yaml") else { return [:] }
        defer { finish(ctx) }
        guard let root = opened else { return [:] }
        var out: [String: CPTDescriptor] = [:]
        if let map = root.mapping("descriptors", required: true) {
            for code in map.keys {
                guard let entry = map.mapping(code) else { continue }
                defer { entry.finish("a descriptor") }
                let short = entry.text("short")
                let long = entry.text("long")
                guard let short, let long else { continue }
                out[code] = CPTDescriptor(short: short, long: long)
            }
            map.finish("descriptors")
        }
        root.finish("cpt-descriptors.yaml")
        return out
    }

    /// discrepancies.yaml: `discrepancies:` list of {claim, appears, correct, why, sources}.
    mutating func loadDiscrepancies(known: Set<String>) -> [DiscrepancyEntry] {
        guard let (ctx, opened) = openOptionalYAML("discrepancies.yaml") else { return [] }
        defer { finish(ctx) }
        guard let root = opened else { return [] }
        var out: [DiscrepancyEntry] = []
        root.forEachEntry("discrepancies", "a discrepancy entry", finish: "a discrepancy") { m, item in
            let claim = m.text("claim")
            let appears = m.text("appears")
            let correct = m.text("correct")
            let why = m.text("why")
            let sources = m.stringList("sources", required: true, distinct: true)
            guard let claim, let appears, let correct, let why, let sources else { return }
            if sources.isEmpty { m.node("sources")?.error("discrepancies.no-source", "a discrepancy needs at least one source id") }
            checkSources(sources, at: m.node("sources"), known: known)
            out.append(
                DiscrepancyEntry(
                    claim: claim, appears: appears, correct: correct, why: why, sources: sources,
                    location: item.location))
        }
        root.finish("discrepancies.yaml")
        return out
    }
}
