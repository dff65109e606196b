import CodingRules

/// The sources.yaml entries `fees import` adds for a release and its GPCI table, written from the files' title
/// and release lines (the release's own date, never the day of the import), and the textual edits that add and
/// remove them (so that `fees remove` gives back the file byte for byte).
package enum SourceEntries {
    static let cmsPage = "https://www.cms.gov/medicare/payment/fee-schedules/physician/pfs-relative-value-files"
    /// A release's month word in a PPRRVU title → the month and the letter CMS gives the release in its zip
    /// names (RVU26A … RVU26D).
    static let releases: [String: (month: String, letter: String)] = [
        "january": ("January", "a"), "april": ("April", "b"), "july": ("July", "c"), "october": ("October", "d"),
        "jan": ("January", "a"), "apr": ("April", "b"), "jul": ("July", "c"), "oct": ("October", "d"),
    ]

    /// "12/29/2026" → 2026-12-29.
    static func releaseDate(_ released: String) -> CalendarDate? {
        let p = released.split(separator: "/")
        guard p.count == 3, let m = Int(p[0]), let d = Int(p[1]), let y = Int(p[2]) else { return nil }
        return CalendarDate(year: y < 100 ? 2000 + y : y, month: m, day: d)
    }

    /// The release a PPRRVU title names ("… File July Release" → July, c).
    static func release(_ title: String) -> (month: String, letter: String)? {
        title.lowercased().split(whereSeparator: { !$0.isLetter }).lazy.compactMap { releases[String($0)] }.first
    }

    static func entry(id: String, title: String, date: CalendarDate, note: String) -> String {
        "  - id: \(id)\n    title: \(FeeWriter.quoted(title))\n    publisher: Centers for Medicare & Medicaid Services\n"
            + "    url: \(cmsPage)\n    date: \(date)\n    authority: primary\n    note: \(FeeWriter.quoted(note))\n"
    }

    static func releaseEntry(id: String, file: PPRRVUFile, files: [PPRRVUFile], date: CalendarDate) -> String {
        let year = file.year.map(String.init) ?? ""
        let letter = id.hasPrefix("cms-rvu") ? String(id.dropFirst("cms-rvu".count)).uppercased() : id
        return entry(
            id: id,
            title: "Medicare physician fee schedule relative value file, \(release(file.title)?.month ?? "") \(year) release (RVU\(letter), published \(date))",
            date: date, note: releaseNote(files))
    }

    static func releaseNote(_ files: [PPRRVUFile]) -> String {
        "The guide's figures were read from \(files.map(\.input.fileName).joined(separator: " and ")) of this release by its importer."
    }

    static func gpciEntry(id: String, year: Int, release: String?, date: CalendarDate, gpci: GPCIFile, floorUsed: Bool?)
        -> String
    {
        let from = release.map { " (\($0))" } ?? ""
        return entry(
            id: id, title: "CY \(year) geographic practice cost indices by Medicare locality\(from)", date: date,
            note: gpciNote(gpci, floorUsed: floorUsed))
    }

    static func gpciNote(_ gpci: GPCIFile, floorUsed: Bool?) -> String {
        var note = "The cost indices of every Medicare locality, read from \(gpci.input.fileName) by the guide's importer."
        if gpci.workColumns == .pair, let floorUsed {
            note += floorUsed
                ? " The file gives the work index with and without the 1.0 floor; the floor applies to these dates, so the guide prices with it."
                : " The file gives the work index with and without the 1.0 floor; no floor applies to these dates, so the guide prices without it."
        }
        return note
    }

    /// sources.yaml with the `note:` of entry `id` replaced by `note`, when that note is one the importer wrote (a
    /// re-import from files of other names must not leave the old names on record); a note written by hand, or
    /// an entry not there, leaves the text as it is.
    static func renoting(_ id: String, note: String, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "  - id: \(id)"),
            let i = (start..<blockEnd(lines, start)).first(where: { lines[$0].hasPrefix("    note: ") }),
            lines[i].contains("by its importer.") || lines[i].contains("by the guide's importer.")
        else { return text }
        lines[i] = "    note: \(FeeWriter.quoted(note))"
        return lines.joined(separator: "\n")
    }

    /// sources.yaml with `entries` inserted after the last CMS release or GPCI entry (or at the end).
    static func inserting(_ entries: String, into text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lastCMS: Int? = nil
        for (i, l) in lines.enumerated() where l.hasPrefix("  - id: cms-rvu") || l.hasPrefix("  - id: cms-gpci-") { lastCMS = i }
        var at = lines.count - (text.hasSuffix("\n") ? 1 : 0)
        if let start = lastCMS { at = blockEnd(lines, start) }
        lines.insert(contentsOf: entries.split(separator: "\n").map(String.init), at: at)
        return lines.joined(separator: "\n")
    }

    /// sources.yaml without the entry `id` (its `  - id:` line and the indented lines after it), with the entry as
    /// it stood and the id of the entry before it ("" when first); nil when absent.
    static func removing(_ id: String, from text: String) -> (text: String, entry: String, after: String)? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "  - id: \(id)") else { return nil }
        let end = blockEnd(lines, start)
        let after = lines[..<start].last { $0.hasPrefix("  - id: ") }.map { String($0.dropFirst("  - id: ".count)) } ?? ""
        let entry = lines[start..<end].joined(separator: "\n")
        lines.removeSubrange(start..<end)
        return (lines.joined(separator: "\n"), entry, after)
    }

    /// sources.yaml with `entry` put back after the entry `after` (first in the list when "").
    static func restoring(_ entry: String, after: String, into text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var at = lines.firstIndex { $0.hasPrefix("  - id: ") } ?? lines.count
        if !after.isEmpty, let start = lines.firstIndex(of: "  - id: \(after)") { at = blockEnd(lines, start) }
        lines.insert(contentsOf: entry.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), at: at)
        return lines.joined(separator: "\n")
    }

    /// The index after the last line of the list entry starting at `start`.
    static func blockEnd(_ lines: [String], _ start: Int) -> Int {
        var i = start + 1
        while i < lines.count, lines[i].hasPrefix("    ") { i += 1 }
        return i
    }
}
