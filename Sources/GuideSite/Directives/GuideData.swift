import CodingRules
import Foundation

/// One row of `data/modifiers.yaml`: a claim modifier as it concerns the caregiver-training codes.
public struct ModifierEntry: Sendable, Hashable {
    public var code: String
    /// What the modifier means, in the guide's own words.
    public var meaning: String
    /// When it goes on a caregiver-training line.
    public var applies: String
    /// What it does to payment.
    public var payment: String
    /// From when it is relevant to these codes (free text, e.g. a date or "always").
    public var from: String
    public var source: String
    public var location: SourceLocation
}

/// Data files the guide's pages and directives use beyond the rules data (modifiers, worked-example
/// scenarios, known discrepancies, optional licensed CPT descriptors). Loaded once per build.
public struct GuideData: Sendable {
    public var modifiers: [ModifierEntry]
    public init(modifiers: [ModifierEntry] = []) { self.modifiers = modifiers }
}

/// Loads `GuideData` from `contentDirectory + "/data"`, with positioned diagnostics.
public enum GuideDataLoader {
    public static func load(contentDirectory: String, siteData: SiteData) -> (GuideData?, [Diagnostic]) {
        var diags: [Diagnostic] = []
        let known = Set(siteData.sources.map(\.id))
        let modifiers = loadModifiers(contentDirectory + "/data/modifiers.yaml", known: known, diags: &diags)
        let hasErrors = diags.contains { $0.severity == .error }
        return (hasErrors ? nil : GuideData(modifiers: modifiers), diags)
    }

    /// modifiers.yaml: `modifiers:` list of {code, meaning, applies, payment, from, source}. Optional file.
    static func loadModifiers(_ file: String, known: Set<String>, diags: inout [Diagnostic]) -> [ModifierEntry] {
        guard FileManager.default.fileExists(atPath: file) else { return [] }
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8)
        else {
            diags.append(.error(SourceLocation(file: file), "cannot read the file as UTF-8 text"))
            return []
        }
        let ctx = YAMLContext(file: file)
        defer { diags.append(contentsOf: ctx.diagnostics.items) }
        guard let root = ctx.parse(text)?.mapping("a mapping at the top of the file") else { return [] }
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
            let source = m.string("source", required: true)
            guard let code, let meaning, let applies, let payment, let from, let source else { continue }
            if seen.contains(code) { m.node("code")?.error("duplicate modifier '\(code)'") }
            seen.insert(code)
            if !known.isEmpty && !known.contains(source) {
                m.node("source")?.error("unknown source id '\(source)' (not in sources.yaml)")
            }
            out.append(
                ModifierEntry(
                    code: code, meaning: meaning, applies: applies, payment: payment, from: from, source: source,
                    location: item.location))
        }
        root.finish("modifiers.yaml")
        return out
    }
}
