import CodingRules

/// Data files the guide's pages and directives use beyond the rules data (modifiers, worked-example
/// scenarios, known discrepancies, optional licensed CPT descriptors). Loaded once per build.
public struct GuideData: Sendable {
    public init() {}
}

/// Loads `GuideData` from `contentDirectory + "/data"`, with positioned diagnostics.
public enum GuideDataLoader {
    public static func load(contentDirectory: String, siteData: SiteData) -> (GuideData?, [Diagnostic]) {
        (GuideData(), [])
    }
}
