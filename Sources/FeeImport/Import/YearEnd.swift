import SiteContent
import GuideData
import CodingRules
import Foundation

/// Everything a new period brings besides its own two files: the sources entries of the release and the GPCI
/// table, the end of an earlier period it starts inside (with distinct labels for the two parts of the year), the
/// outlook it makes stale, its locality pages — each recorded in an `UndoRecord` so `fees remove` undoes it.
package enum YearEnd {
    package struct Plan {
        /// Paths relative to the content folder; nil deletes the file.
        var edits: [(String, String?)] = []
        var undoText = ""
        var writesGPCI = true
        var messages: [String] = []
        var warnings: [Diagnostic] = []
        var nextSteps = ""
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    static func isYearStart(_ d: CalendarDate) -> Bool { d.month == 1 && d.day == 1 }

    /// "CY2027" for a period from January 1, "CY2027 (from July 1)" for one that starts later in the year.
    static func label(_ effective: CalendarDate) -> String {
        isYearStart(effective) ? "CY\(effective.year)" : "CY\(effective.year) (from \(monthNames[effective.month - 1]) \(effective.day))"
    }

    /// The GPCI table id: the year for a period from January 1, and for a later period whose table equals the
    /// year's; otherwise the period's first date (`2027-07-01`), so the earlier part of the year keeps its table.
    static func gpciID(_ effective: CalendarDate, rows: [LocalityGPCI], tables: [String: GPCITable]) -> String {
        let year = String(effective.year)
        if isYearStart(effective) { return year }
        if let t = tables[year], t.rows.count == rows.count, rows.allSatisfy({ t.rows[$0.locality.id] == $0 }) { return year }
        return effective.description
    }

    static func plan(
        period p: ImportedPeriod, existing: FeePeriod?, earlier: FeePeriod?, files: [PPRRVUFile], gpci: GPCIFile,
        site: SiteData, content: String, writesGPCI: Bool
    ) -> Plan {
        var plan = Plan()
        plan.writesGPCI = writesGPCI
        let feeFile = content + "/data/fees/\(p.effective).yaml"
        let base = files.first { $0.conversionFactorID != "qp" } ?? files[0]
        let releaseDate = SourceEntries.releaseDate(base.released)
        // Sources: the release (from its title and RELEASED line), for a new period and for a later release of the
        // same one (cms-rvu27c into the period cms-rvu27a began).
        func releaseEntries(_ undo: inout UndoRecord) -> String {
            var entries = ""
            for id in [p.source] + p.conversionFactors.map(\.source) where site.source(id) == nil && !undo.sourcesAdded.contains(id) {
                guard let f = files.first(where: { FeeImporter.derivedSource($0.title) == id }) ?? Optional(base),
                    let date = SourceEntries.releaseDate(f.released)
                else { continue }
                entries += SourceEntries.releaseEntry(id: id, file: f, files: files.filter { FeeImporter.derivedSource($0.title) == id }, date: date)
                undo.sourcesAdded.append(id)
            }
            return entries
        }
        if existing != nil {
            // A re-import (a quarterly release of the same period): keep the record of the first import, with the
            // entry of this release's source added to it, so `fees remove` takes both out. A period without a record
            // gets the entry but no record (its removal stays a check by hand, sources.yaml included).
            let text = (try? String(contentsOfFile: feeFile, encoding: .utf8)) ?? ""
            let parsed = UndoRecord.parse(text)
            var record = parsed ?? UndoRecord()
            let before = record.sourcesAdded.count
            let entries = releaseEntries(&record)
            if let original = try? String(contentsOfFile: content + "/data/sources.yaml", encoding: .utf8) {
                var sources = original
                // The notes of the entries the first import wrote name this import's files.
                let floorUsed = site.rules.policies.workGPCIFloor.entry(on: p.effective) != nil
                for id in record.sourcesAdded[..<before] {
                    let named = files.filter { FeeImporter.derivedSource($0.title) == id }
                    if id == "cms-gpci-\(p.gpciID)" {
                        sources = SourceEntries.renoting(id, note: SourceEntries.gpciNote(gpci, floorUsed: floorUsed), in: sources)
                    } else if !named.isEmpty {
                        sources = SourceEntries.renoting(id, note: SourceEntries.releaseNote(named), in: sources)
                    }
                }
                if !entries.isEmpty {
                    sources = SourceEntries.inserting(entries, into: sources)
                    plan.messages.append(
                        "added to sources.yaml: \(record.sourcesAdded[before...].joined(separator: ", ")) (dated \(releaseDate?.description ?? "—"), the release's own date)")
                }
                if sources != original {
                    plan.edits.append(("data/sources.yaml", sources))
                    if entries.isEmpty { plan.messages.append("sources.yaml: the notes of this period's entries name the files of this import") }
                }
            }
            if parsed != nil { plan.undoText = record.text(effective: p.effective.description) }
            plan.nextSteps = "next: review `git diff Content/` and commit\n"
            return plan
        }
        let rules = site.rules
        var undo = UndoRecord()
        if writesGPCI && rules.gpciTables[p.gpciID] == nil { undo.created.append("data/gpci/\(p.gpciID).csv") }
        var entries = releaseEntries(&undo)
        let gpciSource = "cms-gpci-\(p.gpciID)"
        if site.source(gpciSource) == nil {
            if let releaseDate {
                let floor = rules.policies.workGPCIFloor.entry(on: p.effective)
                let release = SourceEntries.release(base.title).map { "\($0.month) \(p.effective.year) release" }
                entries += SourceEntries.gpciEntry(
                    id: gpciSource, year: p.effective.year, release: release, date: releaseDate, gpci: gpci, floorUsed: floor != nil)
                undo.sourcesAdded.append(gpciSource)
            } else {
                plan.warnings.append(
                    .warning("import.gpci-source-missing",
                        SourceLocation(file: gpci.input.path),
                        "source '\(gpciSource)' is not in sources.yaml and the PPRRVU file has no RELEASED date to write it from",
                        hint: "add the entry to Content/data/sources.yaml before importing"))
            }
        }

        // An earlier period the new one starts inside ends the day before; a year in two parts gets two labels.
        if let e = earlier {
            let path = "data/fees/\(e.range.from).yaml"
            if var text = try? String(contentsOfFile: content + "/" + path, encoding: .utf8) {
                let dayBefore = p.effective.adding(days: -1)
                var replacements: [(String, String)] = []
                if let old = e.range.through { replacements.append(("through: \(old)", "through: \(dayBefore)")) }
                if e.label == "CY\(p.effective.year)" {
                    let newLabel = "CY\(p.effective.year) (through \(monthNames[dayBefore.month - 1]) \(dayBefore.day))"
                    replacements.append(("label: \(FeeWriter.quoted(e.label))", "label: \(FeeWriter.quoted(newLabel))"))
                }
                for (old, new) in replacements {
                    guard let r = text.range(of: "\n" + old + "\n") else { continue }
                    text.replaceSubrange(r, with: "\n" + new + "\n")
                    undo.changedLines.append((path, old, new))
                }
                plan.edits.append((path, text))
                plan.messages.append(
                    "ended the earlier period \(e.range.from) on \(dayBefore) (it ran through \(e.range.through?.description ?? "open-ended"))"
                        + (replacements.count > 1 ? "; its label is now '\(replacements[1].1.dropFirst("label: ".count))'" : ""))
            }
        }

        // The outlook speaks for dates after the last period: once the new period covers them it retires.
        let outlookPath = "data/outlook.yaml"
        if let text = try? String(contentsOfFile: content + "/" + outlookPath, encoding: .utf8),
            let from = outlookFrom(text), from <= p.through
        {
            plan.edits.append((outlookPath, nil))
            undo.retired.append((outlookPath, text))
            plan.messages.append(
                "retired Content/data/outlook.yaml: its dates from \(from) are now covered by this period; write a new one when "
                    + "CMS proposes the next year's rule (MAINTAINING.md)")
        }

        // sources.yaml: the entries added, and those only the retired outlook cited taken out (no warning left).
        if var text = try? String(contentsOfFile: content + "/data/sources.yaml", encoding: .utf8) {
            if !entries.isEmpty {
                text = SourceEntries.inserting(entries, into: text)
                plan.messages.append(
                    "added to sources.yaml: \(undo.sourcesAdded.joined(separator: ", ")) (dated \(releaseDate?.description ?? "—"), the release's own date)")
            }
            for (_, outlook) in undo.retired {
                for id in citedIDs(outlook) where !isCitedElsewhere(id, content: content) {
                    guard let removed = SourceEntries.removing(id, from: text) else { continue }
                    text = removed.text
                    undo.sourcesRetired.append((id, removed.after, removed.entry))
                    plan.messages.append("took '\(id)' out of sources.yaml: only the retired outlook cited it")
                }
            }
            if !entries.isEmpty || !undo.sourcesRetired.isEmpty { plan.edits.append(("data/sources.yaml", text)) }
        }

        // The locality pages of the period (tables computed at build time from the data).
        let codes = Set(p.rvus.map(\.code))
        for (path, text) in LocalityPages.pages(effective: p.effective, source: p.source, rules: rules, codes: codes, content: content) {
            plan.edits.append((path, text))
            undo.created.append(path)
            plan.messages.append("wrote Content/\(path) (locality tables of this period)")
        }

        // A qualifying-APM conversion factor the previous period had and this one will not.
        let previous = earlier ?? rules.periods.last { $0.range.from < p.effective }
        if let prev = previous, let qp = prev.conversionFactors.first(where: { $0.id == "qp" }),
            !p.conversionFactors.contains(where: { $0.id == "qp" })
        {
            plan.warnings.append(
                .warning("import.no-qpp-file",
                    SourceLocation(file: "--rvu"),
                    "no QPP file: \(prev.label) has the qualifying-APM conversion factor (qp, \(qp.value)), this period will "
                        + "have only the non-qualifying one, so `ctsguide calc --conversion-factor qp` and the calculator's "
                        + "qualifying-APM choice have no amount from \(p.effective)",
                    hint: "add the release's PPRRVU…_QPP.csv as a second --rvu (or run again with it later)"))
        }
        // Localities of the previous period's table this file lacks: CMS retires one now and then (fees diff lists
        // it); many at once look like a file cut off at the end of a line.
        if let prev = previous, let id = prev.gpciTable, let old = rules.gpciTables[id] {
            let kept = Set(p.gpci.map(\.locality.id))
            let gone = old.rows.keys.filter { !kept.contains($0) }.sorted()
            if !gone.isEmpty {
                plan.warnings.append(
                    .warning("import.localities-missing",
                        SourceLocation(file: gpci.input.path, line: gpci.headerLine),
                        "\(gone.count) of the \(old.rows.count) localities of GPCI table \(id) are not in this file: "
                            + gone.prefix(5).joined(separator: ", ") + (gone.count > 5 ? ", …" : ""),
                        hint: "a locality CMS retired is expected (fees diff lists it); many missing look like a cut-off file: fetch it again"))
            }
        }
        plan.undoText = undo.text(effective: p.effective.description)
        let prevText = previous.map { "ctsguide fees diff \($0.range.from) \(p.effective)" } ?? "ctsguide fees diff"
        plan.nextSteps = """
            next:
              1. \(prevText)   # check the conversion factor and the GPCI movers against the final rule
              2. set as_of in Content/site.yaml to the day you checked
              3. ctsguide check && make test
              4. review `git diff Content/` and commit (undo before committing: ctsguide fees remove \(p.effective))

            """
        return plan
    }

    /// The values of a YAML text's `key:` lines at any indentation, in order, without a trailing `# comment`.
    static func values(of key: String, in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix(key + ":") else { return nil }
            return t.dropFirst(key.count + 1).split(separator: "#").first?.trimmingCharacters(in: .whitespaces) ?? ""
        }
    }

    /// The source ids a YAML text cites (`source: ID` lines), each once.
    static func citedIDs(_ text: String) -> [String] {
        var out: [String] = []
        for id in values(of: "source", in: text) where !id.isEmpty && !out.contains(id) { out.append(id) }
        return out
    }

    /// Whether any page (`(source:ID)`) or data file other than the outlook and sources.yaml names the id.
    static func isCitedElsewhere(_ id: String, content: String) -> Bool {
        let fm = FileManager.default
        for rel in (fm.subpaths(atPath: content) ?? []).sorted() where rel.hasSuffix(".md") || rel.hasSuffix(".yaml") {
            guard rel != "data/outlook.yaml", rel != "data/sources.yaml",
                let text = try? String(contentsOfFile: content + "/" + rel, encoding: .utf8)
            else { continue }
            if text.contains("source:\(id)") || citedIDs(text).contains(id) { return true }
        }
        return false
    }

    /// The `from:` date of the outlook's `next:` block, read from the text.
    static func outlookFrom(_ text: String) -> CalendarDate? {
        values(of: "from", in: text).first.flatMap { CalendarDate(parsing: $0) }
    }
}
