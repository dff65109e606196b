import SiteContent
import CodingRules
import Foundation

/// One run of the data loader: reads each file, collects diagnostics and source references, and assembles
/// `SiteData` at the end.
package struct LoadSession {
    let dataDirectory: String
    package var diagnostics = Diagnostics()
    /// Every source id used (`source:` keys, each GPCI table's `cms-gpci-<id>`), with where it was used; checked
    /// against sources.yaml at the end.
    var sourceRefs: [(id: String, location: SourceLocation)] = []
    /// Every id sources.yaml gives, also of an entry with errors (reported at it): its citations get no second error.
    var namedSourceIDs: Set<String> = []
    /// Whether a source's id could not be read (an error at it): it may be the one a reference names.
    var someSourceUnread = false
    /// Whether a fee period file had errors (reported in it) and was left out: the last period read may not be the last.
    var somePeriodUnread = false
    /// GPCI tables with errors (reported in them) that were left out in whole or in part: no second error for a
    /// locality the ZIP codes name.
    var gpciTablesUnread: Set<String> = []

    /// The content folder: every data file must lie inside it (see `SourceTree`).
    let tree: SourceTree

    package init(dataDirectory: String) {
        self.dataDirectory = dataDirectory
        tree = SourceTree(root: (dataDirectory as NSString).deletingLastPathComponent)
    }

    package func path(_ name: String) -> String { dataDirectory + "/" + name }

    /// The text of a file, or an error at its line 1 when it cannot be read.
    mutating func readText(_ file: String, required: Bool = true) -> String? {
        var st = stat()
        guard lstat(file, &st) == 0 else {
            if required { diagnostics.error("data.missing-file", SourceLocation(file: file), "missing data file") }
            return nil
        }
        switch tree.readText(file, display: file) {
        case .success(let text): return text
        case .failure(let d):
            diagnostics.append(d)
            return nil
        }
    }

    /// Parses a YAML file into its top-level mapping; diagnostics are merged by `finish(_:)`.
    mutating func openYAML(_ file: String) -> (YAMLContext, MappingReader?) {
        let ctx = YAMLContext(file: file)
        guard let text = readText(file) else { return (ctx, nil) }
        // Data files are read by key and text only: the basic resolver (a key's text is the key).
        guard let root = ctx.parse(text) else { return (ctx, nil) }
        return (ctx, root.mapping("a mapping at the top of the file"))
    }

    /// Opens an optional YAML data file as `openYAML` does: nil, with nothing reported, when there is no such
    /// entry (a link that leads nowhere is an entry: `readText` reports it).
    package mutating func openOptionalYAML(_ name: String) -> (YAMLContext, MappingReader?)? {
        var st = stat()
        guard lstat(path(name), &st) == 0 else { return nil }
        return openYAML(path(name))
    }

    package mutating func finish(_ ctx: YAMLContext) { diagnostics.append(contentsOf: ctx.diagnostics.items) }

    /// Reads the `source:` (or another key's source id) of a mapping and remembers it for the cross-check.
    mutating func source(_ m: MappingReader, _ key: String = "source", required: Bool = true) -> String? {
        guard let node = required ? m.required(key) : m.node(key), let id = node.string("a source id") else { return nil }
        sourceRefs.append((id, node.location))
        return id
    }

    /// Whether `path` is a folder or does not exist (a file in its place is reported where it is listed; what
    /// it would have held is then not also "unknown").
    static func isFolderOrMissing(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return !FileManager.default.fileExists(atPath: path, isDirectory: &isDir) || isDir.boolValue
    }

    /// The `*.ext` files of a data folder, sorted. A folder that cannot be listed and names that are not UTF-8
    /// are errors (the same ones the content listing reports, so a build shows each once).
    package mutating func files(in folder: String, ext: String) -> [String] {
        let dir = path(folder)
        let (entries, problems) = SourceTree.listing(dir, root: tree.root, reportMissing: false)
        diagnostics.append(contentsOf: problems)
        return entries.map(\.name).filter { $0.hasSuffix("." + ext) && !$0.hasPrefix(".") }.sorted().map { dir + "/" + $0 }
    }

    /// The files and folders of data/ the guide reads (docs/data.md); `fees/` holds `*.yaml`, `gpci/` `*.csv`.
    package static let dataFiles = [
        "codes.yaml", "cpt-descriptors.yaml", "discrepancies.yaml", "examples.yaml", "facts.yaml", "modifiers.yaml",
        "outlook.yaml", "policies.yaml", "profiles.yaml", "sources.yaml", ZIPCodesFile.name,
    ]
    static let dataFolders = ["fees": "yaml", "gpci": "csv"]

    /// Anything else in data/ (a misspelt `outlok.yaml`, a period saved as `.yml`) would be skipped unseen: an
    /// error at it. Hidden names are left alone; names the listing cannot read are reported by the content walk.
    mutating func checkUnknownFiles() {
        let (top, _) = SourceTree.listing(dataDirectory, root: tree.root, reportMissing: false)
        for (name, _) in top where !name.hasPrefix(".") && !Self.dataFiles.contains(name) && Self.dataFolders[name] == nil {
            let known = Self.dataFiles + Self.dataFolders.keys.sorted().map { $0 + "/" }
            var hint = "the guide reads: \(known.joined(separator: ", ")) (docs/data.md)"
            if let near = nearest(to: name, among: known, within: 3) { hint = "did you mean '\(near)'? " + hint }
            diagnostics.error("data.unknown-file", SourceLocation(file: path(name)), "'\(name)' is not a data file the guide reads", hint: hint)
        }
        for (folder, ext) in Self.dataFolders.sorted(by: { $0.key < $1.key }) {
            let (entries, _) = SourceTree.listing(path(folder), root: tree.root, reportMissing: false)
            for (name, _) in entries where !name.hasPrefix(".") && !name.hasSuffix("." + ext) {
                diagnostics.error("data.wrong-extension",
                    SourceLocation(file: path(folder + "/" + name)), "'\(name)' in \(folder)/ is not read: only *.\(ext) files are",
                    hint: folder == "fees" ? "name a fee period fees/YYYY-MM-DD.yaml" : "name a GPCI table gpci/<id>.csv")
            }
        }
    }

    mutating func run() -> SiteData? {
        let dir = dataDirectory
        // The GPCI tables and the ZIP codes (the largest file) load beside the other files: two jobs, each with its
        // own session, merged after (`SiteDataLoader` sorts the diagnostics).
        let ((side, gpci, zipCodes), (main, sources, codes, profiles, policies, periods, pending, certainty)) = parallelPair({
            var s = LoadSession(dataDirectory: dir)
            let gpci = s.loadGPCITables()
            let zipCodes = s.loadZIPCodes(gpciTables: gpci)  // before `s` is returned: it adds its diagnostics to `s`
            return (s, gpci, zipCodes)
        }, { [self] in
            var s = self
            let (sources, codes, profiles, policies) = (s.loadSources(), s.loadCodes(), s.loadProfiles(), s.loadPolicies())
            let periods = s.loadFees(codes: codes)
            let (pending, certainty) = (s.loadOutlook(periods: periods), s.loadFacts())
            s.checkUnknownFiles()
            return (s, sources, codes, profiles, policies, periods, pending, certainty)
        })
        self = main
        diagnostics.append(contentsOf: side.diagnostics.items)
        sourceRefs += side.sourceRefs
        checkSourceRefs(sources: sources)
        guard let codes, let profiles, let policies, !diagnostics.hasErrors else { return nil }
        let rules = RulesData(
            families: codes.families, codes: codes.records, periods: periods.map(\.period), gpciTables: gpci,
            policies: policies, profiles: profiles.profiles, defaultProfileID: profiles.defaultID,
            totalTimeRule: profiles.totalTime, pending: pending)
        return SiteData(
            rules: rules, sources: sources, codeLocations: codes.locations,
            periodLocations: Dictionary(uniqueKeysWithValues: periods.map { ($0.period.id, $0.location) }),
            provenance: Dictionary(uniqueKeysWithValues: periods.compactMap { p in p.provenance.map { (p.period.id, $0) } }),
            zipCodes: zipCodes, certainty: certainty)
    }

    mutating func checkSourceRefs(sources: [SourceRecord]) {
        let known = Set(sources.map(\.id)).union(namedSourceIDs)
        guard !sources.isEmpty, !someSourceUnread else { return }
        for ref in sourceRefs where !known.contains(ref.id) {
            let hint = nearest(to: ref.id, among: sources.map(\.id), within: 3).map { "did you mean '\($0)'?" }
            diagnostics.error(.unknownSource,
                ref.location, "unknown source id '\(ref.id)' (not in \(path("sources.yaml")))", hint: hint)
        }
    }
}

