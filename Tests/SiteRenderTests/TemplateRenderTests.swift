import Testing

@testable import SiteRender
import TestSupport

/// The Mustache the guide's templates and a department's own may rely on, each rendered by the one engine and
/// compared with the exact text it must give: escaping, sections, the context stack, whitespace, partials.
@Suite struct TemplateRenderTests {
    /// A page view model with text to escape, an empty description, two crumbs and a nested table of contents.
    static let page = PageView(
        site: SiteView(
            title: "Site", description: "About", language: "en", asOf: "2026-01-01", hasAsOf: true, feePeriod: "",
            footer: ["one", "two & <three>"], homeURL: "index.html", sourcesURL: "", hasSources: false),
        page: PageInfo(
            title: "Tom's <\"quote\"> & co", documentTitle: "T", description: "", content: "<p>A &amp; B</p>",
            isHome: false, layout: "page", sourcePath: "a.md", code: ""),
        navigation: "<nav></nav>",
        breadcrumbs: [
            Crumb(title: "Home", url: "../index.html", current: false), Crumb(title: "Here & now", url: "", current: true),
        ], hasBreadcrumbs: true,
        toc: [
            TocItem(title: "One", anchor: "one", level: 2, children: [TocLeaf(title: "Sub", anchor: "sub")], hasChildren: true),
            TocItem(title: "Two", anchor: "two", level: 3, children: [], hasChildren: false),
        ], hasToc: false, children: [], hasChildren: false, root: "../", assets: "../assets/")

    /// Template `t` (with partial `p`) rendered with `page`; parse or check problems fail the test.
    func render(_ template: String, partial: String = "") throws -> String {
        let parsed = TemplateSet.parse(["t": (template, "t.mustache"), "p": (partial, "p.mustache")])
        let set = try #require(parsed.output, "\(parsed.diagnostics)")
        #expect(set.check("t", model: PageView.self).isEmpty)
        return set.render("t", context: Self.page)
    }

    @Test func escapingAndUnescapedVariables() throws {
        #expect(try render("{{page.title}}") == "Tom&#39;s &lt;&quot;quote&quot;&gt; &amp; co")
        #expect(try render("{{{page.content}}}|{{& page.content }}") == "<p>A &amp; B</p>|<p>A &amp; B</p>")
        // Text (not the HTML the build made) written unescaped is an error at each such tag.
        let parsed = TemplateSet.parse(["t": ("{{{page.title}}}|{{& page.title }}|{{{navigation}}}", "t.mustache")])
        let problems = try #require(parsed.output).check("t", model: PageView.self)
        #expect(problems.map { "\($0.range.start.column) \($0.id)" } == ["1 template.unescaped-text", "18 template.unescaped-text"])
        // The HTML the build made, written escaped, would show its tags: an error at the tag (it renders escaped).
        let escaped = try #require(TemplateSet.parse(["t": ("{{{page.content}}} {{ page.content }}", "t.mustache")]).output)
        #expect(escaped.check("t", model: PageView.self).map { "\($0.range.start.column) \($0.id)" } == ["20 template.escaped-html"])
        #expect(escaped.render("t", context: Self.page) == "<p>A &amp; B</p> &lt;p&gt;A &amp;amp; B&lt;/p&gt;")
        #expect(try render("{{hasToc}} {{hasBreadcrumbs}} {{#toc}}{{level}}{{/toc}}") == "false true 23")
    }

    @Test func sectionsOverListsFlagsTextsAndEmptyLists() throws {
        #expect(try render("{{#breadcrumbs}}[{{title}}]{{/breadcrumbs}}") == "[Home][Here &amp; now]")
        #expect(try render("{{#hasBreadcrumbs}}yes{{/hasBreadcrumbs}}{{#hasToc}}no{{/hasToc}}") == "yes")
        #expect(try render("{{#children}}x{{/children}}|{{#site.footer}}<p>{{.}}</p>{{/site.footer}}") == "|<p>one</p><p>two &amp; &lt;three&gt;</p>")
        // A section over a text renders once with the text as `.`, even an empty one.
        #expect(try render("{{#site.title}}[{{.}}]{{/site.title}}{{#page.description}}[{{.}}]{{/page.description}}") == "[Site][]")
    }

    @Test func invertedSections() throws {
        #expect(try render("{{^children}}none{{/children}}{{^hasToc}}no toc{{/hasToc}}") == "noneno toc")
        #expect(try render("{{^breadcrumbs}}x{{/breadcrumbs}}{{^hasBreadcrumbs}}x{{/hasBreadcrumbs}}") == "")
    }

