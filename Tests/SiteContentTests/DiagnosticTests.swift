import Testing
@testable import SiteContent

@Suite struct DiagnosticTests {
    let at = SourceLocation(file: "Content/faq.md", line: 12, column: 5)

    @Test func theIdIsTheOneTheCallSiteNames() {
        #expect(Diagnostic.error("test.some-check", at, "x").id.rawValue == "test.some-check")
        #expect(Diagnostic.error(.missingField, at, "x").id.rawValue == "yaml.missing-field")
        var ds = Diagnostics()
        ds.warning("test.other-check", at, "y")
        #expect(ds.items.map(\.id) == ["test.other-check"])
    }

    @Test func formatterPrintsLocationSeverityMessageHintAndNotes() {
        let d = Diagnostic.error(
            "test.check", at, "two pages write 'faq/index.html'", hint: "rename one",
            notes: [.init(SourceLocation(file: "Content/faq/_index.md", line: 1, column: 1), "the other page")])
        #expect(
            DiagnosticFormatter.text(d) == """
                Content/faq.md:12:5: error: two pages write 'faq/index.html'
                    hint: rename one
                    note: Content/faq/_index.md:1:1: the other page
                """)
        #expect(d.description == DiagnosticFormatter.text(d))
        #expect(DiagnosticFormatter.text(.warning("test.w", at, "w")) == "Content/faq.md:12:5: warning: w")
    }

    @Test func theSameProblemFoundTwiceIsPrintedOnce() {
        let a = Diagnostic.error("link.broken", at, "broken link 'x.md'")
        let b = Diagnostic.error("test.other-check", at, "broken link 'x.md'")
        #expect(a == b)
        #expect(DiagnosticFormatter.text([a, b, .warning("test.w", at, "later")]).split(separator: "\n").count == 2)
    }

    @Test func aStageWithErrorsHandsNothingOn() {
        #expect(StageResult(1, [.warning("test.w", at, "w")]).checkedOutput == 1)
        #expect(StageResult(1, [.warning("test.w", at, "w"), .error("test.e", at, "e")]).checkedOutput == nil)
        #expect(StageResult<Int>(nil, []).checkedOutput == nil)
    }

    @Test func rangesKeepTheirEnd() {
        let end = SourceLocation(file: "Content/faq.md", line: 12, column: 9)
        let d = Diagnostic("test.m", .error, at, "m", end: end)
        #expect(d.range.start == at && d.range.end == end && d.location == at)
    }
}
