import SiteContent
import SiteRender
import GuideData
import Foundation

/// Loads `GuideData` from `contentDirectory + "/data"`, with positioned diagnostics.
public enum GuideDataLoader {
    package static func load(contentDirectory: String, siteData: SiteData) -> StageResult<GuideData> {
        var diags: [Diagnostic] = []
        let known = Set(siteData.sources.map(\.id))
        let modifiers = loadModifiers(contentDirectory + "/data/modifiers.yaml", known: known, diags: &diags)
        let descriptors = loadDescriptors(contentDirectory + "/data/cpt-descriptors.yaml", diags: &diags)
        let discrepancies = loadDiscrepancies(
            contentDirectory + "/data/discrepancies.yaml", known: known, diags: &diags)
        let examples = loadExamples(
            contentDirectory + "/data/examples.yaml", rules: siteData.rules, known: known, diags: &diags)
        let hasErrors = diags.contains { $0.severity == .error }
        var guide = GuideData(modifiers: modifiers)
        guide.examples = examples
        guide.descriptors = descriptors
        guide.discrepancies = discrepancies
        return StageResult(hasErrors ? nil : guide, diags)
    }

    /// cpt-descriptors.yaml (optional, licensee-provided): `descriptors:` mapping code → {short, long}.
    /// Absent file: empty, silently.
    static func loadDescriptors(_ file: String, diags: inout [Diagnostic]) -> [String: CPTDescriptor] {
        guard let (ctx, opened) = openOptionalYAML(file, diags: &diags) else { return [:] }
        defer { diags.append(contentsOf: ctx.diagnostics.items) }
        guard let root = opened else { return [:] }
        var out: [String: CPTDescriptor] = [:]
        if let map = root.mapping("descriptors", required: true) {
            for code in map.keys {
                guard let entry = map.mapping(code) else { continue }
                defer { entry.finish("a descriptor") }
                let short = entry.string("short", required: true)
                let long = entry.string("long", required: true)
                guard let short, let long else { continue }
                out[code] = CPTDescriptor(short: short, long: long)
            }
            map.finish("descriptors")
        }
        root.finish("cpt-descriptors.yaml")
        return out
    }

    /// discrepancies.yaml: `discrepancies:` list of {claim, appears, correct, why, sources}. Optional file.
    /// Opens an optional YAML data file: nil, with nothing reported, when the file does not exist; otherwise its
    /// context (the caller merges its diagnostics when done reading) and its top-level mapping, if it parsed.
    static func openOptionalYAML(_ file: String, diags: inout [Diagnostic]) -> (YAMLContext, MappingReader?)? {
        var st = stat()
        guard lstat(file, &st) == 0 else { return nil }
        let ctx = YAMLContext(file: file)
        let content = ((file as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        let text: String
        switch SourceTree(root: content).readText(file, display: file) {
        case .success(let t): text = t
        case .failure(let d):
            diags.append(d)
            return (ctx, nil)
        }
        // Read by key and text only, as the other data files (`LoadSession.openYAML`): the basic resolver.
        return (ctx, ctx.parse(text, resolver: .basic)?.mapping("a mapping at the top of the file"))
    }

    static func loadDiscrepancies(_ file: String, known: Set<String>, diags: inout [Diagnostic])
        -> [DiscrepancyEntry]
    {
        guard let (ctx, opened) = openOptionalYAML(file, diags: &diags) else { return [] }
        defer { diags.append(contentsOf: ctx.diagnostics.items) }
        guard let root = opened else { return [] }
        var out: [DiscrepancyEntry] = []
        for item in root.list("discrepancies", required: true) ?? [] {
            guard let m = item.mapping("a discrepancy entry") else { continue }
            defer { m.finish("a discrepancy") }
            let claim = m.string("claim", required: true)
            let appears = m.string("appears", required: true)
            let correct = m.string("correct", required: true)
            let why = m.string("why", required: true)
            let sources = m.stringList("sources", required: true)
            guard let claim, let appears, let correct, let why, let sources else { continue }
            if sources.isEmpty { m.node("sources")?.error("discrepancies.no-source", "a discrepancy needs at least one source id") }
            for id in sources where !known.isEmpty && !known.contains(id) {
                m.node("sources")?.error(.unknownSource, "unknown source id '\(id)' (not in sources.yaml)")
            }
            out.append(
                DiscrepancyEntry(
                    claim: claim, appears: appears, correct: correct, why: why, sources: sources,
                    location: item.location))
        }
        root.finish("discrepancies.yaml")
        return out
    }

    /// modifiers.yaml: `modifiers:` list of {code, meaning, applies, payment, from, sources}. Optional file.
    static func loadModifiers(_ file: String, known: Set<String>, diags: inout [Diagnostic]) -> [ModifierEntry] {
        guard let (ctx, opened) = openOptionalYAML(file, diags: &diags) else { return [] }
        defer { diags.append(contentsOf: ctx.diagnostics.items) }
        guard let root = opened else { return [] }
        var out: [ModifierEntry] = []
        var seen: Set<String> = []
        for item in root.list("modifiers", required: true) ?? [] {
            guard let m = item.mapping("a modifier entry") else { continue }
            defer { m.finish("a modifier") }
            let code = m.string("code", required: true)
            let meaning = m.string("meaning", required: true)
            let applies = m.string("applies", required: true)
            let payment = m.string("payment", required: true)
            let from = m.string("from", required: true)
            let sources = m.stringList("sources", required: true)
            guard let code, let meaning, let applies, let payment, let from, let sources else { continue }
            if sources.isEmpty { m.node("sources")?.error("modifiers.no-source", "a modifier needs at least one source id") }
            if seen.contains(code) { m.node("code")?.error("modifiers.duplicate-modifier", "duplicate modifier '\(code)'") }
            seen.insert(code)
            for source in sources where !known.isEmpty && !known.contains(source) {
                m.node("sources")?.error(.unknownSource, "unknown source id '\(source)' (not in sources.yaml)")
            }
            out.append(
                ModifierEntry(
                    code: code, meaning: meaning, applies: applies, payment: payment, from: from, sources: sources,
                    location: item.location))
        }
        root.finish("modifiers.yaml")
        return out
    }
}

