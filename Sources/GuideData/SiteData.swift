import SiteContent
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
    /// True when `date` is the day the page was read (`accessed:`), not its publication date.
    public var dateIsAccessed: Bool = false

    /// Secondary sources (not CMS, the AMA, a Medicare contractor, the law or a professional association):
    /// a statement resting only on these must cite the graded fact it states (`Certainty`).
    public var isSecondary: Bool { authority == "secondary" }
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
    /// The CMS files each period was read from, by effective date, for periods written by the importer.
    public var provenance: [String: PeriodProvenance]
    /// ZIP code → locality table (`zip-codes.yaml`), when imported.
    public var zipCodes: ZIPCodes?
    /// The graded facts and the certainty grades (`facts.yaml`), when the site has them.
    public var certainty = Certainty()

    /// The CMS files behind a period, when it was imported.
    public func provenance(of period: FeePeriod) -> PeriodProvenance? { provenance[period.id] }

    /// A source by id.
    public func source(_ id: String) -> SourceRecord? { sources.first { $0.id == id } }

    /// The CMS release a period's figures come from, named with that release's own date — the one wording of it
    /// (fees, calculator, code pages, examples, locality pages, what-changed, downloads):
    /// "July 2026 release (published 06/30/2026), RVU26C", "January 2024 release, RVU24A",
    /// "release RVU24AR". The release name (`RVU…`) comes from the period source's title; the date from the
    /// import's provenance, else the source's publication date, else the month and year the title names. The day
    /// a file was read (`accessed:`) is never used: an undated release is named alone, nil without a name.
    public func releaseWording(of period: FeePeriod) -> String? {
        let src = source(period.source)
        let name = src.flatMap { Self.releaseName(in: $0.title) }
        if let r = provenance(of: period)?.releaseText {
            return name.map { r + ", \($0)" } ?? r
        }
        guard let src else { return nil }
        if !src.dateIsAccessed { return "release \(name ?? src.title) (dated \(src.date))" }
        if let month = Self.monthRelease(in: src.title) { return month + (name.map { ", \($0)" } ?? "") }
        return name.map { "release \($0)" }
    }

    /// "RVU24A" in "Medicare relative value file RVU24A (January 2024 release)".
    static func releaseName(in title: String) -> String? {
        title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).first {
            $0.hasPrefix("RVU") && $0.count >= 6 && $0.dropFirst(3).prefix(2).allSatisfy(\.isNumber)
        }
    }

    /// "January 2024 release" in a title naming a month and year before "release".
    static func monthRelease(in title: String) -> String? {
        let words = title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        for i in words.indices.dropLast(2) where months.contains(words[i]) && words[i + 1].count == 4
            && words[i + 1].allSatisfy(\.isNumber) && words[i + 2].lowercased() == "release" {
            return "\(words[i]) \(words[i + 1]) release"
        }
        return nil
    }
}

/// The CMS input files of one fee period: the RVU file(s) and the GPCI table.
public struct PeriodProvenance: Sendable, Hashable {
    public var rvu: [ProvenanceEntry]
    public var gpci: ProvenanceEntry

    /// The CMS release of the RVU file that gives the default conversion factor, in a reader's words:
    /// "July 2026 release (published 06/30/2026)"; nil when the title names no month.
    public var releaseText: String? {
        guard let main = rvu.first else { return nil }
        let words = main.title.split(separator: " ").map(String.init)
        guard let year = words.first, year.count == 4,
            let month = words.first(where: { ["January", "April", "July", "October"].contains($0) })
        else { return nil }
        let published = main.released.map { " (published \($0))" } ?? ""
        return "\(month) \(year) release\(published)"
    }
}

/// Loads `Content/data/` (codes, fee periods, GPCI tables, policies, profiles, sources) into `SiteData`.
public enum SiteDataLoader {
    /// Reads and checks every data file under `contentDirectory + "/data"`. Paths in diagnostics are
    /// `contentDirectory + "/data/…"` exactly as given. The output is nil when any error was found; warnings may
    /// come with it.
    package static func load(contentDirectory: String) -> StageResult<SiteData> {
        // A file or a broken link where the folder belongs is one error (each missing data file would be another).
        var isDir: ObjCBool = false
        let data = contentDirectory + "/data"
        if (try? FileManager.default.attributesOfItem(atPath: data)) != nil,
            !FileManager.default.fileExists(atPath: data, isDirectory: &isDir) || !isDir.boolValue
        {
            return StageResult(nil, [.error("data.not-folder", SourceLocation(file: data),
                "this is not a folder; the guide's data is the folder data/ (codes.yaml, fees/, policies.yaml …)")])
        }
        var session = LoadSession(dataDirectory: contentDirectory + "/data")
        let result = session.run()
        return StageResult(session.diagnostics.hasErrors ? nil : result, session.diagnostics.sorted)
    }
}
