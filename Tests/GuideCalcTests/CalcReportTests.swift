import Foundation
import Testing

@testable import CodingRules
@testable import GuideCalc
@testable import SiteContent
@testable import GuideData
import TestSupport

/// `calc --json` gives the bytes of Fixtures/calc, and calc's input errors are typed.
@Suite struct CalcReportTests {
    static let fixtures = Paths.fixtures + "/calc/"

    @Test(arguments: [
        (["minutes": "38", "date": "2025-06-02"], "38-min-2025-06-02.json"),
        (["minutes": "60", "date": "2027-03-01"], "60-min-2027-03-01.json"),
        (["minutes": "60", "date": "2026-03-01", "zip": "10001"], "60-min-2026-03-01-zip-10001.json"),
    ])
    func sameBytesAsBefore(args: [String: String], file: String) throws {
        let expected = try String(contentsOfFile: Self.fixtures + file, encoding: .utf8)
        let out = CalcRunner.run(
            CalcOptions(minutes: args["minutes"], date: args["date"], content: DataTestSupport.content, json: true, zip: args["zip"]))
        #expect(out.exitCode == 0 && out.stderr.isEmpty)
        #expect(out.stdout == expected)
    }

    @Test func inputFailuresAreTyped() throws {
        let rules = try #require(SiteDataLoader.load(contentDirectory: DataTestSupport.content).output).rules
        do {
            _ = try CalcRunner.sessionInput(CalcOptions(minutes: "0", date: "2025-06-02"), rules: rules)
            Issue.record("no error")
        } catch let f as CalcRunner.InputFailure {
            #expect(f.option == "minutes" && f.message == "expected a whole number of minutes above 0, got '0'")
            #expect(f.preceding.isEmpty && f.text == "error: --minutes: \(f.message)")
        }
        // A rules input error keeps its field as the option.
        let f = CalcRunner.InputFailure(RulesInputError(.family, .unknownFamily("x", accepted: ["a", "b"])))
        #expect(f.option == "family" && f.message == "unknown family 'x'; accepted: a, b")
        let out = CalcRunner.run(CalcOptions(minutes: "20", date: "2025-06-02", family: "x", content: DataTestSupport.content))
        #expect(out.exitCode == 1 && out.stdout.isEmpty)
        #expect(out.stderr == "error: --family: unknown family 'x'; accepted: functional, direct-care, behavior\n")
    }
}
