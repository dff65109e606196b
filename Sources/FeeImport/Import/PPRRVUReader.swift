import SiteContent
import CodingRules
import GuideData

/// The RVUs of one code as a CMS PPRRVU file states them (the row without a modifier).
package struct PPRRVURow: Sendable, Hashable {
    var code: String
    var work: DecimalValue
    var peNonfacility: DecimalValue
    var peFacility: DecimalValue
    var mp: DecimalValue
    var conversionFactor: DecimalValue?
    /// The payment-policy indicators by codes.yaml's names (`status`: A = active, only A, R and T are paid).
    var indicators: [String: String] = [:]
    var line: Int
}

/// A CMS PPRRVU file (Addendum B RVU file): the release it names and the rows of the codes asked for.
package struct PPRRVUFile {
    /// e.g. "2026 National Physician Fee Schedule Relative Value File July Release".
    var title: String
    /// The line of the title (1 when the file has none).
    var titleLine = 1
    /// The date on the "RELEASED mm/dd/yyyy" line.
    var released: String
    /// `PRIC IND` of the file (9 = non-qualifying APM conversion factor, 1 = qualifying APM), nil before 2026.
    var pricingIndicator: String?
    var headerLine: Int
    /// The index of the `CONV FACTOR` column (for an error at a row's factor).
    var conversionFactorColumn = 25
    var rows: [String: PPRRVURow]
    var input: ImportInput

    /// The conversion-factor option this file gives: `standard` (one CF), `non-qp` or `qp`.
    var conversionFactorID: String {
        switch pricingIndicator {
        case nil: return "standard"
        case "1": return "qp"
        default: return "non-qp"
        }
    }

    /// The calendar year the title names ("2026 National …", "CY 2027 …").
    var year: Int? { firstYear(in: title) }
}

