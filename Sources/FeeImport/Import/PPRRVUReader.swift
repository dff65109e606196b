import SiteContent
import CodingRules

/// The RVUs of one code as a CMS PPRRVU file states them (the row without a modifier).
package struct PPRRVURow: Sendable, Hashable {
    var code: String
    var work: DecimalValue
    var peNonfacility: DecimalValue
    var peFacility: DecimalValue
    var mp: DecimalValue
    var conversionFactor: DecimalValue?
    var line: Int
}

/// A CMS PPRRVU file (Addendum B RVU file): the release it names and the rows of the codes asked for.
package struct PPRRVUFile {
    /// e.g. "2026 National Physician Fee Schedule Relative Value File July Release".
    var title: String
    /// The date on the "RELEASED mm/dd/yyyy" line.
    var released: String
    /// `PRIC IND` of the file (9 = non-qualifying APM conversion factor, 1 = qualifying APM), nil before 2026.
    var pricingIndicator: String?
    var headerLine: Int
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

/// Reads PPRRVU files. The header row is the first record whose first cell is `HCPCS`; the layout is decided by
/// its column count (31 or 32) and checked against a few labels. Every data row is checked (column count,
/// numeric RVUs, work + PE + MP = total in both settings); rows of `codes` without a modifier are kept.
package enum PPRRVUReader {
    /// The 31-column layout of 2024–2025 and the 32-column one of 2026 on (`PRIC IND` at index 23).
    package struct Layout {
        var columns: Int
        var pricingIndicator: Int?
        var conversionFactor: Int
        static let cy2024 = Layout(columns: 31, pricingIndicator: nil, conversionFactor: 24)
        static let cy2026 = Layout(columns: 32, pricingIndicator: 23, conversionFactor: 25)
    }

    static let work = 5, peNonfacility = 6, peFacility = 8, mp = 10, totalNonfacility = 11, totalFacility = 12

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
        guard let layout = [Layout.cy2024, .cy2026].first(where: { $0.columns == header.fields.count }) else {
            return .failure([
                input.error("import-rvu.unknown-layout",
                    header.line,
                    "unknown PPRRVU layout: the header row has \(header.fields.count) columns; expected 31 (2024–2025) or 32 (2026 on)")
            ])
        }
        if header.cell(1).uppercased() != "MOD" || header.cell(work).uppercased() != "RVU"
            || (layout.pricingIndicator.map { header.cell($0).uppercased() != "IND" } ?? false)
        {
            return .failure([
                input.error("import-rvu.unexpected-labels", header.line, "unexpected header labels for the \(layout.columns)-column PPRRVU layout")
            ])
        }
        let preamble = records[..<h]
        let title = preamble.lazy.flatMap(\.fields).first { $0.contains("Relative Value File") }?.trimmingSpaces ?? ""
        let releasedCell = preamble.lazy.flatMap(\.fields).first { $0.trimmingSpaces.uppercased().hasPrefix("RELEASED") }
        let released = releasedCell.map {
            String($0.trimmingSpaces.dropFirst("RELEASED".count).drop { $0 == ":" || $0 == " " || $0 == "\t" }).trimmingSpaces
        } ?? ""

        var countErrors: [Diagnostic] = [], numberErrors: [Diagnostic] = [], totalErrors: [Diagnostic] = []
        var rows: [String: PPRRVURow] = [:]
        var indicators: Set<String> = []
        for record in records[(h + 1)...] where !record.isBlank {
            guard record.fields.count == layout.columns else {
                countErrors.append(
                    input.error("import-rvu.field-count", record.line, "expected \(layout.columns) fields, found \(record.fields.count)"))
                continue
            }
            let f = record.fields
            var values: [DecimalValue] = []
            for (i, name) in [(work, "work RVU"), (peNonfacility, "non-facility PE RVU"), (peFacility, "facility PE RVU"),
                (mp, "MP RVU"), (totalNonfacility, "non-facility total"), (totalFacility, "facility total")]
            {
                guard let v = cmsDecimal(f[i]) else {
                    numberErrors.append(
                        input.error("import-rvu.not-a-number", record, field: i, "\(name) of \(f[0].trimmingSpaces) is not a number: '\(f[i])'"))
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
            guard codes.contains(code), record.cell(1).isEmpty else { continue }
            if let earlier = rows[code] {
                numberErrors.append(input.error("import-rvu.duplicate-code", record.line, "second row for \(code) (first at line \(earlier.line))"))
                continue
            }
            let cfText = record.cell(layout.conversionFactor)
            rows[code] = PPRRVURow(
                code: code, work: values[0], peNonfacility: values[1], peFacility: values[2], mp: values[3],
                conversionFactor: cfText.isEmpty ? nil : cmsDecimal(cfText), line: record.line)
        }
        var problems = capped(countErrors, what: "rows with the wrong column count")
            + capped(numberErrors, what: "rows with a non-numeric RVU") + capped(totalErrors, what: "rows whose totals do not add up")
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
                title: title, released: released,
                pricingIndicator: layout.pricingIndicator == nil ? nil : indicators.first, headerLine: header.line,
                rows: rows, input: input))
    }
}

extension String {
    /// "09" → "9", "0" → "0" (Excel drops leading zeros of indicators, so compare them without).
    var trimmingLeadingZeros: String {
        let t = drop { $0 == "0" }
        return t.isEmpty && !isEmpty ? "0" : String(t)
    }
}
