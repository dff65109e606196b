import Testing

@testable import SiteContent
@testable import GuideSite
@testable import SiteRender
@testable import SiteBuild

/// The HTML builder: what it escapes, how it writes elements, and what it reports from its tree.
@Suite struct HTMLBuilderTests {
    @Test func textEscapesAllFiveCharacters() {
        #expect(HTML.text(#"a<b> & "c" 'd'"#).rendered == "a&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;")
        #expect(HTML.text("plain — ünïcode ’").rendered == "plain — ünïcode ’")
        for s in ["", "&amp;", "<script>alert('x')</script>", "\"\"", "a'b"] {
            #expect(HTML.text(s).rendered == escapeHTML(s), "\(s)")
        }
    }

    @Test func literalWordsKeepQuotesAndInterpolatedValuesAreEscaped() {
        let name = "O'Brien <b>"
        let h: HTML = "Medicare's fee for \(name) & \(3) units"
        #expect(h.rendered == "Medicare's fee for O&#39;Brien &lt;b&gt; &amp; 3 units")
        let fixed: HTML = "a < b & \"c\""
        #expect(fixed.rendered == "a &lt; b &amp; \"c\"")
    }

    @Test func attributeValuesAreEscapedAndFlagsHaveNoValue() {
        let link = HTML.el("a", [.href(#"x.csv?a=1&b="2"'"#), .flag("download")], "CSV")
        #expect(link.rendered == #"<a href="x.csv?a=1&amp;b=&quot;2&quot;&#39;" download>CSV</a>"#)
        #expect(HTML.el("div", [.class("a b"), .id("x"), .attr("aria-label", "<it's>")]).rendered
            == #"<div class="a b" id="x" aria-label="&lt;it&#39;s&gt;"></div>"#)
    }

    @Test func voidElementsHaveNoEndTag() {
        #expect(HTML.void("br", []).rendered == "<br>")
        #expect(HTML.void("input", [.attr("type", "number"), .attr("min", "1"), .flag("required")]).rendered
            == #"<input type="number" min="1" required>"#)
    }

    @Test func rawIsWrittenAsItIsAndHasNoText() {
        let h: HTML = ["x ", .raw("<em>y</em>"), " z"]
        #expect(h.rendered == "x <em>y</em> z")
        #expect(h.plainText == "x z")
    }

    @Test func nestedTreeGivesExactBytes() {
        let list = HTML.el(
            "ul", [.class("notes")], .newline, .el("li", [], "one ", .el("strong", [], "two")), .newline,
            .el("li", [], .a(href: "#x", "three")), .newline)
        #expect(list.rendered == "<ul class=\"notes\">\n<li>one <strong>two</strong></li>\n<li><a href=\"#x\">three</a></li>\n</ul>")
        #expect(HTML.joined(["a", "b", "c"], separator: "; ").rendered == "a; b; c")
        #expect(HTML.startTag("h2", [.id("a&b")]) + HTML.endTag("h2") == "<h2 id=\"a&amp;b\"></h2>")
        #expect(HTML.empty.isEmpty && HTML.empty.rendered.isEmpty && !HTML.newline.isEmpty)
    }

    @Test func structureIsReadFromTheTree() {
        let cite = HTML.citation("src-a", .el("a", [.class("source-link"), .href("s.html#source-src-a")], "A & B"))
        let h: HTML = [
            .el("section", [.id("s1")],
                .el("h2", [.id("s1-t")], "Title"),
                .el("p", [], "First ", cite, ". Second."),
                .el("ul", [], .el("li", [], "item ", .citation("src-b", "B")), .el("li", [], "plain"))),
            .el("p", [], "again ", cite),
        ]
        #expect(h.ids == ["s1", "s1-t"])
        #expect(h.plainText == "Title First A & B . Second. item B plain again A & B")
        #expect(h.citations == ["src-a", "src-b"])
        #expect(h.statements == [
            Statement(sources: ["src-a"], text: "First A & B. Second."),
            Statement(sources: ["src-b"], text: "item B"),
            Statement(sources: [], text: "plain"),
            Statement(sources: ["src-a"], text: "again A & B"),
        ])
    }

    @Test func statementsNestAndTableRowsCount() {
        let h = HTML.el("table", [], .el("tr", [], .el("td", [], "x"), .el("td", [], .el("p", [], .citation("s", "S")))))
        #expect(h.statements == [Statement(sources: ["s"], text: "x S"), Statement(sources: ["s"], text: "S")])
    }

    @Test func certaintyFollowsTheFactsGradeNotTheKindOfSource() throws {
        let sources = RealSite.siteModel.data.sources
        let certainty = RealSite.siteModel.data.certainty
        let secondary = try #require(sources.first { $0.isSecondary }).id
        let primary = try #require(sources.first { !$0.isSecondary }).id
        let m = try #require(certainty.facts.first { $0.grade == "m" })
        let h = try #require(certainty.facts.first { $0.grade == "h" && $0.sources.contains { id in
            sources.first { $0.id == id }?.isSecondary == true } })
        let badge = try #require(certainty.grade("m")).badge
        let statements = [
            Statement(sources: [secondary], text: "A figure from a blog."),
            Statement(sources: [secondary], text: "A figure (reported by a blog; not confirmed by CMS)."),
            Statement(sources: [secondary, primary], text: "A figure CMS states too."),
            Statement(sources: m.sources + ["fact:" + m.id], text: "A graded figure " + badge + "."),
            Statement(sources: m.sources + ["fact:" + m.id], text: "A graded figure without its marker."),
            Statement(sources: [primary, "fact:" + m.id], text: "An official page, but the fact is M."),
            Statement(sources: h.sources + ["fact:" + h.id], text: "An H fact from secondary sources, no marker."),
            Statement(sources: [], text: "No source."),
        ]
        let flagged = CertaintyCheck.unmarked(statements, sources: sources, certainty: certainty)
        #expect(flagged.map(\.text) == [
            "A figure from a blog.", "A figure (reported by a blog; not confirmed by CMS).",
            "A graded figure without its marker.", "An official page, but the fact is M.",
        ])
        #expect(flagged[2].problem.contains("graded M") && flagged[2].problem.contains(badge))
        let grade = try #require(certainty.grade("l-m"))
        #expect(CertaintyCheck.badge(grade, url: "../certainty/index.html").rendered
            == "<a class=\"grade grade-l-m\" href=\"../certainty/index.html#grade-l-m\" title=\"\(grade.meaning)\">L–M · inferred</a>")
    }
}

