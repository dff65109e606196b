import SiteContent
import GuideData
import CodingRules
import Foundation

/// `ctsguide fees import-zip FILE`: reads a CMS ZIP5 file (either layout), checks it against the GPCI table of
/// its year, and writes `<content>/data/zip-codes.yaml`. Any error → nothing is written.
public enum ZIPImport {
    public struct Outcome: Sendable {
        /// The one-line summary on success (nil on errors).
        public var summary: String?
        public var diagnostics: [Diagnostic]
    }

    public static func run(file: String, contentDirectory: String) -> Outcome {
        var diagnostics = Diagnostics()
        guard let table = read(file: file, contentDirectory: contentDirectory, diagnostics: &diagnostics),
            !diagnostics.hasErrors
        else { return Outcome(summary: nil, diagnostics: cappedPerCheck(diagnostics.sorted)) }
        let (zipTable, layout, sha) = table
        let out = contentDirectory + "/data/" + ZIPCodesFile.name
        let name = (file as NSString).lastPathComponent
        let text = ZIPCodesFile.render(zipTable, sourceFile: name, sha256: sha)
        let localities = Set(zipTable.runs.map(\.localityID)).count
        let splits = zipTable.runs.filter(\.split).reduce(0) { $0 + $1.through - $1.from + 1 }
        let facts = "\(zipTable.count) ZIP codes in \(localities) localities (\(splits) split by ZIP+4), "
            + "YEAR/QTR \(zipTable.yearQuarter), GPCI table \(zipTable.gpciTable), from \(name) (\(layout.rawValue), sha256 \(sha.prefix(12))…)"
        if let old = FileManager.default.contents(atPath: out), old == Data(text.utf8) {
            return Outcome(summary: "\(out) unchanged: \(facts)", diagnostics: diagnostics.sorted)
        }
        let changes = previous(contentDirectory).map { "; " + changeSummary(from: $0, to: zipTable) } ?? ""
        if let problem = FeeImporter.writeAtomically(text, to: out) {
            diagnostics.error(.importWriteFailed, SourceLocation(file: out), problem)
            return Outcome(summary: nil, diagnostics: diagnostics.sorted)
        }
        return Outcome(summary: "wrote \(out): \(facts)\(changes)", diagnostics: diagnostics.sorted)
    }

    /// At most ten errors of each check, then one line counting the rest: a sheet whose carrier column lost its
    /// leading zeros is one mistake, not 40,000 lines.
    static func cappedPerCheck(_ sorted: [Diagnostic]) -> [Diagnostic] {
        let ids = sorted.reduce(into: [DiagnosticID]()) { if !$0.contains($1.id) { $0.append($1.id) } }
        return ids.flatMap { id in capped(sorted.filter { $0.id == id }, what: "rows with this error") }.uniqueSorted
    }

    /// The ZIP table now in the content folder, if there is one that loads without errors.
    static func previous(_ contentDirectory: String) -> ZIPLocalityTable? {
        var session = LoadSession(dataDirectory: contentDirectory + "/data")
        guard FileManager.default.fileExists(atPath: session.path(ZIPCodesFile.name)) else { return nil }
        let gpci = session.loadGPCITables()
        return session.loadZIPCodes(gpciTables: gpci)?.table
    }

    /// What an import changes: ZIP codes added, removed, moved to another locality, split flag changed.
    static func changeSummary(from old: ZIPLocalityTable, to new: ZIPLocalityTable) -> String {
        func all(_ t: ZIPLocalityTable) -> [Int: ZIPRun] {
            var d: [Int: ZIPRun] = [:]
            for r in t.runs { for n in r.from...r.through { d[n] = r } }
            return d
        }
        let a = all(old), b = all(new)
        let added = b.keys.filter { a[$0] == nil }.count, removed = a.keys.filter { b[$0] == nil }.count
        let moved = b.filter { n, r in a[n].map { $0.localityID != r.localityID } ?? false }.count
        let split = b.filter { n, r in a[n].map { $0.split != r.split } ?? false }.count
        return "changes from the previous list (YEAR/QTR \(old.yearQuarter)): \(added) added, \(removed) removed, "
            + "\(moved) moved to another locality, \(split) with a changed ZIP+4 split"
    }

