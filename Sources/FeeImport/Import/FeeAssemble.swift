import SiteContent
import GuideData
import CodingRules

extension FeeImporter {
    /// The source id for a release title: "2026 … July Release" → `cms-rvu26c`.
    static func derivedSource(_ title: String) -> String? {
        guard let year = firstYear(in: title), let letter = SourceEntries.release(title)?.letter else { return nil }
        let yy = year % 100
        return "cms-rvu\(yy < 10 ? "0" : "")\(yy)\(letter)"
    }

    /// Combines the read files into the period to write, checking that they belong together.
    static func assemble(
        _ files: [PPRRVUFile], gpci: GPCIFile, effective: CalendarDate, through: CalendarDate, existing: FeePeriod?,
        site: SiteData, cfOverride: DecimalValue?, source: String?
    ) -> StageResult<ImportedPeriod> {
        var problems: [Diagnostic] = []
        for f in files where f.year != nil && f.year != effective.year {
            problems.append(f.input.error("import.rvu-year-mismatch", f.titleLine, "this is the \(f.year!) fee schedule, but the period starts \(effective)"))
        }
        if gpci.year != String(effective.year) {
            problems.append(gpci.input.error("import.gpci-year-mismatch", gpci.headerLine, "this GPCI table is for \(gpci.year), but the period starts \(effective)"))
        }
        let main = files.filter { $0.conversionFactorID != "qp" }
        let qp = files.filter { $0.conversionFactorID == "qp" }
        guard main.count == 1, qp.count <= 1 else {
            let names = files.map { "\($0.input.fileName) (\($0.conversionFactorID))" }.joined(separator: ", ")
            return .failure(
                problems + [
                    .error("import.rvu-file-count",
                        SourceLocation(file: files[0].input.path), "expected one non-qualifying file and at most one QPP file, got \(names)")
                ])
        }
        let base = main[0]
        var sources: [String: String] = [:]
        for f in files {
            guard let id = source ?? derivedSource(f.title) else {
                problems.append(
                    f.input.error("import.unknown-release", f.titleLine, f.title.isEmpty
                        ? "cannot tell the CMS release: the file has no title line ('YYYY National Physician Fee Schedule Relative Value File <Month> Release') above the header"
                        : "cannot tell the CMS release from the title '\(f.title)'", hint: "pass --source with a sources.yaml id"))
                continue
            }
            // A missing entry is written from the file's RELEASED line, unless --source named it.
            if site.source(id) == nil, let source {
                if f.input.path == files[0].input.path {
                    problems.append(.error("import.unknown-source", SourceLocation(file: "--source"),
                        "'\(source)' is not a source id of sources.yaml",
                        hint: "add its entry first, or leave --source out to have the entry written from the file's release line"))
                }
            } else if site.source(id) == nil && SourceEntries.releaseDate(f.released) == nil {
                problems.append(
                    f.input.error("import.release-source-missing",
                        f.titleLine, "source '\(id)' for this release is not in sources.yaml, and the file has no 'RELEASED' date to write one from",
                        hint: "add an entry for the release (id, title, CMS URL, release date), or pass --source"))
            }
            sources[f.input.path] = id
        }
        var options: [ConversionFactorOption] = []
        for (index, f) in ([base] + qp).enumerated() {
            let isBase = index == 0, override = isBase ? cfOverride : nil
            let values = Set(f.rows.values.compactMap(\.conversionFactor))
            // At the first row (in file order) whose factor is not the one of the rows above it.
            let byLine = f.rows.values.filter { $0.conversionFactor != nil }.sorted { $0.line < $1.line }
            if values.count > 1 && override == nil, let first = byLine.first,
                let odd = byLine.first(where: { $0.conversionFactor != first.conversionFactor })
            {
                problems.append(.error("import.conversion-factor-differs",
                    SourceLocation(file: f.input.path, line: odd.line, column: f.input.column(ofField: f.conversionFactorColumn, onLine: odd.line)),
                    "the conversion factor of \(odd.code), \(odd.conversionFactor!), differs from \(first.conversionFactor!) of \(first.code) "
                        + "at line \(first.line): the covered rows of a file share one"))
            }
            guard let value = override ?? values.first else {
                problems.append(f.input.error("import.no-conversion-factor", f.headerLine, "no conversion factor in the file", hint: "pass --conversion-factor"))
                continue
            }
            let id = f.conversionFactorID
            let label = existing?.conversionFactors.first { $0.id == id }?.label ?? defaultLabel(id, year: effective.year)
            options.append(
                ConversionFactorOption(id: id, label: label, value: value, isDefault: isBase, source: sources[f.input.path] ?? ""))
        }
        if let q = qp.first {
            for (code, row) in q.rows.sorted(by: { $0.key < $1.key }) {
                if let b = base.rows[code],
                    [b.work, b.peNonfacility, b.peFacility, b.mp] != [row.work, row.peNonfacility, row.peFacility, row.mp]
                {
                    problems.append(q.input.error("import.qpp-rvus-differ", row.line, "\(code): RVUs differ from \(base.input.fileName) line \(b.line); both files must be the same release"))
                }
            }
        }
        // An indicator other than the one codes.yaml records changes how the code is paid (status A → B, bundled:
        // not at all; another global period or multiple-procedure rule): the guide's rules and pages need a person
        // first. Leading zeros do not count (Excel writes 9 for 09).
        for f in files {
            for (code, row) in f.rows.sorted(by: { $0.key < $1.key }) {
                guard let record = site.rules.codes.first(where: { $0.code == code }) else { continue }
                for (name, known) in record.indicators.sorted(by: { $0.key < $1.key }) {
                    guard let found = row.indicators[name], found.trimmingLeadingZeros != known.trimmingLeadingZeros else { continue }
                    problems.append(
                        f.input.error("import.indicator-changed",
                            row.line, "\(code) has \(name) '\(found)' in this file, '\(known)' in data/codes.yaml",
                            hint: "check the release notes; update the code's indicators in codes.yaml (and the pages) before importing"))
                }
            }
        }
        let (gpciRows, notes) = resolveWorkGPCI(gpci, effective: effective, site: site, problems: &problems)
        guard problems.isEmpty else { return .failure(problems) }
        let src = sources[base.input.path]!
        let rvus = base.rows.keys.sorted().map { code -> (String, RVUSet) in
            let r = base.rows[code]!
            return (code, RVUSet(work: r.work, peNonfacility: r.peNonfacility, peFacility: r.peFacility, mp: r.mp, source: src))
        }
        return .success(
            ImportedPeriod(
                effective: effective, through: through, label: existing?.label ?? YearEnd.label(effective),
                gpciID: String(effective.year), source: src,
                rvuProvenance: ([base] + qp).map {
                    ProvenanceEntry(
                        file: $0.input.fileName, title: $0.title, released: $0.released, sha256: $0.input.sha256,
                        conversionFactor: $0.conversionFactorID)
                },
                gpciProvenance: ProvenanceEntry(
                    file: gpci.input.fileName, title: gpci.title, released: nil, sha256: gpci.input.sha256, conversionFactor: nil),
                conversionFactors: options, rvus: rvus, gpci: gpciRows, gpciUnfloored: gpci.hasUnflooredColumn,
                notes: notes))
    }

