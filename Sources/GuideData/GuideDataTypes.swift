import SiteContent
import CodingRules

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
    /// Sources that define the modifier or its use (at least one).
    public var sources: [String]
    public var location: SourceLocation
}

/// Data files the guide's pages and directives use beyond the rules data (modifiers, worked-example
/// scenarios, known discrepancies, optional licensed CPT descriptors). Loaded once per build.
public struct GuideData: Sendable {
    public var modifiers: [ModifierEntry]
    /// Licensed CPT descriptors from the optional `data/cpt-descriptors.yaml` (empty when the file is absent).
    public var descriptors: [String: CPTDescriptor] = [:]
    /// Known errors of other sources, from `data/discrepancies.yaml`.
    public var discrepancies: [DiscrepancyEntry] = []
    /// Worked-example scenarios (data/examples.yaml), validated against the rules.
    public var examples: [ExampleScenario] = []
}

/// A licensee-provided official descriptor (never shipped with the guide).
public struct CPTDescriptor: Sendable, Hashable {
    public var short: String
    public var long: String
}

/// One row of `data/discrepancies.yaml`: a claim found in other sources and what is correct instead.
public struct DiscrepancyEntry: Sendable, Hashable {
    public var claim: String
    /// Where the claim appears, described generically.
    public var appears: String
    public var correct: String
    public var why: String
    public var sources: [String]
    public var location: SourceLocation
}

/// One scenario of `data/examples.yaml`: the inputs of a session (as `ctsguide calc` options) and a short
/// narrative. Never outputs: the `worked-examples` directive computes them with `CodingRules` at build time.
public struct ExampleScenario: Sendable, Hashable {
    public var id: String
    public var title: String
    public var narrative: String
    /// The validated session (the same input `ctsguide calc` would build from these options).
    public var input: SessionInput
    public var sources: [String]
    public var location: SourceLocation

    package init(id: String, title: String, narrative: String, input: SessionInput, sources: [String], location: SourceLocation) {
        self.id = id
        self.title = title
        self.narrative = narrative
        self.input = input
        self.sources = sources
        self.location = location
    }
}
