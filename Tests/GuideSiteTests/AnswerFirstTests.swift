import Foundation
import Testing

@testable import CodingRules
@testable import SiteContent
@testable import GuideData
@testable import SiteRender
@testable import SiteBuild
import TestSupport

/// Issue 20 items 4, 8 and 9 on the built guide: short answers first (FAQ and rules pages), what changed as one
/// section per year, denials with the deadlines first, a sample note, an appeal outline and money from data.
@Suite struct AnswerFirstTests {
    /// The `h2` sections of a page's main content, in order: (id, inner HTML up to the next `h2`).
    static func sections(_ html: String) -> [(id: String, body: String)] {
        let parts = SiteWideProseTests.main(html).components(separatedBy: "<h2 id=\"").dropFirst()
        return parts.map { part in
            let id = String(part.prefix { $0 != "\"" })
            return (id, String(part))
        }
    }

    /// The first paragraph after the section's heading.
    static func firstParagraph(_ body: String) -> String {
        guard let open = body.range(of: "<p>"), let close = body.range(of: "</p>", range: open.upperBound..<body.endIndex)
        else { return "" }
        return String(body[open.upperBound..<close.lowerBound])
    }

    @Test func faqCommonQuestionsComeFirstWithTheShortAnswerInBold() {
        let faq = Self.sections(RealSite.page("faq/index.html"))
        let first = faq.prefix(7).map(\.id)
        #expect(first == [
            "can-i-bill-it-by-telehealth", "which-place-of-service-goes-on-a-telehealth-line",
            "how-is-an-assistants-session-paid", "caregivers-of-several-patients-together-what-goes-on-each-claim",
            "which-amount-applies-to-a-hospital-outpatient-department-or-a-snf", "does-the-kx-modifier-apply",
            "two-sessions-for-one-patients-caregivers-on-the-same-date",
        ])
        for s in faq.prefix(7) {
            #expect(Self.firstParagraph(s.body).hasPrefix("<strong>"), "\(s.id): the answer does not start in bold")
        }
        let text = { (id: String) in ReviewTests.visibleText(faq.first { $0.id == id }?.body ?? "") }
        // Telehealth with its dates; the 2027 list status as not confirmed, with its marker.
        #expect(text("can-i-bill-it-by-telehealth").contains("from 2025 through 2027-12-31"))
        #expect(text("can-i-bill-it-by-telehealth").contains("is not confirmed, because the 2027 rule is not in any source yet (CMS telehealth list M · reported)"))
        // The bold answer itself must not be firmer than the grade for 2027 (rules.md §6, facts.md Part 3 D6): a
        // reader who stops at the bold "Yes … through 2027-12-31" must still learn that the 2027 list is unconfirmed.
        let bold = faq.first { $0.id == "can-i-bill-it-by-telehealth" }.map { Self.firstParagraph($0.body) } ?? ""
        let strong = ReviewTests.visibleText(bold.components(separatedBy: "</strong>").first ?? "")
        #expect(strong.contains("through 2027-12-31"))
        #expect(strong.contains("for 2027 dates it is not yet confirmed that the codes stay on the telehealth list"), "\(strong)")
        // Place of service: no source decides, ask the contractor; no "patient's home" framing for this case.
        #expect(text("which-place-of-service-goes-on-a-telehealth-line").contains("No source decides it for caregiver training: ask your Medicare contractor"))
        #expect(text("which-place-of-service-goes-on-a-telehealth-line").contains("— · no answer found"))
        // Assistants: 85 % and how it is rounded, with the M marker.
        #expect(text("how-is-an-assistants-session-paid").contains("At 85 % of the fee schedule amount"))
        #expect(text("how-is-an-assistants-session-paid").contains("rounded to the cent, the way contractors apply payment reductions (Noridian on allowed amount reductions M · reported)"))
        // Two sessions on one date: the answer with its grade (N11).
        #expect(text("two-sessions-for-one-patients-caregivers-on-the-same-date").contains("bill one 97550, plus 97551 units for the total; no 59 or X modifier"))
        #expect(text("two-sessions-for-one-patients-caregivers-on-the-same-date").contains("(American Medical Coding M · reported)"))
    }

    @Test func hospitalOutpatientAnswerShowsAFigureComputedFromData() throws {
        let faq = Self.sections(RealSite.page("faq/index.html"))
        let hospital = ReviewTests.visibleText(faq.first { $0.id == "which-amount-applies-to-a-hospital-outpatient-department-or-a-snf" }?.body ?? "")
        // The national non-facility amount of 97550 on the reference date, computed here from the data.
        let data = try #require(SiteDataLoader.load(contentDirectory: RealSite.content).output)
        let asOf = try #require(SiteConfig.load(contentDirectory: RealSite.content).output).asOf
        let period = try #require(data.rules.period(on: asOf))
        guard case .priced(let price) = data.rules.priceBreakdown(code: "97550", period: period, setting: .nonfacility, provider: .therapist)
        else {
            Issue.record("no 97550 amount on \(asOf)")
            return
        }
        #expect(hospital.contains("rounded to $\(price.amount.moneyText)"))
        #expect(hospital.contains("The non-facility amount, on the institution’s own claim."))
    }

    @Test func rulesPagesOpenWithAShortAnswer() {
        for path in ["rules/telehealth-consent/index.html", "rules/modifiers/index.html", "rules/individual-group/index.html", "fees/index.html"] {
            let main = SiteWideProseTests.main(RealSite.page(path))
            let content = main.components(separatedBy: "<div class=\"content\">").last ?? main
            let first = content.components(separatedBy: "<p>").dropFirst().first ?? ""
            #expect(first.hasPrefix("<strong>Short answer:") || first.hasPrefix("<strong>"), "\(path)")
        }
    }

    @Test func whatChangedIsOneSectionPerYearWithRulesAndFeesTogether() {
        let sections = Self.sections(RealSite.page("what-changed/index.html"))
        #expect(sections.map(\.id) == ["2027-what-is-known", "2026", "2025", "2024", "reading-the-comparison"])
        for s in sections where ["2026", "2025", "2024"].contains(s.id) {
            #expect(s.body.contains("<li><strong>Telehealth:</strong>") || s.body.contains("<li><strong>Fees:</strong>"), "\(s.id): no rule changes")
            #expect(s.body.contains("class=\"period-change\""), "\(s.id): no fee comparison")
        }
        // The comparisons land in the year their period starts.
        #expect(sections[1].body.contains("id=\"changes-") && sections[1].body.contains("dates of service from 2026-01-01"))
        #expect(sections[3].body.contains("dates of service from 2024-03-09"))
        // 2027: what is known, from data (the notice after the last fee period), not an empty heading.
        #expect(sections[0].body.contains("class=\"after-last-period\""))
        // The rule changes left the home page for this one.
        #expect(!RealSite.page("index.html").contains("policy-timeline") && !RealSite.page("index.html").contains("What changed, by date:"))
    }

    @Test func denialsPutTheDeadlinesFirstWithASampleNoteAnAppealOutlineAndMoneyAtStake() throws {
        let sections = Self.sections(RealSite.page("denials/index.html"))
        #expect(sections.first?.id == "deadlines")
        let deadlines = ReviewTests.visibleText(sections.first?.body ?? "")
        #expect(deadlines.contains("within 120 days of receiving the initial decision"))
        #expect(deadlines.contains("within 180 days of receiving the redetermination"))
        #expect(deadlines.contains("within 60 days of the dismissal"))
        #expect(sections.contains { $0.id == "a-sample-note" && $0.body.contains("<blockquote>") })
        let outline = sections.first { $0.id == "an-outline-for-the-appeal-letter" }?.body ?? ""
        #expect(outline.contains("<ol>") && outline.components(separatedBy: "<li>").count - 1 == 5)
        let money = ReviewTests.visibleText(sections.first { $0.id == "what-a-denied-line-costs" }?.body ?? "")
        #expect(money.contains("Medicare pays: $"))
        // The sample note's minutes give the units it bills (the guide's own rule).
        let note = ReviewTests.visibleText(sections.first { $0.id == "a-sample-note" }?.body ?? "")
        #expect(note.contains("(43 minutes)") && note.contains("97550 × 1 and 97551 × 1 for 43 minutes"))
        let rules = try #require(SiteDataLoader.load(contentDirectory: RealSite.content).output).rules
        let profile = try #require(rules.defaultProfile)
        #expect(profile.addOnThreshold(unit: 1) <= 43 && profile.addOnThreshold(unit: 2) > 43)
    }

    /// Issue 21 item 4 on data-driven statements: a policy row citing a secondary source takes the marker of the
    /// fact the data states (facts.md's grade), not of the kind of source, nor of another fact of that source.
    @Test func directiveRowsTakeTheGradeOfTheFactTheyState() {
        let rows = SiteWideProseTests.main(RealSite.page("rules/telehealth-consent/index.html"))
            .components(separatedBy: "<tr>").dropFirst().map { ReviewTests.visibleText("<tr>" + $0) }
        func row(_ start: String) -> String { rows.first { $0.hasPrefix(start) } ?? "" }
        // 2025 list (H, cited to ASHA): no marker; 2026 list: M–H; 2024 consent (H, the CY 2024 final rule): no marker; quantity: M.
        #expect(row("2025-01-01 Telehealth list").hasSuffix("American Speech-Language-Hearing Association, 2024"))
        #expect(row("2026-01-01 Telehealth list").hasSuffix("WEDI, 2025 M–H · reported"))
        #expect(row("2024-01-01 Consent").hasSuffix("Centers for Medicare & Medicaid Services, 2023"))
        #expect(row("2024-01-01 Quantity limits").hasSuffix("Givers Health M · reported"))
        // The full-units profile rests on a single weak source (L).
        #expect(ReviewTests.visibleText(RealSite.page("rules/units/index.html")).contains("(medpayiq.com L · weak)"))
    }

    /// Finding 16 as a class: a CMS data file (a relative value or cost index file) can back figures and
    /// indicators, never a claim about how often something happens or why claims are denied.
    static func dataFileClaims(_ statements: [Statement]) -> [String] {
        let dataFile = { (id: String) in id.hasPrefix("cms-rvu") || id.hasPrefix("cms-gpci") }
        let words = ["frequent", "often", "usually", "most common", "common denial", "typical"]
        return statements.filter { st in
            let cited = st.sources.filter { !$0.hasPrefix("fact:") }
            guard !cited.isEmpty, cited.allSatisfy(dataFile) else { return false }
            return words.contains { st.text.lowercased().contains($0) }
        }.map(\.text)
    }

    @Test func finding16_noBehaviourClaimRestsOnADataFileAndTheReviewedClaimsAreGone() {
        let planted = [Statement(sources: ["cms-rvu25d"], text: "A frequent denial is an add-on billed alone (CMS relative value file).")]
        #expect(Self.dataFileClaims(planted).count == 1)
        #expect(Self.dataFileClaims([Statement(sources: ["cms-rvu25d"], text: "97551 is an add-on (CMS file).")]).isEmpty)
        for page in RealSite.renderedPages {
            #expect(Self.dataFileClaims(page.statements).isEmpty)
        }
        let denials = ReviewTests.visibleText(RealSite.page("denials/index.html"))
        #expect(!denials.contains("attestation") && !denials.contains("how long the group met"))
        #expect(!ReviewTests.visibleText(RealSite.page("codes/97551/index.html")).contains("A frequent denial"))
        // The remark codes cite the contractor page that lists them.
        #expect(RealSite.page("denials/index.html").contains("remark code N115 when a local coverage determination decided it\n(<a href=\"../sources/index.html#source-noridian-co50\">"))
    }

    /// A fact's sources are the ones that say it: a page whose wrong claim a known-errors row corrects is matched
    /// (`cited_with`) but never credited as a source of the correction.
    @Test func factsCreditOnlyTheSourcesThatSayThem() throws {
        let certainty = try #require(SiteDataLoader.load(contentDirectory: RealSite.content).output).certainty
        for id in ["quantity-limits", "institutional-nonfacility"] {
            let f = try #require(certainty.fact(id))
            #expect(!f.sources.contains("medpayiq-cts") && f.citedWith == ["medpayiq-cts"], "\(id)")
        }
        #expect(certainty.fact(citing: ["givershealth-2024-final", "medpayiq-cts"])?.id == "quantity-limits")
        #expect(certainty.fact(citing: ["cms-ch5-institutional-copy", "medpayiq-cts"])?.id == "institutional-nonfacility")
        let grades = RealSite.page("certainty/index.html")
        let item = grades.components(separatedBy: "<li id=\"fact-quantity-limits\">").last?.components(separatedBy: "</li>").first ?? ""
        #expect(item.contains("#source-givershealth-2024-final") && !item.contains("#source-medpayiq-cts"))
    }
}
