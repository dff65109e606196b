import Foundation
import Testing

@testable import SiteContent
@testable import SiteRender

/// Checks on the guide's own Markdown under Content/.
@Suite struct ContentTests {
    static func markdownFiles() -> [(path: String, text: String)] {
        let root = RealSite.content
        var out: [(String, String)] = []
        guard let e = FileManager.default.enumerator(atPath: root) else { return out }
        while let rel = e.nextObject() as? String {
            guard rel.hasSuffix(".md"), let text = try? String(contentsOfFile: root + "/" + rel, encoding: .utf8)
            else { continue }
            out.append((rel, text))
        }
        return out
    }

    @Test func noDollarAmountsOrDecimalFiguresTypedInMarkdown() throws {
        let money = try Regex(#"\$\s?\d"#)
        let decimal = try Regex(#"\b\d+\.\d{2,4}\b"#)
        let files = Self.markdownFiles()
        #expect(!files.isEmpty)
        for f in files {
            #expect(f.text.firstMatch(of: money) == nil, "dollar amount typed in \(f.path)")
            #expect(f.text.firstMatch(of: decimal) == nil, "decimal figure typed in \(f.path)")
        }
    }

    @Test func addOnPageSaysAddOn() throws {
        let text = try String(contentsOfFile: RealSite.content + "/codes/97551.md", encoding: .utf8)
        #expect(text.contains("add-on"))
    }

    @Test func everyFAQAnswerCitesASource() throws {
        let text = try String(contentsOfFile: RealSite.content + "/faq.md", encoding: .utf8)
        let sections = text.components(separatedBy: "\n## ").dropFirst()
        #expect(sections.count >= 15)
        for s in sections {
            #expect(s.contains("](source:") || s.contains("](fact:"), "FAQ answer without a source: \(s.prefix(60))")
        }
    }
}

/// Checks on the generated site (one real build, in memory).
@Suite struct GeneratedSiteContentTests {
    /// The page's HTML without the discrepancies table (which quotes the wrong claims on purpose).
    static func withoutDiscrepancies(_ html: String) -> String {
        guard let start = html.range(of: "<div class=\"discrepancies\">"),
            let end = html.range(of: "</table></div>\n</div>", range: start.upperBound..<html.endIndex)
        else { return html }
        return String(html[..<start.lowerBound]) + String(html[end.upperBound...])
    }

    @Test func noKnownTrapIsStatedAsTrue() throws {
        let pages = RealSite.pages
        #expect(!pages.isEmpty)
        let phrases = [
            "97751", "97752", "99426", "99427", "patient must be present", "must be present",
            "ensure the patient is present", "requires a full 30 minutes", "must last a full 30 minutes",
            "full 30 minutes is required", "no partial units", "32.7375", "32.3464", "33.4209", "33.5875",
            "more than one caregiver means group", "once per day",
            // The November 2026 review's wrong statements (review-2026-11.md, findings 4–14).
            "Facility (hospital outpatient department", "for example a hospital outpatient department)",
            "Medicare does not pay them", "which Medicare does not cover", "Medicare pays no group code",
            "group, since two patients are represented", "for Medicare the mid-point rule above applies",
            "paid aide", "Medicare set no fixed limit", "add 59 or the more specific XU", "59 or XU",
            "Like the CPT codes they are \"sometimes therapy\"", "general education about a disease does not qualify",
            "unlike the “always therapy” codes", "there is no way to bill an assistant",
            "Rules and fees as of", "not yet published",
        ]
        let telehealth = try Regex(#"not (approved|covered|allowed|payable|permitted) (for|by|via) telehealth"#)
            .ignoresCase()
        for (path, html) in pages {
            let text = Self.withoutDiscrepancies(html).lowercased()
            for p in phrases {
                #expect(!text.contains(p.lowercased()), "\(path) states the trap '\(p)'")
            }
            for m in text.matches(of: telehealth) {
                let end: String.Index = m.range.lowerBound
                let start: String.Index = text.index(end, offsetBy: -200, limitedBy: text.startIndex) ?? text.startIndex
                let before = String(text[start..<end])
                #expect(before.contains("2024"), "\(path): 'not … telehealth' without a 2024 context")
            }
        }
        // The discrepancies table itself is there (on its own page since the sources page grew) and lists the traps.
        let errors = RealSite.page("known-errors/index.html")
        #expect(errors.contains("<div class=\"discrepancies\">"))
        #expect(errors.contains("97751"))
        #expect(!RealSite.page("sources/index.html").contains("<div class=\"discrepancies\">"))
    }

    @Test func noMinuteThresholdTypedInMarkdown() throws {
        let threshold = try Regex(#"\b(16|38|53|68|83|98) minutes\b"#)
        for f in ContentTests.markdownFiles() {
            #expect(f.text.firstMatch(of: threshold) == nil, "minute threshold typed in \(f.path)")
        }
    }

    @Test func everyPageCitesASource() {
        let pages = RealSite.pages
        #expect(pages.count >= 15)
        for (path, html) in pages where path != "404.html" {
            // The sources page is the list the citations point to: it holds the entries instead.
            let cites = path == "sources/index.html" ? "<dt id=\"source-" : "#source-"
            #expect(html.contains(cites), "\(path) cites no source")
        }
    }

    @Test func codePagesShowPlainDescriptionWithoutLicensedFile() {
        #expect(!FileManager.default.fileExists(atPath: RealSite.content + "/data/cpt-descriptors.yaml"))
        for code in ["97550", "97551", "97552"] {
            #expect(RealSite.page("codes/\(code)/index.html").contains("code-descriptor plain"))
        }
    }
}
