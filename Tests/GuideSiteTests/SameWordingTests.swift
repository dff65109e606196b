@testable import CodingRules
@testable import SiteContent
@testable import GuideData
@testable import GuideCalc
@testable import GuideCompute
import Foundation
import RulesText
import Testing

/// One finding reads the same in every place that shows it: the worked example on the site, `ctsguide calc`
/// (text and JSON) and the calculator page's data (there with `{date}` for the date of service, which the page
/// fills in). All of them word it through `RulesText`.
@Suite struct SameWordingTests {
    @Test func telehealthIn2024ReadsTheSameEverywhere() throws {
        let rules = try #require(SiteDataLoader.load(contentDirectory: RealSite.content).output).rules
        let date = try #require(CalendarDate(parsing: "2024-06-03"))
        let result = try rules.evaluate(SessionInput(minutes: 40, date: date, telehealth: true))
        let reason = try #require(result.reasons.first)
        let plain = RulesText.plain.reason(reason)
        #expect(plain.hasPrefix("telehealth is not billable on 2024-06-03: "))

        // The site: the worked example of this session (data/examples.yaml, telehealth-2024).
        #expect(RealSite.pages.values.contains { $0.contains("<strong>Not billable:</strong> \(escapeHTML(plain)).") })

        // calc, text and JSON.
        let args = CalcOptions(minutes: "40", date: "2024-06-03", telehealth: true, content: RealSite.content)
        #expect(CalcRunner.run(args).stdout.contains("\n  reason: \(plain)\n"))
        var json = args
        json.json = true
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(CalcRunner.run(json).stdout.utf8)) as? [String: Any])
        #expect(object["reasons"] as? [String] == [plain])

        // The calculator data: the same sentence with the date of service as {date}.
        let data = CalculatorData.build(rules, asOf: date).data
        guard case .object(let o) = data, case .array(let texts)? = o["texts"] else {
            Issue.record("no texts in the calculator data")
            return
        }
        let held = RulesText.placeholders.reason(reason)
        #expect(held.contains("{date}") && !held.contains("2024-06-03"))
        #expect(texts.contains(.string(held)))
        #expect(held.replacingOccurrences(of: "{date}", with: "2024-06-03") == plain)
    }
}
