import CodingRules

/// The structured data a build hands to pages and directives (loaded from `Content/data/`).
public struct LoadedData: Sendable {
    public var sources: [SourceEntry]

    public struct SourceEntry: Sendable {
        public var id: String
        public var location: SourceLocation
    }

    /// The effective date of the fee period in force on `date`, or "" when no period covers it.
    func feePeriodLabel(on date: CalendarDate) -> String { "" }

    static func load(contentDirectory: String) -> (LoadedData?, [Diagnostic]) {
        (LoadedData(sources: []), [])
    }
}
