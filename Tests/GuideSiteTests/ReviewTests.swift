import Foundation
import Testing

@testable import SiteContent
@testable import GuideSite
@testable import GuideData
@testable import SiteRender
@testable import SiteBuild
import TestSupport

/// The November 2026 expert review (../shared/reference/review-2026-11.md): one or more tests per finding, on
/// the generated site or on `calc`. The finding number is in each test's name.
@Suite struct ReviewTests {
    /// The text a reader sees: tags, scripts and styles removed, whitespace collapsed.
    static func visibleText(_ html: String) -> String {
        var h = html
        for tag in ["script", "style"] {
            while let open = h.range(of: "<\(tag)"), let close = h.range(of: "</\(tag)>", range: open.upperBound..<h.endIndex) {
                h.removeSubrange(open.lowerBound..<close.upperBound)
            }
        }
        // Block-level tags separate words; inline tags (a, strong, em, code, span) do not.
        let inline: Set<String> = ["a", "strong", "em", "code", "span", "abbr", "b", "i"]
        var text = ""
        var tag = ""
        var inTag = false
        for c in h {
            if c == "<" {
                inTag = true
                tag = ""
            } else if c == ">" {
                inTag = false
                let name = tag.trimmingCharacters(in: CharacterSet(charactersIn: "/")).split(separator: " ").first.map(String.init) ?? ""
                if !inline.contains(name.lowercased()) { text.append(" ") }
            } else if inTag {
                tag.append(c)
            } else {
                text.append(c)
            }
        }
        for (entity, char) in [("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: char)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func page(_ path: String) -> String { RealSite.page(path) }
    static func text(_ path: String) -> String { visibleText(RealSite.page(path)) }

    static func calcJSON(_ args: [String: String], telehealth: Bool = false) throws -> [String: Any] {
        let out = CalcRun.calc(args, flags: telehealth ? ["json", "telehealth"] : ["json"])
        #expect(out.exitCode == 0, "\(out.stderr)")
        return try CalcRun.json(out)
    }

    // MARK: A. Currency

    @Test func finding01_headerSpeaksOfTheGuideAndTheFeeScheduleInReadersWords() {
        let home = Self.text("index.html")
        #expect(home.contains("Guide checked "))
        #expect(home.contains("Medicare fee schedule for dates of service from "))
        // With the period's end, so that after it (in January) the header shows these are last year's amounts.
        #expect(home.contains("Medicare fee schedule for dates of service from 2026-01-01 through 2026-12-31"))
        #expect(!home.contains("Rules and fees as of"))
    }

    @Test func finding02_noPageSaysCMSHasNotPublished() {
        for (path, html) in RealSite.pages {
            let t = Self.visibleText(html).lowercased()
            #expect(!t.contains("not yet published"), "\(path)")
            #expect(!t.contains("not yet imported"), "\(path)")
        }
    }

    // MARK: B. Wrong rules or guidance

    @Test func finding04_hospitalOutpatient38MinutesIsPricedAtTheNonFacilityAmount() throws {
        let j = try Self.calcJSON(["minutes": "38", "date": "2025-06-02", "setting": "institutional"])
        #expect(j["total"] as? String == "77.63")
        let lines = try #require(j["lines"] as? [[String: Any]])
        #expect(lines.map { $0["amount"] as? String } == ["52.08", "25.55"])
        #expect((j["session"] as? [String: Any])?["priced_setting"] as? String == "institutional")
        #expect((j["notes"] as? [String])?.contains { $0.contains("critical access hospital") } == true)
    }

    @Test func finding04_otaInAHospitalOutpatientDepartmentMarch2024() throws {
        let j = try Self.calcJSON([
            "minutes": "44", "date": "2024-03-15", "setting": "institutional", "provider": "assistant", "discipline": "ot",
        ])
        // 67.34 until December 2026; rules.md §5 now takes the assistant's 85 % of the fee in cents: 67.35.
        #expect(j["total"] as? String == "67.35")
        let lines = try #require(j["lines"] as? [[String: Any]])
        #expect(!lines.isEmpty && lines.allSatisfy { $0["modifiers"] as? [String] == ["CO", "GO"] })
    }

    @Test func finding04_institutionalTelehealthIsModifier95WithoutPlaceOfService() throws {
        let j = try Self.calcJSON(["minutes": "40", "date": "2025-06-02", "setting": "institutional"], telehealth: true)
        #expect(j["total"] as? String == "77.63")
        let lines = try #require(j["lines"] as? [[String: Any]])
        #expect(!lines.isEmpty && lines.allSatisfy { $0["modifiers"] as? [String] == ["95", "GP"] })
        let notes = try #require(j["notes"] as? [String])
        #expect(notes.contains { $0.contains("no place of service decides the rate") })
    }

    @Test func finding04_examplesFeesFAQAndCalculatorTreatInstitutionsAsNonFacility() {
        #expect(ExamplesTests.card("hopd-38").contains("<th scope=\"row\" colspan=\"3\">Total</th><td>$77.63</td>"))
        #expect(ExamplesTests.card("ota-hopd-march-2024").contains("<th scope=\"row\" colspan=\"3\">Total</th><td>$67.35</td>"))  // assistant rounding, rules.md §5 (was $67.34)
        #expect(ExamplesTests.card("telehealth-institutional").contains("95 GO"))
        let fees = Self.text("fees/index.html")
        #expect(fees.contains("Hospital outpatient department, rehab agency, SNF Part B, CORF or home health Part B"))
        #expect(fees.contains("Critical access hospital: paid its reasonable cost"))
        let calc = Self.page("calculator/index.html")
        // The calculator's setting toggles (issue 20) and the hint under them.
        #expect(calc.contains("value=\"institutional\"><span>Hospital outpatient or other institution</span>"))
        #expect(calc.contains("value=\"facility\"><span>Physician or NPP in a facility</span>"))
        #expect(calc.contains("value=\"nonfacility\" checked><span>Private practice or home</span>"))
        #expect(calc.contains("An institution is a hospital outpatient department, rehab agency, SNF Part B, CORF or home health Part B; it is paid the non-facility amount. A physician or NPP billing in a facility gets the facility amount."))
        for (path, html) in RealSite.pages {
            let t = Self.visibleText(html)
            #expect(!t.contains("Facility (hospital outpatient department"), "\(path)")
            #expect(!t.contains("the facility setting (for example a hospital outpatient department)"), "\(path)")
        }
    }

    @Test func finding05_96202And96203ArePaidByMedicare() {
        let t = Self.text("related-codes/index.html")
        #expect(t.contains("Medicare pays both from 2024"))
        #expect(Self.text("faq/index.html").contains("CPT 96202 and its add-on 96203 are paid by Medicare from 2024"))
    }

    @Test func finding06_97552PerPatientIsMarkedAsAnInference() {
        let t = Self.text("codes/97552/index.html")
        // N8: the same wording and the same marker (the fact's grade, L–M) in the page's text and in its units box.
        #expect(t.contains("Each represented patient’s claim carries one unit of 97552, whatever the length of the session (inferred from the CMS answers L–M · inferred)"))
        #expect(t.contains("one unit per session on the claim of each patient represented, whatever the length of the session (American Physical Therapy Association, 2024 L–M · inferred)"))
        #expect(!Self.text("rules/individual-group/index.html").contains("group, since two patients are represented"))
    }

    @Test func finding07_midPointRuleIsNotStatedAsMedicaresRule() {
        let t = Self.text("rules/units/index.html")
        #expect(t.contains("CMS has not said whether its own total-timed-minutes rule"))
        #expect(t.contains("Time caregiver training separately"))
    }

    @Test func finding09_quantityAnswerNamesTheUnknownMUE() {
        let t = Self.text("faq/index.html")
        #expect(t.contains("claim-edit unit limits (MUEs) for these codes were not found"))
    }

    @Test func finding10_modifiersAreRightAndEachHasASource() {
        let html = Self.page("rules/modifiers/index.html")
        for m in ["XE", "59", "GV", "GW"] { #expect(html.contains("<th scope=\"row\"><code>\(m)</code></th>"), "\(m)") }
        #expect(!html.contains("<code>XU</code>"))
        #expect(Self.visibleText(html).contains("Never on a therapist’s line") || Self.visibleText(html).contains("Never on a therapist's line"))
        #expect(html.contains("#source-noridian-gv") && html.contains("#source-noridian-gw") && html.contains("#source-cms-x-modifiers"))
        let denials = Self.text("denials/index.html")
        #expect(!denials.contains("XU") && denials.contains("XE (separate encounter)"))
        let data = SiteDataLoader.load(contentDirectory: RealSite.content).output
        let guide = GuideDataLoader.load(contentDirectory: RealSite.content, siteData: data!).output
        let mods = guide?.modifiers ?? []
        #expect(mods.count >= 12)
        for m in mods { #expect(!m.sources.isEmpty, "\(m.code)") }
    }

    @Test func finding11_sometimesTherapyOnlyForTheDirectCareGCodes() {
        let t = Self.text("related-codes/index.html")
        #expect(t.contains("The direct-care codes G0541 to G0543 are “sometimes therapy”") || t.contains("The direct-care codes G0541 to G0543 are \"sometimes therapy\""))
        #expect(!t.contains("Like the CPT codes they are"))
    }

    @Test func finding12_multipleProcedureAnswerIsTheSameOnBothPages() {
        #expect(Self.text("rules/individual-group/index.html").contains("multiple-procedure indicator 0"))
        #expect(Self.text("faq/index.html").contains("multiple-procedure indicator 0"))
    }

    @Test func finding13_pctcNoteNamesIndicator7AsATherapyMarker() {
        let t = Self.text("codes/97550/index.html")
        #expect(t.contains("carry indicator 7 instead, a therapy marker, not a split"))
    }

    @Test func finding14_slpAssistantsAreNotPaid() {
        let t = Self.text("faq/index.html")
        #expect(t.contains("Medicare Part B does not pay for services furnished by speech-language pathology assistants"))
        #expect(!t.contains("no way to bill an assistant"))
    }

    // MARK: C. Certainty and sources

    @Test func finding15_everySecondaryOnlyStatementCarriesTheMarker() throws {
        let data = try #require(SiteDataLoader.load(contentDirectory: RealSite.content).output)
        let sources = data.sources
        #expect(sources.contains { $0.isSecondary })
        #expect(RealSite.pages.count >= 20)
        // Read on the written pages, independently of the structure the build checks: a block citing only
        // secondary sources shows a grade marker, unless every one of them backs a fact graded H.
        let secondary = Set(sources.filter(\.isSecondary).map(\.id))
        let hSources = Set(data.certainty.facts.filter { $0.grade == "h" }.flatMap(\.sources))
        for (path, html) in RealSite.pages {
            let unmarked = HTMLStatementScan.unmarked(html: html, secondary: secondary, certainWhenOnly: hSources)
            #expect(unmarked.isEmpty, "\(path): \(unmarked)")
        }
        // …and on the statements the render stage reports, which must include the secondary-only ones.
        var checked = 0
        for page in RealSite.renderedPages {
            #expect(CertaintyCheck.unmarked(page.statements, sources: sources, certainty: data.certainty).isEmpty)
            checked += page.statements.filter { s in
                let cited = s.sources.filter { !$0.hasPrefix("fact:") }
                return !cited.isEmpty && cited.allSatisfy(secondary.contains)
            }.count
        }
        #expect(checked >= 5, "only \(checked) secondary-only statements reported")
        // The graded facts the review named carry the marker of their grade (facts.md), linked to its meaning.
        let kx = Self.page("rules/modifiers/index.html")
        #expect(kx.contains("<a href=\"../../sources/index.html#source-medpayiq-cts\">medpayiq.com</a> <a class=\"grade grade-l-m\" href=\"../../certainty/index.html#grade-l-m\""))
        #expect(Self.text("fees/index.html").contains("on the telehealth list (rvuedge.com M · reported)"))
        #expect(Self.page("certainty/index.html").contains("<h1>How sure is each statement</h1>"))
        #expect(Self.page("certainty/index.html").contains("<dt id=\"grade-l-m\"><span class=\"grade grade-l-m\">L–M · inferred</span></dt>"))
    }

    @Test func finding15_aSecondaryOnlyStatementWithoutItsGradedFactFailsTheBuild() throws {
        let dir = try Fixture.copy()
        // The old long phrase no longer stands in for a grade.
        try Fixture.write(
            "---\ntitle: Claim\n---\nA figure (reported by [EdgeMed](source:edgemed-g-codes); not confirmed by CMS).\n",
            to: dir + "/Content/claim.md")
        guard case .failure(let f) = SiteBuilder.generate(Fixture.options(dir)) else {
            Issue.record("the build passed with a secondary-only statement naming no graded fact")
            return
        }
        #expect(f.diagnostics.contains {
            $0.location.file.hasSuffix("claim.md") && $0.id == "certainty.unmarked-secondary"
        }, "\(f.diagnostics)")
        // The fixture's graded facts and the page explaining the grades (written here, owned by the test).
        try Fixture.write("""
            grades_page: grades.md
            grades:
              - {id: h, badge: H, meaning: Official text., marked: false}
              - {id: m, badge: M · reported, meaning: One secondary source., marked: true}
            facts:
              - {id: f-h, says: Certain., grade: h, sources: [edgemed-g-codes], ref: facts.md §10}
              - {id: f-m, says: Reported., grade: m, sources: [edgemed-g-codes], ref: facts.md §10}

            """, to: dir + "/Content/data/facts.yaml")
        try Fixture.write("---\ntitle: Grades\n---\n```certainty-grades\n```\n", to: dir + "/Content/grades.md")
        // An unknown fact is an error at the link.
        try Fixture.write("---\ntitle: Claim\n---\nA figure ([EdgeMed](fact:no-such-fact)).\n", to: dir + "/Content/claim.md")
        guard case .failure(let g) = SiteBuilder.generate(Fixture.options(dir)) else {
            Issue.record("an unknown fact built")
            return
        }
        #expect(g.diagnostics.contains { $0.location.file.hasSuffix("claim.md") && $0.location.line == 4 && $0.id == "link.unknown-fact" })
        // Citing an M fact builds, and its marker follows the link, linked to the grade's explanation.
        try Fixture.write("---\ntitle: Claim\n---\nA figure ([EdgeMed](fact:f-m)).\n", to: dir + "/Content/claim.md")
        guard case .success(let siteM) = SiteBuilder.generate(Fixture.options(dir)) else {
            Issue.record("the statement citing its M fact did not build")
            return
        }
        func page(_ site: GeneratedSite, _ path: String) throws -> String {
            String(decoding: try #require(site.files.first { $0.path == path }).bytes, as: UTF8.self)
        }
        var html = try page(siteM, "claim/index.html")
        #expect(html.contains("<p>A figure (<a href=\"../sources/index.html#source-edgemed-g-codes\">EdgeMed</a> <a class=\"grade grade-m\" href=\"../grades/index.html#grade-m\" title=\"One secondary source.\">M · reported</a>).</p>"), "\(html)")
        let grades = try page(siteM, "grades/index.html")
        #expect(grades.contains("<dt id=\"grade-m\">"))
        // The same secondary source for an H fact: no marker (the grade decides, not the kind of source).
        try Fixture.write("---\ntitle: Claim\n---\nA figure ([EdgeMed](fact:f-h)).\n", to: dir + "/Content/claim.md")
        guard case .success(let siteH) = SiteBuilder.generate(Fixture.options(dir)) else {
            Issue.record("the statement citing its H fact did not build")
            return
        }
        html = try page(siteH, "claim/index.html")
        #expect(html.contains("<p>A figure (<a href=\"../sources/index.html#source-edgemed-g-codes\">EdgeMed</a>).</p>"))
    }

    @Test func n9_hFactsCitedToSecondarySourcesCarryNoMarkerAndNameTheProfessionalBody() {
        let faq = Self.page("faq/index.html")
        let tele = faq.components(separatedBy: "id=\"can-i-bill-it-by-telehealth\"").last?
            .components(separatedBy: "<h2").first ?? ""
        // 2025 list: ASHA cited, graded H, so no marker in the sentence that states it.
        #expect(tele.contains("#source-asha-pfs-2025-news\">ASHA on the 2025 rule</a>)"))
        #expect(!tele.contains("ASHA on the 2025 rule</a> <a class=\"grade"))
        // No page's own text uses the old long marker: the grade's compact marker replaced it.
        let pages = FileManager.default.enumerator(atPath: RealSite.content)?.compactMap { $0 as? String } ?? []
        for path in pages where path.hasSuffix(".md") {
            let raw = (try? String(contentsOfFile: RealSite.content + "/" + path, encoding: .utf8)) ?? ""
            let text = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(!text.contains("not confirmed by CMS"), "\(path) still uses the old long marker")
            #expect(!text.contains("(reported by ["), "\(path) still uses the old long marker")
        }
    }

    @Test func finding16_sourcesAreWhatTheyClaimToBe() {
        let data = SiteDataLoader.load(contentDirectory: RealSite.content).output
        let sources = data?.sources ?? []
        #expect(sources.count >= 40)
        let officialHosts = ["www.cms.gov", "www.congress.gov", "www.law.cornell.edu", "www.federalregister.gov"]
        for s in sources where s.authority == "primary" {
            let host = URL(string: s.url)?.host ?? ""
            #expect(officialHosts.contains(host), "\(s.id) is marked primary but lives at \(host)")
        }
        // Appeals cite the contractor's appeal pages, not the therapy chapter.
        let denials = Self.page("denials/index.html")
        let appeal = denials.components(separatedBy: "id=\"deadlines\"").last?.components(separatedBy: "<h2").first ?? ""
        #expect(appeal.contains("#source-noridian-redetermination") && !appeal.contains("#source-cms-claims-manual-ch5"))
        // The whole-unit rule is not attributed to the page that reports the mid-point rule.
        #expect(data?.rules.profile("full-units")?.source != "ama-cpt-time-rule")
        // No vendor page is called a CMS summary; the 97550 description is not attributed to CMS.
        for (path, html) in RealSite.pages { #expect(!Self.visibleText(html).contains("final rule summary"), "\(path)") }
        let descriptor = Self.page("codes/97550/index.html").components(separatedBy: "code-descriptor plain").last ?? ""
        #expect(descriptor.prefix(600).contains("#source-ngs-cts-article"))
    }

    @Test func finding17_sourcesHaveRealDatesAndSpecificOrExplainedURLs() {
        let data = SiteDataLoader.load(contentDirectory: RealSite.content).output
        let sources = data?.sources ?? []
        for s in sources {
            let d = s.date.description
            #expect(s.dateIsAccessed || !d.hasSuffix("-01-01"), "\(s.id) has a made-up date \(d)")
            let url = URL(string: s.url)
            let path = url?.path ?? ""
            if (path.isEmpty || path == "/") && url?.query == nil {
                #expect((s.note ?? "").contains("Search"), "\(s.id) links a home page without saying what to look for")
            }
        }
        #expect(sources.filter(\.dateIsAccessed).count >= 10)
        #expect(Self.page("sources/index.html").contains("accessed 2026-11-2"))
    }

    // MARK: D. Reader language and layout

    /// Words that belong to maintainers, not readers (finding 18) and British spellings (finding 20).
    static let bannedWords = [
        "profile", "import", "PPRRVU", "Addendum E", "fee period", "as-of date", "bucket", "ctsguide", "--",
        ".yaml", "ama-midpoint", "full-units", "cms-pfs-", "cms-rvu2", "ngs-cts", "source id", "nonfacility",
        "MAC-locality", "licence", "organisation", "finalised", "practise", "neighbour", "recognised",
        "behaviour", "colour", "centre", "programme", "reorganised", "summarised", "counsellor",
    ]

    @Test func finding18and20_noProgrammerWordsOrBritishSpellingsInReaderText() {
        #expect(RealSite.pages.count >= 20)
        for (path, html) in RealSite.pages {
            let text = Self.visibleText(html)
            for w in Self.bannedWords where text.range(of: w, options: .caseInsensitive) != nil {
                let r = text.range(of: w, options: .caseInsensitive)!
                let start = text.index(r.lowerBound, offsetBy: -50, limitedBy: text.startIndex) ?? text.startIndex
                let end = text.index(r.upperBound, offsetBy: 50, limitedBy: text.endIndex) ?? text.endIndex
                Issue.record("\(path): '\(w)' in “\(text[start..<end])”")
            }
        }
    }

    @Test func finding18_theScanCatchesAPlantedWord() {
        let html = "<p>Pick a units profile and run <code>ctsguide calc</code>.</p>"
        let t = Self.visibleText(html)
        #expect(Self.bannedWords.filter { t.range(of: $0, options: .caseInsensitive) != nil } == ["profile", "ctsguide"])
    }

    @Test func finding19_noGarbledOrRepeatedLabels() throws {
        let repeatedLink = try Regex(#">([^<>]+)</a>; <a [^>]*>\1</a>"#)
        for (path, html) in RealSite.pages {
            let t = Self.visibleText(html)
            #expect(!t.contains("conversion factor CY"), "\(path)")
            #expect(t.firstMatch(of: try Regex(#"\) \(\d{4}-\d{2}-\d{2}–\d{4}-\d{2}-\d{2}\)"#)) == nil, "\(path)")
            #expect(html.firstMatch(of: repeatedLink) == nil, "\(path): one label for two different sources")
            #expect(!t.contains("kx threshold"), "\(path): an abbreviation lowercased in a label")
        }
        // The rule changes by year moved from the home page to what-changed, beside the fee changes (issue 20 item 8).
        #expect(Self.text("index.html").contains("The rule changes of each year (codes, telehealth, consent, the KX threshold) and the fee changes are together on what changed"))
        // Code pages do not list missing data of other codes.
        let p = Self.text("codes/97550/index.html")
        #expect(!p.contains("G0539") || p.contains("related codes"))
        #expect(!p.contains("97551, G0539 and G0542"))
    }

    @Test func finding21_answersWhereReadersLook() {
        let c50 = Self.text("codes/97550/index.html")
        #expect(c50.contains("One unit of 97550 once the individual session reaches 16 minutes in total"))
        let c51 = Self.text("codes/97551/index.html")
        #expect(c51.contains("The first unit of 97551 needs 38 minutes in total"))
        #expect(c51.contains("Units 1 to 4 are reached at 38, 53, 68 and 83 minutes"))
        #expect(Self.text("codes/97552/index.html").contains("97552 is untimed: one unit per session"))
        for path in ["rules/modifiers/index.html", "fees/index.html"] {
            let t = Self.text(path)
            #expect(t.contains("KX threshold for 2025 is $2,410"), "\(path)")
            #expect(t.contains("targeted medical review threshold of $3,000"), "\(path)")
        }
        #expect(Self.page("sources/index.html").contains("<a href=\"https://www.apta.org/news/2024/03/29/cms-caregiver-faq\">apta.org</a>"))
    }

    // MARK: E. Missing for billing now

    @Test func finding22_missingEssentialsArePresent() {
        let fees = Self.text("fees/index.html")
        #expect(fees.contains("limiting charge: 115 percent of that non-participating amount"))
        #expect(fees.contains("efficiency adjustment") && fees.contains("the same in the 2026 CMS file as in 2025"))
        #expect(Self.text("rules/modifiers/index.html").contains("more than 10 percent of the minutes"))
        #expect(Self.text("codes/97550/index.html").contains("certified nurse-midwives and clinical psychologists"))
        let denials = Self.text("denials/index.html")
        #expect(denials.contains("within 120 days") && denials.contains("within 180 days") && denials.contains("reason code 50"))
        #expect(Self.page("known-errors/index.html").contains("8 to 22 minutes make one unit"))
        #expect(ExamplesTests.card("direct-care-g-code").contains("G0541</th><td>1</td><td>GP</td><td>$53.11</td>"))
        #expect(ExamplesTests.card("direct-care-g-code").contains("G0542</th><td>1</td>"))
        let lapse = ExamplesTests.card("telehealth-lapse-2025")
        #expect(lapse.contains("95 GP") && lapse.contains("lapsed from 2025-10-01 to 2025-11-12"))
    }

    @Test func finding22_a2026DateWithMoney() {
        let c = ExamplesTests.card("year-2026")
        #expect(c.contains("97550</th><td>1</td><td>GP</td><td>$52.77</td>"), "\(c)")
        #expect(c.contains("97551</th><td>1</td><td>GP</td><td>$26.05</td>"))
        #expect(c.contains("<th scope=\"row\" colspan=\"3\">Total</th><td>$78.82</td>"))
        #expect(c.contains("coinsurance $15.76"))
        // Current-date examples use 2026 dates now that the 2026 data is in the guide.
        #expect(ExamplesTests.card("thirty-eight-minutes").contains("2026-06-01"))
        #expect(ExamplesTests.card("telehealth-institutional").contains("<th scope=\"row\" colspan=\"3\">Total</th><td>$78.82</td>"))
    }

    @Test func finding08_noExampleTrainsAPaidAide() {
        let t = ExamplePagesTests.examplePages.map { Self.text($0) }.joined().lowercased()
        #expect(!t.contains("paid aide") && !t.contains("home health aide"))
        #expect(ExamplesTests.card("three-caregivers").contains("neighbor who helps without pay"))
    }
}
