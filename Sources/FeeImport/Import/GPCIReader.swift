import Foundation
import SiteContent
import CodingRules
import GuideData

/// How the file states the work GPCI: one column whose header says with a floor, without one or neither, or the
/// pair CMS shipped in January 2026 (without and with the 1.0 floor).
package enum GPCIWorkColumns: Sendable, Equatable {
    /// "… (with 1.0 Floor)".
    case floored
    /// "… (without 1.0 Floor)".
    case unfloored
    /// "2027 PW GPCI", no word on a floor.
    case plain
    case pair
}

/// A GPCI table read from a CMS Addendum E file (or from the guide's own extract format).
package struct GPCIFile {
    /// The year the file states (header labels, or the `year` column of the extract).
    var year: String
    /// The title line ("ADDENDUM E. FINAL CY 2026 …"), empty for the extract format.
    var title: String
    /// In file order. `work` is the single work column, or the floored one of a pair; `workUnfloored` the
    /// unfloored one when the file has it (else equal to `work`).
    var rows: [LocalityGPCI]
    /// The line of the header row, and of each locality's row (by locality id), for messages.
    var headerLine = 1
    var lines: [String: Int] = [:]
    var workColumns: GPCIWorkColumns
    /// The work column's header as the file spells it (for messages).
    var workLabel: String
    var input: ImportInput

    /// True when the file states the work GPCI before any floor (so the table keeps `work_gpci_unfloored`).
    var hasUnflooredColumn: Bool { workColumns == .pair || workColumns == .unfloored }
}

