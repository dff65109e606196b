import Foundation
import Testing

@testable import CodingRules
@testable import SiteContent
@testable import GuideCalc
@testable import GuideCompute
@testable import SiteRender
@testable import SiteOutput
@testable import SiteBuild
@testable import FeeImport
@testable import Preview
@testable import FuzzEntries

/// The worked examples hold inputs only: when a fee period's data changes, the examples page (the 2025 cards are
/// on the page by setting and date) shows the new
/// figures without any Markdown edit.
@Suite struct ExamplesRegenerateTests {
    @Test func examplesFollowTheFeeData() throws {
        let root = Fixture.packageRoot
        let dir = NSTemporaryDirectory() + "ctsguide-regen-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root + "/Content", toPath: dir + "/Content")
        try FileManager.default.copyItem(atPath: root + "/Templates", toPath: dir + "/Templates")
        let options = Fixture.options(dir)

        func examplesPage() throws -> String {
            let site = try SiteBuilder.generate(options).get()
            let file = try #require(site.files.first { $0.path == "examples/settings/index.html" })
            return String(decoding: file.bytes, as: UTF8.self)
        }
        let before = try examplesPage()
        #expect(before.contains("$52.08"))
        #expect(!before.contains("$53.13"))

        // Change the 2025 conversion factor in the data only: 1.61 total RVUs × 33.0000 = 53.13.
        try Fixture.replace(in: dir + "/Content/data/fees/2025-01-01.yaml", "value: 32.3465", with: "value: 33.0000")
        let after = try examplesPage()
        #expect(after.contains("$53.13"))
        #expect(!after.contains("$52.08"))
        #expect(after != before)
    }
}
