import Foundation
import Testing

@testable import GuideCompute
@testable import SiteBuild
@testable import SiteContent
@testable import GuideData
@testable import SiteRender
import CodingRules
import TestSupport

/// The December 2026 expert review (../shared/reference/review-2026-12.md), code and data side: one or more
/// tests per finding (its id in the test's name), each on a class — every cell, page or answer of its kind — and,
/// where the check is a scan, the scan shown to catch a planted instance.
@Suite struct ReviewDecemberTests {
    // MARK: N1 — assistant lines: 85 % of the fee schedule amount in cents, on the line (rules.md §5)

    /// The national non-facility fee of one unit in cents, from the code's row of the real CMS file:
    /// (work + PE non-facility + MP) in hundredths × CF in ten-thousandths = millionths, rounded half up.
    static func cms2026Cents(_ code: String, gpci: (work: Int, pe: Int, mp: Int) = (1000, 1000, 1000)) throws -> Int {
        let text = try String(contentsOfFile: Paths.cms2026 + "/PPRRVU2026_Jul_nonQPP.csv", encoding: .isoLatin1)
        let row = try #require(text.split(separator: "\r\n").first { $0.hasPrefix(code + ",,") })
        let f = row.split(separator: ",", omittingEmptySubsequences: false)
        // RVUs in hundredths × GPCI in thousandths = hundred-thousandths; × CF in ten-thousandths = 10^-9.
        let adjusted = FixedPoint.fixed(f[5], 2) * gpci.work + FixedPoint.fixed(f[6], 2) * gpci.pe
            + FixedPoint.fixed(f[10], 2) * gpci.mp
        let nano = adjusted * FixedPoint.fixed(f[25], 4)
        return (nano + 5_000_000) / 10_000_000
    }

    /// An assistant line in cents from the therapist's fee in cents: 85 % of fee × units, rounded half up.
    static func assistantLine(feeCents: Int, units: Int) -> Int { (feeCents * units * 85 + 50) / 100 }

    static func calcLines(_ args: [String: String]) throws -> [[String: Any]] {
        let out = CalcRun.calc(args, flags: ["json"])
        #expect(out.exitCode == 0, "\(out.stderr)")
        return try #require(try CalcRun.json(out)["lines"] as? [[String: Any]])
    }

    @Test func n1AssistantUnitIsRoundedFromTheFeeInCents() throws {
        let fee = try Self.cms2026Cents("97550")
        #expect(fee == 5277)
        let lines = try Self.calcLines(["minutes": "38", "date": "2026-06-01", "provider": "assistant"])
        let expected = FixedPoint.money(Self.assistantLine(feeCents: fee, units: 1))
        #expect(expected == "44.85")  // not 44.86 (85 % of the unrounded 52.7734…)
        #expect(lines.first?["code"] as? String == "97550" && lines.first?["amount"] as? String == expected)
        #expect(lines.first?["unit_amount"] as? String == expected)
    }

    @Test func n1AssistantLineOfThreeUnitsIsRoundedOnceOnTheLine() throws {
        let fee = try Self.cms2026Cents("97551")
        let lines = try Self.calcLines(["minutes": "68", "date": "2026-06-01", "provider": "assistant"])
        let line = try #require(lines.first { $0["code"] as? String == "97551" })
        #expect(line["units"] as? Int == 3)
        let expected = FixedPoint.money(Self.assistantLine(feeCents: fee, units: 3))
        #expect(expected == "66.43")  // 3 × the rounded unit (22.14) would be 66.42
        #expect(line["amount"] as? String == expected)
    }

    /// The same in a locality, with the GPCIs read from the CMS GPCI file (Arkansas, the floored work GPCI).
    @Test func n1AssistantLineInALocalityFromTheCMSFiles() throws {
        let text = try String(contentsOfFile: Paths.cms2026 + "/GPCI2026_Jul.csv", encoding: .isoLatin1)
        let row = try #require(text.components(separatedBy: .newlines).first { $0.contains(",AR,") })
        let f = row.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let g = (FixedPoint.fixed(Substring(f[4]), 3), FixedPoint.fixed(Substring(f[5]), 3), FixedPoint.fixed(Substring(f[6]), 3))
        let locality = f[0] + "-" + f[2]
        for (minutes, code, units) in [("38", "97550", 1), ("83", "97551", 4)] {
            let fee = try Self.cms2026Cents(code, gpci: g)
            let lines = try Self.calcLines(
                ["minutes": minutes, "date": "2026-06-01", "provider": "assistant", "locality": locality])
            let line = try #require(lines.first { $0["code"] as? String == code })
            #expect(line["units"] as? Int == units)
            #expect(line["amount"] as? String == FixedPoint.money(Self.assistantLine(feeCents: fee, units: units)))
        }
    }