/// Reads GPCI files in the layouts CMS has used and will plausibly use: a title line, a header row and one row per
/// locality, then footnotes. Columns are found by what their header says, not by position: the MAC
/// ("Medicare Administrative Contractor (MAC)", "MAC", "Carrier"), "State", "Locality Number", "Locality Name",
/// the work GPCI ("YYYY PW GPCI" with any floor wording — "(with 1.0 Floor)", "(without 1.0 Floor)", none — and
/// footnote marks such as `***`, or the without/with pair of January 2026), "YYYY PE GPCI" and "YYYY MP GPCI".
/// Also the guide's extract (`year,mac,locality,name,state,work_gpci,pe_gpci,mp_gpci[,work_gpci_unfloored]`).
/// Footnote marks (`*`) are stripped from names; MAC and locality numbers are zero-padded (5 and 2 digits).
package enum GPCIReader {
    static let extractHeader = ["year", "mac", "locality", "name", "state", "work_gpci", "pe_gpci", "mp_gpci"]
    static let extractUnfloored = "work_gpci_unfloored"

    struct Columns {
        var mac = 0, state = 0, number = 0, name = 0, work = 0, pe = 0, mp = 0
        /// The unfloored work column of a pair (or of an extract with the optional last column).
        var unfloored: Int? = nil
        var workColumns: GPCIWorkColumns = .plain
        var workLabel = ""
        var year: String
        var isExtract = false
    }

    package static func read(_ input: ImportInput) -> StageResult<GPCIFile> {
        let read = input.records()
        guard let records = read.output else { return .failure(read.diagnostics) }
        guard let h = records.firstIndex(where: { isHeader($0) }) else {
            let first = records.first(where: { !$0.isBlank })
            return .failure([
                input.error("import-gpci.no-header",
                    first?.line ?? 1,
                    "no GPCI header row: expected a row naming the locality and the GPCI columns (CMS Addendum E: "
                        + "'Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,YYYY PW GPCI …,"
                        + "YYYY PE GPCI,YYYY MP GPCI'; or the guide's extract '\(extractHeader.joined(separator: ","))'); "
                        + "the first line reads '\(first.map { $0.fields.filter { !$0.isEmpty }.joined(separator: ",") } ?? "")'")
            ])
        }
        let header = records[h]
        let found = columns(header, input)
        guard let columns = found.output else { return .failure(found.diagnostics) }
        // The Addendum E title, also below lines a re-save or a later release put above it.
        let title = records[..<h].lazy.flatMap(\.fields).map(\.trimmingSpaces).first {
            let t = $0.uppercased()
            return t.contains("GPCI") || t.contains("GEOGRAPHIC PRACTICE COST")
        } ?? (h > 0 ? records[0].cell(0) : "")
        var problems: [Diagnostic] = []
        var rows: [LocalityGPCI] = []
        var seen: [String: Int] = [:]
        var years: Set<String> = []
        // The first row after the localities that is not one (footnotes, unless more localities follow it).
        var end: CMSRecord? = nil
        for record in records[(h + 1)...] where !record.isBlank {
            let macText = record.cell(columns.mac)
            guard !macText.isEmpty, macText.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                if rows.isEmpty {
                    problems.append(input.error("import-gpci.not-a-locality-row", record.line, "expected a locality row (a MAC number first), found '\(record.cell(0))'"))
                    if columns.isExtract { continue }
                    break
                }
                // A header repeated inside the table (a re-save of a paged table) is skipped.
                if end == nil && !columns.isExtract && !isHeader(record) { end = record }
                continue
            }
            if let e = end {
                // Localities after a row that is not one: the table does not end there, and reading on or
                // stopping would both guess.
                problems.append(
                    input.error("import-gpci.table-interrupted",
                        e.line, "expected a locality row, found '\(e.fields.filter { !$0.trimmingSpaces.isEmpty }.joined(separator: ","))'; "
                            + "locality rows follow at line \(record.line)",
                        hint: "remove the row, or move footnotes below the last locality"))
                break
            }
            guard record.fields.count > max(columns.mp, columns.work, columns.pe, columns.name, columns.state, columns.number, columns.unfloored ?? 0) else {
                problems.append(input.error("import-gpci.field-count", record.line, "expected \(header.fields.count) fields, found \(record.fields.count)"))
                continue
            }
            let number = record.cell(columns.number)
            let mac = padded(macText, 5), loc = padded(number, 2)
            guard mac.count == 5, loc.count == 2, number.allSatisfy({ $0.isASCII && $0.isNumber }), !number.isEmpty else {
                problems.append(input.error("import-gpci.bad-mac-or-locality", record.line, "MAC '\(macText)' or locality '\(number)' is not a 5- and 2-digit number"))
                continue
            }
            var name = record.cell(columns.name)
            while name.hasSuffix("*") { name.removeLast() }
            name = name.trimmingSpaces
            let state = record.cell(columns.state)
            guard !name.isEmpty, state.count == 2 else {
                problems.append(input.error("import-gpci.bad-name-or-state", record.line, "empty locality name or a state that is not 2 letters ('\(state)')"))
                continue
            }
            var values: [DecimalValue] = []
            let valueColumns = [(columns.work, "work GPCI"), (columns.pe, "PE GPCI"), (columns.mp, "MP GPCI")]
                + (columns.unfloored.map { [($0, "work GPCI without the floor")] } ?? [])
            for (i, what) in valueColumns {
                let cell = record.cell(i), v = cmsDecimal(cell)
                guard let v, !v.isNegative, v != .zero else {
                    problems.append(input.error("import-gpci.index-not-positive", record, field: i,
                        "\(what) of \(mac)-\(loc) '\(cell)' \(v == nil ? notAFigure(cell, .gpci) : "is not above 0")"))
                    break
                }
                if case .failure(let e) = DecimalLimits.gpci.check(v) {
                    problems.append(input.error("import-gpci.index-out-of-limits", record, field: i, "\(what) of \(mac)-\(loc) '\(cell)' \(e.message)"))
                    break
                }
                values.append(v)
            }
            guard values.count == valueColumns.count else { continue }
            let locality = Locality(mac: mac, number: loc, name: name, state: state)
            if let first = seen[locality.id] {
                problems.append(input.error("import-gpci.duplicate-locality", record.line, "duplicate locality \(locality.id) (first at line \(first))"))
                continue
            }
            seen[locality.id] = record.line
            if columns.isExtract { years.insert(record.cell(0)) }
            rows.append(
                LocalityGPCI(
                    locality: locality, work: values[0], pe: values[1], mp: values[2],
                    workUnfloored: values.count > 3 ? values[3] : nil))
        }
        if rows.isEmpty && problems.isEmpty { problems.append(input.error("import-gpci.no-rows", header.line, "no locality rows after the header")) }
        if years.count > 1 {
            problems.append(input.error("import-gpci.year-differs", header.line, "the year column differs between rows: \(years.sorted().joined(separator: ", "))"))
        }
        if !problems.isEmpty { return .failure(capped(problems, what: "bad locality rows")) }
        return .success(
            GPCIFile(
                year: years.first ?? columns.year, title: title, rows: rows, headerLine: header.line, lines: seen,
                workColumns: columns.workColumns, workLabel: columns.workLabel, input: input))
    }

    /// A header row: the extract's, or a row of at least four labels with a locality column and a GPCI column
    /// (the title line above it names both, in one cell).
    static func isHeader(_ r: CMSRecord) -> Bool {
        if r.cell(0) == "year" { return true }
        let labels = r.fields.map(normalized).filter { !$0.isEmpty }
        return labels.count >= 4 && labels.contains { $0.contains("locality") } && labels.contains { $0.contains("gpci") }
    }

    static func padded(_ digits: String, _ width: Int) -> String {
        digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A header label in lower case, footnote marks (`*`, `†`) and repeated spaces removed.
    static func normalized(_ label: String) -> String {
        label.lowercased().filter { $0 != "*" && $0 != "†" && $0 != "‡" }
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// Column positions from what the header labels mean, or an error saying what was found and what is missing.
    static func columns(_ header: CMSRecord, _ input: ImportInput) -> StageResult<Columns> {
        let raw = header.fields.map(\.trimmingSpaces)
        if raw == extractHeader || raw == extractHeader + [extractUnfloored] {
            return .success(
                Columns(
                    mac: 1, state: 4, number: 2, name: 3, work: 5, pe: 6, mp: 7, unfloored: raw.count == 9 ? 8 : nil,
                    workColumns: raw.count == 9 ? .pair : .plain, workLabel: "work_gpci", year: "", isExtract: true))
        }
        let labels = raw.map(normalized)
        var missing: [String] = []
        func one(_ what: String, _ match: (String) -> Bool) -> Int? {
            let hits = labels.indices.filter { match(labels[$0]) }
            if hits.count != 1 { missing.append(hits.isEmpty ? what : "\(what) (\(hits.count) columns match)") }
            return hits.count == 1 ? hits[0] : nil
        }
        let mac = one("the MAC ('Medicare Administrative Contractor (MAC)')") {
            $0.contains("contractor") || $0 == "mac" || $0.hasPrefix("mac ") || $0.hasPrefix("carrier")
        }
        let state = one("'State'") { $0 == "state" }
        let number = one("'Locality Number'") {
            $0 == "locality" || $0.contains("locality") && ($0.contains("number") || $0.hasSuffix(" no") || $0.hasSuffix(" no.") || $0.hasSuffix(" code"))
        }
        let name = one("'Locality Name'") { $0.contains("locality") && $0.contains("name") }
        let pe = one("the PE GPCI ('YYYY PE GPCI')") { $0.contains("pe gpci") || $0.contains("practice expense") }
        // Malpractice is also called professional liability insurance (PLI).
        let mp = one("the MP GPCI ('YYYY MP GPCI')") { $0.contains("mp gpci") || $0.contains("malpractice") || $0.contains("pli gpci") || $0.contains("liability") }
        let workIndices = labels.indices.filter { labels[$0].contains("pw gpci") || labels[$0].contains("work gpci") }
        var workColumns: GPCIWorkColumns = .plain
        var work: Int? = nil, unfloored: Int? = nil
        func wording(_ l: String) -> GPCIWorkColumns {
            if l.contains("without") && l.contains("floor") { return .unfloored }
            if l.contains("with") && l.contains("floor") { return .floored }
            return .plain
        }
        switch workIndices.count {
        case 1:
            work = workIndices[0]
            workColumns = wording(labels[workIndices[0]])
        case 2:
            let kinds = workIndices.map { wording(labels[$0]) }
            if let f = kinds.firstIndex(of: .floored), let u = kinds.firstIndex(of: .unfloored) {
                work = workIndices[f]
                unfloored = workIndices[u]
                workColumns = .pair
            } else {
                missing.append(
                    "one work GPCI column, or a pair '… (without 1.0 Floor)' and '… (with 1.0 Floor)' (found '\(raw[workIndices[0]])' and '\(raw[workIndices[1]])')")
            }
        case 0: missing.append("the work GPCI ('YYYY PW GPCI', with or without a floor wording)")
        default: missing.append("one work GPCI column or a without/with-floor pair (\(workIndices.count) columns say 'PW GPCI')")
        }
        let gpciLabels = [work, unfloored, pe, mp].compactMap { $0 }.map { labels[$0] }
        let years = Set(gpciLabels.compactMap { firstYear(in: $0) }.map(String.init))
        if missing.isEmpty && years.count != 1 {
            missing.append(
                years.isEmpty ? "a year in the GPCI headers ('2027 PW GPCI')"
                    : "one year in the GPCI headers (found \(years.sorted().joined(separator: " and ")))")
        }
        guard missing.isEmpty, let mac, let state, let number, let name, let work, let pe, let mp, let year = years.first else {
            return .failure([
                input.error("import-gpci.unknown-layout",
                    header.line,
                    "unknown GPCI layout: found \(raw.count) columns '\(raw.joined(separator: ","))'; expected CMS Addendum E "
                        + "columns, missing \(missing.joined(separator: ", ")); or the guide's extract (\(extractHeader.joined(separator: ",")))")
            ])
        }
        return .success(
            Columns(
                mac: mac, state: state, number: number, name: name, work: work, pe: pe, mp: mp, unfloored: unfloored,
                workColumns: workColumns, workLabel: raw[work], year: year))
    }
}
