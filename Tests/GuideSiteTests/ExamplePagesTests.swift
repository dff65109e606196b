import Foundation
import Testing

@testable import SiteContent
@testable import GuideSite
@testable import GuideData
@testable import SiteRender
@testable import SiteBuild
import TestSupport

/// The worked examples are spread over two pages by the `worked-examples ID…` selection (page weight): every
/// scenario of examples.yaml is on exactly one page, and a wrong id is an error at the directive.
@Suite struct ExamplePagesTests {
    static let examplePages = ["examples/index.html", "examples/settings/index.html"]

    static func cardIDs(_ html: String) -> [String] {
        html.components(separatedBy: "<section class=\"card example\" id=\"example-").dropFirst()
            .map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func everyScenarioIsOnExactlyOnePage() {
        let data = SiteDataLoader.load(contentDirectory: RealSite.content).output
        let guide = GuideDataLoader.load(contentDirectory: RealSite.content, siteData: data!).output
        let ids = guide?.examples.map(\.id) ?? []
        #expect(ids.count >= 20)
        var shown: [String] = []
        for (_, html) in RealSite.pages.sorted(by: { $0.key < $1.key }) { shown += Self.cardIDs(html) }
        #expect(shown.sorted() == ids.sorted(), "shown: \(shown)")
        #expect(Set(shown).count == shown.count, "a scenario is shown twice: \(shown)")
        // Both pages carry a share, in the order the directive lists them.
        let first = Self.cardIDs(RealSite.page(Self.examplePages[0]))
        let second = Self.cardIDs(RealSite.page(Self.examplePages[1]))
        #expect(first.count == 14 && second.count == 10)
        #expect(first.first == "fifteen-minutes" && first.last == "kx-crossing")
        #expect(second.first == "ota-hopd-march-2024" && second.last == "year-2026")
        #expect(second.contains("manhattan") && !first.contains("manhattan"))
    }

    @Test func eachPageHasItsOwnRemindersAndLinksToTheOther() {
        for path in Self.examplePages {
            let html = RealSite.page(path)
            #expect(html.contains("<h2 id=\"example-checklist-1\">Documentation reminders 1"), "\(path)")
            #expect(html.contains("<a href=\"#example-checklist-1\">Documentation reminders 1</a>"), "\(path)")
        }
        #expect(RealSite.page(Self.examplePages[0]).contains("href=\"settings/index.html\""))
        #expect(RealSite.page(Self.examplePages[1]).contains("href=\"../index.html\""))
    }

    @Test func selectKeepsTheGivenOrderAndRejectsUnknownOrRepeatedIDs() throws {
        let data = SiteDataLoader.load(contentDirectory: RealSite.content).output
        let guide = GuideDataLoader.load(contentDirectory: RealSite.content, siteData: data!).output
        let all = try #require(guide?.examples)
        #expect(try WorkedExamplesDirective.select(use([]), from: all).map(\.id) == all.map(\.id))
        #expect(try WorkedExamplesDirective.select(use(["slp", "pta"]), from: all).map(\.id) == ["slp", "pta"])
        #expect(throws: DirectiveError.self) { try WorkedExamplesDirective.select(use(["pta", "pta"]), from: all) }
        do {
            _ = try WorkedExamplesDirective.select(use(["manhatan"]), from: all)
            Issue.record("an unknown id should be an error")
        } catch {
            #expect(error.id == "directive.unknown-example")
            #expect(error.hint?.contains("manhattan") == true)
        }
    }

    /// A use of worked-examples naming `ids`.
    func use(_ ids: [String]) -> DirectiveUse {
        DirectiveUse(name: "worked-examples", arguments: ids, body: "", location: SourceLocation(file: "p.md"))
    }

    @Test func unknownIDFailsTheBuildAtItsPlace() throws {
        let dir = NSTemporaryDirectory() + "ctsguide-example-pages-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: RealSite.content, toPath: dir + "/Content")
        try FileManager.default.copyItem(atPath: RealSite.root + "/Templates", toPath: dir + "/Templates")
        let page = dir + "/Content/examples/settings.md"
        let text = try String(contentsOfFile: page, encoding: .utf8)
        // (The unknown id is an error at its own line inside the block.)
        let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.contains(" manhattan ") }) + 1
        try text.replacingOccurrences(of: " manhattan ", with: " manhatan ").write(
            toFile: page, atomically: true, encoding: .utf8)
        guard case .failure(let failure) = SiteBuilder.build(Fixture.options(dir)) else {
            Issue.record("the build should have failed")
            return
        }
        let errors = failure.diagnostics.filter { $0.severity == .error }.map { "\($0.location.file):\($0.location.line) \($0.id)" }
        #expect(errors.contains("\(page):\(line) directive.unknown-example"), "got: \(errors)")
    }
}