extension YAMLNode {
    /// A `YYYY-MM-DD` date that exists on the calendar.
    package func date(_ what: String) -> CalendarDate? {
        guard let s = scalar(what) else { return nil }
        guard let d = CalendarDate(parsing: s.trimmingCharacters(in: .whitespaces)) else {
            error(.invalidDate, "expected \(what) as a real date YYYY-MM-DD, found '\(s)'")
            return nil
        }
        return d
    }

    /// An exact decimal, 0 or more (or above 0 when `positive`), within `limits` (digits before and after the
    /// point), so later arithmetic cannot meet a far-off value.
    package func decimal(_ what: String, positive: Bool = false, limits: DecimalLimits) -> DecimalValue? {
        guard let s = scalar(what) else { return nil }
        let t = s.trimmingCharacters(in: .whitespaces)
        let v: DecimalValue
        switch limits.parse(t) {
        case .success(let ok): v = ok
        case .failure(let f):
            error("data.not-a-decimal", "expected \(what) as a decimal number; '\(s)' \(f.message)")
            return nil
        }
        if v.isNegative || (positive && v == .zero) {
            error("data.decimal-out-of-range", "\(what) must be \(positive ? "above 0" : "0 or more"), found '\(s)'")
            return nil
        }
        return v
    }

    /// A whole number at least `minimum`.
    func count(_ what: String, minimum: Int) -> Int? {
        guard let v = int("a whole number for \(what)") else { return nil }
        guard v >= minimum else {
            error("data.count-below-minimum", "\(what) must be \(minimum) or more, found \(v)")
            return nil
        }
        return v
    }