    @Test func dottedNamesAndTheContextStack() throws {
        // An item's own name first, then down the stack to the page; `.name` only in the current item.
        #expect(
            try render("{{#breadcrumbs}}{{title}}:{{site.title}}:{{.url}}:{{#current}}C{{/current}}{{^current}}N{{/current}};{{/breadcrumbs}}")
                == "Home:Site:../index.html:N;Here &amp; now:Site::C;")
        #expect(try render("{{#toc}}{{title}}({{#children}}{{title}} {{anchor}} {{level}}{{/children}});{{/toc}}") == "One(Sub sub 2);Two();")
        #expect(try render("{{#site}}{{title}}/{{language}}{{/site}} {{page.title}}") == "Site/en Tom&#39;s &lt;&quot;quote&quot;&gt; &amp; co")
    }

    @Test func standaloneTagLinesLeaveNoLine() throws {
        #expect(try render("a\n  {{#hasBreadcrumbs}}\n  x\n  {{/hasBreadcrumbs}}\nb\n") == "a\n  x\nb\n")
        #expect(try render("a\n  {{^hasToc}}\n  x\n  {{/hasToc}}\nb\n") == "a\n  x\nb\n")
        #expect(try render("\r\n{{#breadcrumbs}}\r\n- {{title}}\r\n{{/breadcrumbs}}\r\n") == "\r\n- Home\r\n- Here &amp; now\r\n")
        // Not alone on its line: the spaces and the newline stay.
        #expect(try render("x {{#hasToc}}y{{/hasToc}} z\n") == "x  z\n")
        #expect(try render("{ {{ site.title }} }} {") == "{ Site }} {")
    }

    @Test func comments() throws {
        #expect(try render("  {{! a comment }}\nx {{! inline }} y\n{{!}}\nend") == "x  y\nend")
        #expect(try render("{{! a } brace }}z") == "z")
        // Spaces inside the braces, before and after the sigil, are allowed.
        #expect(try render("{{ ! c }}{{ #hasBreadcrumbs }}y{{ / hasBreadcrumbs }}{{ > p }}", partial: "p") == "yp")
    }

    @Test func partialsAreIndentedByTheirLine() throws {
        let partial = "line1\n{{site.title}}\n  {{#hasBreadcrumbs}}\nz\n  {{/hasBreadcrumbs}}\n"
        #expect(try render("start\n  {{> p}}\nend\n", partial: partial) == "start\n  line1\n  Site\n  z\nend\n")
        #expect(try render("\t{{> p}}\n", partial: "a\nb") == "\ta\n\tb")
        #expect(try render("inline {{> p}} after\n", partial: "a\nb") == "inline a\nb after\n")
    }

    /// The guide's own templates load, pass the check and render the view models' values.
    @Test func theGuideTemplates() throws {
        let loaded = TemplateSet.load(directory: Fixture.packageRoot + "/Templates", display: "Templates")
        let set = try #require(loaded.output, "\(loaded.diagnostics)")
        let layouts = set.names.filter { !$0.contains("/") }
        #expect(layouts == ["home", "page", "section", "sources"])
        for layout in layouts {
            #expect(set.check(layout, model: PageView.self).isEmpty, "\(layout)")
            let html = set.render(layout, context: Self.page)
            #expect(html.contains("<p>A &amp; B</p>") && html.contains("Tom&#39;s &lt;&quot;quote&quot;&gt; &amp; co"), "\(layout)")
        }
        #expect(set.check("partials/nav", model: NavView.self).isEmpty)
        let link = NavItem(title: "Q & A", url: "q/index.html", current: true)
        let leaf = NavItem(
            title: "F", url: "f/index.html", current: false, active: true, children: [link], hasChildren: true,
            more: NavMore(label: "", url: ""), hasMore: false)
        let item = NavItem(
            title: "Top", url: "top/index.html", current: false, active: true, children: [leaf], hasChildren: true,
            more: NavMore(label: "All 9 pages in Top", url: "top/index.html"), hasMore: true)
        let nav = set.render("partials/nav", context: NavView(nav: [item], more: item.more, hasMore: false))
        #expect(nav.contains("Q &amp; A") && nav.contains("aria-current=\"page\"") && nav.contains("All 9 pages in Top"))
    }
}
