@testable import CodingRules
@testable import SiteContent
@testable import FeeImport
import Foundation
import Testing
import TestSupport

/// `fees diff` and the what-changed page: 2025 → 2026 figures (facts.md §3: 97550 NF +1.3 %, F −11.0 %).
@Suite struct WhatChangedTests {
    @Test func diffJSONComparesEveryCodeAndSetting() throws {
        let out = FeeDiffRunner.run(from: "2025-01-01", to: "2026-06-01", json: true, content: DataTestSupport.content)
        #expect(out.exitCode == 0 && out.diagnostics.isEmpty)
        let j = try #require(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect((j["from"] as? [String: Any])?["conversion_factor"] as? String == "32.3465")
        #expect((j["to"] as? [String: Any])?["conversion_factor"] as? String == "33.4009")
        #expect((j["to"] as? [String: Any])?["release"] as? String == "July 2026 release (published 06/30/2026)")
        #expect(j["conversion_factor_change_percent"] as? String == "3.3")
        let changes = try #require(j["changes"] as? [[String: Any]])
        #expect(changes.count == 8 * Setting.priceColumns.count)  // 8 codes × non-facility and facility
        func row(_ code: String, _ setting: String) -> [String: Any]? {
            changes.first { $0["code"] as? String == code && $0["setting"] as? String == setting }
        }
        let f = try #require(row("97550", "facility"))
        #expect(f["change_percent"] as? String == "-11.0")
        #expect((f["old"] as? [String: Any])?["amount"] as? String == "44.64")
        #expect((f["new"] as? [String: Any])?["amount"] as? String == "39.75")
        #expect((f["new"] as? [String: Any])?["pe"] as? String == "0.18")
        #expect(row("97550", "nonfacility")?["change_percent"] as? String == "1.3")
    }

    @Test func diffTextAndBadDates() {
        let out = FeeDiffRunner.run(from: "2024-01-01", to: "2025-01-01", json: false, content: DataTestSupport.content)
        #expect(out.exitCode == 0)
        let g = out.stdout.split(separator: "\n").first { $0.hasPrefix("G0539  nonfacility") }.map(String.init) ?? ""
        #expect(g.contains("— → 1.61") && g.contains("— → $52.08") && g.hasSuffix("new"))
        let bad = FeeDiffRunner.run(from: "2025-13-01", to: "2026-01-01", json: false, content: DataTestSupport.content)
        #expect(bad.exitCode == 2 && bad.diagnostics.map(\.id) == ["fees-diff.bad-date"])
        let uncovered = FeeDiffRunner.run(from: "2023-06-01", to: "2026-01-01", json: false, content: DataTestSupport.content)
        #expect(uncovered.exitCode == 1 && uncovered.diagnostics.map(\.id) == ["fees-diff.no-such-period"])
    }

    @Test func pageExistsIsLinkedFromFeesAndNamesTheLargestChange() {
        let page = RealSite.page("what-changed/index.html")
        #expect(page.contains("<h3 id=\"changes-2026-01-01\">CY2025 → CY2026 (dates of service from 2026-01-01)</h3>"))
        #expect(page.contains("in the facility setting: −12.1%</strong> ($23.94 → $21.04 for one unit, national)"))
        #expect(page.contains("<td>facility</td><td>1.38 → 1.19</td><td>$44.64</td><td>$39.75</td><td>−11.0%</td>"))
        #expect(page.contains("CMS's July 2026 release (published 06/30/2026)"))
        let fees = RealSite.page("fees/index.html")
        #expect(fees.contains("href=\"../what-changed/\"") || fees.contains("href=\"../what-changed/index.html\""))
    }
}