    /// A number of minutes from 1 to a day's 1,440 (the most `calc --minutes` takes): a rule's minutes beyond a
    /// day never apply, and the unit arithmetic stays far from overflow.
    func minutes(_ what: String) -> Int? {
        guard let v = count(what, minimum: 1) else { return nil }
        guard v <= 1440 else {
            error("data.minutes-over-a-day", "\(what) must be at most 1440 (the minutes in a day), found \(v)")
            return nil
        }
        return v
    }
}

extension YAMLNode {
    /// The text of `key`'s value, words readers see: empty or all-space text is an error at it (see `text`).
    func words(_ key: String) -> String? {
        let s = string("text for '\(key)'")
        if s?.allSatisfy(\.isWhitespace) == true { error("data.empty-text", "'\(key)' must not be empty") }
        return s
    }
}

extension MappingReader {
    /// Required words readers see (a title, a summary, a label): an empty or all-space value is an error at it
    /// (it would show as nothing). The text is still returned, so the rest of the entry is checked as usual.
    package func text(_ key: String) -> String? { required(key)?.words(key) }

    /// A required id (`what`: "profile id") that a directive, an option or another entry names: lowercase
    /// kebab-case, so it is never empty and two ids never differ only in case or spaces. Nil (after an error at
    /// it) when it is not.
    package func id(_ what: String) -> String? {
        guard let id = string("id", required: true) else { return nil }
        guard LoadSession.isKebabCase(id) else {
            node("id")?.error("data.id-not-kebab-case", "\(what) '\(id)' must be lowercase kebab-case (a-z, 0-9, -)")
            return nil
        }
        return id
    }

    /// A claim modifier (GP, 95): two capital letters or digits; nil after an error at it when it is not.
    func modifier(_ key: String, required: Bool = true) -> String? {
        guard let c = string(key, required: required) else { return nil }
        guard c.utf8.count == 2, c.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else {
            node(key)?.error("modifiers.bad-code", "modifier '\(c)' must be two capital letters or digits (GP, 95)")
            return nil
        }
        return c
    }

    /// The required mapping under `key` whose every key has a text value (`key: text`), as a dictionary.
    func textByKey(_ key: String) -> [String: String] {
        var out: [String: String] = [:]
        guard let map = mapping(key, required: true) else { return out }
        for k in map.keys { if let v = map.text(k) { out[k] = v } }
        map.finish()
        return out
    }

    /// Reads each mapping of the list under `key` (`what` names one in errors) with `read`, then reports its
    /// unknown keys (`finish(finish)`).
    /// With `limit`, a longer list is an error at its first entry past the limit (`limit.why` says why the guide
    /// needs no more: the build works through every entry for the calculator) and no entry is read (false).
    @discardableResult package func forEachEntry(
        _ key: String, required: Bool = true, _ what: String, finish: String, limit: (count: Int, why: String)? = nil,
        _ read: (MappingReader, YAMLNode) -> Void
    ) -> Bool {
        let items = list(key, required: required) ?? []
        if let limit, items.count > limit.count {
            items[limit.count].error("data.too-many-entries", "'\(key)' has \(items.count) entries, more than \(limit.count): \(limit.why)")
            return false
        }
        for item in items {
            guard let m = item.mapping(what) else { continue }
            read(m, item)
            m.finish(finish)
        }
        return true
    }

    package func date(_ key: String, required isRequired: Bool = true) -> CalendarDate? {
        (isRequired ? required(key) : node(key))?.date("'\(key)'")
    }

    package func decimal(_ key: String, positive: Bool = false, limits: DecimalLimits) -> DecimalValue? {
        required(key)?.decimal("'\(key)'", positive: positive, limits: limits)
    }

    /// A date range from `from` and an optional `through`; `through` before `from` is an error.
    func dateRange(fromKey: String = "from", throughKey: String = "through") -> DateRange? {
        // `through` is read (and so known) even when `from` is bad; a bad or empty `through` (an error at it)
        // gives no open range either.
        let from = date(fromKey), through = date(throughKey, required: false)
        guard let from, through != nil || keyLocation(throughKey) == nil else { return nil }
        if let through, through < from {
            node(throughKey)?.error("data.through-before-from", "'\(throughKey)' \(through) is before '\(fromKey)' \(from)")
            return nil
        }
        return DateRange(from: from, through: through)
    }
}