    /// The downloads' assistant cells that are not 85 % of the same row's fee schedule amount in cents.
    static func assistantMismatches(csv: String) -> [String] {
        let rows = FeeDownloadsTests.parseCSV(csv)
        guard let head = rows.first, let a = head.firstIndex(of: "amount"), let b = head.firstIndex(of: "assistant_amount")
        else { return ["no amount columns"] }
        var bad: [String] = []
        for r in rows.dropFirst() {
            guard r.count == head.count else { bad.append("malformed: \(r)"); continue }
            guard !r[a].isEmpty, !r[b].isEmpty else { continue }
            let fee = FixedPoint.fixed(Substring(r[a]), 2)
            if FixedPoint.fixed(Substring(r[b]), 2) != assistantLine(feeCents: fee, units: 1) { bad.append(r.joined(separator: ",")) }
        }
        return bad
    }

    @Test func n1EveryAssistantCellOfEveryDownloadFollowsTheRule() throws {
        let csvs = RealSite.downloads.filter { $0.key.hasSuffix(".csv") }
        #expect(csvs.count >= 4)
        var cells = 0
        for (path, csv) in csvs {
            #expect(Self.assistantMismatches(csv: csv).isEmpty, "\(path)")
            cells += FeeDownloadsTests.parseCSV(csv).dropFirst().filter { $0.count > 1 }.count
        }
        #expect(cells > 1000)
        // Planted: 2026 national 97550 with the assistant amount taken from the unrounded fee (44.86).
        let planted = "amount,assistant_amount\n52.77,44.86\n"
        #expect(Self.assistantMismatches(csv: planted).count == 1)
    }

    /// The calculator's arithmetic for a reduced line (`assistantLineCents`, the page's formula) equals
    /// `CodingRules`' line amount for every code, setting and number of units the tables can hold.
    @Test func n1CalculatorAssistantLinesEqualTheRules() throws {
        let rules = CalculatorDataTests.rules
        let date = try #require(CalendarDate(parsing: "2026-06-01"))
        let period = try #require(rules.period(on: date))
        let share = 850_000
        for code in rules.families.flatMap(\.codes) {
            for s in Setting.priceColumns {
                guard case .priced(let a) = rules.priceBreakdown(code: code, period: period, setting: s, provider: .assistant)
                else { continue }
                let fee = try #require(Int(a.feeScheduleAmount.moneyText.replacingOccurrences(of: ".", with: "")))
                for units in 1...14 {
                    let js = CalculatorTables.assistantLineCents(feeCents: fee, units: units, shareMillionths: share)
                    #expect(FixedPoint.money(js) == a.lineAmount(units: units).moneyText, "\(code) \(s) \(units)")
                }
            }
        }
    }
}

extension ReviewDecemberTests {
    // MARK: N5 / N5b — KX when the year's threshold is not published (rules.md §4)

    static func calcText(_ args: [String: String], flags: Set<String> = []) -> String {
        let out = CalcRun.calc(args, flags: flags)
        #expect(out.exitCode == 0, "\(out.stderr)")
        return out.stdout
    }

    @Test func n5KXQuestionIsRaisedForA2027DateInTextAndJSON() throws {
        let args = ["minutes": "38", "date": "2027-06-01", "ytd-amount": "2600"]
        let text = Self.calcText(args)
        #expect(text.contains("KX threshold for 2027 has not been published yet, so KX may be needed"))
        #expect(text.contains("last published threshold ($2480.00 for 2026)"))
        let j = try CalcRun.json(CalcRun.calc(args, flags: ["json"]))
        let warnings = try #require(j["warnings"] as? [String])
        #expect(warnings.contains { $0.contains("KX threshold for 2027 has not been published yet") })
        // Below the last published amount the question is still asked, and not answered "likely".
        let low = Self.calcText(["minutes": "38", "date": "2027-06-01", "ytd-amount": "100"])
        #expect(low.contains("KX may be needed") && low.contains("not above the last published threshold"))
        // Every discipline and family: never dropped.
        for d in ["pt", "ot", "slp"] {
            for f in ["functional", "direct-care", "behavior"] {
                let t = Self.calcText(["minutes": "40", "date": "2027-02-01", "ytd-amount": "5000", "discipline": d, "family": f])
                #expect(t.contains("KX threshold for 2027 has not been published yet"), "\(d) \(f)")
            }
        }
    }

