@testable import SiteContent
@testable import GuideData
@testable import SiteRender
@testable import SiteBuild
import Foundation
import Testing
import GuideSite


/// The guide's directives rendered on the real Content/, checked against figures computed by hand.
enum RealSite {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let content = root + "/Content"

    /// One build of the real site, in memory: the pages, and the files under downloads/.
    static let pages: [String: String] = built.filter { $0.key.hasSuffix(".html") }
    static let downloads: [String: String] = built.filter { $0.key.hasPrefix("downloads/") }
    static let built: [String: String] = {
        let options = BuildOptions(
            contentDirectory: content, templatesDirectory: root + "/Templates",
            outputDirectory: NSTemporaryDirectory() + "ctsguide-directives-" + UUID().uuidString, siteExtension: Guide.extension)
        guard case .success(let site) = SiteBuilder.generate(options) else { return [:] }
        var out: [String: String] = [:]
        for f in site.files where f.path.hasSuffix(".html") || f.path.hasPrefix("downloads/") {
            out[f.path] = String(decoding: f.bytes, as: UTF8.self)
        }
        return out
    }()

    static func page(_ path: String) -> String {
        let html = pages[path]
        #expect(html != nil, "no page \(path) in the build")
        return html ?? ""
    }
}

@Suite struct DirectiveTests {
    @Test func realDataLoads() {
        let dataResult = SiteDataLoader.load(contentDirectory: RealSite.content)
        let data = dataResult.output, diags = dataResult.diagnostics
        #expect(data != nil, "\(diags.filter { $0.severity == .error })")
        let guideResult = GuideDataLoader.load(contentDirectory: RealSite.content, siteData: data!)
        let guide = guideResult.output, gd = guideResult.diagnostics
        #expect(gd.isEmpty, "\(gd)")
        #expect(guide?.modifiers.map(\.code).contains("KX") == true)
    }

    @Test func unitsTableGives38MinutesOneInitialOneAddOn() {
        let html = RealSite.page("rules/units/index.html")
        #expect(html.contains("<th scope=\"row\">38–52</th><td>1</td><td>1</td><td>97550 ×1 + 97551 ×1</td>"))
        #expect(html.contains("<th scope=\"row\">16–37</th><td>1</td><td>0</td><td>97550 ×1</td>"))
        #expect(html.contains("<th scope=\"row\">0–15</th><td>0</td><td>0</td><td>nothing billable</td>"))
        #expect(html.contains("class=\"table-scroll\" tabindex=\"0\" role=\"region\""))
    }

    @Test func feeTableShows2025And2026NationalAmounts() {
        let html = RealSite.page("fees/index.html")
        #expect(html.contains("$52.08"))  // 97550, 2025, national non-facility
        #expect(html.contains("$44.64"))  // 97550, 2025, national facility
        #expect(html.contains("$52.93"))  // 97550, from 2024-03-09, non-facility
        #expect(html.contains("$52.77") && html.contains("$39.75"))  // 97550, 2026, national
        #expect(!html.contains("not yet published") && !html.contains("not yet imported"))
        let code = RealSite.page("codes/97550/index.html")
        #expect(code.contains("$52.08"))
    }

    @Test func policyTimelineListsKXThreshold() {
        let html = RealSite.page("rules/telehealth-consent/index.html")
        #expect(html.contains("<th scope=\"row\">2025-01-01</th><td>KX threshold</td>"))
        #expect(html.contains("2,410"))
        #expect(html.contains("32.3465"))
    }

    @Test func checklistIsAListWithSources() {
        let html = RealSite.page("documentation/index.html")
        #expect(html.contains("<ul class=\"checklist\">"))
        #expect(html.contains("Why the training was given without the patient present"))
        #expect(html.contains("class=\"source-link\""))
    }

    @Test func modifiersTableHasEveryModifier() {
        let html = RealSite.page("rules/modifiers/index.html")
        for m in ["GP", "GO", "GN", "CQ", "CO", "KX", "95", "93", "XE", "59", "GV", "GW"] {
            #expect(html.contains("<th scope=\"row\"><code>\(m)</code></th>"), "missing \(m)")
        }
    }

    @Test func ruleComparisonShowsTheMidPointAndTheWholeUnitRules() {
        let html = RealSite.page("rules/units/index.html")
        #expect(html.contains("<th scope=\"row\">37</th><td>97550 ×1</td>"))
        #expect(html.contains("<th scope=\"row\">38</th><td>97550 ×1 + 97551 ×1</td><td>97550 ×1</td><td>3 units of 15 minutes</td>"))
    }
}
