import SiteContent
import GuideData
import CodingRules
import Foundation

/// The result of a command run: what to print and the exit code (0 written or unchanged, 1 bad input or refused,
/// 2 usage).
public struct CommandOutcome: Sendable {
    public var stdout: String
    public var diagnostics: [Diagnostic]
    public var exitCode: Int32

    /// Nothing printed but the diagnostics.
    static func failure(_ diagnostics: [Diagnostic], exitCode: Int32 = 1) -> CommandOutcome {
        CommandOutcome(stdout: "", diagnostics: diagnostics, exitCode: exitCode)
    }
}

/// Reads CMS files, checks them, and writes one fee period and its GPCI table into `Content/data/`.
/// Stages: read (PPRRVUReader, GPCIReader) → assemble (`assemble`) → compare with what is there → write, then
/// reload the whole data folder and restore the previous files if it no longer loads.
public enum FeeImporter {
    /// `rvuFiles`: one PPRRVU file, or two (the non-qualifying and the qualifying APM file of the same release).
    /// `conversionFactor` overrides the default one read from the file; `source` is the figures' source id
    /// (default derived from the file's release: `cms-rvu26c` for a 2026 July release).
    public static func run(
        rvuFiles: [String], gpciFile: String, effective effectiveText: String, conversionFactor: String? = nil,
        source: String? = nil, force: Bool = false, content: String = "Content"
    ) -> CommandOutcome {
        guard let effective = CalendarDate(parsing: effectiveText) else {
            return .failure([.error("import.bad-effective-date", SourceLocation(file: "--effective"), "expected a date YYYY-MM-DD, got '\(effectiveText)'")], exitCode: 2)
        }
        guard (1...2).contains(rvuFiles.count) else {
            return .failure([.error("import.rvu-argument-count", SourceLocation(file: "--rvu"), "give one PPRRVU file, or the nonQPP and the QPP file of one release")], exitCode: 2)
        }
        for (option, path) in rvuFiles.map({ ("--rvu", $0) }) + [("--gpci", gpciFile)] where path.isEmpty {
            return .failure([.error("import.empty-file-argument", SourceLocation(file: option), "expected a file name, got ''")], exitCode: 2)
        }
        var cfOverride: DecimalValue? = nil
        if let t = conversionFactor {
            // Checked as the fee file's loader will check it (digits before and after the point), so a value it
            // would refuse is an error at the argument, not at a line of a file that is never written.
            let parsed = DecimalLimits.conversionFactor.parse(t)
            guard case .success(let v) = parsed, !v.isNegative, v != .zero else {
                let why: String
                if case .failure(let f) = parsed { why = "; '\(t)' \(f.message)" } else { why = ", got '\(t)'" }
                return .failure([.error("import.bad-conversion-factor", SourceLocation(file: "--conversion-factor"), "expected a decimal above 0\(why)")], exitCode: 2)
            }
            cfOverride = v
        }
        let loaded = SiteDataLoader.load(contentDirectory: content)
        guard let site = loaded.output else { return .failure(loaded.diagnostics) }
        let rules = site.rules
        let existing = rules.period(effective: effective)
        // A new period inside an earlier one (a mid-year release): the earlier one ends the day before.
        let earlier = existing == nil ? rules.period(on: effective).flatMap { $0.range.from < effective ? $0 : nil } : nil
        if existing == nil, let later = rules.periods.first(where: { $0.range.from > effective }) {
            return .failure([
                .error("import.period-out-of-order",
                    SourceLocation(file: "--effective"),
                    "period \(later.range.from) starts after \(effective); import periods in date order",
                    hint: "remove the later period first (ctsguide fees remove \(later.range.from)), import this one, then import it again")
            ])
        }
        // A new period after the last one starts the day after it ends (dates between would have no fees).
        if existing == nil, earlier == nil, let last = rules.periods.last(where: { $0.range.from < effective }),
            let end = last.range.through, end.adding(days: 1) < effective
        {
            return .failure([
                .error("import.period-gap",
                    SourceLocation(file: "--effective"),
                    "period \(last.range.from) ends \(end), so a period starting \(effective) leaves \(end.adding(days: 1))–\(effective.adding(days: -1)) without fees",
                    hint: "import with --effective \(end.adding(days: 1))")
            ])
        }
        let through = existing?.range.through ?? earlier?.range.through ?? CalendarDate(year: effective.year, month: 12, day: 31)!
        let covered = Set(rules.codes.filter { $0.validFrom <= through }.map(\.code))

        let rvuReads = rvuFiles.map { ImportInput.read($0) { PPRRVUReader.read($0, codes: covered) } }
        let gpciRead = ImportInput.read(gpciFile, with: GPCIReader.read)
        let problems = rvuReads.flatMap(\.diagnostics) + gpciRead.diagnostics
        guard problems.isEmpty, let gpci = gpciRead.output else { return .failure(problems) }
        let files = rvuReads.compactMap(\.output)
        let assembled = assemble(
            files, gpci: gpci, effective: effective, through: through, existing: existing, site: site,
            cfOverride: cfOverride, source: source)
        guard var period = assembled.checkedOutput else { return .failure(assembled.diagnostics) }
        period.gpciID = existing?.gpciTable ?? YearEnd.gpciID(effective, rows: period.gpci, tables: rules.gpciTables)
        let oldGPCI = existing?.gpciTable.flatMap { rules.gpciTables[$0] } ?? rules.gpciTables[period.gpciID]
        let changes = FeeChanges.list(old: existing, oldGPCI: oldGPCI, new: period)
        if existing != nil || rules.gpciTables[period.gpciID] != nil, !changes.isEmpty, !force {
            // One note per change: the printer keeps a message on one line (it escapes line breaks).
            let at = SourceLocation(file: content + "/data/fees/\(effective).yaml")
            return .failure([
                .error("import.period-exists",
                    at, "period \(effective) already exists with different figures; nothing written. It would change:",
                    hint: "check the changes against the CMS release notes, then run again with --force",
                    notes: changes.map { Diagnostic.Note(at, $0) })
            ])
        }
        let plan = YearEnd.plan(
            period: period, existing: existing, earlier: earlier, files: files, gpci: gpci, site: site, content: content,
            writesGPCI: existing != nil || rules.gpciTables[period.gpciID] == nil || !changes.isEmpty)
        return write(period, plan: plan, content: content, changes: changes)
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
                problem = FileManager.default.fileExists(atPath: path) && unlink(path) != 0 ? "cannot remove the file\(reason())" : nil
            }
            if let problem {
                restore(files.map(\.0), before)
                return .failure([.error(.importWriteFailed, SourceLocation(file: path), problem)])
            }
        }
        let reloaded = SiteDataLoader.load(contentDirectory: content)
        if reloaded.output == nil {
            restore(files.map(\.0), before)
            return .failure(
                [.error("import.result-inconsistent", SourceLocation(file: what), "the result does not fit the other data; nothing written")]
                    + reloaded.diagnostics.filter { $0.severity == .error })
        }
        return CommandOutcome(stdout: "", diagnostics: [], exitCode: 0)
    }

    /// Writes a temporary file beside `path`, then renames it over `path` (rename(2) replaces it in one step:
    /// readers see the old or the new file, never half); the problem, or nil when written.
    static func writeAtomically(_ text: String, to path: String) -> String? {
        let tmp = path + ".import-tmp"
        errno = 0
        guard FileManager.default.createFile(atPath: tmp, contents: Data(text.utf8)) else { return "cannot write \(tmp)\(reason())" }
        if rename(tmp, path) != 0 {
            let problem = "cannot replace the file\(reason())"
            try? FileManager.default.removeItem(atPath: tmp)
            return problem
        }
        return nil
    }

    /// The system's reason for the last failed call, as " (Permission denied)"; empty when it gave none.
    static func reason() -> String { errno == 0 ? "" : " (\(String(cString: strerror(errno))))" }

    static func restore(_ paths: [String], _ contents: [Data?]) {
        for (path, data) in zip(paths, contents) {
            if let data { _ = FileManager.default.createFile(atPath: path, contents: data) } else { try? FileManager.default.removeItem(atPath: path) }
        }
    }
}