/// The statements the Markdown walk reports: paragraphs and list items that cite a source, with the sources
/// their links cite, and a directive's statements in place ("- two" cites nothing and is left out).
@Suite struct MarkdownStatementTests {
    struct Stub: MarkdownRewriter {
        mutating func headingID(for heading: MarkdownHeading) -> String { "h" }
        mutating func replacement(for block: MarkdownCodeBlock) -> MarkdownReplacement? {
            guard block.info == "demo" else { return nil }
            let body = HTML.el("p", [], "Demo ", .citation("d", "D"))
            return MarkdownReplacement(
                html: body.rendered, text: body.plainText, statements: body.statements, citations: body.citations)
        }
        mutating func rewrite(_ link: MarkdownLink) -> MarkdownLinkTarget? {
            MarkdownLinkTarget(link.url, citing: link.url.hasPrefix("source:") ? String(link.url.dropFirst(7)) : nil)
        }
        mutating func droppedRawHTML(line: Int, column: Int) {}
        mutating func foreignTemplateSyntax(_ text: String, line: Int, column: Int) {}
        mutating func shownAsText(_ kind: TextMarkup, _ text: String, line: Int, column: Int) {}
    }

    @Test func paragraphsAndListItemsCarryTheirSources() {
        var stub = Stub()
        let md = Markdown.render(
            "Intro with [a](source:s1) and *text*.\n\n- one [b](source:s2)\n- two\n\n  > quote [c](source:s3)\n\n```demo\n```\n",
            lineOffset: 0, rewriter: &stub)
        #expect(md.statements == [
            Statement(sources: ["s1"], text: "Intro with a and text."),
            Statement(sources: ["s2"], text: "one b"),
            Statement(sources: ["s2"], text: "one b"),
            Statement(sources: ["s3"], text: "two quote c"),
            Statement(sources: ["s3"], text: "quote c"),
            Statement(sources: ["d"], text: "Demo D"),
        ])
        #expect(md.html.contains("<p>Demo D</p>"))
    }
}
