import SiteContent
import CodingRules

extension LoadSession {
    /// policies.yaml (see docs/data.md): modifiers, telehealth places of service, and the dated rows of each
    /// policy. Dated rows of one policy must not overlap.
    mutating func loadPolicies() -> Policies? {
        let (ctx, root) = openYAML(path("policies.yaml"))
        defer { finish(ctx) }
        guard let root else { return nil }
        defer { root.finish("policies.yaml") }

        let modifiers = readModifiers(root.mapping("modifiers", required: true))
        var pos: [TelehealthPlaceOfService] = []
        root.forEachEntry("telehealth_places_of_service", "a place of service", finish: "a place of service") { m, item in
            var code = m.string("pos", required: true)
            if let c = code, c.utf8.count != 2 || !c.allSatisfy({ $0.isASCII && $0.isNumber }) {
                m.node("pos")?.error("policies.bad-place-of-service", "place of service '\(c)' must be two digits (02, 10)")
                code = nil
            }
            let setting = m.required("setting").flatMap { LoadSession.enumNode($0, Setting.self) }
            let summary = m.text("summary")
            _ = source(m)
            if let code, pos.contains(where: { $0.pos == code }) {
                m.node("pos")?.error("policies.duplicate-place-of-service", "place of service '\(code)' is listed twice")
            }
            if let code, let setting, let summary {
                pos.append(TelehealthPlaceOfService(pos: code, setting: setting, summary: summary))
            }
        }
        let listing = datedList(root, "telehealth_list", valueKey: "status") { LoadSession.enumNode($0, TelehealthListing.self) }
        let therapist = datedList(root, "therapist_telehealth", valueKey: "status") {
            LoadSession.enumNode($0, TherapistTelehealthStatus.self)
        }
        let consent = datedList(root, "consent", valueKey: "text") { $0.words("text") }
        let quantity = datedList(root, "quantity_limits", valueKey: "text") { $0.words("text") }
        var buckets: [Discipline: String] = [:]
        var kx: [Dated<KXThreshold>] = []
        if let m = root.mapping("kx_thresholds", required: true) {
            if let b = m.mapping("buckets", required: true) {
                for d in Discipline.allCases {
                    if let v = b.string(d.rawValue, required: true) { buckets[d] = v }
                }
                b.finish("kx_thresholds.buckets")
            }
            // `amount: not-published` for a year whose threshold CMS has not set yet.
            kx = datedList(m, "amounts", valueKey: "amount") { n in
                if case .scalar(let s) = n.node, s.string == "not-published" { return KXThreshold.notPublished }
                return n.decimal("'amount'", positive: true, limits: .money).map { KXThreshold(amount: $0) }
            }
            m.finish("kx_thresholds")
        }
        let percent: (YAMLNode) -> DecimalValue? = { n in
            guard let v = n.decimal("'percent'", limits: .percent) else { return nil }
            if v > DecimalValue(100) {
                n.error("policies.percent-over-100", "'percent' must be 100 or less, found \(v)")
                return nil
            }
            return v
        }
        let assistant = datedList(root, "assistant_payment", valueKey: "percent", parse: percent)
        let coinsurance = datedList(root, "coinsurance", valueKey: "percent", parse: percent)
        let sequestration = datedList(root, "sequestration", valueKey: "percent", parse: percent)
        let documentation = readDocumentation(root)
        let review = datedList(root, "medical_review_thresholds", required: false, valueKey: "amount") {
            $0.decimal("'amount'", positive: true, limits: .money)
        }
        let floor = datedList(root, "work_gpci_floor", required: false, valueKey: "floor") {
            $0.decimal("'floor'", positive: true, limits: .gpci)
        }
        guard let modifiers else { return nil }
        var policies = Policies(
            telehealthListing: listing, therapistTelehealth: therapist, consent: consent, quantityLimits: quantity,
            kxThresholds: kx, kxBuckets: buckets, assistantPercent: assistant, coinsurancePercent: coinsurance,
            sequestrationPercent: sequestration, telehealthPlacesOfService: pos, modifiers: modifiers,
            documentation: documentation)
        policies.medicalReviewThresholds = review
        policies.groupBilling = gradedStatement(root.mapping("group_billing"), "group_billing")
        policies.kxCounting = gradedStatement(root.mapping("kx_counting"), "kx_counting")
        policies.workGPCIFloor = floor
        return policies
    }

