import Foundation
import Testing

import TestSupport

/// `calc` for 2026 dates of service against the real CMS file, with the test's own integer arithmetic.
@Suite struct Calc2026Tests {
    /// National non-facility cents of one unit, from the code's row in the real July 2026 file:
    /// (work + PE non-facility + MP) in hundredths × CF in ten-thousandths = millionths; round half up to cents.
    static func cents(_ code: String) throws -> Int {
        let text = try String(contentsOfFile: Paths.cms2026 + "/PPRRVU2026_Jul_nonQPP.csv", encoding: .isoLatin1)
        let row = try #require(text.split(separator: "\r\n").first { $0.hasPrefix(code + ",,") })
        let f = row.split(separator: ",", omittingEmptySubsequences: false)
        #expect(f.count == 32)
        let rvu = FixedPoint.fixed(f[5], 2) + FixedPoint.fixed(f[6], 2) + FixedPoint.fixed(f[10], 2)
        let millionths = rvu * FixedPoint.fixed(f[25], 4)
        return (millionths + 5_000) / 10_000
    }

    @Test func thirtyEightMinutesOnJune1st2026() throws {
        let out = CalcTests.calc(["minutes": "38", "date": "2026-06-01"], flags: ["json"])
        #expect(out.exitCode == 0 && out.stderr.isEmpty)
        let j = try CalcTests.json(out)
        let lines = try #require(j["lines"] as? [[String: Any]])
        #expect(lines.map { $0["code"] as? String } == ["97550", "97551"])
        let a = try Self.cents("97550"), b = try Self.cents("97551")
        #expect(a == 5277 && b == 2605)  // facts.md §3 cross-check
        #expect(lines[0]["amount"] as? String == FixedPoint.money(a) && lines[1]["amount"] as? String == FixedPoint.money(b))
        #expect(j["total"] as? String == FixedPoint.money(a + b))
        #expect((j["fee_schedule"] as? [String: Any])?["source"] as? String == "cms-rvu26c")
    }
}
