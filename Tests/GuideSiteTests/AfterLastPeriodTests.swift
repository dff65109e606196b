import Foundation
import Testing
@testable import SiteContent
@testable import GuideData
import TestSupport

/// A date of service after the last fee period (2027): valid input, exit 0, a plain dated answer from
/// outlook.yaml and the policies (facts.md §2, §13, Part 2 Q7), never an amount.
@Suite struct AfterLastPeriodTests {
    @Test func calcJSONFor2027() throws {
        let out = CalcRun.calc(["minutes": "38", "date": "2027-03-01"], flags: ["json"])
        #expect(out.exitCode == 0 && out.stderr.isEmpty)
        let j = try CalcRun.json(out)
        #expect(j["billable"] as? Bool == true && j["total"] is NSNull)
        let lines = try #require(j["lines"] as? [[String: Any]])
        #expect(lines.map { $0["code"] as? String } == ["97550", "97551"])
        #expect(lines.allSatisfy { $0["amount"] is NSNull && $0["unit_amount"] is NSNull } && lines.count == 2)
        let p = try #require(j["pending_fee_schedule"] as? [String: Any])
        // The reference date moved to the December re-check (review-2026-12 item 6).
        #expect(p["label"] as? String == "CY2027" && p["checked"] as? String == "2026-12-05")
        #expect(p["amounts_in_guide"] as? Bool == false && p["last_priced_date"] as? String == "2026-12-31")
        let cfs = try #require(p["proposed_conversion_factors"] as? [[String: Any]])
        #expect(cfs.map { $0["value"] as? String } == ["32.8409", "33.1693"])
        let fs = try #require(j["fee_schedule"] as? [String: Any])
        #expect(fs["conversion_factor"] is NSNull && fs["label"] as? String == "CY2027")
        let w = try #require((j["warnings"] as? [String])?.first)
        #expect(w.hasPrefix("CY2027 amounts are not in this guide yet (last checked 2026-12-05; the guide has Medicare amounts through 2026-12-31)."))
        // Since the December review (item 3) the proposed factors and the therapist waiver are said once, in the
        // outlook the warning points to, not in the warning too.
        #expect(w.hasSuffix("See the outlook for CY2027."))
        let items = try #require((j["outlook"] as? [String: Any])?["items"] as? [[String: Any]]).compactMap { $0["text"] as? String }
        #expect(items.contains { $0.contains("32.8409 (not a qualifying APM participant)") && $0.contains("No amount in this guide is computed") })
        #expect(items.contains { $0.contains("therapist telehealth waiver itself runs through 2027-12-31") })
        #expect((j["sources"] as? [String])?.contains("cms-pfs-2027-proposed") == true)
    }

    @Test func calcTextFor2027AndTheLimitAfterIt() {
        let out = CalcRun.calc(["minutes": "38", "date": "2027-12-31", "family": "direct-care"])
        #expect(out.exitCode == 0)
        #expect(out.stdout.contains("Fee schedule: CY2027 from 2027-01-01: not in this guide yet (last checked 2026-12-05"))
        #expect(out.stdout.contains("G0541   1      GP                      n/a       n/a"))
        let later = CalcRun.calc(["minutes": "38", "date": "2028-01-01"])
        // One statement of the covered dates, the range calc accepts (review-2026-12 N19).
        #expect(later.exitCode == 1 && later.stderr.contains("2028-01-01 is outside the dates of service this guide covers; covered dates: 2024-01-01 through 2027-12-31"))
    }

    @Test func feesAndWhatChangedPagesSayIt() {
        for path in ["fees/index.html", "what-changed/index.html"] {
            let html = RealSite.page(path)
            #expect(html.contains("<strong>Dates of service from 2027-01-01:</strong> CY2027 amounts are not in this guide yet"), "\(path)")
        }
    }

    @Test func noGeneratedPageSaysNotYetPublishedOrImported() {
        #expect(RealSite.pages.count > 20)
        for (path, html) in RealSite.pages {
            #expect(!html.contains("not yet published") && !html.contains("not yet imported"), "\(path)")
        }
    }

    @Test func everyPageWithPeriodFiguresNamesTheCMSRelease() {
        for path in ["fees/index.html", "codes/97550/index.html", "localities/2026-01-01/index.html", "what-changed/index.html"] {
            #expect(RealSite.page(path).contains("come from Medicare&#39;s 2026 fee schedule, CMS&#39;s July 2026 release (published 06/30/2026)")
                || RealSite.page(path).contains("come from Medicare's 2026 fee schedule, CMS's July 2026 release (published 06/30/2026)"), "\(path)")
        }
    }

    @Test func staleOutlookWarnsAndAGapIsAnError() throws {
        let stale = try DataTestSupport.copyOfContent()
        try DataTestSupport.edit(stale, "outlook.yaml", "from: 2027-01-01", "from: 2026-06-01")
        let a = SiteDataLoader.load(contentDirectory: stale)
        #expect(a.output != nil && a.output?.rules.pending == nil)
        #expect(a.diagnostics.map(\.severity) == [.warning] && a.diagnostics.first?.id == "outlook.from-already-covered")
        let gap = try DataTestSupport.copyOfContent()
        try DataTestSupport.edit(gap, "outlook.yaml", "from: 2027-01-01", "from: 2027-02-01")
        let b = SiteDataLoader.load(contentDirectory: gap)
        #expect(b.output == nil)
        let d = try #require(b.diagnostics.first)
        #expect(d.location.file.hasSuffix("data/outlook.yaml") && d.location.line == 6 && d.id == "outlook.from-not-after-periods")
    }
}
