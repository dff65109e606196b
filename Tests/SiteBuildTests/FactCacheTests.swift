import Foundation
import Testing

@testable import SiteBuild
import TestSupport

/// A page citing a graded fact (`[text](fact:ID)`) shows the marker of the fact's grade: an incremental build
/// must render it again when data/facts.yaml changes that marker or the fact's grade, exactly as a full build.
@Suite struct FactCacheTests {
    static let facts = """
        grades_page: grades.md
        grades:
          - {id: h, badge: H, meaning: Official text., marked: false}
          - {id: m, badge: M · reported, meaning: One secondary source., marked: true}
        facts:
          - {id: f, says: Reported., grade: m, sources: [edgemed-g-codes], ref: facts.md §10}

        """

    @Test(arguments: [
        ("M · reported", "M · one source"),  // the marker's wording
        ("grade: m,", "grade: h,"),  // the fact's grade: no marker any more
    ])
    func editingFactsYamlRerendersThePagesCitingTheFact(old: String, new: String) throws {
        let dir = try IncrementalBuildTests.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Fixture.write(Self.facts, to: dir + "/Content/data/facts.yaml")
        try Fixture.write("---\ntitle: Grades\n---\n```certainty-grades\n```\n", to: dir + "/Content/grades.md")
        try Fixture.write("---\ntitle: Claim\n---\nA figure ([EdgeMed](fact:f)).\n", to: dir + "/Content/claim.md")
        let before = IncrementalBuildTests.files(try IncrementalBuildTests.generate(dir, cached: true))
        let claim = String(decoding: try #require(before["claim/index.html"]), as: UTF8.self)
        #expect(claim.contains(">M · reported</a>"))

        let file = dir + "/Content/data/facts.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try Fixture.write(text.replacingOccurrences(of: old, with: new), to: file)
        let incremental = try IncrementalBuildTests.generate(dir, cached: true)
        let full = try IncrementalBuildTests.generate(dir, cached: false)
        #expect(IncrementalBuildTests.files(incremental) == IncrementalBuildTests.files(full))
        let after = String(decoding: try #require(IncrementalBuildTests.files(incremental)["claim/index.html"]), as: UTF8.self)
        #expect(after != claim)
        #expect(!after.contains(">M · reported</a>"))
    }
}
