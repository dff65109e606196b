import Testing

@testable import SiteRender

/// The one template parser's errors (at the tag, in our words) and the check of names against the view models'
/// field tables.
@Suite struct TemplateCheckTests {
    /// The first problem in parsing `text` as `t.mustache`, as `line:col id`.
    func problem(_ text: String) -> String? {
        guard case .failure(let d) = TemplateParser.parse(text, file: "t.mustache") else { return nil }
        return "\(d.location.line):\(d.location.column) \(d.id)"
    }

    @Test(arguments: [
        ("a\n{{=<% %>=}}", "2:1 template.unsupported-tag"),
        ("{{<base}}{{/base}}", "1:1 template.unsupported-tag"),
        ("x {{$block}}x{{/block}}", "1:3 template.unsupported-tag"),
        ("{{%pragma}}", "1:1 template.unsupported-tag"),
        ("  {{> *dynamic}}", "1:3 template.dynamic-partial"),
        ("{{lower(title)}}", "1:1 template.transform"),
        ("{{#lower(title)}}{{/lower(title)}}", "1:1 template.transform"),
        ("é {{a@b}}", "1:3 template.bad-name"),
        ("{{{a/b}}}", "1:1 template.bad-name"),
        ("a\r\nb {{#items}}\r\nc\r\n", "2:3 template.unclosed-section"),
        ("a\nb\n{{title\nc\n", "3:1 template.unclosed-tag"),
        ("{{ }}", "1:1 template.empty-tag"),
        ("{{#a}}{{/b}}", "1:7 template.mismatched-close"),
        ("x\n{{/b}}", "2:1 template.stray-close"),
        ("{{{a b}}}", "1:1 template.bad-name"),
        ("  {{> }}", "1:3 template.bad-name"),
        ("{{# a b }}", "1:1 template.bad-name"),
    ])
    func unsupportedSyntaxIsAnErrorAtItsTag(_ text: String, _ expected: String) {
        #expect(problem(text) == expected)
    }

    @Test func limits() {
        let deep = String(repeating: "{{#a}}\n", count: 40) + String(repeating: "{{/a}}\n", count: 40)
        #expect(problem(deep) == "33:1 template.nested-too-deep")
        #expect(problem(String(repeating: "{{#a}}", count: 32) + String(repeating: "{{/a}}", count: 32)) == nil)
        #expect(problem(String(repeating: "x", count: 4_001)) == "1:4001 template.line-too-long")
        #expect(problem(String(repeating: "x\n", count: 33_000)) == "1:1 template.too-large")
    }

    /// Each problem the check finds in template `t` against `PageView`, as `line:col id template:name`.
    func check(_ text: String, partials: [String: String] = [:]) throws -> [String] {
        var texts = partials.mapValues { ($0, "p.mustache") }
        texts["t"] = (text, "t.mustache")
        let set = try #require(TemplateSet.parse(texts).output)
        return set.check("t", model: PageView.self).map {
            "\($0.location.line):\($0.location.column) \($0.id) \($0.location.file)"
        }
    }

    @Test func everyNameIsCheckedAgainstTheFieldTables() throws {
        #expect(try check("{{page.title}}{{#toc}}{{#children}}{{anchor}}{{title}}{{/children}}{{/toc}}{{#site.footer}}{{.}}{{/site.footer}}").isEmpty)
        let missing = try check("x\n  {{page.subtitle}}{{#breadcrumbs}}{{level}}{{/breadcrumbs}}")
        #expect(
            missing == [
                    "2:3 template.unknown-variable t.mustache",
                    "2:36 template.unknown-variable t.mustache",
                ])
        // Inside a flag's section and a partial the same names apply; `.name` looks only in the current item.
        let inner = try check("{{#hasToc}}{{> p}}{{/hasToc}}{{#breadcrumbs}}{{.site}}{{/breadcrumbs}}", partials: ["p": "\n{{nope}}"])
        #expect(
            inner == [
                    "2:1 template.unknown-variable p.mustache",
                    "1:46 template.unknown-variable t.mustache",
                ])
        let groups = try check("{{site}}{{{toc}}}")
        #expect(
            groups == [
                    "1:1 template.group-variable t.mustache",
                    "1:9 template.group-variable t.mustache",
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
                    children: [NavItem(title: "", url: "", current: false)], hasChildren: true,
                    more: NavMore(label: "", url: ""), hasMore: false)
            ], more: NavMore(label: "", url: ""), hasMore: false)
        let values: [any TemplateValue] = [
            p, p.site, p.page, p.breadcrumbs[0], p.toc[0], p.toc[0].children[0],
            ChildLink(title: "", url: "", description: ""), nav, nav.nav[0], nav.more,
        ]
        for v in values {
            let names = type(of: v).fieldNames
            #expect(names == Mirror(reflecting: v).children.compactMap(\.label).sorted(), "\(type(of: v))")
        }
    }
}
