import Testing
@testable import SiteContent

@Suite struct DiagnosticTests {
    let at = SourceLocation(file: "Content/faq.md", line: 12, column: 5)

    @Test func idIsNamedAfterTheCheckingFileUnlessGiven() {
        #expect(DiagnosticID(fileID: "SiteContent/LoadFees.swift").rawValue == "SiteContent.LoadFees")
        #expect(Diagnostic.error(at, "x").id.rawValue == "SiteContentTests.DiagnosticTests")
        #expect(Diagnostic.error(at, "x", id: .brokenLink).id.rawValue == "link.broken")
        var ds = Diagnostics()
        ds.warning(at, "y")
        #expect(ds.items.map(\.id.rawValue) == ["SiteContentTests.DiagnosticTests"])
    }

    @Test func formatterPrintsLocationSeverityMessageHintAndNotes() {
        let d = Diagnostic.error(
            at, "two pages write 'faq/index.html'", hint: "rename one",
            notes: [.init(SourceLocation(file: "Content/faq/_index.md", line: 1, column: 1), "the other page")])
        #expect(
            DiagnosticFormatter.text(d) == """
                Content/faq.md:12:5: error: two pages write 'faq/index.html'
                    hint: rename one
                    note: Content/faq/_index.md:1:1: the other page
                """)
        #expect(d.description == DiagnosticFormatter.text(d))
        #expect(DiagnosticFormatter.text(.warning(at, "w")) == "Content/faq.md:12:5: warning: w")
    }

    @Test func theSameProblemFoundTwiceIsPrintedOnce() {
        let a = Diagnostic.error(at, "broken link 'x.md'", id: .brokenLink)
        let b = Diagnostic.error(at, "broken link 'x.md'")
        #expect(a == b)
        #expect(DiagnosticFormatter.text([a, b, .warning(at, "later")]).split(separator: "\n").count == 2)
    }

    @Test func aStageWithErrorsHandsNothingOn() {
        #expect(StageResult(1, [.warning(at, "w")]).checkedOutput == 1)
        #expect(StageResult(1, [.warning(at, "w"), .error(at, "e")]).checkedOutput == nil)
        #expect(StageResult<Int>(nil, []).checkedOutput == nil)
    }

    @Test func rangesKeepTheirEnd() {
        let end = SourceLocation(file: "Content/faq.md", line: 12, column: 9)
        let d = Diagnostic(.error, at, "m", end: end)
        #expect(d.range.start == at && d.range.end == end && d.location == at)
    }
}
