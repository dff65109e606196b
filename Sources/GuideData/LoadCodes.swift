import SiteContent
import CodingRules

package struct LoadedCodes {
    var families: [CodeFamily]
    package var records: [CodeRecord]
    var locations: [String: SourceLocation]
    /// Every code an entry gives, also of an entry with errors (reported at them): other files naming it get no
    /// second error.
    var namedCodes: Set<String> = []
    /// Whether an entry's code could not be read (an error at it): it may be the one another file names.
    var someCodeUnread = false

    func record(_ code: String) -> CodeRecord? { records.first { $0.code == code } }
}

extension LoadSession {
    /// codes.yaml: `families:` and `codes:` (see docs/data.md). Checks that every code a family names exists
    /// with the matching role, that add-ons point at their family's initial code, and that ids are unique.
    mutating func loadCodes() -> LoadedCodes? {
        let (ctx, root) = openYAML(path("codes.yaml"))
        defer { finish(ctx) }
        guard let root else { return nil }
        var records: [CodeRecord] = []
        var recordNodes: [String: YAMLNode] = [:]
        // Each code's `family` and `add_on_to` values, where a problem with them is reported.
        var familyValues: [String: YAMLNode] = [:], addOnToValues: [String: YAMLNode] = [:]
        var namedCodes: Set<String> = [], someCodeUnread = false
        let familyNodes = root.list("families", required: true) ?? []
        root.forEachEntry("codes", "a code entry", finish: "a code") { m, item in
            var code = m.string("code", required: true)
            // A CPT or HCPCS code: five capital letters or digits. Another is an error here, and not also wherever
            // it is named (other files may name the code it was meant to be).
            if let c = code, c.utf8.count != 5 || !c.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) {
                m.node("code")?.error("codes.bad-code", "code '\(c)' must be five capital letters or digits (97550, G0541)")
                code = nil
            }
            if let code { namedCodes.insert(code) } else { someCodeUnread = true }
            let family = m.string("family", required: true)
            let roleNode = m.required("role")
            let role = roleNode?.string("a role").flatMap { r -> CodeRole? in
                if let v = CodeRole(rawValue: r) { return v }
                roleNode?.error("codes.unknown-role", "unknown role '\(r)'; accepted: \(CodeRole.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            let summary = m.text("summary")
            let summarySource = source(m, "summary_source", required: false)
            let unitMinutes = m.node("unit_minutes")?.minutes("'unit_minutes'")
            let addOnTo = m.string("add_on_to")
            let indicators = m.textByKey("indicators")
            let mue = m.node("mue")?.count("'mue'", minimum: 1)
            let validFrom = m.date("valid_from")
            let src = source(m)
            guard let code, let family, let role, let summary, let validFrom, let src else { return }
            if role == .group && unitMinutes != nil {
                m.node("unit_minutes")?.error("codes.group-code-timed", "a group code is untimed; remove 'unit_minutes'")
            }
            // (A key written with no value is an error at the key already.)
            if role != .group && m.keyLocation("unit_minutes") == nil {
                m.context.diagnostics.error("codes.missing-unit-minutes", item.location,
                    "missing required field 'unit_minutes' (timed \(role.rawValue) code)")
            }
            if role == .addOn && m.keyLocation("add_on_to") == nil {
                m.context.diagnostics.error("codes.missing-add-on-to", item.location,
                    "missing required field 'add_on_to' (add-on code)")
            }
            if role != .addOn && addOnTo != nil { m.node("add_on_to")?.error("codes.add-on-to-not-add-on", "only an add-on code has 'add_on_to'") }
            if recordNodes[code] != nil { m.node("code")?.error("codes.duplicate-code", "duplicate code '\(code)'") }
            recordNodes[code] = item
            (familyValues[code], addOnToValues[code]) = (m.node("family"), m.node("add_on_to"))
            records.append(
                CodeRecord(
                    code: code, family: family, role: role, summary: summary, unitMinutes: unitMinutes, addOnTo: addOnTo,
                    indicators: indicators, mue: mue, validFrom: validFrom, source: src))
            records[records.count - 1].summarySource = summarySource
        }

        var families: [CodeFamily] = []
        let familyIDs = Set(familyNodes.compactMap { n -> String? in
            guard case .mapping(let map) = n.node else { return nil }
            return map.first { $0.key.string == "id" }?.value.string
        })
        // Every family id given, also of a family with errors (reported at them), so its codes are no error.
        var namedFamilies: Set<String> = [], someFamilyUnread = false
        // Families naming a code that could not be read or is unknown (an error at it): their codes are not also
        // "not named by the family".
        var unsureFamilies: Set<String> = []
        for item in familyNodes {
            guard let m = item.mapping("a family entry") else { continue }
            defer { m.finish("a family") }
            let id = m.id("family id")
            if let id { namedFamilies.insert(id) } else { someFamilyUnread = true }
            let name = m.text("name")
            let initial = m.string("initial", required: true)
            let addOn = m.string("add_on", required: true)
            let group = m.string("group")
            var unsure = group == nil && m.node("group") != nil
            let noGroup = m.string("no_group_reason")
            let caveat = gradedStatement(m.mapping("modifier_caveat"), "modifier_caveat")
            let validFrom = m.date("valid_from")
            let src = source(m)
            guard let id, let name, let initial, let addOn, let validFrom, let src else { continue }
            if families.contains(where: { $0.id == id }) { m.node("id")?.error("codes.duplicate-family", "duplicate family id '\(id)'") }
            if group == nil && noGroup == nil && !unsure {
                item.error("codes.family-no-group-reason", "a family without 'group' needs 'no_group_reason' (shown when a group session is asked for)")
            }
            for (key, code, role) in [("initial", initial, CodeRole.initial), ("add_on", addOn, .addOn)]
                + (group.map { [("group", $0, CodeRole.group)] } ?? [])
            {
                guard let rec = records.first(where: { $0.code == code }) else {
                    unsure = true
                    if !namedCodes.contains(code), !someCodeUnread { m.node(key)?.error(.unknownCode, "unknown code '\(code)' (not in the codes list)") }
                    continue
                }
                // (A code naming a family that does not exist has its own error, at its `family`.)
                if rec.role != role || (rec.family != id && familyIDs.contains(rec.family)) {
                    m.node(key)?.error("codes.family-role-mismatch",
                        "code '\(code)' is listed as \(rec.role.rawValue) of family '\(rec.family)', not \(role.rawValue) of '\(id)'")
                }
                if rec.validFrom != validFrom {
                    m.node(key)?.error("codes.family-valid-from-mismatch", "code '\(code)' valid_from \(rec.validFrom) differs from the family's \(validFrom)")
                }
            }
            var family = CodeFamily(
                id: id, name: name, initialCode: initial, addOnCode: addOn, groupCode: group, noGroupReason: noGroup,
                validFrom: validFrom, source: src)
            family.modifierCaveat = caveat
            if unsure { unsureFamilies.insert(id) }
            families.append(family)
        }
        for rec in records {
            let node = recordNodes[rec.code]
            guard let fam = families.first(where: { $0.id == rec.family }) else {
                if !namedFamilies.contains(rec.family), !someFamilyUnread {
                    (familyValues[rec.code] ?? node)?.error("codes.unknown-family", "unknown family '\(rec.family)' for code '\(rec.code)'")
                }
                continue
            }
            if unsureFamilies.contains(fam.id) { continue }
            if !fam.codes.contains(rec.code) { node?.error("codes.not-in-family", "code '\(rec.code)' is not named by family '\(fam.id)'") }
            if let to = rec.addOnTo, to != fam.initialCode {
                (addOnToValues[rec.code] ?? node)?.error("codes.add-on-to-wrong-code", "add-on '\(rec.code)' must be an add-on to its family's initial code '\(fam.initialCode)', not '\(to)'")
            }
        }
        root.finish("codes.yaml")
        // Without its lists (each a "missing required field" error) there is nothing to check other files against.
        guard root.node("families") != nil, root.node("codes") != nil else { return nil }
        if namedFamilies.isEmpty { root.owner.error("codes.no-families", "no code families defined") }
        var loaded = LoadedCodes(families: families, records: records, locations: recordNodes.mapValues(\.location))
        loaded.namedCodes = namedCodes
        loaded.someCodeUnread = someCodeUnread
        return loaded
    }
}
