import CodingRules
import Foundation

/// The locality pages of a new fee period (`Content/localities/<effective>.md`, and `<effective>-g-codes.md`
/// when the period prices codes outside the main family), written by `fees import` from the data: the tables
/// themselves are the ```` ```locality-fees ```` directive, computed at build time; the page only names the
/// period and cites its source. Same URLs as the earlier periods' pages (`localities/<effective>/`).
package enum LocalityPages {
    /// (path relative to the content folder, text) of each page to create; pages that exist are left alone.
    static func pages(
        effective: CalendarDate, source: String, rules: RulesData, codes: Set<String>, content: String
    ) -> [(String, String)] {
        let folder = content + "/localities"
        var isFolder: ObjCBool = false
        // A content folder without locality pages (a data-only copy) gets none.
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return [] }
        var weight = nextWeight(folder)
        var out: [(String, String)] = []
        let main = rules.families.first?.codes.filter { codes.contains($0) } ?? []
        let others = rules.families.dropFirst().flatMap(\.codes).filter { codes.contains($0) }
        if !main.isEmpty {
            let list = listed(main)
            out.append((
                "localities/\(effective).md",
                page(
                    title: "Locality fees for dates of service from \(effective)", nav: "From \(effective)", weight: weight,
                    description: "The amount of one unit of \(list) in every Medicare locality, for dates of service from \(effective).",
                    keywords: nil,
                    intro: "Amounts below are for one unit, before the assistant reduction, coinsurance and sequestration; the\n"
                        + "[fees page](../fees.md) shows how they are computed ([CMS fee schedule files](source:\(source))).\n",
                    directive: "locality-fees period=\(effective)")
            ))
            weight += 1
        }
        if !others.isEmpty {
            let sorted = others.sorted()
            let range = sorted.count > 1 ? "\(sorted.first!)–\(sorted.last!)" : sorted[0]
            out.append((
                "localities/\(effective)-g-codes.md",
                page(
                    title: "Locality fees for \(range), dates of service from \(effective)", nav: "G-codes from \(effective)",
                    weight: weight,
                    description: "The amount of one unit of the Medicare caregiver-training G-codes \(listed(sorted)) in every Medicare locality, for dates of service from \(effective).",
                    keywords: "\(sorted.joined(separator: " ")) locality state GPCI",
                    intro: "Amounts below are for one unit of the Medicare G-codes, before the assistant reduction, coinsurance and\n"
                        + "sequestration. The [related codes page](../related-codes.md) explains when these codes apply instead of\n"
                        + "the CPT codes, and the [fees page](../fees.md) shows how the amounts are computed\n"
                        + "([CMS fee schedule files](source:\(source))).\n",
                    directive: "locality-fees period=\(effective) \(others.joined(separator: " "))")
            ))
        }
        return out.filter { !FileManager.default.fileExists(atPath: content + "/" + $0.0) }
    }

    static func listed(_ codes: [String]) -> String {
        codes.count < 2 ? codes.joined() : codes.dropLast().joined(separator: ", ") + " and " + codes.last!
    }

    static func page(title: String, nav: String, weight: Int, description: String, keywords: String?, intro: String, directive: String)
        -> String
    {
        var out = "---\ntitle: \(title)\nnav_title: \(nav)\nweight: \(weight)\ndescription: \(description)\n"
        if let keywords { out += "keywords: \(keywords)\n" }
        // The year after the last fee period (the end of the work-GPCI floor, KX, telehealth): empty once covered.
        out += "---\n" + intro + "\n```zip-lookup\n```\n\n```\(directive)\n```\n\n```year-outlook\n```\n"
        return out
    }

    /// One more than the highest `weight:` of the period pages in the folder (the index page not counted).
    static func nextWeight(_ folder: String) -> Int {
        var top = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".md") && name != "_index.md" {
            guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").prefix(20) where line.hasPrefix("weight:") {
                top = max(top, Int(line.dropFirst("weight:".count).trimmingCharacters(in: .whitespaces)) ?? 0)
            }
        }
        return top + 1
    }
}
