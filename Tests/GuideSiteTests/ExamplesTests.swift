@testable import SiteContent
@testable import GuideSite
@testable import GuideData
@testable import SiteBuild
import Foundation
import Testing


/// The worked examples (issue 5): figures computed by CodingRules at build time, bad scenarios positioned.
@Suite struct ExamplesTests {
    static func card(_ id: String) -> String {
        let marker = "<section class=\"card example\" id=\"example-\(id)\""
        let html = ExamplePagesTests.examplePages.map(RealSite.page).first { $0.contains(marker) } ?? ""
        guard let start = html.range(of: "<section class=\"card example\" id=\"example-\(id)\"") else {
            Issue.record("no card \(id)")
            return ""
        }
        let rest = html[start.lowerBound...]
        let end = rest.range(of: "</section>")?.upperBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test func atLeastFifteenScenariosLoad() {
        let data = SiteDataLoader.load(contentDirectory: RealSite.content).output
        let guideResult = GuideDataLoader.load(contentDirectory: RealSite.content, siteData: data!)
        let guide = guideResult.output, diags = guideResult.diagnostics
        #expect(diags.filter { $0.severity == .error }.isEmpty, "\(diags)")
        #expect((guide?.examples.count ?? 0) >= 15)
        let cards = ExamplePagesTests.examplePages.map {
            RealSite.page($0).components(separatedBy: "<section class=\"card example\"").count - 1
        }
        #expect(cards.reduce(0, +) == guide?.examples.count)
    }

    @Test func thirtyEightMinutes2026NationalNonFacility() {
        let c = Self.card("thirty-eight-minutes")
        #expect(c.contains("97550</th><td>1</td><td>GP</td><td>$52.77</td>"), "\(c)")
        #expect(c.contains("97551</th><td>1</td><td>GP</td><td>$26.05</td>"))
        #expect(c.contains("<th scope=\"row\" colspan=\"3\">Total</th><td>$78.82</td>"))
        #expect(c.contains("97551 unit 1 at 38, next at 53 (session: 38 min)"))
        #expect(c.contains("coinsurance $15.76"))
        #expect(c.contains("Documentation reminders"))
    }

    @Test func thresholdsAndEdgeCases() {
        #expect(Self.card("fifteen-minutes").contains("Not billable:"))
        #expect(Self.card("sixteen-minutes").contains("$52.77"))
        #expect(!Self.card("thirty-seven-minutes").contains("97551</th>"))
        #expect(Self.card("fifty-three-minutes").contains("97551</th><td>2</td><td>GP</td><td>$52.10</td>"))
        #expect(Self.card("hopd-38").contains("<th scope=\"row\" colspan=\"3\">Total</th><td>$77.63</td>"))
        #expect(Self.card("telehealth-2024").contains("Not billable:"))
        #expect(Self.card("telehealth-2025").contains("95 GP"))
        #expect(Self.card("pta").contains("CQ GP"))
        #expect(Self.card("ota-hopd-march-2024").contains("CO GO"))
        #expect(Self.card("slp").contains("<td>GN</td>"))
        #expect(Self.card("kx-crossing").contains("GP KX"))
        #expect(Self.card("group-of-four").contains("97552</th><td>1</td>"))
        #expect(Self.card("three-caregivers").contains("3 caregivers of one patient"))
        let y26 = Self.card("year-2026")
        #expect(!y26.contains("not yet imported") && y26.contains("Who pays"))
        #expect(Self.card("manhattan").contains("MANHATTAN, NY (13202-01)"))
        #expect(Self.card("before-march-9-2024") != Self.card("after-march-9-2024"))
    }

    @Test func invalidScenarioIsAnErrorAtItsLine() throws {
        let dir = NSTemporaryDirectory() + "ctsguide-examples-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let file = dir + "/examples.yaml"
        let text = """
            examples:
              - id: ok
                title: fine
                narrative: fine
                minutes: 38
                date: 2025-06-02
              - id: bad
                title: bad
                narrative: an assistant SLP does not exist
                minutes: 40
                date: 2025-06-02
                discipline: slp
                provider: assistant
              - id: bad-minutes
                title: bad
                narrative: zero
                minutes: 0
                date: 2025-06-02
              - id: bad-date
                title: bad
                narrative: before any fee period
                minutes: 40
                date: 2019-01-01

            """
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let data = SiteDataLoader.load(contentDirectory: RealSite.content).output
        var session = LoadSession(dataDirectory: dir)
        let out = session.loadExamples(rules: data!.rules, known: [])
        #expect(out.map(\.id) == ["ok"])
        let errors = session.diagnostics.items.filter { $0.severity == .error }.map { "\($0.location.line) \($0.id)" }
        #expect(errors == ["13 examples.invalid-option", "17 examples.invalid-option", "23 examples.invalid-option"], "\(errors)")
    }
}