    /// A year with no KX row at all (a planted policies file without the 2027 row) still raises the question.
    @Test func n5KXQuestionIsRaisedWithoutAnyRowForTheYear() throws {
        let dir = try DataTestSupport.copyOfContent()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/data/policies.yaml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(text.range(of: "    - from: 2027-01-01\n      through: 2027-12-31\n      amount: not-published"))
        let end = try #require(text.range(of: "      source: noridian-kx-2024\n", range: start.upperBound..<text.endIndex))
        text.removeSubrange(start.lowerBound..<end.upperBound)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let out = CalcRun.calc(["minutes": "38", "date": "2027-06-01", "ytd-amount": "2600"], content: dir)
        #expect(out.exitCode == 0)
        #expect(out.stdout.contains("no KX threshold is known for 2027-06-01, so KX may be needed"))
    }

    @Test func n5bKXTablesHaveThe2027RowAndTheReviewThresholdThrough2027() {
        for path in ["fees/index.html"] {
            let t = ReviewTests.text(path)
            #expect(t.contains("KX threshold for 2027 has not been published yet"), "\(path)")
            #expect(t.contains("$3,000 for occupational therapy, through 2027"), "\(path)")
        }
    }

    // MARK: N6 — 2027 telehealth (rules.md §6)

    @Test func n6Every2027TelehealthAnswerSaysTheListIsNotConfirmed() throws {
        for date in ["2027-01-01", "2027-03-15", "2027-12-31"] {
            for setting in ["nonfacility", "facility", "institutional"] {
                let text = Self.calcText(["minutes": "38", "date": date, "setting": setting], flags: ["telehealth"])
                #expect(text.contains("stay on the Medicare Telehealth Services List in 2027 is not confirmed"), "\(date) \(setting)")
                #expect(text.contains("runs through 2027-12-31"), "\(date) \(setting)")
            }
        }
        // Not a warning on in-person answers (the outlook states the year's status once), nor on 2026 telehealth.
        let inPerson = try CalcRun.json(CalcRun.calc(["minutes": "38", "date": "2027-03-15"], flags: ["json"]))
        #expect((inPerson["warnings"] as? [String])?.contains { $0.contains("Telehealth Services List in 2027") } == false)
        #expect(!Self.calcText(["minutes": "38", "date": "2026-03-15"], flags: ["telehealth"]).contains("in 2027 is not confirmed"))
        // The calculator's 2027 telehealth contexts carry the same warning (from the same evaluation).
        let data = String(decoding: CalculatorData.files(rules: CalculatorDataTests.rules, asOf: CalendarDate(parsing: "2026-06-01")!)[0].bytes, as: UTF8.self)
        #expect(data.contains("stay on the Medicare Telehealth Services List in 2027 is not confirmed"))
    }
}

extension ReviewDecemberTests {
    // MARK: N2 — every figure names its CMS release with that release's own date, never the day a file was read

