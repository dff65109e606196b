import Testing

@testable import SiteRender

/// The one template parser's errors (at the tag, in our words) and the check of names against the view models'
/// field tables.
@Suite struct TemplateCheckTests {
    /// The first problem in parsing `text` as `t.mustache`, as `line:col message`.
    func problem(_ text: String) -> String? {
        guard case .failure(let d) = TemplateParser.parse(text, file: "t.mustache") else { return nil }
        return "\(d.location.line):\(d.location.column) \(d.message)"
    }

    @Test(arguments: [
        ("a\n{{=<% %>=}}", "2:1 '{{=…}}' is not used in ctsguide templates"),
        ("{{<base}}{{/base}}", "1:1 '{{<…}}' is not used in ctsguide templates"),
        ("x {{$block}}x{{/block}}", "1:3 '{{$…}}' is not used in ctsguide templates"),
        ("{{%pragma}}", "1:1 '{{%…}}' is not used in ctsguide templates"),
        ("  {{> *dynamic}}", "1:3 dynamic partials ('{{> *dynamic}}') are not used in ctsguide templates"),
        ("{{lower(title)}}", "1:1 transforms ('lower(title)') are not used in ctsguide templates"),
        ("{{#lower(title)}}{{/lower(title)}}", "1:1 transforms ('#lower(title)') are not used in ctsguide templates"),
        ("é {{a@b}}", "1:3 template syntax: '{{a@b}}': a name is one word of letters, digits, '.', '-' and '_'"),
        ("{{{a/b}}}", "1:1 template syntax: '{{{a/b}}}': a name is one word of letters, digits, '.', '-' and '_'"),
        ("a\r\nb {{#items}}\r\nc\r\n", "2:3 section 'items' is not closed"),
        ("a\nb\n{{title\nc\n", "3:1 unclosed Mustache tag"),
        ("{{ }}", "1:1 empty Mustache tag"),
        ("{{#a}}{{/b}}", "1:7 '{{/b}}' closes no open section"),
        ("{{{a b}}}", "1:1 '{{&a b}}': a variable name is one word, without spaces or braces"),
        ("  {{> }}", "1:3 '{{>}}' names no partial; write a partial name after '>'"),
        ("{{# a b }}", "1:1 '{{# a b}}': a section name is one word, without spaces or braces"),
    ])
    func unsupportedSyntaxIsAnErrorAtItsTag(_ text: String, _ expected: String) {
        #expect(problem(text) == expected)
    }

    @Test func limits() {
        let deep = String(repeating: "{{#a}}\n", count: 40) + String(repeating: "{{/a}}\n", count: 40)
        #expect(problem(deep) == "33:1 sections are nested more than 32 deep")
        #expect(problem(String(repeating: "{{#a}}", count: 32) + String(repeating: "{{/a}}", count: 32)) == nil)
        #expect(problem(String(repeating: "x", count: 4_001)) == "1:4001 the template line is longer than 4000 characters")
        #expect(problem(String(repeating: "x\n", count: 33_000)) == "1:1 the template is larger than 64 KB")
    }

    /// Each problem the check finds in template `t` against `PageView`, as `line:col message`.
    func check(_ text: String, partials: [String: String] = [:]) throws -> [String] {
        var texts = partials.mapValues { ($0, "p.mustache") }
        texts["t"] = (text, "t.mustache")
        let set = try #require(TemplateSet.parse(texts).output)
        return set.check("t", model: PageView.self).map { "\($0.location.line):\($0.location.column) \($0.message)" }
    }

    @Test func everyNameIsCheckedAgainstTheFieldTables() throws {
        #expect(try check("{{page.title}}{{#toc}}{{#children}}{{anchor}}{{title}}{{/children}}{{/toc}}{{#site.footer}}{{.}}{{/site.footer}}").isEmpty)
        let missing = try check("x\n  {{page.subtitle}}{{#breadcrumbs}}{{level}}{{/breadcrumbs}}")
        #expect(
            missing == [
                    "2:3 template 't' names 'page.subtitle', which its view model does not provide",
                    "2:36 template 't' names 'level', which its view model does not provide",
                ])
        // Inside a flag's section and a partial the same names apply; `.name` looks only in the current item.
        let inner = try check("{{#hasToc}}{{> p}}{{/hasToc}}{{#breadcrumbs}}{{.site}}{{/breadcrumbs}}", partials: ["p": "\n{{nope}}"])
        #expect(
            inner == [
                    "2:1 template 'p' names 'nope', which its view model does not provide",
                    "1:46 template 't' names '.site', which its view model does not provide",
                ])
        let groups = try check("{{site}}{{{toc}}}")
        #expect(
            groups == [
                    "1:1 template 't' writes 'site', which is a group of values, not one; use a section",
                    "1:9 template 't' writes 'toc', which is a group of values, not one; use a section",
                ])
    }

    @Test func theHintListsTheNamesAvailableThere() throws {
        let set = try #require(TemplateSet.parse(["t": ("{{#breadcrumbs}}{{nope}}{{/breadcrumbs}}", "t.mustache")]).output)
        #expect(set.check("t", model: PageView.self).map(\.hint) == ["available here: current, title, url"])
    }

    /// Each view model's table lists exactly its stored properties, under their own names.
    @Test func eachFieldTableListsEveryStoredProperty() {
        let p = TemplateRenderTests.page
        let nav = NavView(
            nav: [
                NavItem(
                    title: "", url: "", current: false, active: false,
                    children: [
                        NavLeaf(
                            title: "", url: "", current: false, active: false, children: [], hasChildren: false,
                            more: NavMore(label: "", url: ""), hasMore: false)
                    ], hasChildren: true, more: NavMore(label: "", url: ""), hasMore: false)
            ], more: NavMore(label: "", url: ""), hasMore: false)
        let values: [any TemplateValue] = [
            p, p.site, p.page, p.breadcrumbs[0], p.toc[0], p.toc[0].children[0],
            ChildLink(title: "", url: "", description: ""), nav, nav.nav[0], nav.nav[0].children[0],
            NavLink(title: "", url: "", current: false), nav.more,
        ]
        for v in values {
            let names = type(of: v).fieldNames
            #expect(names == Mirror(reflecting: v).children.compactMap(\.label).sorted(), "\(type(of: v))")
        }
    }
}
