import Foundation

@testable import SiteContent
@testable import GuideData
import TestSupport

/// The shared CMS ZIP5 file, fixed-width records written from its rows, and content folders with the 2026 GPCI
/// table the ZIP file is checked against.
enum ZIPTestSupport {
    static let cmsFolder = Paths.cms2026
    static let zipCSV = cmsFolder + "/ZIP5_JAN2026.csv"

    /// The rows of the shared CSV (no header), as field arrays; every field there is plain (no quotes).
    static func csvRows() throws -> [[String]] {
        let text = try String(contentsOfFile: zipCSV, encoding: .utf8)
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// One 80-character record of CMS's fixed-width layout (facts.md Part 2 Q8) from a CSV row: 1–2 state,
    /// 3–7 ZIP, 8–12 carrier, 13–14 locality, 15 rural, 16–17 lab locality, 18 rural 2, 19–20 filler, 21 plus-four
    /// flag, 22 filler, 23 Part B drug indicator, 24–75 filler, 76–80 year/quarter.
    static func textRecord(_ r: [String]) -> String {
        func pad(_ s: String, _ n: Int) -> String { String((s + String(repeating: " ", count: n)).prefix(n)) }
        return pad(r[0], 2) + pad(r[1], 5) + pad(r[2], 5) + pad(r[3], 2) + pad(r[4], 1) + pad(r[5], 2) + pad(r[6], 1)
            + pad("", 2) + pad(r[7], 1) + pad("", 1) + pad(r[8], 1) + pad("", 52) + pad(r[9], 5)
    }

    static let header = "STATE,ZIP CODE,CARRIER,LOCALITY,RURAL IND,LAB CB LOCALITY,RURAL IND2,PLUS 4 FLAG,PART B DRUG INDICATOR,YEAR/QTR"

    /// A copy of Content/data that has the 2026 GPCI table (Addendum E of the shared folder, in the guide's
    /// format) and its source entry, unless the content already has them; without a ZIP code table.
    static func contentWithGPCI2026() throws -> String {
        let dir = try DataTestSupport.copyOfContent()
        try? FileManager.default.removeItem(atPath: dir + "/data/" + ZIPCodesFile.name)
        let gpci = dir + "/data/gpci/2026.csv"
        if !FileManager.default.fileExists(atPath: gpci) {
            try gpciTable().write(toFile: gpci, atomically: true, encoding: .utf8)
        }
        let sources = dir + "/data/sources.yaml"
        let text = try String(contentsOfFile: sources, encoding: .utf8)
        if !text.contains("id: cms-gpci-2026") {
            try (text + """
                  - id: cms-gpci-2026
                    title: CY 2026 GPCIs (Addendum E)
                    publisher: Centers for Medicare & Medicaid Services
                    url: https://www.cms.gov/medicare/payment/fee-schedules/physician/pfs-relative-value-files
                    date: 2025-11-01
                    authority: primary

                """).write(toFile: sources, atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// The shared GPCI2026_Jan.csv (work GPCI with the floor) as `year,mac,locality,name,state,work,pe,mp`.
    static func gpciTable() throws -> String {
        let text = try String(contentsOfFile: cmsFolder + "/GPCI2026_Jan.csv", encoding: .utf8)
        var out = "year,mac,locality,name,state,work_gpci,pe_gpci,mp_gpci\n"
        let rows = CSVReader.parse(text) { _, _, _ in }
        for r in rows where r.count >= 8 {
            let mac = r[0].text.trimmingCharacters(in: .whitespaces)
            guard mac.count == 5, mac.allSatisfy(\.isNumber) else { continue }
            var name = r[3].text.trimmingCharacters(in: CharacterSet(charactersIn: " *"))
            if name.contains(",") { name = "\"\(name)\"" }
            out += ["2026", mac, r[2].text, name, r[1].text, r[5].text, r[6].text, r[7].text].joined(separator: ",") + "\n"
        }
        return out
    }

    static func write(_ text: String, name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ctsguide-zip-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        return dir + "/" + name
    }
}
