import Foundation
import Testing

@testable import SiteRender
import TestSupport

/// Issue 13: the compiled template renderer writes what swift-mustache writes, for the site's own templates and
/// for the whitespace rules (standalone tags, indented partials, CRLF lines) a template author may meet.
@Suite struct CompiledTemplateTests {
    /// A view model with text to escape, an empty description, several list items and a false flag.
    static let tricky: PageView = {
        var v = ViewModelSamples.page
        v.page.title = "Tom's <\"quote\"> & co"
        v.page.description = ""
        v.page.content = "<p>A &amp; B</p>\n"
        v.site.footer = ["one", "two & <three>"]
        v.breadcrumbs = [
            Crumb(title: "Home", url: "../index.html", current: false), Crumb(title: "Here & now", url: "", current: true),
        ]
        v.toc.append(TocItem(title: "Second", anchor: "second", level: 3, children: [], hasChildren: false))
        v.children = []
        v.hasChildren = false
        v.hasToc = false
        return v
    }()

    /// Both renderings of template `name` for `value`: compiled, and by swift-mustache (the same set with
    /// `compiled` removed).
    func both(_ set: TemplateSet, _ value: any TemplateValue, name: String = "t") throws -> (String, String) {
        #expect(set.compiled != nil)
        var plain = set
        plain.compiled = nil
        return (set.render(name, context: value), plain.render(name, context: value))
    }

    /// A template set from texts (written to a temporary folder and loaded as the site's are).
    func load(_ templates: [String: String]) throws -> TemplateSet {
        let dir = NSTemporaryDirectory() + "ctsguide-templates-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, text) in templates { try Fixture.write(text, to: dir + "/" + name + ".mustache") }
        let loaded = TemplateSet.load(directory: dir, display: "t")
        return try #require(loaded.output, "\(loaded.diagnostics)")
    }

    @Test func theSiteTemplatesRenderAsSwiftMustacheDoes() throws {
        let dir = Fixture.packageRoot + "/Templates"
        let loaded = TemplateSet.load(directory: dir, display: "Templates")
        let templates = try #require(loaded.output, "\(loaded.diagnostics)")
        #expect(templates.compiled != nil, "every site template compiles")
        let layouts = templates.names.filter { !$0.contains("/") }
        #expect(layouts.count >= 3)
        for layout in layouts {
            for value in [ViewModelSamples.page, Self.tricky] {
                let (ours, theirs) = try both(templates, value, name: layout)
                #expect(ours == theirs, "\(layout)")
                #expect(ours.contains("Tom&#39;s &lt;&quot;quote&quot;&gt; &amp; co") == (value.page.title != "Page"))
            }
        }
        let (ours, theirs) = try both(templates, ViewModelSamples.nav, name: "partials/nav")
        #expect(ours == theirs)
        #expect(ours.contains("aria-current=\"page\""))
    }

    @Test(arguments: [
        "a\n  {{#hasToc}}\n  x {{page.title}}\n  {{/hasToc}}\nb\n",
        "a\n  {{^hasToc}}\n  x {{page.title}}\n  {{/hasToc}}\nb\n",
        "{{#site.footer}}<p>{{.}}</p>{{/site.footer}}\n{{#site.footer}}\n  <p>{{.}}</p>\n{{/site.footer}}\n",
        "{{^children}}none{{/children}}{{^hasToc}}no{{/hasToc}}{{^breadcrumbs}}x{{/breadcrumbs}}",
        "  {{! a comment }}\nx {{! inline }} y\n{{!}}\n",
        "start\n  {{> p}}\nend\n",
        "inline {{> p}} after\n",
        "\r\n{{#breadcrumbs}}\r\n- {{title}}\r\n{{/breadcrumbs}}\r\n",
        "{{{page.content}}}|{{&page.content}}|{{ page.title }}|{{.page.title}}|{{site.nope}}|{{nope.title}}",
        "{{#breadcrumbs}}{{title}}-{{url}}-{{#current}}C{{/current}}{{^current}}N{{/current}}-{{site.title}}|{{/breadcrumbs}}",
        "{{#page.description}}[{{.}}]{{/page.description}}{{#page.title}}[{{.}}]{{/page.title}}",
        "{{#toc}}{{level}}:{{title}}{{#children}}({{title}} {{level}}){{/children}};{{/toc}}",
        "{ {{ page.title }} }} { {{hasToc}} {{hasBreadcrumbs}}",
        "{{#hasBreadcrumbs}}  {{#toc}}\n{{anchor}}\n  {{/toc}}  {{/hasBreadcrumbs}}\n  {{#hasBreadcrumbs}}\nx\n{{/hasBreadcrumbs}}",
        "\t{{#hasBreadcrumbs}}\t\n\t{{> p}}\n\t{{/hasBreadcrumbs}}\t\n",
    ])
    func whitespaceAndLookupRulesMatch(_ template: String) throws {
        let partial = "line1\n{{page.title}}\n  line3 {{#hasBreadcrumbs}}\nz\n{{/hasBreadcrumbs}}\n{{#site.footer}}{{.}}\n{{/site.footer}}"
        let (ours, theirs) = try both(try load(["t": template, "p": partial]), Self.tricky)
        #expect(ours == theirs)
        #expect(!ours.isEmpty)
    }

    @Test func otherTagsAreLeftToSwiftMustache() {
        for t in ["{{=<% %>=}}", "{{<base}}{{/base}}", "{{$block}}x{{/block}}", "{{> *dynamic}}", "{{lower(title)}}",
            "{{% CONTENT_TYPE: TEXT }}", "{{#open}}", "{{x"]
        {
            #expect(throws: CompiledTemplate.Unsupported.self, "\(t)") { try CompiledTemplate(t) }
        }
    }
}
