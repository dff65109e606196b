@testable import CodingRules
@testable import SiteContent
@testable import GuideData
@testable import SiteRender
@testable import GuideCompute
import Foundation
import Testing

/// Issue 20 (answer first, on a phone), on the real Content/: the code pages' at-a-glance box, fee history
/// newest first, the home page's launcher, the not-found page at any depth, the worksheets, and the
/// calculator's Medicare-pays / patient-owes split.
@Suite struct ReaderPagesTests {
    static let rules: RulesData = SiteDataLoader.load(contentDirectory: RealSite.content).output!.rules

    @Test func codePagesOpenWithTheirNationalAmounts() {
        // CY2026 national amounts (rules.md §5; the same figures as `calc --json --date 2026-11-23`).
        for (code, nf) in [("97550", "$52.77"), ("97551", "$26.05")] {
            let html = RealSite.page("codes/\(code)/index.html")
            let glance = html.range(of: "<section class=\"glance card\"")
            #expect(glance != nil, "no at-a-glance box on \(code)")
            #expect(html.contains("<dt>Non-facility</dt><dd class=\"glance-amount num\">\(nf)</dd>"), "\(code)")
            #expect(html.contains("Assistant, non-facility"))
            // The period's end is given, so a reader in January sees these are not amounts for a 2027 date.
            #expect(html.contains("dates of service from 2026-01-01 through 2026-12-31 (CY2026"))
            #expect(html.contains("Telehealth: allowed for dates of service through 2026-12-31"))
            #expect(html.contains("from 2027-01-01 the list status is not confirmed, though the therapist waiver runs through 2027-12-31"))
            #expect(html.contains("href=\"../../calculator/index.html?family=functional\""))
            // the box comes before the rest of the page's content
            if let g = glance, let d = html.range(of: "class=\"code-descriptor") { #expect(g.lowerBound < d.lowerBound) }
        }
        let group = RealSite.page("codes/97552/index.html")
        #expect(group.contains("Untimed: one unit per session, whatever its length; one unit of the group code goes on the claim of each patient represented"))
        #expect(group.contains("not stated by CMS (L–M · inferred)."))
    }

    @Test func feeHistoryIsNewestFirst() {
        let html = RealSite.page("codes/97550/index.html")
        let y26 = html.range(of: "<th scope=\"row\">CY2026"), y24 = html.range(of: "<th scope=\"row\">CY2024")
        #expect(y26 != nil && y24 != nil)
        if let a = y26, let b = y24 { #expect(a.lowerBound < b.lowerBound) }
    }

    @Test func homePageLaunchesTasksAndNeverListsTheNotFoundPage() {
        let html = RealSite.page("index.html")
        for href in ["calculator/index.html", "documentation/index.html", "denials/index.html", "localities/index.html"] {
            #expect(html.contains("<li><a href=\"\(href)\"><strong>"), "\(href)")
        }
        #expect(!html.contains("href=\"404.html\""))
        #expect(html.contains("For PT, OT and SLP clinicians and billing staff"))
    }

    @Test func notFoundPageIsRebasedForTheAddressItAnswers() {
        let html = RealSite.page("404.html")
        #expect(html.contains("<link rel=\"stylesheet\" href=\"assets/site.css\">"))
        let deep = NotFoundPage.rebase(html, prefix: NotFoundPage.prefix(forRequestPath: "/a/b/c/"))
        #expect(deep.contains("<link rel=\"stylesheet\" href=\"../../../assets/site.css\">"))
        #expect(deep.contains("data-root=\"../../../\""))
        #expect(deep.contains("href=\"../../../codes/97550/index.html\""))
        #expect(deep.contains("href=\"#main\""))
        #expect(!deep.contains("href=\"codes/"))
    }

    @Test func rebaseKeepsFragmentsAndAbsoluteAddresses() {
        let html = "<a href=\"a/b.html\">x</a><a href=\"#top\">y</a><a href=\"https://x.org/\">z</a><img src=\"i.png\"><a href=\"/c\">c</a><div data-root=\"\">"
        #expect(NotFoundPage.rebase(html, prefix: "../")
            == "<a href=\"../a/b.html\">x</a><a href=\"#top\">y</a><a href=\"https://x.org/\">z</a><img src=\"../i.png\"><a href=\"/c\">c</a><div data-root=\"../\">")
        #expect(NotFoundPage.prefix(forRequestPath: "/a/b/c/") == "../../../")
        #expect(NotFoundPage.prefix(forRequestPath: "/a/x.html") == "../")
        #expect(NotFoundPage.prefix(forRequestPath: "/x") == "")
        #expect(NotFoundPage.rebase(html, prefix: "") == html)
    }

    @Test func worksheetsHaveATickBoxPerChecklistItem() {
        let html = RealSite.page("documentation/index.html")
        #expect(html.components(separatedBy: "<section class=\"note-form\"").count == 3)
        let asOf = CalendarDate(year: 2026, month: 11, day: 23)!
        for kind in [SessionKind.individual, .group] {
            for item in Self.rules.documentationChecklist(on: asOf, kind: kind) {
                #expect(html.contains("☐</span> \(escapeHTML(item.text))<span class=\"blank line\">"), "\(item.text)")
            }
        }
        #expect(html.contains("Caregivers trained, and relationship to the patient"))
        #expect(html.contains("<th scope=\"col\">Patient represented</th>"))
    }

    /// Every split the calculator can show is `beneficiarySplit` of its total; the 38-minute national CY2026
    /// session is the `calc --json` example (allowed 78.82, coinsurance 15.76, Medicare paid 61.80).
    @Test func calculatorSplitsAreTheRulesSplit() throws {
        let (data, files) = CalculatorData.build(Self.rules, asOf: CalendarDate(year: 2026, month: 11, day: 23)!)
        guard case .object(let o) = data, case .array(let policies)? = o["splitPolicies"],
            case .array(let segments)? = o["segments"]
        else { Issue.record("no split policies"); return }
        #expect(policies == [.array([.string("20"), .string("2")])])
        #expect(segments.allSatisfy { if case .object(let s) = $0 { return s["split"] != nil } else { return false } })
        let all = files.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
        #expect(all.contains("\"7882\":[\"15.76\",\"63.06\",\"1.26\",\"61.80\"]"))
        // An assistant's total is the sum of whole-line reductions (rules.md §5): 68 minutes national CY2026 is
        // 97550 $44.85 + 97551 × 3 round2(78.15 × 0.85) = $66.43, so $111.28 has a split (unit × units: $111.27).
        #expect(all.contains("\"11128\":["))
        // The class: every assistant total `calc` gives has its split, in every locality (with several add-on units
        // the whole-line rounding differs from unit × units).
        var assistantTotals = 0
        for locality in Self.rules.allLocalities.map(\.id) {
            for minutes in ["98", "113"] {
                let out = try CalcRun.json(CalcRun.calc(
                    ["minutes": minutes, "date": "2026-06-01", "provider": "assistant", "locality": locality], flags: ["json"]))
                let total = try #require(out["total"] as? String)
                let cents = total.replacingOccurrences(of: ".", with: "")
                let hasSplit = all.contains("\"\(cents)\":[")
                #expect(hasSplit, "\(locality) \(minutes) min: no split for \(total)")
                assistantTotals += 1
            }
        }
        #expect(assistantTotals > 200)
        let date = CalendarDate(year: 2026, month: 1, day: 1)!
        var checked = 0
        let entry = try NSRegularExpression(pattern: #""(\d+)":\["([\d.]+)","([\d.]+)","([\d.]+)","([\d.]+)"\]"#)
        for m in entry.matches(in: all, range: NSRange(all.startIndex..., in: all)) {
            func g(_ i: Int) -> String { String(all[Range(m.range(at: i), in: all)!]) }
            let s = Self.rules.beneficiarySplit(allowed: DecimalValue(significand: Int(g(1))!, scale: 2), on: date)!
            #expect([g(2), g(3), g(4), g(5)] == [s.coinsurance, s.medicareBeforeSequestration, s.sequestration, s.medicarePaid].map(\.moneyText))
            checked += 1
        }
        #expect(checked > 10_000)
        // the CY2026 factor for qualifying APM participants (`calc --conversion-factor qp`): 38 minutes is 79.22
        #expect(all.contains("\"7922\":[\"15.84\",\"63.38\",\"1.27\",\"62.11\"]"))
        let cy2026 = segments.compactMap { seg -> [String: JSONValue]? in
            guard case .object(let o) = seg, o["from"] == .string("2026-01-01") || o["release"] == .string("CY2026 (from 2026-01-01)")
            else { return nil }
            return o
        }
        #expect(!cy2026.isEmpty && cy2026.allSatisfy { $0["cfOK"] == .array([.string("non-qp"), .string("qp")]) })
        #expect(cy2026.allSatisfy { if case .object(let cf)? = $0["cf"] { return cf["qp"] != nil } else { return false } })
        #expect(files.allSatisfy { $0.path.hasPrefix(CalculatorSplits.folder) })
    }

    @Test func searchSynonymsAreReadFromTheSiteSettings() {
        let ctx = YAMLContext(file: "site.yaml")
        let c = SiteConfig.read("title: T\nas_of: 2026-01-01\nsearch_synonyms:\n  Video: [telehealth]\n  pta: [assistant, CQ]\n", context: ctx)
        #expect(c?.searchSynonyms == [SearchSynonym(word: "video", means: ["telehealth"]), SearchSynonym(word: "pta", means: ["assistant", "cq"])])
        let bad = YAMLContext(file: "site.yaml")
        _ = SiteConfig.read("title: T\nas_of: 2026-01-01\nsearch_synonyms:\n  two words: [x]\n", context: bad)
        #expect(bad.diagnostics.items.map(\.id) == ["site.synonym-not-one-word"])
    }
}
