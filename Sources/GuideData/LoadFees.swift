import SiteContent
import CodingRules

package struct LoadedPeriod {
    var period: FeePeriod
    package var location: SourceLocation
    var effectiveNode: SourceLocation
    /// The CMS files the period was read from (written by `ctsguide fees import`); nil for hand-written periods.
    var provenance: PeriodProvenance?
}

extension LoadSession {
    /// fees/<effective>.yaml, one per period (see docs/data.md). Checks file name = `effective`, one default
    /// conversion factor, known codes that existed in the period, RVUs for every code valid in the period,
    /// a known GPCI table (or `missing`), and that periods neither overlap nor leave gaps.
    mutating func loadFees(codes: LoadedCodes?) -> [LoadedPeriod] {
        var periods: [LoadedPeriod] = []
        let files = files(in: "fees", ext: "yaml")
        if files.isEmpty { diagnostics.error("fees.no-periods", SourceLocation(file: path("fees")), "no fee-schedule period files") }
        // A period file with errors (reported in it) is left out: the gap it leaves is no second error.
        for file in files {
            if let p = loadPeriod(file: file, codes: codes) { periods.append(p) } else { somePeriodUnread = true }
        }
        periods.sort { $0.period.range.from < $1.period.range.from }
        for (a, b) in zip(periods, periods.dropFirst()) {
            guard let end = a.period.range.through else {
                diagnostics.error("fees.open-period-not-last", a.location, "period \(a.period.id) has no 'through' but a later period starts \(b.period.id)")
                continue
            }
            guard let expected = end.addingChecked(days: 1), b.period.range.from >= expected else {
                diagnostics.error("fees.overlapping-periods", b.effectiveNode, "period \(b.period.id) overlaps period \(a.period.id), which runs through \(end)")
                continue
            }
            if b.period.range.from > expected && !somePeriodUnread {
                diagnostics.error("fees.gap-between-periods",
                    b.effectiveNode,
                    "gap between periods: \(a.period.id) ends \(end) but \(b.period.id) starts later; expected effective \(expected)")
            }
        }
        return periods
    }

