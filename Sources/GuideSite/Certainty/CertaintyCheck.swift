import SiteContent
import SiteRender
import GuideData

/// Certainty follows the grade of the fact, not the kind of source. Each graded fact of `data/facts.yaml` has a
/// grade; a statement (paragraph, list item, table row) that cites a fact (`fact:ID` in its sources, from a
/// `[text](fact:ID)` link or a directive's `CitationCollector`) must show the marker of the weakest grade it
/// cites when that grade is marked (everything below H), and a statement whose sources are all secondary must
/// name the fact it states, so its grade is known. Checked on every rendered page at build time, on the
/// statements the Markdown walker and the directives report (`Statement`), not on the HTML.
package enum CertaintyCheck {
    /// The id of a grade's explanation on the grades page.
    package static func anchor(_ grade: CertaintyGrade) -> String { "grade-" + grade.id }

    /// The compact marker of a grade: a small link to its explanation ("M · reported").
    package static func badge(_ grade: CertaintyGrade, url: String) -> HTML {
        .el(
            "a",
            [.class("grade grade-\(grade.id)"), .href(url + "#" + anchor(grade)), .attr("title", grade.meaning)],
            .text(grade.badge))
    }

    /// A citation of a fact: the fact id as a citation around its marker (or around nothing, for a grade that
    /// needs no marker), so the statement holding it carries the fact and shows the marker.
    package static func factCitation(_ fact: FactRecord, certainty: Certainty, gradesURL: String?) -> HTML {
        let id = Certainty.citationPrefix + fact.id
        guard let grade = certainty.grade(of: fact), grade.marked, let gradesURL else { return .citation(id, .group([])) }
        return .citation(id, .group([" ", badge(grade, url: gradesURL)]))
    }

    /// What is wrong with a statement's certainty marking, or nil.
    package static func problem(_ s: Statement, sources: [SourceRecord], certainty: Certainty) -> String? {
        let factIDs = s.sources.filter { $0.hasPrefix(Certainty.citationPrefix) }
            .map { String($0.dropFirst(Certainty.citationPrefix.count)) }
        let grades = factIDs.compactMap { certainty.fact($0).flatMap(certainty.grade(of:)) }
        if let weakest = grades.max(by: { $0.rank < $1.rank }) {
            if weakest.marked && !s.text.contains(weakest.badge) {
                return "rests on a fact graded \(weakest.id.uppercased()) but does not show its marker \"\(weakest.badge)\""
            }
            return nil
        }
        let secondary = Set(sources.filter(\.isSecondary).map(\.id))
        let cited = s.sources.filter { !$0.hasPrefix(Certainty.citationPrefix) }
        if !cited.isEmpty, cited.allSatisfy(secondary.contains) {
            return "cites only secondary sources and names no graded fact"
        }
        return nil
    }

    /// The statements whose marking is wrong: their text (shortened) and the problem.
    package static func unmarked(
        _ statements: [Statement], sources: [SourceRecord], certainty: Certainty
    ) -> [(text: String, problem: String)] {
        statements.compactMap { s in
            guard !s.sources.isEmpty, let p = problem(s, sources: sources, certainty: certainty) else { return nil }
            return (s.text.count > 120 ? String(s.text.prefix(120)) + "…" : s.text, p)
        }
    }
}