    static func enumNode<E: RawRepresentable & CaseIterable>(_ n: YAMLNode, _: E.Type) -> E? where E.RawValue == String {
        guard let s = n.string("a value") else { return nil }
        if let v = E(rawValue: s) { return v }
        n.error("policies.unknown-value", "unknown value '\(s)'; accepted: \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
    }

    /// A list of dated rows: each {from, through?, <valueKey>, summary, source}. Overlapping rows are errors.
    mutating func datedList<V>(
        _ m: MappingReader, _ key: String, required: Bool = true, valueKey: String, parse: (YAMLNode) -> V?
    ) -> [Dated<V>] {
        var out: [Dated<V>] = []
        let why = "each row's dates are worked through for every session the calculator offers"
        m.forEachEntry(key, required: required, "a dated row", finish: "a row of '\(key)'", limit: (50, why)) { row, item in
            let range = row.dateRange()
            let value = row.required(valueKey).flatMap(parse)
            let summary = row.text("summary")
            let src = source(row)
            guard let range, let value, let summary, let src else { return }
            if let other = out.first(where: { $0.range.overlaps(range) }) {
                item.error("policies.overlapping-rows", "dates \(range) overlap the earlier row \(other.range) of '\(key)'")
                return
            }
            out.append(Dated(range: range, value: value, source: src, summary: summary))
        }
        return out.sorted { $0.range.from < $1.range.from }
    }

    mutating func readModifiers(_ m: MappingReader?) -> ModifierTable? {
        guard let m else { return nil }
        defer { m.finish("modifiers") }
        // Whether a modifier table could not be read (errors at it): its descriptions are then not "unused".
        var unread = false
        func byDiscipline(_ key: String, requireAll: Bool) -> [Discipline: String] {
            var out: [Discipline: String] = [:]
            guard let sub = m.mapping(key, required: true) else {
                unread = true
                return out
            }
            for k in sub.keys {
                guard let d = Discipline(rawValue: k) else { continue }
                if let v = sub.modifier(k) { out[d] = v } else { unread = true }
            }
            if requireAll {
                for d in Discipline.allCases where out[d] == nil && sub.keyLocation(d.rawValue) == nil {
                    sub.owner.error(.missingField, "missing required field '\(d.rawValue)'")
                    unread = true
                }
            }
            sub.finish("modifiers.\(key) (disciplines: \(Discipline.allCases.map(\.rawValue).joined(separator: ", ")))")
            return out
        }
        let discipline = byDiscipline("discipline", requireAll: true)
        let assistant = byDiscipline("assistant", requireAll: false)
        let tele = m.modifier("telehealth")
        let kx = m.modifier("kx")
        let descriptions = m.textByKey("descriptions")
        let src = source(m)
        guard let tele, let kx, let src else { return nil }
        let named = Array(discipline.values) + Array(assistant.values) + [tele, kx]
        // A description written with a bad value has its error at it already.
        var written: [String] = []
        if case .mapping(let map)? = m.node("descriptions")?.node { written = map.keys.compactMap(\.string) }
        for mod in named where descriptions[mod] == nil && !written.contains(mod) {
            m.node("descriptions")?.error("policies.modifier-no-description", "no description for modifier '\(mod)'")
        }
        // A description no modifier uses is never shown (a typo such as 'CZ' for 'CQ' left it unseen).
        let unused = unread ? [] : descriptions.keys.filter { !named.contains($0) }.sorted()
        let table = unused.isEmpty ? nil : m.node("descriptions")?.mapping("the modifier descriptions")
        for key in unused {
            table?.node(key)?.error("policies.modifier-description-unused",
                "a description for modifier '\(key)', which none of discipline, assistant, telehealth or kx names")
        }
        return ModifierTable(
            discipline: discipline, assistant: assistant, telehealth: tele, kx: kx, descriptions: descriptions, source: src)
    }

    mutating func readDocumentation(_ root: MappingReader) -> [DocumentationItem] {
        var out: [DocumentationItem] = []
        root.forEachEntry("documentation", "a checklist item", finish: "a checklist item") { m, item in
            let id = m.id("checklist id")
            let consentRule = m.bool("consent_rule"), usesConsent = consentRule ?? false
            // A `consent_rule` that is not true or false (an error at it) does not make `text` required as well.
            let text = usesConsent || (consentRule == nil && m.node("consent_rule") != nil) ? m.string("text") : m.text("text")
            var applies: Set<SessionKind> = []
            if let list = m.list("applies", required: true) {
                for n in list { if let k = LoadSession.enumNode(n, SessionKind.self) { applies.insert(k) } }
                if list.isEmpty { m.node("applies")?.error("policies.applies-empty", "'applies' needs at least one of individual, group") }
            }
            var range: DateRange? = nil
            if m.node("from") != nil { range = m.dateRange() } else if let t = m.node("through") {
                t.error("policies.through-without-from", "'through' needs 'from'")
            }
            let src = source(m)
            guard let id, let src, usesConsent || text != nil else { return }
            if out.contains(where: { $0.id == id }) { m.node("id")?.error("policies.duplicate-checklist-item", "duplicate checklist id '\(id)'") }
            out.append(
                DocumentationItem(
                    id: id, text: text ?? "", usesConsentRule: usesConsent, appliesTo: applies, range: range, source: src))
        }
        return out
    }
}
