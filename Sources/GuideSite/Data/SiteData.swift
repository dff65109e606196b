import CodingRules
import Foundation

/// One entry of `Content/data/sources.yaml`: a document the guide's figures and rules rest on.
public struct SourceRecord: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var publisher: String
    public var url: String
    public var date: CalendarDate
    /// `primary`, `contractor`, `association` or `secondary` (see docs/data.md).
    public var authority: String
    public var note: String?
    /// Where the entry is in sources.yaml.
    public var location: SourceLocation

    public init(
        id: String, title: String, publisher: String, url: String, date: CalendarDate, authority: String,
        note: String?, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.url = url
        self.date = date
        self.authority = authority
        self.note = note
        self.location = location
    }
}

/// Everything loaded from `Content/data/`: the rules aggregate for `CodingRules`, the sources list, and where
/// each code record and fee period was defined (for error messages in later checks).
public struct SiteData: Sendable {
    public var rules: RulesData
    public var sources: [SourceRecord]
    /// Location of each code record in codes.yaml, by code.
    public var codeLocations: [String: SourceLocation]
    /// Location of each fee period file, by effective date (`YYYY-MM-DD`).
    public var periodLocations: [String: SourceLocation]
    /// ZIP code → locality table (`zip-codes.yaml`), when imported.
    public var zipCodes: ZIPCodes?

    public init(
        rules: RulesData, sources: [SourceRecord], codeLocations: [String: SourceLocation] = [:],
        periodLocations: [String: SourceLocation] = [:], zipCodes: ZIPCodes? = nil
    ) {
        self.rules = rules
        self.zipCodes = zipCodes
        self.sources = sources
        self.codeLocations = codeLocations
        self.periodLocations = periodLocations
    }

    /// A source by id.
    public func source(_ id: String) -> SourceRecord? { sources.first { $0.id == id } }
}

/// Loads `Content/data/` (codes, fee periods, GPCI tables, policies, profiles, sources) into `SiteData`.
public enum SiteDataLoader {
    /// Reads and checks every data file under `contentDirectory + "/data"`. Paths in diagnostics are
    /// `contentDirectory + "/data/…"` exactly as given. `data` is nil when any error was found; warnings may
    /// come with a non-nil `data`.
    public static func load(contentDirectory: String) -> (data: SiteData?, diagnostics: [Diagnostic]) {
        var session = LoadSession(dataDirectory: contentDirectory + "/data")
        let result = session.run()
        return (session.diagnostics.hasErrors ? nil : result, session.diagnostics.sorted)
    }
}
