import Testing

@testable import SiteRender

/// cmark's trees live in a per-thread arena (Sources/CMarkArena) that is emptied after each page: a page far
/// larger than its first block, and pages rendered at once on several threads, must come out whole.
@Suite struct MarkdownArenaTests {
    struct Links: MarkdownRewriter {
        mutating func headingID(for heading: MarkdownHeading) -> String { "h\(heading.line)" }
        mutating func replacement(for block: MarkdownCodeBlock) -> MarkdownReplacement? { nil }
        mutating func rewrite(_ link: MarkdownLink) -> MarkdownLinkTarget? { MarkdownLinkTarget("/to/" + link.url) }
        mutating func droppedRawHTML(line: Int, column: Int) {}
        mutating func foreignTemplateSyntax(_ text: String, line: Int, column: Int) {}
        mutating func shownAsText(_ kind: TextMarkup, _ text: String, line: Int, column: Int) {}
    }

    static func page(_ seed: Int, paragraphs: Int) -> String {
        (0..<paragraphs).map { i in
            let n = seed * 100_000 + i
            let link = i % 10 == 0 ? " see [page \(n)](p\(n))" : ""
            return (i % 50 == 0 ? "## Part \(n)\n\n" : "") + "Para \(n) with *stress* and `code \(n)`\(link).\n"
        }.joined(separator: "\n")
    }

    static func render(_ text: String) -> String {
        var links = Links()
        return Markdown.render(text, lineOffset: 0, rewriter: &links).html
    }

    @Test func aPageManyTimesTheFirstBlockIsWhole() {
        let html = Self.render(Self.page(7, paragraphs: 10_000))
        #expect(html.utf8.count > 500_000)
        #expect(html.components(separatedBy: "<p>").count - 1 == 10_000)
        #expect(html.contains("<p>Para 700000 with <em>stress</em> and <code>code 700000</code> see <a href=\"/to/p700000\">page 700000</a>.</p>"))
        #expect(html.hasSuffix("<p>Para 709999 with <em>stress</em> and <code>code 709999</code>.</p>\n"))
        #expect(html.contains("<h2 id=\"h"))
    }

    @Test func pagesRenderedAtOnceKeepTheirOwnTrees() async {
        let pages = (0..<6).map { Self.page($0, paragraphs: 300 + 97 * $0) }
        let expected = pages.map(Self.render)
        let got = await withTaskGroup(of: (Int, String).self) { group in
            for i in 0..<48 { group.addTask { (i, Self.render(pages[i % pages.count])) } }
            var all: [(Int, String)] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(got.count == 48)
        for (i, html) in got { #expect(html == expected[i % pages.count], "render \(i)") }
    }
}
