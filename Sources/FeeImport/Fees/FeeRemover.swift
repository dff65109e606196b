import SiteContent
import GuideData
import CodingRules
import Foundation

/// `ctsguide fees remove EFFECTIVE`: undoes `fees import` of a new period exactly, from the `UndoRecord` at the
/// end of its fee file — the period, its GPCI table (while no other period uses it), its locality pages, the
/// sources entries it added or took out, the outlook it retired and the earlier period's `through`/`label` — so
/// `Content/` is byte-identical to before the import. A period without a record (written by hand or before
/// records existed) loses only its fee file and unused GPCI table, and the command says what to check by hand.
public enum FeeRemover {
    public static func run(effective text: String, content: String) -> CommandOutcome {
        guard let effective = CalendarDate(parsing: text) else {
            return .failure([.error("fees-remove.bad-date", SourceLocation(file: "fees remove"), "expected a date YYYY-MM-DD, got '\(text)'")], exitCode: 2)
        }
        let loaded = SiteDataLoader.load(contentDirectory: content)
        guard let site = loaded.output else { return .failure(loaded.diagnostics) }
        guard let period = site.rules.period(effective: effective) else {
            let starts = site.rules.periods.map { $0.range.from.description }.joined(separator: ", ")
            return .failure([.error("fees-remove.no-such-period", SourceLocation(file: "fees remove"), "no fee period starts on \(effective); periods start \(starts)")])
        }
        let feeRel = "data/fees/\(effective).yaml"
        let feeText = (try? String(contentsOfFile: content + "/" + feeRel, encoding: .utf8)) ?? ""
        let record = UndoRecord.parse(feeText)
        var edits: [(String, String?)] = [(feeRel, nil)]
        var said: [String] = ["removed Content/\(feeRel)"]
        let others = site.rules.periods.filter { $0.range.from != effective }
        let tableUsed = period.gpciTable.map { id in others.contains { $0.gpciTable == id } } ?? true
        if let table = period.gpciTable, !tableUsed, record == nil || record!.created.contains("data/gpci/\(table).csv") {
            // The ZIP code list is checked against one GPCI table: a list imported after this period keeps it.
            if let zip = site.zipCodes, zip.table.gpciTable == table {
                return .failure([
                    .error("fees-remove.zip-codes-use-table",
                        zip.location,
                        "the ZIP code list (\(zip.sourceFile), \(zip.quarterLabel)) is checked against GPCI table \(table), which removing period \(effective) deletes; nothing removed",
                        hint: "first bring back the ZIP code list of before (git checkout Content/data/zip-codes.yaml, or fees import-zip with an earlier year's file)")
                ])
            }
            edits.append(("data/gpci/\(table).csv", nil))
            said.append("removed Content/data/gpci/\(table).csv (no other period uses it)")
        }
        guard let record else {
            said.append(
                "no import record in the fee file: check sources.yaml, outlook.yaml, the earlier period's 'through' and "
                    + "Content/localities/ by hand")
            return finish(edits, said, content: content)
        }
        for path in record.created where !path.hasPrefix("data/gpci/") {
            edits.append((path, nil))
            said.append("removed Content/\(path)")
        }
        var changed: [String: String] = [:]
        func current(_ rel: String) -> String {
            changed[rel] ?? (try? String(contentsOfFile: content + "/" + rel, encoding: .utf8)) ?? ""
        }
        for c in record.changedLines {
            var t = current(c.file)
            if let r = t.range(of: "\n" + c.new + "\n") {
                t.replaceSubrange(r, with: "\n" + c.old + "\n")
                said.append("Content/\(c.file): '\(c.new)' back to '\(c.old)'")
            } else {
                said.append("Content/\(c.file): '\(c.new)' not found (edited since?); set '\(c.old)' by hand")
            }
            changed[c.file] = t
        }
        let stillCited = Set(others.flatMap { [$0.source] + $0.conversionFactors.map(\.source) })
            .union(others.compactMap { $0.gpciTable.map { "cms-gpci-\($0)" } })
        var sources = current("data/sources.yaml")
        // The reverse of the import's order: it added entries, then took out the outlook's.
        for r in record.sourcesRetired.reversed() {
            sources = SourceEntries.restoring(r.text, after: r.after, into: sources)
            said.append("put '\(r.id)' back into sources.yaml")
        }
        for id in record.sourcesAdded where !stillCited.contains(id) {
            if let removed = SourceEntries.removing(id, from: sources) {
                sources = removed.text
                said.append("took '\(id)' out of sources.yaml")
            }
        }
        if !record.sourcesAdded.isEmpty || !record.sourcesRetired.isEmpty { changed["data/sources.yaml"] = sources }
        for r in record.retired {
            changed[r.file] = r.text
            said.append("restored Content/\(r.file)")
        }
        edits += changed.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return finish(edits, said, content: content)
    }

    static func finish(_ edits: [(String, String?)], _ said: [String], content: String) -> CommandOutcome {
        let out = FeeImporter.apply(edits.map { (content + "/" + $0.0, $0.1) }, content: content, what: content + "/" + edits[0].0)
        guard out.exitCode == 0 else { return out }
        return CommandOutcome(stdout: said.map { $0 + "\n" }.joined(), diagnostics: [], exitCode: 0)
    }
}
