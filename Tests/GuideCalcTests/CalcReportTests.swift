import Foundation
import Testing

@testable import CodingRules
@testable import GuideCalc
@testable import SiteContent
@testable import GuideData
import TestSupport

/// `calc --json` comes from `Encodable` types through `JSONTreeEncoder`; its bytes equal the hand-built
/// output it replaced (Fixtures/calc), and calc's input errors are typed.
@Suite struct CalcReportTests {
    static let fixtures = Paths.fixtures + "/calc/"

    struct Inner: Encodable { var b: Int; var a: String? }
    struct Outer: Encodable {
        var zeta: [Inner]
        var alpha: Bool
        var empty: [String]
        var missing: String?
        var quote: String
    }

    @Test func encoderKeepsNilKeysAsNullAndSortsKeys() throws {
        let v = Outer(zeta: [Inner(b: 1, a: nil), Inner(b: -2, a: "x")], alpha: false, empty: [], missing: nil, quote: "a\"b\n<")
        let text = try JSONTreeEncoder.encode(v).rendered()
        #expect(text == """
            {
              "alpha": false,
              "empty": [],
              "missing": null,
              "quote": "a\\"b\\n<",
              "zeta": [
                {
                  "a": null,
                  "b": 1
                },
                {
                  "a": "x",
                  "b": -2
                }
              ]
            }
            """)
    }

    @Test func encoderRejectsNumbersItCannotWriteExactly() {
        struct D: Encodable { var d: Double }
        #expect(throws: JSONTreeEncoder.Unsupported.self) { try JSONTreeEncoder.encode(D(d: 1.5)) }
    }

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