    /// Release statements ("Figures for CY2024 … come from …, CMS's …") that date a year's release after that
    /// year, or that do not name the release (RVU…), in a text.
    static func misdatedReleases(_ text: String) throws -> [String] {
        var bad: [String] = []
        let statement = try Regex(#"Figures for CY(\d{4}).{0,80}? come from .{0,200}?\)\."#)
        for m in text.matches(of: statement) {
            let s = String(text[m.range])
            guard let year = Int(s.dropFirst("Figures for CY".count).prefix(4)) else { continue }
            let later = s.matches(of: try Regex(#"20\d\d"#)).compactMap { Int(s[$0.range]) }.filter { $0 > year }
            if !later.isEmpty || !s.contains("RVU") { bad.append(s) }
        }
        return bad
    }

    @Test func n2NoPageOrDownloadDatesAReleaseByTheDayItWasRead() throws {
        var statements = 0
        for (path, html) in RealSite.pages {
            let t = ReviewTests.visibleText(html)
            statements += t.components(separatedBy: "Figures for CY").count - 1
            let bad = try Self.misdatedReleases(t)
            #expect(bad.isEmpty, "\(path): \(bad)")
            #expect(!t.contains("release dated"), "\(path)")
        }
        #expect(statements > 20)
        // Downloads: the cms_release column names the release and dates it within its own year or before.
        for (path, text) in RealSite.downloads where path.hasSuffix(".csv") {
            let rows = FeeDownloadsTests.parseCSV(text).filter { $0.count > 1 }
            let head = try #require(rows.first)
            let e = try #require(head.firstIndex(of: "period_effective")), r = try #require(head.firstIndex(of: "cms_release"))
            #expect(rows.count > 100)
            for row in rows.dropFirst() {
                #expect(row.count == head.count)
                let year = Int(row[e].prefix(4))!
                let release = String(row[r])
                #expect(release.contains("RVU"), "\(path): \(release)")
                let years = release.matches(of: try Regex(#"20\d\d"#)).compactMap { Int(release[$0.range]) }
                #expect(years.allSatisfy { $0 <= year }, "\(path): \(release)")
            }
        }
        // Planted: November's wording, a 2024 figure credited to the day the file was read.
        let planted = "Figures for CY2024 (January 1 - March 8) come from Medicare's 2024 fee schedule, CMS's release dated 2026-11-22 (CMS, 2024)."
        #expect(try Self.misdatedReleases(planted).count == 1)
    }

    /// The wording's rule on its own: accessed dates never become release dates, whatever the period.
    @Test func n2ReleaseWordingNeverUsesAnAccessedDate() throws {
        let data = try #require(SiteDataLoader.load(contentDirectory: RealSite.content).output)
        for period in data.rules.periods {
            let w = try #require(data.releaseWording(of: period), "\(period.label)")
            let src = try #require(data.source(period.source))
            if src.dateIsAccessed { #expect(!w.contains(src.date.description), "\(w)") }
            #expect(w.contains("RVU"), "\(w)")
        }
        // The March 2024 release is named without a date: March 9 is when its factor took effect, not its own date.
        let march = try #require(data.rules.periods.first { $0.range.from == CalendarDate(parsing: "2024-03-09") })
        #expect(data.releaseWording(of: march) == "release RVU24AR")
        #expect(SiteData.monthRelease(in: "Medicare relative value file RVU24A (January 2024 release)") == "January 2024 release")
        #expect(SiteData.releaseName(in: "Medicare relative value file RVU24A (January 2024 release)") == "RVU24A")
    }
}

extension ReviewDecemberTests {
    // MARK: Item 3 / N4 / N10 — the 2027 status from data, once per page, and in calc

    static let outlookPages = ["fees/index.html", "calculator/index.html", "codes/97550/index.html",
                               "codes/97551/index.html", "codes/97552/index.html", "related-codes/index.html"]

    @Test func item3OutlookOncePerPageWithEveryTopic() throws {
        for path in Self.outlookPages {
            let html = RealSite.page(path)
            #expect(html.components(separatedBy: "<div class=\"year-outlook").count == 2, "\(path): not exactly once")
            for topic in ["amounts", "conversion-factor", "work-gpci-floor", "kx", "telehealth", "amounts-first"] {
                #expect(html.contains("<li data-topic=\"\(topic)\">"), "\(path): \(topic)")
            }
            let t = ReviewTests.visibleText(html)
            #expect(t.contains("−1.68 % against 33.4009") && t.contains("−1.19 % against 33.5675"), "\(path)")
            #expect(t.contains("47 of 109 localities"), "\(path)")
            #expect(t.contains("illustrative, not CMS figures"), "\(path)")
            #expect(t.contains("The KX threshold for 2027 has not been published yet"), "\(path)")
            #expect(t.contains("Physician Fee Schedule Look-Up Tool"), "\(path)")
            // The pending sentence is not repeated by the fee tables (N13: once per page, not per table).
            #expect(t.components(separatedBy: "CY2027 amounts are not in this guide yet").count == 2, "\(path)")
        }
        let fees = ReviewTests.visibleText(RealSite.page("fees/index.html"))
        #expect(fees.contains("ARKANSAS, AR (07102-13): 97550 non-facility $49.93 at 2026 values, about $49.06 without the floor"))
    }

    /// The floor figures are computed independently from the CMS GPCI file with both work columns.
    @Test func n4FloorCountAndArkansasFromTheCMSFile() throws {
        let text = try String(contentsOfFile: Paths.cms2026 + "/GPCI2026_Jan.csv", encoding: .isoLatin1)
        var raised = 0, rows = 0
        var arkansas: (Int, Int, Int)? = nil
        for line in text.components(separatedBy: .newlines) {
            // The numeric columns are the last four (a quoted name may hold a comma): MAC, state, locality first.
            let all = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard all.count >= 8, all[0].count == 5, all[0].allSatisfy(\.isNumber) else { continue }
            let f = Array(all.prefix(4)) + Array(all.suffix(4))
            rows += 1
            if FixedPoint.fixed(Substring(f[4]), 3) < FixedPoint.fixed(Substring(f[5]), 3) { raised += 1 }
            if f[1] == "AR" {
                arkansas = (FixedPoint.fixed(Substring(f[4]), 3), FixedPoint.fixed(Substring(f[6]), 3), FixedPoint.fixed(Substring(f[7]), 3))
            }
        }
        #expect(rows == 109 && raised == 47)
        let ar = try #require(arkansas)
        let unfloored = try Self.cms2026Cents("97550", gpci: ar), floored = try Self.cms2026Cents("97550", gpci: (1000, ar.1, ar.2))
        #expect(FixedPoint.money(unfloored) == "49.06" && FixedPoint.money(floored) == "49.93")
        let j = try CalcRun.json(CalcRun.calc(["minutes": "38", "date": "2027-02-01"], flags: ["json"]))
        let o = try #require(j["outlook"] as? [String: Any])
        let floor = try #require(o["work_gpci_floor"] as? [String: Any])
        #expect(floor["localities_raised"] as? Int == raised && floor["localities"] as? Int == rows)
        #expect(floor["through"] as? String == "2026-12-31")
        let items = try #require(o["items"] as? [[String: Any]])
        let floorText = try #require(items.first { $0["topic"] as? String == "work-gpci-floor" }?["text"] as? String)
        #expect(floorText.contains("$\(FixedPoint.money(floored)) at 2026 values, about $\(FixedPoint.money(unfloored))"))
        // For a locality the floor did not raise, calc says so for that locality.
        let ak = try CalcRun.json(CalcRun.calc(["minutes": "38", "date": "2027-02-01", "locality": "02102-01"], flags: ["json"]))
        let akItems = try #require((ak["outlook"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(akItems.contains { ($0["text"] as? String)?.contains("This locality's work GPCI is not raised by the floor") == true })
    }

    @Test func item3CalcCarriesTheOutlookOnceAndOnlyAfterTheLastPeriod() throws {
        let j = try CalcRun.json(CalcRun.calc(["minutes": "38", "date": "2027-06-01"], flags: ["json"]))
        let o = try #require(j["outlook"] as? [String: Any])
        #expect(o["checked"] as? String == "2026-12-05")
        #expect((o["proposed_change_percent"] as? [String: String]) == ["non-qp": "-1.68", "qp": "-1.19"])
        let kx = try #require(o["kx_threshold"] as? [String: Any])
        #expect(kx["published"] as? Bool == false && kx["last_published"] as? String == "2480.00")
        #expect(o["telehealth_list"] as? String == "unconfirmed" && o["therapist_telehealth_through"] as? String == "2027-12-31")
        let text = Self.calcText(["minutes": "38", "date": "2027-06-01"])
        #expect(text.components(separatedBy: "Outlook for CY2027").count == 2)
        #expect(text.components(separatedBy: "47 of 109 localities").count == 2)
        // Each statement once in the whole answer, text and JSON (no repeat between the warnings and the outlook).
        let tele = Self.calcText(["minutes": "38", "date": "2027-06-01", "ytd-amount": "2600"], flags: ["telehealth"])
        for s in ["32.8409", "33.1693", "Telehealth Services List in 2027 is not confirmed", "runs through 2027-12-31",
                  "CY2027 amounts are not in this guide yet", "Look-Up Tool"] {
            #expect(tele.components(separatedBy: s).count == 2, "\(s)")
        }
        let tj = CalcRun.calc(["minutes": "38", "date": "2027-06-01", "ytd-amount": "2600"], flags: ["json", "telehealth"]).stdout
        for s in ["not a qualifying APM participant)", "Telehealth Services List in 2027 is not confirmed", "Look-Up Tool"] {
            #expect(tj.components(separatedBy: s).count == 2, "\(s)")
        }
        let now = try CalcRun.json(CalcRun.calc(["minutes": "38", "date": "2026-06-01"], flags: ["json"]))
        #expect(now["outlook"] == nil || now["outlook"] is NSNull)
        #expect(!Self.calcText(["minutes": "38", "date": "2026-06-01"]).contains("Outlook for"))
    }

    // MARK: Item 6 — the reference date

    @Test func item6ReferenceDateIsTheDecemberRecheck() throws {
        let site = try String(contentsOfFile: RealSite.content + "/site.yaml", encoding: .utf8)
        #expect(site.contains("as_of: 2026-12-05"))
        let outlook = try String(contentsOfFile: RealSite.content + "/data/outlook.yaml", encoding: .utf8)
        #expect(outlook.contains("checked: 2026-12-05"))
        #expect(ReviewTests.text("index.html").contains("Guide checked 2026-12-05"))
    }

    // MARK: N19 — one statement of the covered dates, matching what calc accepts

    @Test func n19CoveredDatesAreStatedOnceTheWayCalcAcceptsThem() throws {
        let rules = CalculatorDataTests.rules
        let accepted = try #require(rules.acceptedRange)
        let last = try #require(accepted.through)
        // calc accepts the last covered day and refuses the next, naming the same range.
        #expect(CalcRun.calc(["minutes": "38", "date": last.description]).exitCode == 0)
        let after = CalcRun.calc(["minutes": "38", "date": last.adding(days: 1).description])
        #expect(after.exitCode == 1)
        let statement = "covered dates: \(accepted.from) through \(last) (Medicare amounts through 2026-12-31"
        #expect(after.stderr.contains(statement), "\(after.stderr)")
        let far = CalcRun.calc(["minutes": "38", "date": "2028-01-02"])
        #expect(far.exitCode == 1 && far.stderr.contains(statement))
        // The calculator page and its data say the same range.
        #expect(ReviewTests.text("calculator/index.html").contains(statement))
        let range = try #require(CalculatorData.dateRange(rules))
        #expect(range.0 == accepted.from && range.1 == last)
    }

    // MARK: N18 — no pricing note on a result that bills nothing

    @Test func n18NoPricingNoteWhenNothingIsBilled() throws {
        let cases: [([String: String], Set<String>)] = [
            (["minutes": "38", "date": "2024-06-03"], ["json", "telehealth"]),
            (["minutes": "38", "date": "2024-06-03", "setting": "facility"], ["json", "telehealth"]),
            (["minutes": "10", "date": "2026-06-01", "setting": "institutional", "provider": "assistant"], ["json"]),
            (["minutes": "10", "date": "2025-06-02"], ["json", "telehealth"]),
        ]
        for (args, flags) in cases {
            let j = try CalcRun.json(CalcRun.calc(args, flags: flags))
            #expect(j["billable"] as? Bool == false, "\(args)")
            let notes = try #require(j["notes"] as? [String])
            #expect(!notes.contains { $0.contains("priced at") || $0.contains("paid at") }, "\(args): \(notes)")
        }
        // The same session, billable, keeps its pricing note.
        let ok = try CalcRun.json(CalcRun.calc(["minutes": "38", "date": "2025-06-02"], flags: ["json", "telehealth"]))
        #expect((ok["notes"] as? [String])?.contains { $0.contains("place of service 10") } == true)
        // Worked examples: a card that bills nothing has no pricing note (and at least one such card exists).
        var notBillable = 0
        for page in ExamplePagesTests.examplePages {
            for id in ExamplePagesTests.cardIDs(RealSite.page(page)) {
                let card = ReviewTests.visibleText(ExamplesTests.card(id))
                guard card.contains("Not billable:") else { continue }
                notBillable += 1
                #expect(!card.contains("priced at") && !card.contains("are paid at"), "\(id): \(card)")
            }
        }
        #expect(notBillable >= 2)
    }

    // MARK: N3 / N13 — no line for a period before a code existed; one note per page; no "X → X" labels

    /// Table rows ("PERIOD · CODE") for a period that ended before the code existed, in a page's text.
    static func linesBeforeCodesExisted(_ t: String) -> [String] {
        let rules = CalculatorDataTests.rules
        var out: [String] = []
        for code in rules.codes {
            for period in rules.periods where (period.range.through ?? period.range.from) < code.validFrom {
                if t.contains("\(period.label) · \(code.code)") { out.append("\(code.code) in \(period.label)") }
            }
        }
        return out
    }

    @Test func n3NoGCodeLineOrNoteForAPeriodBeforeTheCodesBegan() throws {
        #expect(Self.linesBeforeCodesExisted("CY2024 (March 9 - December 31) · G0539 $52.93").count == 1)  // planted
        for (path, html) in RealSite.pages {
            let t = ReviewTests.visibleText(html)
            #expect(Self.linesBeforeCodesExisted(t).isEmpty, "\(path): \(Self.linesBeforeCodesExisted(t))")
            #expect(!t.contains("CY2024 (January 1 - March 8): Medicare's relative values for this year are not in this guide yet"), "\(path)")
        }
        // The G-code fee tables start with 2025.
        let related = RealSite.page("related-codes/index.html")
        #expect(!ReviewTests.visibleText(related).contains("CY2024"))
    }

    /// Period labels on either side of an arrow ("CY2025 → CY2026", "CY2024 (January 1 - March 8) → …").
    static func arrowLabels(_ t: String) -> [(String, String)] {
        let label = #"CY\d{4}(?: \([^)]*\))?"#
        let arrow = try! Regex("(\(label)) → (\(label))")
        return t.matches(of: arrow).map { m in
            let parts = String(t[m.range]).components(separatedBy: " → ")
            // "(dates of service from …)" after a label is the row's date, not part of the label.
            func label(_ x: String) -> String { x.components(separatedBy: " (dates").first ?? x }
            return (label(parts[0]), label(parts.count > 1 ? parts[1] : ""))
        }
    }

    /// Sentences of 90 characters or more that occur three times or more on one page.
    static func repeatedLongSentences(_ text: String) -> [String] {
        var counts: [String: Int] = [:]
        for s in text.components(separatedBy: ". ") where s.count >= 90 { counts[s, default: 0] += 1 }
        return counts.filter { $0.value >= 3 }.map(\.key).sorted()
    }

    @Test func n13NoLongSentenceThreeTimesOnAPageAndNoSelfArrowLabels() throws {
        for (path, html) in RealSite.pages {
            let t = ReviewTests.visibleText(html)
            #expect(Self.repeatedLongSentences(t).isEmpty, "\(path): \(Self.repeatedLongSentences(t).first ?? "")")
            for (a, b) in Self.arrowLabels(t) { #expect(a != b, "\(path): \(a) → \(b)") }
        }
        let planted = Array(repeating: "Dates of service from 2027-01-01: CY2027 amounts are not in this guide yet, check your contractor's fee schedule before billing", count: 3).joined(separator: ". ")
        #expect(Self.repeatedLongSentences(planted).count == 1)
        #expect(Self.arrowLabels("Changes CY2027 → CY2027 (dates)").map { $0.0 == $0.1 } == [true])
        #expect(Self.arrowLabels("CY2024 (January 1 - March 8) → CY2024 (March 9 - December 31)").map { $0.0 == $0.1 } == [false])
    }
}

extension ReviewDecemberTests {
    // MARK: N17 — checklist labels name the dates their wording applies to

    @Test func n17ChecklistTitlesNameTheirPeriod() throws {
        let t = ReviewTests.visibleText(RealSite.page("documentation/index.html"))
        #expect(t.contains("Checklist for individual sessions, dates of service from 2025-01-01 on"))
        #expect(t.contains("Checklist for group sessions, dates of service from 2025-01-01 on"))
        // The class: no checklist title names a single day.
        for (path, html) in RealSite.pages {
            #expect(!ReviewTests.visibleText(html).contains("sessions, dates of service on "), "\(path)")
        }
        // Each span holds one wording: every day of it gives the same checklist, and the days around it do not.
        let rules = CalculatorDataTests.rules
        for day in ["2024-06-03", "2026-12-05"] {
            let d = try #require(CalendarDate(parsing: day))
            let r = rules.documentationChecklistRange(on: d, kind: .individual)
            let list = rules.documentationChecklist(on: d, kind: .individual).map(\.text)
            #expect(rules.documentationChecklist(on: r.from, kind: .individual).map(\.text) == list)
            if let t = r.through { #expect(rules.documentationChecklist(on: t, kind: .individual).map(\.text) == list) }
            if r.from > CalendarDate(parsing: "2024-01-01")! {
                #expect(rules.documentationChecklist(on: r.from.adding(days: -1), kind: .individual).map(\.text) != list)
            }
        }
    }
}

extension ReviewDecemberTests {
    // MARK: N8 / finding 11 / N7 — graded statements carry their marker in calc, the calculator and examples

    @Test func n8GroupAnswersCarryTheGradedPerPatientStatement() throws {
        for family in ["functional", "direct-care"] {
            for patients in ["2", "5"] {
                let j = try CalcRun.json(CalcRun.calc(["minutes": "45", "patients": patients, "date": "2026-06-01", "family": family], flags: ["json"]))
                let notes = try #require(j["notes"] as? [String])
                #expect(notes.contains { $0.contains("each patient represented") && $0.contains("(L–M · inferred)") }, "\(family) \(patients)")
            }
        }
        // Individual answers do not carry it.
        let one = try CalcRun.json(CalcRun.calc(["minutes": "45", "date": "2026-06-01"], flags: ["json"]))
        #expect((one["notes"] as? [String])?.contains { $0.contains("each patient represented") } == false)
        // The calculator: every group pattern of the group-code families carries it.
        let data = String(decoding: CalculatorData.files(rules: CalculatorDataTests.rules, asOf: CalendarDate(parsing: "2026-06-01")!)[0].bytes, as: UTF8.self)
        #expect(data.contains("each patient represented") && data.contains("L–M · inferred"))
        // The worked example no longer states it flatly, and its card carries the marker.
        let card = ExamplesTests.card("group-of-two")
        #expect(!card.contains("Each patient&#39;s claim carries the group code") && card.contains("L–M · inferred"))
    }

    @Test func finding11BehaviorCodesCarryTheModifierCaveatEverywhere() throws {
        for d in ["pt", "ot", "slp"] {
            let j = try CalcRun.json(CalcRun.calc(["minutes": "40", "date": "2026-06-01", "family": "behavior", "discipline": d], flags: ["json"]))
            let notes = try #require(j["notes"] as? [String])
            #expect(notes.contains { $0.contains("G0539 and G0540") && $0.contains("(L · weak)") }, "\(d)")
        }
        let other = try CalcRun.json(CalcRun.calc(["minutes": "40", "date": "2026-06-01", "family": "direct-care"], flags: ["json"]))
        #expect((other["notes"] as? [String])?.contains { $0.contains("G0539 and G0540") } == false)
        let data = String(decoding: CalculatorData.files(rules: CalculatorDataTests.rules, asOf: CalendarDate(parsing: "2026-06-01")!)[0].bytes, as: UTF8.self)
        #expect(data.contains("G0539 and G0540 follows the general rule"))
    }

    @Test func n7EveryKXAnswerCarriesTheHedgedCountingWording() throws {
        for (date, ytd) in [("2026-06-01", "2380"), ("2026-06-01", "100"), ("2027-06-01", "2600"), ("2025-03-01", "5000")] {
            let j = try CalcRun.json(CalcRun.calc(["minutes": "53", "date": date, "ytd-amount": ytd], flags: ["json"]))
            let notes = try #require(j["notes"] as? [String])
            #expect(notes.contains { $0.contains("count toward the KX threshold has no official answer") && $0.contains("L–M · inferred") }, "\(date) \(ytd)")
        }
        #expect(ExamplesTests.card("kx-crossing").contains("count toward the KX threshold has no official answer"))
    }

    // MARK: N12 — place of service for telehealth when the patient is absent

    @Test func n12TelehealthPlaceOfServiceSaysWhoseLocationIsUnsettled() throws {
        for setting in ["nonfacility", "facility"] {
            let j = try CalcRun.json(CalcRun.calc(["minutes": "38", "date": "2026-06-01", "setting": setting], flags: ["json", "telehealth"]))
            let notes = try #require(j["notes"] as? [String])
            #expect(notes.contains { $0.contains("no source says whose location decides between POS 10 and 02") }, "\(setting)")
        }
    }
}

extension ReviewDecemberTests {
    /// The directive's arguments: a code and/or a locality; anything else is an error at the directive.
    @Test func item3YearOutlookDirectiveArguments() throws {
        let ar = try RealSite.directive("year-outlook 97552 07102-13", on: "fees.md")
        #expect(ar.html.contains("This locality is one of them: ARKANSAS, AR (07102-13): 97552 non-facility"))
        let ak = try RealSite.directive("year-outlook 02102-01", on: "fees.md")
        #expect(ak.html.contains("This locality&#39;s work GPCI is not raised by the floor"))
        #expect(ak.citedSources.contains("cms-pfs-lookup") && ak.citedSources.contains("cms-pfs-2027-proposed"))
        for bad in ["year-outlook 99999", "year-outlook 97550 97551 97552", "year-outlook 00000-00"] {
            #expect(throws: DirectiveError.self, "\(bad)") { _ = try RealSite.directive(bad, on: "fees.md") }
        }
    }
}

extension ReviewDecemberTests {
    /// N1: the page that works the arithmetic says how the assistant reduction is rounded, with its grade, and
    /// shows a line where rounding once on the line differs from units × the one-unit amount.
    @Test func n1FeesPageExplainsTheAssistantRoundingWithItsGrade() throws {
        let t = ReviewTests.visibleText(RealSite.page("fees/index.html"))
        #expect(t.contains("How the reduction is rounded: the reduction is taken on the line's fee schedule amount in cents"))
        #expect(t.contains("(M · reported)"))
        #expect(t.contains("One unit: $50.25 × 85 % = 42.7125, rounded to $42.71"))
        #expect(t.contains("A line of 2 units: $50.25 × 2 × 85 % = 85.425, rounded to $85.43 (not 2 × $42.71 = $85.42)"))
    }
}
