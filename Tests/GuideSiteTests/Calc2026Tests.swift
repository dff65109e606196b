import Foundation
import Testing
@testable import CodingRules
@testable import SiteContent
@testable import GuideCalc
@testable import GuideCompute
@testable import SiteRender
@testable import SiteOutput
@testable import SiteBuild
@testable import FeeImport
@testable import Preview
@testable import FuzzEntries

/// `calc` for 2026 dates of service against the real CMS file, with the test's own integer arithmetic.
@Suite struct Calc2026Tests {
    /// "0.57" → 57 (hundredths), "33.4009" → 334009 (ten-thousandths).
    static func fixed(_ s: Substring, _ places: Int) -> Int {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        let frac = parts.count > 1 ? String(parts[1]) : ""
        return Int(parts[0])! * Int(pow(10, Double(places))) + Int(frac.padding(toLength: places, withPad: "0", startingAt: 0))!
    }

    /// National non-facility cents of one unit, from the code's row in the real July 2026 file:
    /// (work + PE non-facility + MP) in hundredths × CF in ten-thousandths = millionths; round half up to cents.
    static func cents(_ code: String) throws -> Int {
        let text = try String(contentsOfFile: FeeImportTests.cms2026 + "/PPRRVU2026_Jul_nonQPP.csv", encoding: .isoLatin1)
        let row = try #require(text.split(separator: "\r\n").first { $0.hasPrefix(code + ",,") })
        let f = row.split(separator: ",", omittingEmptySubsequences: false)
        #expect(f.count == 32)
        let rvu = fixed(f[5], 2) + fixed(f[6], 2) + fixed(f[10], 2)
        let millionths = rvu * fixed(f[25], 4)
        return (millionths + 5_000) / 10_000
    }

    static func money(_ cents: Int) -> String { "\(cents / 100).\(String(format: "%02d", cents % 100))" }

    @Test func thirtyEightMinutesOnJune1st2026() throws {
        let out = CalcTests.calc(["minutes": "38", "date": "2026-06-01"], flags: ["json"])
        #expect(out.exitCode == 0 && out.stderr.isEmpty)
        let j = try CalcTests.json(out)
        let lines = try #require(j["lines"] as? [[String: Any]])
        #expect(lines.map { $0["code"] as? String } == ["97550", "97551"])
        let a = try Self.cents("97550"), b = try Self.cents("97551")
        #expect(a == 5277 && b == 2605)  // facts.md §3 cross-check
        #expect(lines[0]["amount"] as? String == Self.money(a) && lines[1]["amount"] as? String == Self.money(b))
        #expect(j["total"] as? String == Self.money(a + b))
        #expect((j["fee_schedule"] as? [String: Any])?["source"] as? String == "cms-rvu26c")
    }
}
