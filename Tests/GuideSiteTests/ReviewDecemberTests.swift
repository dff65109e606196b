import Foundation
import Testing

@testable import GuideCompute
@testable import SiteBuild
@testable import SiteContent
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
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard let head = rows.first, let a = head.firstIndex(of: "amount"), let b = head.firstIndex(of: "assistant_amount")
        else { return ["no amount columns"] }
        var bad: [String] = []
        for r in rows.dropFirst() where r.count == head.count && !r[a].isEmpty && !r[b].isEmpty {
            let fee = FixedPoint.fixed(r[a], 2)
            if FixedPoint.fixed(r[b], 2) != assistantLine(feeCents: fee, units: 1) { bad.append(r.joined(separator: ",")) }
        }
        return bad
    }

    @Test func n1EveryAssistantCellOfEveryDownloadFollowsTheRule() throws {
        let csvs = RealSite.downloads.filter { $0.key.hasSuffix(".csv") }
        #expect(csvs.count >= 4)
        var cells = 0
        for (path, csv) in csvs {
            #expect(Self.assistantMismatches(csv: csv).isEmpty, "\(path)")
            cells += csv.split(separator: "\n").count - 1
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
        // Not said on in-person answers, nor on 2026 telehealth answers.
        #expect(!Self.calcText(["minutes": "38", "date": "2027-03-15"]).contains("Telehealth Services List in 2027"))
        #expect(!Self.calcText(["minutes": "38", "date": "2026-03-15"], flags: ["telehealth"]).contains("in 2027 is not confirmed"))
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
            let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let head = try #require(rows.first)
            let e = try #require(head.firstIndex(of: "period_effective")), r = try #require(head.firstIndex(of: "cms_release"))
            for row in rows.dropFirst() where row.count == head.count {
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
        #expect(SiteData.monthRelease(in: "Medicare relative value file RVU24A (January 2024 release)") == "January 2024 release")
        #expect(SiteData.releaseName(in: "Medicare relative value file RVU24A (January 2024 release)") == "RVU24A")
    }
}
