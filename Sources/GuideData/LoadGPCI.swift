import SiteContent
import CodingRules

extension LoadSession {
    static let gpciColumns = ["year", "mac", "locality", "name", "state", "work_gpci", "pe_gpci", "mp_gpci"]
    /// The optional last column: CMS's work GPCI before any floor (absent: the same as `work_gpci`).
    static let gpciUnflooredColumn = "work_gpci_unfloored"
    /// The most rows a GPCI table may have.
    static let maxLocalities = 1000

    /// gpci/<id>.csv: header `year,mac,locality,name,state,work_gpci,pe_gpci,mp_gpci[,work_gpci_unfloored]`, one
    /// row per locality. The table's source id is `cms-gpci-<id>` (checked against sources.yaml).
    package mutating func loadGPCITables() -> [String: GPCITable] {
        var tables: [String: GPCITable] = [:]
        for file in files(in: "gpci", ext: "csv") {
            let id = String(file.split(separator: "/").last!.dropLast(4))
            // Named by its year or its first day; another name (a copy, "2025 (1).csv") is one error, not one a row.
            guard (id.count == 4 && id.allSatisfy(\.isNumber)) || CalendarDate(parsing: id) != nil else {
                diagnostics.error("gpci.bad-file-name", SourceLocation(file: file),
                    "a GPCI table is named by its year (2025.csv) or its first day (2027-07-01.csv), found '\(id).csv'")
                continue
            }
            let sourceID = "cms-gpci-\(id)"
            sourceRefs.append((sourceID, SourceLocation(file: file)))
            let errorsBefore = diagnostics.items.count  // (a warning leaves the table read)
            tables[id] = loadGPCI(file: file, id: id, sourceID: sourceID)
            if diagnostics.items[errorsBefore...].contains(where: { $0.severity == .error }) { gpciTablesUnread.insert(id) }
        }
        return tables
    }

    package mutating func loadGPCI(file: String, id: String, sourceID: String) -> GPCITable? {
        guard let text = readText(file) else { return nil }
        let rows = CSVReader.parse(text) { line, col, msg in
            diagnostics.error(.csvSyntax, SourceLocation(file: file, line: line, column: col), msg)
        }
        guard let header = rows.first else {
            diagnostics.error("gpci.empty-file", SourceLocation(file: file), "empty GPCI file; expected the header \(LoadSession.gpciColumns.joined(separator: ","))")
            return nil
        }
        let columns = header.map(\.text)
        guard columns == LoadSession.gpciColumns || columns == LoadSession.gpciColumns + [LoadSession.gpciUnflooredColumn] else {
            diagnostics.error("gpci.bad-header",
                SourceLocation(file: file, line: header[0].line, column: 1),
                "unexpected GPCI header '\(columns.joined(separator: ","))'; expected "
                    + "\(LoadSession.gpciColumns.joined(separator: ",")), optionally followed by ,\(LoadSession.gpciUnflooredColumn)")
            return nil
        }
        // CMS lists about 110 localities; the calculator works out every session in each one.
        if rows.count - 1 > LoadSession.maxLocalities {
            diagnostics.error("gpci.too-many-rows", SourceLocation(file: file, line: rows[LoadSession.maxLocalities + 1][0].line, column: 1),
                "\(rows.count - 1) locality rows, more than \(LoadSession.maxLocalities): CMS lists about 110 Medicare localities")
            return nil
        }
        var out: [String: LocalityGPCI] = [:]
        for row in rows.dropFirst() {
            let at = { (f: CSVField) in SourceLocation(file: file, line: f.line, column: f.column) }
            guard row.count == columns.count else {
                diagnostics.error("gpci.field-count", at(row[0]), "expected \(columns.count) fields, found \(row.count)")
                continue
            }
            let mac = row[1], loc = row[2], name = row[3], state = row[4]
            let errorsBefore = diagnostics.items.count  // (a warning leaves the table read)
            if row[0].text != id && !id.hasPrefix(row[0].text + "-") {
                diagnostics.error("gpci.year-not-file-name", at(row[0]), "year '\(row[0].text)' does not match the file name '\(id)'")
            }
            if mac.text.count != 5 || !mac.text.allSatisfy({ $0.isASCII && $0.isNumber }) {
                diagnostics.error("gpci.bad-mac", at(mac), "MAC number must be 5 digits, found '\(mac.text)'")
            }
            if loc.text.count != 2 || !loc.text.allSatisfy({ $0.isASCII && $0.isNumber }) {
                diagnostics.error("gpci.bad-locality-number", at(loc), "locality number must be 2 digits, found '\(loc.text)'")
            }
            if name.text.isEmpty { diagnostics.error("gpci.empty-locality-name", at(name), "empty locality name") }
            if state.text.count != 2 || !state.text.allSatisfy({ $0.isASCII && $0.isLetter }) { diagnostics.error("gpci.bad-state", at(state), "state must be a 2-letter code, found '\(state.text)'") }
            var values: [DecimalValue] = []
            for (i, f) in row[5...].enumerated() {
                let column = columns[5 + i]
                switch DecimalLimits.gpci.parse(f.text) {
                case .failure(let why):
                    diagnostics.error("gpci.bad-index", at(f), "\(column) must be a decimal above 0; '\(f.text)' \(why.message)")
                case .success(let v) where v.isNegative || v == .zero:
                    diagnostics.error("gpci.index-not-positive", at(f), "\(column) must be a decimal above 0, found '\(f.text)'")
                case .success(let v):
                    values.append(v)
                }
            }
            // A row with an error of its own is left out: one error at its field, nothing more.
            guard diagnostics.items.count == errorsBefore else { continue }
            let locality = Locality(mac: mac.text, number: loc.text, name: name.text, state: state.text)
            if out[locality.id] != nil {
                diagnostics.error("gpci.duplicate-locality", at(mac), "duplicate locality \(locality.id)")
                continue
            }
            out[locality.id] = LocalityGPCI(
                locality: locality, work: values[0], pe: values[1], mp: values[2], workUnfloored: values.count > 3 ? values[3] : nil)
        }
        // (Rows with errors were each reported: "no rows" only when the file has none after its header.)
        if rows.count < 2 { diagnostics.error("gpci.no-rows", SourceLocation(file: file), "no locality rows") }
        return GPCITable(id: id, source: sourceID, rows: out)
    }
}