    /// Which work GPCI prices the period: the floor rule of policies.yaml (`work_gpci_floor`) on the first date
    /// decides between the two columns of a pair; a single column is taken as CMS states it, with a note when its
    /// wording and the floor rule disagree, and an error when a floor is in force but a value is below it.
    static func resolveWorkGPCI(
        _ gpci: GPCIFile, effective: CalendarDate, site: SiteData, problems: inout [Diagnostic]
    ) -> ([LocalityGPCI], [String]) {
        let floor = site.rules.policies.workGPCIFloor.entry(on: effective)
        var rows = gpci.rows
        var notes: [String] = []
        switch (gpci.workColumns, floor) {
        case (.pair, nil):
            rows = rows.map { var r = $0; r.work = r.workUnfloored; return r }
            notes.append(
                "work GPCI: policies.yaml has no work-GPCI floor on \(effective), so the column without the floor is used "
                    + "(\(rows.filter { $0.work < DecimalValue(1) }.count) localities below 1.000); both columns are kept")
        case (.pair, let f?):
            notes.append("work GPCI: the \(f.value) floor of policies.yaml (\(f.source)) applies on \(effective), so the column with the floor is used; both columns are kept")
        case (.floored, nil):
            notes.append(
                "note: the work column is headed '\(gpci.workLabel)', but policies.yaml has no work-GPCI floor on \(effective); "
                    + "the values are used as CMS states them (\(rows.filter { $0.work < DecimalValue(1) }.count) localities below 1.000). "
                    + "If a law extended the floor, add a row to work_gpci_floor in Content/data/policies.yaml")
        case (_, nil): break
        case (let wording, let f?):
            let low = rows.filter { $0.work < f.value }
            if !low.isEmpty {
                problems.append(
                    gpci.input.error("import.gpci-below-floor",
                        gpci.lines[low[0].locality.id] ?? gpci.headerLine,
                        "\(low.count) work GPCIs are below the \(f.value) floor that policies.yaml (work_gpci_floor, \(f.source)) "
                            + "sets for \(effective), e.g. \(low[0].locality.id) \(low[0].locality.name) \(low[0].work); "
                            + "expected floored values (a column '… (with 1.0 Floor)')",
                        hint: "if the floor has ended, end its row in policies.yaml (through:) before importing"))
            } else if wording == .unfloored {
                notes.append("note: the work column is headed '\(gpci.workLabel)' but no value is below the \(f.value) floor in force on \(effective)")
            }
        }
        return (rows, notes)
    }

    static func defaultLabel(_ id: String, year: Int) -> String {
        switch id {
        case "qp": return "CY\(year) conversion factor for qualifying APM participants"
        case "non-qp": return "CY\(year) conversion factor (not a qualifying APM participant)"
        default: return "CY\(year) conversion factor"
        }
    }
}
