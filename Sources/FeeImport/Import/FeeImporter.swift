import SiteContent
import CodingRules
import Foundation

/// What `ctsguide fees import` was asked to do.
public struct FeeImportOptions: Sendable {
    /// One PPRRVU file, or two (the non-qualifying and the qualifying APM file of the same release).
    public var rvuFiles: [String]
    public var gpciFile: String
    public var effective: String
    /// Overrides the default conversion factor read from the file.
    public var conversionFactor: String?
    /// Source id for the figures; default derived from the file's release (`cms-rvu26c` for a 2026 July release).
    public var source: String?
    public var force: Bool
    public var content: String

    public init(
        rvuFiles: [String], gpciFile: String, effective: String, conversionFactor: String? = nil, source: String? = nil,
        force: Bool = false, content: String = "Content"
    ) {
        self.rvuFiles = rvuFiles
        self.gpciFile = gpciFile
        self.effective = effective
        self.conversionFactor = conversionFactor
        self.source = source
        self.force = force
        self.content = content
    }
}

/// The result of a command run: what to print and the exit code (0 written or unchanged, 1 bad input or refused,
/// 2 usage).
public struct CommandOutcome: Sendable {
    public var stdout: String
    public var diagnostics: [Diagnostic]
    public var exitCode: Int32
}

/// Reads CMS files, checks them, and writes one fee period and its GPCI table into `Content/data/`.
/// Stages: read (PPRRVUReader, GPCIReader) → assemble (`assemble`) → compare with what is there → write, then
/// reload the whole data folder and restore the previous files if it no longer loads.
public enum FeeImporter {
    public static func run(_ o: FeeImportOptions) -> CommandOutcome {
        func fail(_ d: [Diagnostic], _ code: Int32 = 1) -> CommandOutcome { CommandOutcome(stdout: "", diagnostics: d, exitCode: code) }
        guard let effective = CalendarDate(parsing: o.effective) else {
            return fail([.error(SourceLocation(file: "--effective"), "expected a date YYYY-MM-DD, got '\(o.effective)'")], 2)
        }
        guard (1...2).contains(o.rvuFiles.count) else {
            return fail([.error(SourceLocation(file: "--rvu"), "give one PPRRVU file, or the nonQPP and the QPP file of one release")], 2)
        }
        var cfOverride: DecimalValue? = nil
        if let t = o.conversionFactor {
            guard let v = DecimalValue(parsing: t), !v.isNegative, v != .zero else {
                return fail([.error(SourceLocation(file: "--conversion-factor"), "expected a decimal above 0, got '\(t)'")], 2)
            }
            cfOverride = v
        }
        let loadedResult = SiteDataLoader.load(contentDirectory: o.content)
        let loaded = loadedResult.output, loadDiagnostics = loadedResult.diagnostics
        guard let site = loaded else { return fail(loadDiagnostics) }
        let existing = site.rules.period(effective: effective)
        let through = existing?.range.through ?? CalendarDate(year: effective.year, month: 12, day: 31)!
        let covered = Set(site.rules.codes.filter { $0.validFrom <= through }.map(\.code))

        var problems: [Diagnostic] = []
        var rvuFiles: [PPRRVUFile] = []
        for path in o.rvuFiles {
            switch ImportInput.read(path) {
            case .failure(let d): problems.append(d)
            case .success(let input):
                let read = PPRRVUReader.read(input, codes: covered)
                problems += read.diagnostics
                if let f = read.output { rvuFiles.append(f) }
            }
        }
        var gpci: GPCIFile? = nil
        switch ImportInput.read(o.gpciFile) {
        case .failure(let d): problems.append(d)
        case .success(let input):
            let read = GPCIReader.read(input)
            problems += read.diagnostics
            gpci = read.output
        }
        guard problems.isEmpty, let gpci else { return fail(problems) }
        let assembled = assemble(
            rvuFiles, gpci: gpci, effective: effective, through: through, existing: existing, site: site,
            cfOverride: cfOverride, source: o.source)
        guard let period = assembled.checkedOutput else { return fail(assembled.diagnostics) }
        let changes = FeeChanges.list(
            old: existing, oldGPCI: existing?.gpciTable.flatMap { site.rules.gpciTables[$0] }
                ?? site.rules.gpciTables[period.gpciID], new: period)
        if existing != nil || site.rules.gpciTables[period.gpciID] != nil, !changes.isEmpty, !o.force {
            let where_ = SourceLocation(file: o.content + "/data/fees/\(effective).yaml")
            return CommandOutcome(
                stdout: "", diagnostics: [
                    .error(
                        where_,
                        "period \(effective) already exists with different figures; nothing written. It would change:\n"
                            + changes.map { "  \($0)" }.joined(separator: "\n"),
                        hint: "check the changes against the CMS release notes, then run again with --force")
                ], exitCode: 1)
        }
        return write(period, content: o.content, changes: changes)
    }

    package static func write(_ p: ImportedPeriod, content: String, changes: [String]) -> CommandOutcome {
        let feePath = content + "/data/fees/\(p.effective).yaml"
        let gpciPath = content + "/data/gpci/\(p.gpciID).csv"
        let files = [(feePath, FeeWriter.feeYAML(p)), (gpciPath, FeeWriter.gpciCSV(p))]
        let before = files.map { FileManager.default.contents(atPath: $0.0) }
        if zip(files, before).allSatisfy({ $0.1 == Data($0.0.1.utf8) }) {
            return CommandOutcome(stdout: "unchanged: \(feePath), \(gpciPath)\n", diagnostics: [], exitCode: 0)
        }
        for (path, text) in files {
            if let problem = writeAtomically(text, to: path) {
                restore(files.map(\.0), before)
                return CommandOutcome(stdout: "", diagnostics: [.error(SourceLocation(file: path), problem)], exitCode: 1)
            }
        }
        let reloadedResult = SiteDataLoader.load(contentDirectory: content)
        let reloaded = reloadedResult.output, diagnostics = reloadedResult.diagnostics
        if reloaded == nil {
            restore(files.map(\.0), before)
            return CommandOutcome(
                stdout: "",
                diagnostics: [.error(SourceLocation(file: feePath), "the imported period does not fit the other data; nothing written")]
                    + diagnostics.filter { $0.severity == .error }, exitCode: 1)
        }
        var out = "wrote \(feePath) and \(gpciPath) (\(p.rvus.count) codes, \(p.gpci.count) localities)\n"
        out += p.notes.map { $0 + "\n" }.joined()
        if !changes.isEmpty { out += "changes:\n" + changes.map { "  \($0)\n" }.joined() }
        return CommandOutcome(stdout: out, diagnostics: [], exitCode: 0)
    }

    static func writeAtomically(_ text: String, to path: String) -> String? {
        let tmp = path + ".import-tmp"
        guard FileManager.default.createFile(atPath: tmp, contents: Data(text.utf8)) else { return "cannot write \(tmp)" }
        if rename(tmp, path) != 0 {
            try? FileManager.default.removeItem(atPath: tmp)
            return "cannot replace the file"
        }
        return nil
    }

    static func restore(_ paths: [String], _ contents: [Data?]) {
        for (path, data) in zip(paths, contents) {
            if let data { _ = FileManager.default.createFile(atPath: path, contents: data) } else { try? FileManager.default.removeItem(atPath: path) }
        }
    }
}