    mutating func loadPeriod(file: String, codes: LoadedCodes?) -> LoadedPeriod? {
        let (ctx, root) = openYAML(file)
        defer { finish(ctx) }
        guard let root else { return nil }
        defer { root.finish("a fee period") }
        let effNode = root.required("effective")
        let effective = effNode?.date("'effective'")
        let through = root.date("through")
        let label = root.text("label")
        let periodSource = source(root)
        let gpciNode = root.required("gpci")
        let gpciText = gpciNode?.string("a GPCI table id or 'missing'")
        let gpciMissing = root.string("gpci_missing")
        let missing = root.stringList("missing") ?? []
        let provenance = root.mapping("provenance").flatMap { loadProvenance($0) }
        root.declare(["conversion_factors", "rvus"])  // read below; known even when this period stops early
        guard let effective, let through, let label, let periodSource, let gpciText else { return nil }
        let stem = String(file.split(separator: "/").last!.dropLast(5))
        if stem != effective.description {
            effNode?.error("fees.effective-not-file-name", "'effective' \(effective) does not match the file name '\(stem).yaml'")
        }
        if through < effective { root.node("through")?.error("fees.through-before-effective", "'through' \(through) is before 'effective' \(effective)") }
        let range = DateRange(from: effective, through: through)
        let gpciIDs = Set(files(in: "gpci", ext: "csv").map { String($0.split(separator: "/").last!.dropLast(4)) })
        var gpciTable: String? = gpciText
        if gpciText == "missing" {
            gpciTable = nil
            if gpciMissing == nil { root.owner.error("fees.gpci-missing-unexplained", "'gpci: missing' needs 'gpci_missing' naming what must be imported") }
        } else if !gpciIDs.contains(gpciText), LoadSession.isFolderOrMissing(path("gpci")) {
            // Every table file counts, even one with errors of its own (those are reported at their lines).
            gpciNode?.error("fees.unknown-gpci-table",
                "unknown GPCI table '\(gpciText)'; available: \(gpciIDs.sorted().joined(separator: ", ")), or 'missing'")
        }

        // Rows that had an error of their own still count below (as a default, as a code with a row), so one
        // bad value gives one error at its line and nothing else.
        var defaults = 0, unreadDefault = false
        var cfs: [ConversionFactorOption] = []
        root.forEachEntry("conversion_factors", "a conversion factor", finish: "a conversion factor") { m, item in
            let id = m.id("conversion factor id")
            let label = m.text("label")
            let value = m.decimal("value", positive: true, limits: .conversionFactor)
            let isDefault = m.bool("default", required: true)
            let src = source(m)
            if isDefault == true { defaults += 1 } else if isDefault == nil { unreadDefault = true }
            guard let id, let label, let value, let isDefault, let src else { return }
            if cfs.contains(where: { $0.id == id }) { m.node("id")?.error("fees.duplicate-conversion-factor", "duplicate conversion factor id '\(id)'") }
            cfs.append(ConversionFactorOption(id: id, label: label, value: value, isDefault: isDefault, source: src))
        }
        if defaults > 1 || (defaults == 0 && !unreadDefault) {
            (root.node("conversion_factors") ?? root.owner).error("fees.default-conversion-factor",
                "exactly one conversion factor must have 'default: true', found \(defaults)")
        }

        var rvus: [String: RVUSet] = [:]
        var rowCodes: Set<String> = [], badCodeRow = false
        root.forEachEntry("rvus", "an RVU row", finish: "an RVU row") { m, item in
            let codeNode = m.required("code")
            let code = codeNode?.string("a code")
            func component(_ key: String) -> (value: DecimalValue?, ok: Bool) {
                guard let n = m.required(key) else { return (nil, false) }
                if case .scalar(let s) = n.node, s.string == "missing" { return (nil, true) }
                guard let v = n.decimal("'\(key)' (or 'missing')", limits: .rvu) else { return (nil, false) }
                return (v, true)
            }
            let w = component("work"), nf = component("pe_nonfacility"), f = component("pe_facility"), mp = component("mp")
            let src = source(m)
            if code == nil { badCodeRow = true }
            if let code, !rowCodes.insert(code).inserted { codeNode?.error("fees.duplicate-rvu-row", "duplicate RVU row for '\(code)'") }
            guard let code, let src, w.ok, nf.ok, f.ok, mp.ok else { return }
            if let codes {
                if let rec = codes.record(code) {
                    if rec.validFrom > through {
                        codeNode?.error("fees.code-not-valid-yet", "code '\(code)' did not exist in this period (valid from \(rec.validFrom))")
                    }
                } else if !codes.namedCodes.contains(code) {
                    badCodeRow = true
                    if !codes.someCodeUnread { codeNode?.error(.unknownCode, "unknown code '\(code)' (not in \(path("codes.yaml")))") }
                }
            }
            rvus[code] = RVUSet(work: w.value, peNonfacility: nf.value, peFacility: f.value, mp: mp.value, source: src)
        }
        // A row whose code is bad (an error at it) may be the missing one: no second error for it.
        if let codes, !badCodeRow {
            for rec in codes.records where rec.validFrom <= through && !rowCodes.contains(rec.code) {
                (root.node("rvus") ?? root.owner).error("fees.missing-rvu-row",
                    "no RVU row for '\(rec.code)', which is valid in this period (write 'missing' for unknown values)")
            }
        }
        // (A period whose file is misnamed, such as a copy, is checked but not compared with the others: it would
        // overlap the one it copies.)
        guard !cfs.isEmpty, stem == effective.description else { return nil }
        let period = FeePeriod(
            range: range, label: label, conversionFactors: cfs, gpciTable: gpciTable, gpciMissingNote: gpciMissing,
            rvus: rvus, missingNotes: missing, source: periodSource)
        return LoadedPeriod(
            period: period, location: SourceLocation(file: file), effectiveNode: effNode?.location ?? SourceLocation(file: file),
            provenance: provenance)
    }
}

extension LoadSession {
    /// `provenance: {rvu: [{file, title, released, sha256, conversion_factor}], gpci: {file, title?, sha256}}`.
    func loadProvenance(_ m: MappingReader) -> PeriodProvenance? {
        defer { m.finish("provenance") }
        func entry(_ e: MappingReader) -> ProvenanceEntry? {
            defer { e.finish("a provenance entry") }
            let file = e.string("file", required: true), sha = e.string("sha256", required: true)
            let title = e.string("title") ?? "", released = e.string("released"), cf = e.string("conversion_factor")
            guard let file, let sha else { return nil }
            if sha.count != 64 || !sha.allSatisfy(\.isHexDigit) { e.node("sha256")?.error("fees.bad-provenance-sha256", "expected 64 hex digits") }
            return ProvenanceEntry(file: file, title: title, released: released, sha256: sha, conversionFactor: cf)
        }
        let rvu = (m.list("rvu", required: true) ?? []).compactMap { $0.mapping("a provenance entry").flatMap(entry) }
        let gpci = m.mapping("gpci", required: true).flatMap(entry)
        guard !rvu.isEmpty, let gpci else { return nil }
        return PeriodProvenance(rvu: rvu, gpci: gpci)
    }
}
