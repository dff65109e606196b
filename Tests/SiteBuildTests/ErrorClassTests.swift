import Foundation
import Testing

@testable import SiteBuild
import TestSupport

/// Each class of content error: reported with its id at its exact `path:line:col`, the build fails, and the previous
/// output stays byte-identical.
@Suite struct ErrorClassTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var old: String
        var new: String
        /// The expected error: `path:line:col id`, with paths relative to the fixture copy.
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "YAML syntax error", file: "Content/site.yaml", old: "title: Fixture guide",
            new: "title: [Fixture guide",
            expected: "Content/site.yaml:2:6 yaml.syntax"),
        Case(
            name: "wrong type", file: "Content/guide/beta.md", old: "weight: 1", new: "weight: first",
            expected: "Content/guide/beta.md:3:9 yaml.not-an-integer"),
        Case(
            name: "missing required field", file: "Content/guide/beta.md", old: "title: Beta\n", new: "",
            expected: "Content/guide/beta.md:2:1 yaml.missing-field"),
        Case(
            name: "unknown front-matter key", file: "Content/guide/beta.md", old: "weight: 1",
            new: "weight: 1\ncolour: red",
            expected: "Content/guide/beta.md:4:1 yaml.unknown-key"),
        Case(
            name: "unknown directive", file: "Content/guide/alpha.md", old: "## Units\n",
            new: "## Units\n\n```fee-tabel 97550\n```\n",
            expected: "Content/guide/alpha.md:9:1 directive.unknown"),
        Case(
            name: "broken relative link", file: "Content/guide/beta.md", old: "[alpha](alpha.md)",
            new: "[alpha](alpah.md)",
            expected: "Content/guide/beta.md:8:9 link.broken"),
        Case(
            name: "broken anchor", file: "Content/guide/alpha.md", old: "beta.md#notes", new: "beta.md#nots",
            expected:
                "Content/guide/alpha.md:9:5 link.broken-anchor"),
        Case(
            name: "unknown code", file: "Content/_index.md", old: "code:97550", new: "code:97559",
            expected: "Content/_index.md:5:21 link.unknown-code"),
        Case(
            name: "unknown source", file: "Content/guide/alpha.md", old: "source:cms-pfs-2025",
            new: "source:cms-pfs-2052",
            expected: "Content/guide/alpha.md:9:39 link.unknown-source"),
        Case(
            name: "two pages write one output path", file: "Content/guide/beta/_index.md", old: "",
            new: "---\ntitle: Beta again\n---\nSame output as beta.md.\n",
            expected: "Content/guide/beta/_index.md:2:1 page.duplicate-output"),
        Case(
            name: "path escaping the output folder", file: "Content/guide/beta.md", old: "weight: 1",
            new: "weight: 1\npath: ../../etc/passwd.html",
            expected:
                "Content/guide/beta.md:4:1 front-matter.bad-output-path"),
        Case(
            name: "template names a missing partial", file: "Templates/page.mustache", old: "<body>",
            new: "<body>{{> partials/nope}}",
            expected: "Templates/page.mustache:2:7 template.unknown-partial"),
        Case(
            name: "template names a missing variable", file: "Templates/page.mustache", old: "<h1>{{page.title}}</h1>",
            new: "<h1>{{page.title}}</h1>{{page.subtitle}}",
            expected:
                "Templates/page.mustache:7:24 template.unknown-variable"),
    ]

    @Test(arguments: cases)
    func errorIsReportedAtItsPositionAndOutputIsKept(_ c: Case) throws {
        let dir = try Fixture.copy()
        let out = dir + "/Public"
        _ = try SiteBuilder.build(Fixture.options(dir, output: out)).get()
        let before = Fixture.snapshot(out)
        #expect(before.count > 5)

        let file = dir + "/" + c.file
        if c.old.isEmpty {
            try Fixture.write(c.new, to: file)
        } else {
            try Fixture.replace(in: file, c.old, with: c.new)
        }
        guard case .failure(let failure) = SiteBuilder.build(Fixture.options(dir, output: out)) else {
            Issue.record("the build should have failed")
            return
        }
        let errors = failure.diagnostics.filter { $0.severity == .error }
            .map { "\($0.location) \($0.id)".replacingOccurrences(of: dir + "/", with: "") }
        #expect(errors.contains(c.expected), "got: \(errors)")
        #expect(Fixture.snapshot(out) == before, "the output folder changed")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(siblings == ["Content", "Public", "Templates"], "staging left behind: \(siblings)")
    }
}
