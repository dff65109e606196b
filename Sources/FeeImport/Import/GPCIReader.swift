import SiteContent
import CodingRules

/// A GPCI table read from a CMS Addendum E file (or from the guide's own extract format).
package struct GPCIFile {
    /// What layout was recognized, for messages: "Addendum E (7 columns)", "Addendum E, January 2026 (8 columns)", "guide extract".
    var layout: String
    /// The year the file states (header labels, or the `year` column of the extract).
    var year: String
    /// The title line ("ADDENDUM E. FINAL CY 2026 …"), empty for the extract format.
    var title: String
    /// In file order.
    var rows: [LocalityGPCI]
    var input: ImportInput
}

/// Reads GPCI files in the layouts CMS has used:
/// - 2024/2025 and April 2026 on: title, blank line, header `Medicare Administrative Contractor (MAC),State,Locality
///   Number,Locality Name,YYYY PW GPCI (with 1.0 Floor)[***],YYYY PE GPCI,YYYY MP GPCI`, rows, footnotes;
/// - January 2026: an extra `YYYY PW GPCI (without 1.0 Floor)` column before the floored one (the floored one is used);
/// - the guide's extract (`year,mac,locality,name,state,work_gpci,pe_gpci,mp_gpci`).
/// Footnote marks (`*`) are stripped from names; MAC and locality numbers are zero-padded (5 and 2 digits).
package enum GPCIReader {
    static let extractHeader = ["year", "mac", "locality", "name", "state", "work_gpci", "pe_gpci", "mp_gpci"]

    struct Columns {
        var mac = 0, state = 0, number = 0, name = 0, work = 0, pe = 0, mp = 0
        var year: String
        var layout: String
    }

    package static func read(_ input: ImportInput) -> StageResult<GPCIFile> {
        let records: [CMSRecord]
        switch input.records() {
        case .success(let r): records = r
        case .failure(let d): return .failure([d])
        }
        let known = "expected CMS Addendum E (header starting 'Medicare Administrative Contractor (MAC)') or the "
            + "guide's extract (\(extractHeader.joined(separator: ",")))"
        guard let h = records.firstIndex(where: { isHeader($0) }) else {
            return .failure([input.error(records.first(where: { !$0.isBlank })?.line ?? 1, "unknown GPCI layout: no header row; \(known)")])
        }
        let header = records[h]
        guard let columns = columns(header) else {
            return .failure([
                input.error(
                    header.line,
                    "unknown GPCI layout: \(header.fields.count) columns '\(header.fields.joined(separator: ","))'; \(known)")
            ])
        }
        let title = h > 0 ? records[0].cell(0) : ""
        var problems: [Diagnostic] = []
        var rows: [LocalityGPCI] = []
        var seen: [String: Int] = [:]
        var years: Set<String> = []
        for record in records[(h + 1)...] where !record.isBlank {
            let macText = record.cell(columns.mac)
            guard !macText.isEmpty, macText.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                if rows.isEmpty {
                    problems.append(input.error(record.line, "expected a locality row (a MAC number first), found '\(record.cell(0))'"))
                }
                if columns.layout == "guide extract" { continue }
                break  // footnotes after the table
            }
            guard record.fields.count > max(columns.mp, columns.work, columns.pe, columns.name, columns.state, columns.number) else {
                problems.append(input.error(record.line, "expected \(header.fields.count) fields, found \(record.fields.count)"))
                continue
            }
            let number = record.cell(columns.number)
            let mac = padded(macText, 5), loc = padded(number, 2)
            guard mac.count == 5, loc.count == 2, number.allSatisfy({ $0.isASCII && $0.isNumber }), !number.isEmpty else {
                problems.append(input.error(record.line, "MAC '\(macText)' or locality '\(number)' is not a 5- and 2-digit number"))
                continue
            }
            var name = record.cell(columns.name)
            while name.hasSuffix("*") { name.removeLast() }
            name = name.trimmingSpaces
            let state = record.cell(columns.state)
            guard !name.isEmpty, state.count == 2 else {
                problems.append(input.error(record.line, "empty locality name or a state that is not 2 letters ('\(state)')"))
                continue
            }
            var values: [DecimalValue] = []
            for (i, what) in [(columns.work, "work GPCI"), (columns.pe, "PE GPCI"), (columns.mp, "MP GPCI")] {
                guard let v = cmsDecimal(record.cell(i)), !v.isNegative, v != .zero else {
                    problems.append(input.error(record.line, "\(what) of \(mac)-\(loc) is not a number above 0: '\(record.cell(i))'"))
                    break
                }
                values.append(v)
            }
            guard values.count == 3 else { continue }
            let locality = Locality(mac: mac, number: loc, name: name, state: state)
            if let first = seen[locality.id] {
                problems.append(input.error(record.line, "duplicate locality \(locality.id) (first at line \(first))"))
                continue
            }
            seen[locality.id] = record.line
            if columns.layout == "guide extract" { years.insert(record.cell(0)) }
            rows.append(LocalityGPCI(locality: locality, work: values[0], pe: values[1], mp: values[2]))
        }
        if rows.isEmpty && problems.isEmpty { problems.append(input.error(header.line, "no locality rows after the header")) }
        if years.count > 1 {
            problems.append(input.error(header.line, "the year column differs between rows: \(years.sorted().joined(separator: ", "))"))
        }
        if !problems.isEmpty { return .failure(capped(problems, what: "bad locality rows")) }
        return .success(GPCIFile(layout: columns.layout, year: years.first ?? columns.year, title: title, rows: rows, input: input))
    }

    static func isHeader(_ r: CMSRecord) -> Bool {
        r.cell(0).hasPrefix("Medicare Administrative Contractor") || r.cell(0) == "year"
    }

    static func padded(_ digits: String, _ width: Int) -> String {
        digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Column positions from the header labels; nil for a layout this reader does not know.
    static func columns(_ header: CMSRecord) -> Columns? {
        let labels = header.fields.map(\.trimmingSpaces)
        if labels == extractHeader {
            return Columns(mac: 1, state: 4, number: 2, name: 3, work: 5, pe: 6, mp: 7, year: "", layout: "guide extract")
        }
        func find(_ match: (String) -> Bool) -> Int? { labels.firstIndex(where: match) }
        let stripped = labels.map { l -> String in var s = l; while s.hasSuffix("*") { s.removeLast() }; return s.trimmingSpaces }
        guard labels.count == 7 || labels.count == 8,
            let state = find({ $0 == "State" }), let number = find({ $0 == "Locality Number" }),
            let name = find({ $0 == "Locality Name" }),
            let work = stripped.firstIndex(where: { $0.hasSuffix("PW GPCI (with 1.0 Floor)") }),
            let pe = find({ $0.hasSuffix(" PE GPCI") }), let mp = find({ $0.hasSuffix(" MP GPCI") })
        else { return nil }
        let unfloored = stripped.firstIndex { $0.hasSuffix("PW GPCI (without 1.0 Floor)") }
        if labels.count == 8 && unfloored == nil { return nil }
        if labels.count == 7 && unfloored != nil { return nil }
        let year = String(stripped[work].prefix(4))
        guard Int(year) != nil, stripped[pe].hasPrefix(year), stripped[mp].hasPrefix(year) else { return nil }
        let layout = labels.count == 8
            ? "Addendum E with the work GPCI with and without the floor (8 columns)" : "Addendum E (7 columns)"
        return Columns(mac: 0, state: state, number: number, name: name, work: work, pe: pe, mp: mp, year: year, layout: layout)
    }
}
