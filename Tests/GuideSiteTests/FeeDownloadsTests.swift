import Foundation
import Testing
@testable import SiteContent
@testable import GuideCompute
@testable import SiteRender

/// The fee downloads parse and agree with the tables of the generated pages.
@Suite struct FeeDownloadsTests {
    /// A small CSV parser (quoted fields) so the test does not trust the generator's writer.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var it = Array(text).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = it.next() { if n == "\"" { field.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        return rows
    }

    @Test func csvAndJSONAgreeWithTheLocalityAndFeeTables() throws {
        let csvText = try #require(RealSite.downloads["downloads/medicare-fees-2026-01-01.csv"])
        let rows = Self.parseCSV(csvText)
        let header = try #require(rows.first)
        #expect(header == FeeDownloads.csvColumns)
        let body = rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        #expect(body.count == 8 * 2 * 110 * 2)  // codes × settings × (109 localities + national) × conversion factors
        #expect(!body.isEmpty && body.allSatisfy { !($0["amount"] ?? "").isEmpty && $0["cms_release"] == "July 2026 release (published 06/30/2026), RVU26C" })  // the release named (review-2026-12 N2)
        // Every amount of the 2026 locality tables (non-qp) equals the download's.
        var checked = 0
        for (page, codes) in [("localities/2026-01-01/index.html", ["97550", "97551", "97552"]),
                              ("localities/2026-01-01-g-codes/index.html", ["G0541", "G0542", "G0543", "G0539", "G0540"])] {
            for tr in LocalityPagesTests.rows(RealSite.page(page)) {
                let cells = tr.components(separatedBy: "<td>").dropFirst().map { String($0.prefix { $0 != "<" }) }
                let locality = cells[0]
                for (i, code) in codes.enumerated() {
                    for (j, setting) in ["nonfacility", "facility"].enumerated() {
                        let r = body.first {
                            $0["code"] == code && $0["setting"] == setting && $0["locality"] == locality && $0["conversion_factor_id"] == "non-qp"
                        }
                        #expect(r?["amount"] == cells[1 + i * 2 + j], "\(code) \(setting) \(locality)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 109 * 16)
        // National amounts equal the fee table on the fees page.
        let fees = RealSite.page("fees/index.html")
        for code in ["97550", "G0543"] {
            let n = try #require(body.first { $0["code"] == code && $0["locality"] == "national" && $0["setting"] == "facility" && $0["conversion_factor_id"] == "non-qp" })
            #expect(fees.contains("$" + (n["amount"] ?? "?")))
        }
        // JSON: same amounts, same count.
        let jsonText = try #require(RealSite.downloads["downloads/medicare-fees-2026-01-01.json"])
        let j = try #require(JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [String: Any])
        let amounts = try #require(j["amounts"] as? [[String: Any]])
        #expect(amounts.count == body.count)
        for (a, r) in zip(amounts, body) {
            #expect(a["code"] as? String == r["code"] && a["locality"] as? String == r["locality"] && a["amount"] as? String == r["amount"])
        }
        #expect((j["period"] as? [String: Any])?["gpci_source"] as? String == "cms-gpci-2026")
        #expect((j["localities"] as? [Any])?.count == 109)
    }

    @Test func feesPageLinksEveryPeriodsFiles() {
        let fees = RealSite.page("fees/index.html")
        for p in ["2024-01-01", "2024-03-09", "2025-01-01", "2026-01-01"] {
            for ext in ["csv", "json"] {
                #expect(fees.contains("href=\"../downloads/medicare-fees-\(p).\(ext)\" download"), "\(p).\(ext)")
                #expect(RealSite.downloads["downloads/medicare-fees-\(p).\(ext)"] != nil)
            }
        }
    }
}
