import SiteContent
import GuideData
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
            return fail([.error("import.bad-effective-date", SourceLocation(file: "--effective"), "expected a date YYYY-MM-DD, got '\(o.effective)'")], 2)
        }
        guard (1...2).contains(o.rvuFiles.count) else {
            return fail([.error("import.rvu-argument-count", SourceLocation(file: "--rvu"), "give one PPRRVU file, or the nonQPP and the QPP file of one release")], 2)
        }
        var cfOverride: DecimalValue? = nil
        if let t = o.conversionFactor {
            guard let v = DecimalValue(parsing: t), !v.isNegative, v != .zero else {
                return fail([.error("import.bad-conversion-factor", SourceLocation(file: "--conversion-factor"), "expected a decimal above 0, got '\(t)'")], 2)
            }
            cfOverride = v
        }
        let loadedResult = SiteDataLoader.load(contentDirectory: o.content)
        let loaded = loadedResult.output, loadDiagnostics = loadedResult.diagnostics
        guard let site = loaded else { return fail(loadDiagnostics) }
        let rules = site.rules
        let existing = rules.period(effective: effective)
        // A new period inside an earlier one (a mid-year release): the earlier one ends the day before.
        let earlier = existing == nil ? rules.period(on: effective).flatMap { $0.range.from < effective ? $0 : nil } : nil
        if existing == nil, let later = rules.periods.first(where: { $0.range.from > effective }) {
            return fail([
                .error("import.period-out-of-order",
                    SourceLocation(file: "--effective"),
                    "period \(later.range.from) starts after \(effective); import periods in date order",
                    hint: "remove the later period first (ctsguide fees remove \(later.range.from)), import this one, then import it again")
            ], 1)
        }
        let through = existing?.range.through ?? earlier?.range.through ?? CalendarDate(year: effective.year, month: 12, day: 31)!
        let covered = Set(rules.codes.filter { $0.validFrom <= through }.map(\.code))

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
        let label = existing?.label ?? YearEnd.label(effective)
        let assembled = assemble(
            rvuFiles, gpci: gpci, effective: effective, through: through, existing: existing, site: site,
            cfOverride: cfOverride, source: o.source, label: label,
            addable: { f, _ in o.source == nil && SourceEntries.releaseDate(f.released) != nil })
        guard var period = assembled.checkedOutput else { return fail(assembled.diagnostics) }
        period.gpciID = existing?.gpciTable ?? YearEnd.gpciID(effective, rows: period.gpci, tables: rules.gpciTables)
        let oldGPCI = existing?.gpciTable.flatMap { rules.gpciTables[$0] } ?? rules.gpciTables[period.gpciID]
        let changes = FeeChanges.list(old: existing, oldGPCI: oldGPCI, new: period)
        if existing != nil || rules.gpciTables[period.gpciID] != nil, !changes.isEmpty, !o.force {
            let where_ = SourceLocation(file: o.content + "/data/fees/\(effective).yaml")
            return CommandOutcome(
                stdout: "", diagnostics: [
                    .error("import.period-exists",
                        where_,
                        "period \(effective) already exists with different figures; nothing written. It would change:\n"
                            + changes.map { "  \($0)" }.joined(separator: "\n"),
                        hint: "check the changes against the CMS release notes, then run again with --force")
                ], exitCode: 1)
        }
        let plan = YearEnd.plan(
            period: period, existing: existing, earlier: earlier, files: rvuFiles, gpci: gpci, site: site, content: o.content,
            writesGPCI: existing != nil || rules.gpciTables[period.gpciID] == nil || !changes.isEmpty)
        return write(period, plan: plan, content: o.content, changes: changes)
    }

    package static func write(_ p: ImportedPeriod, plan: YearEnd.Plan, content: String, changes: [String]) -> CommandOutcome {
        let feePath = content + "/data/fees/\(p.effective).yaml"
        let gpciPath = content + "/data/gpci/\(p.gpciID).csv"
        var files: [(String, String?)] = [(feePath, FeeWriter.feeYAML(p) + plan.undoText)]
        if plan.writesGPCI { files.append((gpciPath, FeeWriter.gpciCSV(p))) }
        files += plan.edits.map { (content + "/" + $0.0, $0.1) }
        let outcome = apply(files, content: content, what: feePath)
        guard outcome.exitCode == 0 else { return outcome }
        if outcome.stdout == "unchanged" {
            return CommandOutcome(stdout: "unchanged: \(feePath), \(gpciPath)\n", diagnostics: plan.warnings, exitCode: 0)
        }
        var out = "wrote \(feePath)\(plan.writesGPCI ? " and \(gpciPath)" : " (GPCI table \(p.gpciID) as before)") "
            + "(\(p.rvus.count) codes, \(p.gpci.count) localities)\n"
        out += p.notes.map { $0 + "\n" }.joined()
        out += plan.messages.map { $0 + "\n" }.joined()
        if !changes.isEmpty { out += "changes:\n" + changes.map { "  \($0)\n" }.joined() }
        out += plan.nextSteps
        return CommandOutcome(stdout: out, diagnostics: plan.warnings, exitCode: 0)
    }

    /// Writes (text) or deletes (nil) each file, then reloads the data folder; when it no longer loads, or a
    /// write fails, every file is put back as it was. stdout "unchanged" when nothing differs.
    package static func apply(_ files: [(String, String?)], content: String, what: String) -> CommandOutcome {
        let before = files.map { FileManager.default.contents(atPath: $0.0) }
        if zip(files, before).allSatisfy({ $0.0.1.map { Data($0.utf8) } == $0.1 }) {
            return CommandOutcome(stdout: "unchanged", diagnostics: [], exitCode: 0)
        }
        for (path, text) in files {
            let problem: String?
            if let text {
                problem = writeAtomically(text, to: path)
            } else {
                problem = FileManager.default.fileExists(atPath: path) && (try? FileManager.default.removeItem(atPath: path)) == nil
                    ? "cannot remove the file" : nil
            }
            if let problem {
                restore(files.map(\.0), before)
                return CommandOutcome(stdout: "", diagnostics: [.error(.importWriteFailed, SourceLocation(file: path), problem)], exitCode: 1)
            }
        }
        let reloaded = SiteDataLoader.load(contentDirectory: content)
        if reloaded.output == nil {
            restore(files.map(\.0), before)
            return CommandOutcome(
                stdout: "",
                diagnostics: [.error("import.result-inconsistent", SourceLocation(file: what), "the result does not fit the other data; nothing written")]
                    + reloaded.diagnostics.filter { $0.severity == .error }, exitCode: 1)
        }
        return CommandOutcome(stdout: "", diagnostics: [], exitCode: 0)
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
