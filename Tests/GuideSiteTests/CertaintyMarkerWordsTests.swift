import Testing

@testable import SiteContent
@testable import GuideData
import RulesText
import TestSupport

/// One marker for a grade everywhere: the words `calc`, the calculator and generated page parts use
/// (`CertaintyWords`) are the badges the pages show from `data/facts.yaml`.
@Suite struct CertaintyMarkerWordsTests {
    @Test func rulesTextMarkersAreTheBadgesOfFactsYAML() throws {
        let data = try #require(SiteDataLoader.load(contentDirectory: RealSite.content).output)
        let grades = data.certainty.grades
        #expect(grades.count >= 5)
        for g in grades {
            // The grade's name is the badge's first word ("M · reported" → "M"); H carries no marker.
            let name = String(g.badge.split(separator: " ").first ?? "")
            #expect(CertaintyWords.marker(name) == (g.marked ? g.badge : ""), "grade \(g.id)")
        }
    }

    @Test func noGeneratedMarkerUsesTheOldLongPhrase() {
        for grade in ["M–H", "M", "L–M", "L", "—"] {
            #expect(!CertaintyWords.marker(grade).contains("not confirmed by CMS"))
            #expect(CertaintyWords.graded("x", grade: grade).hasSuffix("(\(CertaintyWords.marker(grade)))"))
        }
        #expect(CertaintyWords.graded("x", grade: "H") == "x")
    }
}