/// Reads PPRRVU files. The header row is the first record whose first cell is `HCPCS`. The columns read are found
/// by their labels in that row and the row above it (`WORK`/`RVU`, `NON-FAC`/`PE RVU`, `FACILITY`/`PE RVU`, `MP`/`RVU`,
/// `NON-FACILITY`/`TOTAL`, `FACILITY`/`TOTAL`, `CONV`/`FACTOR`, `PRIC`/`IND` from 2026), so columns CMS adds or moves
/// are read where they are; without the row above, by position in the 31- or 32-column layout. Every data row is
/// checked (column count, numeric RVUs, work + PE + MP = total in both settings); rows of `codes` without a modifier
/// are kept.
package enum PPRRVUReader {
    /// Where the columns read are: the 31-column layout of 2024–2025, the 32-column one of 2026 on (`PRIC IND` at
    /// index 23), or what the labels say.
    package struct Layout {
        var columns: Int
        var pricingIndicator: Int?
        var conversionFactor: Int
        var mod = 1, work = 5, peNonfacility = 6, peFacility = 8, mp = 10, totalNonfacility = 11, totalFacility = 12
        /// The `NA INDICATOR` beside each PE RVU: `NA` when CMS does not price the code in that setting.
        var naNonfacility: Int? = 7, naFacility: Int? = 9
        /// The indicator columns codes.yaml records, by its names (PHYS SUP after CONV FACTOR).
        var indicators: [String: Int]
        static let cy2024 = Layout(columns: 31, pricingIndicator: nil, conversionFactor: 24, indicators: positions(physSupervision: 25))
        static let cy2026 = Layout(columns: 32, pricingIndicator: 23, conversionFactor: 25, indicators: positions(physSupervision: 26))
        static func positions(physSupervision: Int) -> [String: Int] {
            ["status": 3, "pctc": 13, "global": 14, "mult_proc": 18, "bilat_surg": 19, "asst_surg": 20, "co_surg": 21,
             "team_surg": 22, "phys_supervision": physSupervision]
        }
        /// Their labels (the row above the header and the header read together).
        static let indicatorLabels = [
            "status": "STATUS CODE", "pctc": "PCTC IND", "global": "GLOB DAYS", "mult_proc": "MULT PROC", "bilat_surg": "BILAT SURG",
            "asst_surg": "ASST SURG", "co_surg": "CO- SURG", "team_surg": "TEAM SURG", "phys_supervision": "DIAGNOSTIC PROCEDURES",
        ]

        /// The layout the labels give (`above` the row over the header: CMS's label row has `WORK`; any other row,
        /// or none, means the positions), or what is wrong with them.
        static func find(header: CMSRecord, above: CMSRecord?, width: Int) -> (Layout?, String) {
            guard let above, above.fields.contains(where: { $0.trimmingSpaces.uppercased() == "WORK" }) else {
                let layout = [Layout.cy2024, .cy2026].first { $0.columns == width }
                return (layout, layout == nil ? "the header row has \(width) columns; expected 31 (2024–2025) or 32 (2026 on)" : "")
            }
            let labels = (0..<width).map { (above.cell($0) + " " + header.cell($0)).uppercased().split(separator: " ").joined(separator: " ") }
            var missing: [String] = []
            func one(_ label: String, optional: Bool = false) -> Int {
                let hits = labels.indices.filter { labels[$0] == label }
                if hits.count != 1 && !(optional && hits.isEmpty) {
                    missing.append(hits.isEmpty ? "'\(label)'" : "'\(label)' (\(hits.count) columns)")
                }
                return hits.count == 1 ? hits[0] : -1
            }
            var layout = Layout(
                columns: width, pricingIndicator: nil, conversionFactor: one("CONV FACTOR"),
                indicators: indicatorLabels.mapValues { one($0, optional: true) }.filter { $0.value >= 0 })
            (layout.mod, layout.work, layout.peNonfacility, layout.peFacility, layout.mp) =
                (one("MOD"), one("WORK RVU"), one("NON-FAC PE RVU"), one("FACILITY PE RVU"), one("MP RVU"))
            (layout.totalNonfacility, layout.totalFacility) = (one("NON-FACILITY TOTAL"), one("FACILITY TOTAL"))
            let na = labels.indices.filter { labels[$0] == "NA INDICATOR" }
            layout.naNonfacility = na.first { $0 > layout.peNonfacility }
            layout.naFacility = na.first { $0 > layout.peFacility }
            let pric = one("PRIC IND", optional: true)
            layout.pricingIndicator = pric < 0 ? nil : pric
            guard missing.isEmpty else {
                return (nil, "no single column labelled \(missing.joined(separator: ", ")) (the row above the header and the header read together)")
            }
            return (layout, "")
        }
    }

    package static func read(_ input: ImportInput, codes: Set<String>) -> StageResult<PPRRVUFile> {
        let read = input.records()
        guard let records = read.output else { return .failure(read.diagnostics) }
        guard let h = records.firstIndex(where: { $0.cell(0).uppercased() == "HCPCS" }) else {
            return .failure([
                input.error("import-rvu.no-header",
                    1, "no header row: expected a row whose first cell is 'HCPCS' after the preamble",
                    hint: "is this a PPRRVU file from the CMS relative value files zip?")
            ])
        }
        let header = records[h]
        // A spreadsheet re-save may add empty columns after the last one (its used range was wider).
        let width = header.fields.count - header.fields.reversed().prefix { $0.trimmingSpaces.isEmpty }.count
        let (found, problem) = Layout.find(header: header, above: h > 0 ? records[h - 1] : nil, width: width)
        guard let layout = found else {
            return .failure([input.error("import-rvu.unknown-layout", header.line, "unknown PPRRVU layout: " + problem)])
        }
        if header.cell(layout.mod).uppercased() != "MOD" || header.cell(layout.work).uppercased() != "RVU"
            || (layout.pricingIndicator.map { header.cell($0).uppercased() != "IND" } ?? false)
        {
            return .failure([
                input.error("import-rvu.unexpected-labels", header.line, "unexpected header labels for the \(layout.columns)-column PPRRVU layout")
            ])
        }
        let preamble = records[..<h]
        let titleRecord = preamble.first { $0.fields.contains { $0.contains("Relative Value File") } }
        let title = titleRecord?.fields.first { $0.contains("Relative Value File") }?.trimmingSpaces ?? ""
        let releasedCell = preamble.lazy.flatMap(\.fields).first { $0.trimmingSpaces.uppercased().hasPrefix("RELEASED") }
        let released = releasedCell.map {
            String($0.trimmingSpaces.dropFirst("RELEASED".count).drop { $0 == ":" || $0 == " " || $0 == "\t" }).trimmingSpaces
        } ?? ""

        var countErrors: [Diagnostic] = [], numberErrors: [Diagnostic] = [], totalErrors: [Diagnostic] = []
        var rows: [String: PPRRVURow] = [:]
        var indicators: Set<String> = []
        // A row whose first cell is no code (a footnote, a note a re-save added): ignored after the last code row,
        // an error when code rows follow it.
        var trailer: CMSRecord? = nil, interrupted: Diagnostic? = nil
        // The header and its label rows repeated inside the table (a re-save of a paged sheet, files joined) are
        // skipped, as in a GPCI table: they hold no figures.
        let headerRows = Set(records[...h].map { r in r.fields.indices.map(r.cell).reversed().drop(while: \.isEmpty) })
        for record in records[(h + 1)...] where !record.isBlank {
            if headerRows.contains(record.fields.indices.map(record.cell).reversed().drop(while: \.isEmpty)) { continue }
            let first = record.cell(0)
            guard (1...5).contains(first.count), first.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                trailer = trailer ?? record
                continue
            }
            if let t = trailer {
                interrupted = input.error("import-rvu.table-interrupted",
                    t.line, "expected a code row, found '\(t.fields.filter { !$0.trimmingSpaces.isEmpty }.joined(separator: ","))'; "
                        + "code rows follow at line \(record.line)",
                    hint: "remove the row, or move notes below the last code")
                break
            }
            guard record.fields.count == layout.columns
                || (record.fields.count > layout.columns && record.fields[layout.columns...].allSatisfy { $0.trimmingSpaces.isEmpty })
            else {
                countErrors.append(
                    input.error("import-rvu.field-count", record.line, "expected \(layout.columns) fields, found \(record.fields.count)"))
                continue
            }
            let f = record.fields
            var values: [DecimalValue] = []
            for (i, name) in [(layout.work, "work RVU"), (layout.peNonfacility, "non-facility PE RVU"), (layout.peFacility, "facility PE RVU"),
                (layout.mp, "MP RVU"), (layout.totalNonfacility, "non-facility total"), (layout.totalFacility, "facility total")]
            {
                guard let v = cmsDecimal(f[i]) else {
                    numberErrors.append(
                        input.error("import-rvu.not-a-number", record, field: i, "\(name) of \(f[0].trimmingSpaces) '\(f[i])' \(notAFigure(f[i], .rvu))"))
                    break
                }
                values.append(v)
            }
            guard values.count == 6 else { continue }
            for (setting, pe, total) in [("non-facility", values[1], values[4]), ("facility", values[2], values[5])]
            where values[0] + pe + values[3] != total {
                totalErrors.append(
                    input.error("import-rvu.total-mismatch",
                        record.line,
                        "\(f[0].trimmingSpaces): work \(values[0]) + \(setting) PE \(pe) + MP \(values[3]) is "
                            + "\(values[0] + pe + values[3]), but the \(setting) total says \(total)"))
            }
            if let p = layout.pricingIndicator { indicators.insert(record.cell(p).trimmingLeadingZeros) }
            let code = record.cell(0)
            guard codes.contains(code), record.cell(layout.mod).isEmpty else { continue }
            if let earlier = rows[code] {
                numberErrors.append(input.error("import-rvu.duplicate-code", record.line, "second row for \(code) (first at line \(earlier.line))"))
                continue
            }
            // The kept figures within what the guide's data may hold (checked here, at the CMS row, rather than
            // when the written file is loaded back).
            let cfText = record.cell(layout.conversionFactor)
            var limitErrors: [Diagnostic] = []
            let cf = cfText.isEmpty ? nil : cmsDecimal(cfText)
            for (column, value, name, limits) in [
                (layout.work, values[0], "work RVU", DecimalLimits.rvu), (layout.peNonfacility, values[1], "non-facility PE RVU", .rvu),
                (layout.peFacility, values[2], "facility PE RVU", .rvu), (layout.mp, values[3], "MP RVU", .rvu),
            ] + (cfText.isEmpty ? [] : [(layout.conversionFactor, cf, "conversion factor", DecimalLimits.conversionFactor)]) {
                var problem = value == nil ? notAFigure(f[column], limits) : nil
                if let value, case .failure(let e) = limits.check(value) { problem = e.message }
                if let value, value.isNegative || (value == .zero && limits.what == DecimalLimits.conversionFactor.what) {
                    problem = "must be \(value.isNegative ? "0 or more" : "above 0")"
                }
                if let problem {
                    limitErrors.append(
                        input.error("import-rvu.figure-out-of-limits", record, field: column, "\(name) of \(code) '\(f[column].trimmingSpaces)' \(problem)"))
                }
            }
            for (setting, column) in [("non-facility", layout.naNonfacility), ("facility", layout.naFacility)]
            where column.map({ record.cell($0).uppercased() == "NA" }) ?? false {
                limitErrors.append(
                    input.error("import-rvu.pe-not-applicable", record, field: column!,
                        "CMS marks the \(setting) PE RVU of \(code) not applicable (NA): the guide prices every covered code in both settings"))
            }
            guard limitErrors.isEmpty else {
                numberErrors += limitErrors
                continue
            }
            rows[code] = PPRRVURow(
                code: code, work: values[0], peNonfacility: values[1], peFacility: values[2], mp: values[3],
                conversionFactor: cf, indicators: layout.indicators.mapValues { record.cell($0) }, line: record.line)
        }
        var problems = capped(countErrors, what: "rows with the wrong column count")
            + capped(numberErrors, what: "rows with a non-numeric RVU") + capped(totalErrors, what: "rows whose totals do not add up")
            + (interrupted.map { [$0] } ?? [])
        if indicators.count > 1 {
            problems.append(
                input.error("import-rvu.pricing-indicator-differs",
                    header.line, "the pricing indicator (PRIC IND) differs between rows: \(indicators.sorted().joined(separator: ", "))",
                    hint: "a CMS file is either the non-qualifying (9) or the qualifying APM (1) file"))
        }
        for code in codes.sorted() where rows[code] == nil && problems.isEmpty {
            problems.append(input.error("import-rvu.missing-code", header.line, "covered code \(code) is missing (no row without a modifier)"))
        }
        if !problems.isEmpty { return .failure(problems) }
        return .success(
            PPRRVUFile(
                title: title, titleLine: titleRecord?.line ?? 1, released: released,
                pricingIndicator: layout.pricingIndicator == nil ? nil : indicators.first, headerLine: header.line,
                conversionFactorColumn: layout.conversionFactor, rows: rows, input: input))
    }
}

extension String {
    /// "09" → "9", "0" → "0" (Excel drops leading zeros of indicators, so compare them without).
    var trimmingLeadingZeros: String {
        let t = drop { $0 == "0" }
        return t.isEmpty && !isEmpty ? "0" : String(t)
    }
}