    /// Reads and checks `file`; the table, the layout found and the file's SHA-256. Used by `run` and tests.
    package static func read(file: String, contentDirectory: String, diagnostics: inout Diagnostics)
        -> (ZIPLocalityTable, ZIPFileReader.Layout, String)?
    {
        let bytes: [UInt8]
        switch ImportInput.contents(file) {
        case .success(let b): bytes = b
        case .failure(let d):
            diagnostics.append(d)
            return nil
        }
        if let kind = ImportInput.zipKind(bytes) {  // CMS's download itself, or the .xlsx workbook inside it
            diagnostics.error("import-zip.workbook",
                SourceLocation(file: file),
                kind == .workbook
                    ? "this looks like a spreadsheet workbook, not a text or CSV file" : "this is a zip archive, not a text or CSV file",
                hint: kind == .workbook
                    ? "save the sheet as CSV (keeping the ZIP codes as text) or use CMS's fixed-width .txt file"
                    : "unzip it and give the ZIP5_….txt file inside; fetch it again if it does not unzip")
            return nil
        }
        if let why = ImportInput.notCSV(bytes) {
            diagnostics.error("import-zip.not-csv", SourceLocation(file: file, line: 1), why,
                hint: "use CMS's fixed-width ZIP5_….txt file, or save the sheet as CSV (keeping the ZIP codes as text)")
            return nil
        }
        guard var text = String(bytes: bytes, encoding: .utf8) else {
            diagnostics.error("import-zip.not-text", SourceLocation(file: file), "the file is not UTF-8 text")
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }  // a byte-order mark from a spreadsheet export
        let (layout, records) = ZIPFileReader.read(text, file: file, diagnostics: &diagnostics)
        guard let first = records.first else {
            if !diagnostics.hasErrors { diagnostics.error(.noZIPRecords, SourceLocation(file: file), "no ZIP code records") }
            return nil
        }
        var seen: [String: ZIPRecord] = [:]
        var zips: [Int: (localityID: String, split: Bool)] = [:]
        for r in records {
            if r.yearQuarter != first.yearQuarter {
                diagnostics.error("import-zip.year-quarter-differs", r.yearQuarterAt, "YEAR/QTR '\(r.yearQuarter)' differs from '\(first.yearQuarter)' of the first record",
                                  hint: "first record at line \(first.yearQuarterAt.line)")
            }
            if let earlier = seen[r.zip] {
                diagnostics.error("import-zip.duplicate-zip", r.zipAt, "duplicate ZIP code \(r.zip) (first at line \(earlier.zipAt.line))")
                continue
            }
            seen[r.zip] = r
            zips[ZIPLocalityTable.number(r.zip)!] = (r.localityID, r.split)
        }
        let year = String(first.yearQuarter.prefix(4))
        let gpciFile = contentDirectory + "/data/gpci/\(year).csv"
        guard FileManager.default.fileExists(atPath: gpciFile) else {
            diagnostics.error("import-zip.no-gpci-table", first.yearQuarterAt, "no GPCI table for \(year) (\(gpciFile)) to check the localities against",
                              hint: "import the \(year) GPCI table first")
            return nil
        }
        var session = LoadSession(dataDirectory: contentDirectory + "/data")
        let gpci = session.loadGPCI(file: gpciFile, id: year, sourceID: "cms-gpci-\(year)")
        diagnostics.append(contentsOf: session.diagnostics.items)
        guard let gpci, !session.diagnostics.hasErrors else { return nil }
        var unknown: [String: [ZIPRecord]] = [:]
        for r in seen.values where gpci.rows[r.localityID] == nil { unknown[r.localityID, default: []].append(r) }
        for (id, rows) in unknown {
            let sorted = rows.sorted { $0.carrierAt < $1.carrierAt }
            diagnostics.error("import-zip.unknown-locality",
                sorted[0].carrierAt, "carrier-locality \(id) (ZIP code \(sorted[0].zip)) is not a locality of GPCI table \(year)",
                hint: sorted.count > 1 ? "\(sorted.count - 1) more ZIP code(s) name \(id)" : nil)
        }
        guard !diagnostics.hasErrors else { return nil }
        // Every locality has ZIP codes in CMS's list: one without is a retired locality, many a cut-off file.
        let covered = Set(seen.values.map(\.localityID))
        let without = gpci.rows.keys.filter { !covered.contains($0) }.sorted()
        if !without.isEmpty {
            diagnostics.warning("import-zip.localities-without-zip",
                SourceLocation(file: file), "\(without.count) of the \(gpci.rows.count) localities of GPCI table \(year) have no ZIP code in this file: "
                    + without.prefix(5).joined(separator: ", ") + (without.count > 5 ? ", …" : ""),
                hint: "CMS's list covers every locality; many missing look like a cut-off file: fetch it again")
        }
        let table = ZIPLocalityTable(yearQuarter: first.yearQuarter, gpciTable: year, runs: ZIPLocalityTable.runs(from: zips))
        return (table, layout, SHA256.hex([UInt8](bytes)))
    }
}
