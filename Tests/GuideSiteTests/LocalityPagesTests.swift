import Foundation
import Testing
@testable import SiteContent
@testable import SiteRender
import TestSupport

/// The 2026 locality pages are complete (109 localities, every amount) for 97550–97552 and G0539–G0543,
/// checked with the test's own integer arithmetic from the real CMS rows and the GPCI table.
@Suite struct LocalityPagesTests {
    /// Cents of one unit: (w×wG + pe×peG + mp×mpG) × CF with RVUs in hundredths, GPCIs in thousandths and the
    /// CF in ten-thousandths (= 10⁻⁹ dollars), rounded half up to cents.
    static func cents(code: String, setting: String, locality: String) throws -> Int {
        let rvu = try String(contentsOfFile: Paths.cms2026 + "/PPRRVU2026_Jul_nonQPP.csv", encoding: .isoLatin1)
        let row = try #require(rvu.split(separator: "\r\n").first { $0.hasPrefix(code + ",,") })
            .split(separator: ",", omittingEmptySubsequences: false)
        let gpci = try String(contentsOfFile: DataTestSupport.content + "/data/gpci/2026.csv", encoding: .utf8)
        let parts = locality.split(separator: "-")
        // work, PE, MP: the three columns before the optional work_gpci_unfloored (present in the 2026 table).
        let unfloored = gpci.hasPrefix("year,mac,locality,name,state,work_gpci,pe_gpci,mp_gpci,work_gpci_unfloored\n")
        let g = try #require(gpci.split(separator: "\n").first { $0.hasPrefix("2026,\(parts[0]),\(parts[1]),") })
            .split(separator: ",").dropLast(unfloored ? 1 : 0).suffix(3).map { FixedPoint.fixed($0, 3) }
        let pe = setting == "facility" ? row[8] : row[6]
        let sum = FixedPoint.fixed(row[5], 2) * g[0] + FixedPoint.fixed(pe, 2) * g[1] + FixedPoint.fixed(row[10], 2) * g[2]
        let billionths = sum * FixedPoint.fixed(row[25], 4)
        return (billionths + 5_000_000) / 10_000_000
    }

    static func rows(_ html: String) -> [String] {
        html.components(separatedBy: "<tr><th scope=\"row\">").dropFirst().map { String($0.prefix { $0 != "\n" }) }
    }

    @Test(arguments: [
        ("localities/2026-01-01/index.html", ["97550", "97551", "97552"]),
        ("localities/2026-01-01-g-codes/index.html", ["G0541", "G0542", "G0543", "G0539", "G0540"]),
    ])
    func page2026IsComplete(path: String, codes: [String]) throws {
        let html = RealSite.page(path)
        let rows = Self.rows(html)
        #expect(rows.count == 109)
        // The table is complete (the year-outlook block below it speaks of the next year, whose amounts are not in yet).
        let table = html.components(separatedBy: "<div class=\"year-outlook").first ?? html
        #expect(html.contains("<div class=\"year-outlook"))
        #expect(!table.contains("n/a") && !table.contains("not in this guide yet"))
        for code in codes { #expect(html.contains("<th scope=\"col\">\(code) facility ($)</th>")) }
        for (locality, prefix) in [("02102-01", "AK — ALASKA"), ("13202-01", "NY — MANHATTAN")] {
            let row = try #require(rows.first { $0.hasPrefix(prefix) })
            var expected = "<td>\(locality)</td>"
            for code in codes {
                for setting in ["nonfacility", "facility"] {
                    expected += "<td>\(FixedPoint.money(try Self.cents(code: code, setting: setting, locality: locality)))</td>"
                }
            }
            #expect(row.contains(expected), "\(row)")
        }
    }
}
