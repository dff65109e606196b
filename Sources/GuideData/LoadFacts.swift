import Foundation

extension LoadSession {
    /// facts.yaml (optional): `grades_page` (the content page explaining the markers), `grades:` list of {id,
    /// badge, meaning, marked}, strongest first, and `facts:` list of {id, says, grade, sources, ref}. See
    /// docs/data.md.
    mutating func loadFacts() -> Certainty {
        guard let (ctx, opened) = openOptionalYAML("facts.yaml") else { return Certainty() }
        defer { finish(ctx) }
        guard let root = opened else { return Certainty() }
        defer { root.finish("facts.yaml") }
        let page = root.text("grades_page")
        var grades: [CertaintyGrade] = []
        // Every grade id given, also of a grade with errors (reported at it): a fact naming it gets no second error.
        // A grade id that is not kebab-case (an error at it) may be the one a fact names: no error at the fact.
        var namedGrades: Set<String> = [], someGradeUnread = false
        root.forEachEntry("grades", "a grade", finish: "a grade") { m, item in
            let id = m.id("grade id"), badge = m.text("badge")
            if let id { namedGrades.insert(id) } else { someGradeUnread = true }
            let meaning = m.text("meaning"), marked = m.string("marked", required: true)
            guard let id, let badge, let meaning, let marked else { return }
            if grades.contains(where: { $0.id == id }) { m.node("id")?.error("facts.duplicate-grade", "duplicate grade '\(id)'") }
            guard marked == "true" || marked == "false" else {
                m.node("marked")?.error("facts.marked-not-boolean", "'marked' must be true or false, found '\(marked)'")
                return
            }
            grades.append(CertaintyGrade(id: id, badge: badge, meaning: meaning, marked: marked == "true", rank: grades.count))
        }
        if namedGrades.isEmpty, !someGradeUnread, let g = root.node("grades") { g.error("facts.no-grades", "facts.yaml needs at least one grade") }
        var facts: [FactRecord] = []
        root.forEachEntry("facts", "a fact", finish: "a fact") { m, item in
            let id = m.string("id", required: true), says = m.text("says")
            let grade = m.string("grade", required: true), ref = m.text("ref")
            let inData = m.string("in_data")
            if let inData, inData != "true" && inData != "false" {
                m.node("in_data")?.error("facts.in-data-not-boolean", "'in_data' must be true or false, found '\(inData)'")
            }
            let citedWith = m.stringList("cited_with") ?? []
            for s in citedWith { sourceRefs.append((s, m.node("cited_with")?.location ?? item.location)) }
            let sourcesNode = m.node("sources")
            let sources = m.stringList("sources", required: true, distinct: true)
            guard let id, let says, let grade, let ref, let sources else { return }
            if !LoadSession.isKebabCase(id) {
                m.node("id")?.error("facts.fact-id-not-kebab-case", "fact id '\(id)' must be lowercase kebab-case (a-z, 0-9, -)")
            }
            if facts.contains(where: { $0.id == id }) { m.node("id")?.error("facts.duplicate-fact", "duplicate fact id '\(id)'") }
            if !namedGrades.isEmpty && !namedGrades.contains(grade) && !someGradeUnread {
                m.node("grade")?.error("facts.unknown-grade",
                    "unknown grade '\(grade)'; accepted: \(grades.map(\.id).joined(separator: ", "))")
            }
            if sources.isEmpty { sourcesNode?.error("facts.no-source", "a fact needs at least one source") }
            let at = sourcesNode?.location ?? item.location
            for s in sources { sourceRefs.append((s, at)) }
            facts.append(
                FactRecord(
                    id: id, says: says, grade: grade, sources: sources, ref: ref, inData: inData == "true",
                    citedWith: citedWith, location: item.location))
        }
        return Certainty(
            grades: grades, facts: facts, gradesPage: page, gradesPageLocation: root.node("grades_page")?.location)
    }
}
