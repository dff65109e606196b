import Foundation
import Testing

@testable import SiteContent
@testable import GuideData
@testable import SiteBuild
import TestSupport

/// Site-wide checks over the built guide (the December 2026 review, review-2026-12.md): no long sentence said
/// three times on one page (N13), no heading without content (N16), no CY2024/CY2025 figure credited to a 2026
/// date (N2), no source linked by a site's front page (finding 17). Each check is a function, shown to fail on a
/// planted instance before it runs on every page.
@Suite struct SiteWideProseTests {
    /// The page's main content (`<main>…</main>`), or the whole page when it has none.
    static func main(_ html: String) -> String {
        guard let open = html.range(of: "<main"), let close = html.range(of: "</main>", options: .backwards),
            open.upperBound < close.lowerBound
        else { return html }
        return String(html[open.lowerBound..<close.upperBound])
    }

    /// The sentences a reader sees in some HTML: text split after ". ", "? " or "! " before a capital letter or
    /// a digit, and at every block boundary.
    static func sentences(_ html: String) -> [String] {
        var blocks = html
        for tag in ["p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "caption", "summary", "blockquote"] {
            blocks = blocks.replacingOccurrences(of: "</\(tag)>", with: "</\(tag)>\u{1}")
        }
        let text = ReviewTests.visibleText(blocks)
        var out: [String] = []
        for block in text.split(separator: "\u{1}") {
            // A sentence ends at ".", "?" or "!" followed by a space and a capital letter, digit, quote or "(".
            let chars = Array(block)
            var current = ""
            for (i, c) in chars.enumerated() {
                current.append(c)
                guard ".!?".contains(c), i + 2 < chars.count, chars[i + 1] == " " else { continue }
                let next = chars[i + 2]
                if next.isUppercase || next.isNumber || "“\"(".contains(next) {
                    out.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                }
            }
            let last = current.trimmingCharacters(in: .whitespaces)
            if !last.isEmpty { out.append(last) }
        }
        return out
    }

    /// The HTML without its tables and description lists (a table repeats a column's citation or label by
    /// design, and a list of sources its publisher; rows and entries are not prose).
    static func withoutTables(_ html: String) -> String {
        html.replacing(try! Regex(#"<table.*?</table>"#).dotMatchesNewlines(), with: "")
            .replacing(try! Regex(#"<dl.*?</dl>"#).dotMatchesNewlines(), with: "")
    }

    /// Sentences of 90 characters or more that occur three times or more in the page's main content, outside
    /// tables.
    static func repeatedLongSentences(_ html: String) -> [String] {
        var counts: [String: Int] = [:]
        for s in sentences(withoutTables(main(html))) where s.count >= 90 { counts[s, default: 0] += 1 }
        return counts.filter { $0.value >= 3 }.keys.sorted()
    }

    /// Headings (h2–h6) of the main content followed by nothing before the next heading of the same or a
    /// higher level (or the end of the main content).
    static func emptyHeadings(_ html: String) -> [String] {
        let body = main(html)
        let heading = try! Regex(#"<h([2-6])[^>]*>(.*?)</h\1>"#).dotMatchesNewlines()
        let matches = body.matches(of: heading)
        var out: [String] = []
        for (i, m) in matches.enumerated() {
            let level = Int(m.output[1].substring ?? "") ?? 0
            var end = body.range(of: "</main>", options: .backwards)?.lowerBound ?? body.endIndex
            for n in matches[(i + 1)...] where (Int(n.output[1].substring ?? "") ?? 0) <= level {
                end = n.range.lowerBound
                break
            }
            // Deeper headings count as content only when they have some themselves.
            let between = String(body[m.range.upperBound..<max(m.range.upperBound, end)])
            let withoutHeadings = between.replacing(heading, with: "")
            let text = ReviewTests.visibleText(withoutHeadings).trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                var name = ReviewTests.visibleText(String(m.output[2].substring ?? ""))
                while name.hasSuffix("#") || name.hasSuffix(" ") { name.removeLast() }
                out.append(name)
            }
        }
        return out
    }

    /// Sentences that name a CY2024 or CY2025 figure (or fee schedule) together with a 2026 date, as if a past
    /// year's figures came from a release of 2026 (the date a file was read is not a release date).
    static func pastFiguresDatedIn2026(_ html: String) -> [String] {
        let past = try! Regex(#"\b(CY ?202[45]|202[45] (fee schedule|figures|amounts|relative value))"#)
        let credit = try! Regex(#"\b(releases?|released|published|dated|come from|comes from)\b"#)
        let date2026 = try! Regex(#"\b2026-\d{2}-\d{2}\b|\b\d{2}/\d{2}/2026\b"#)
        return sentences(main(html)).filter { $0.contains(past) && $0.contains(credit) && $0.contains(date2026) }
    }

    /// Whether a source address is a site's front page: no path beyond "/" (and no query).
    static func isFrontPage(_ url: String) -> Bool {
        guard let u = URL(string: url), u.host != nil else { return false }
        return (u.path.isEmpty || u.path == "/") && (u.query ?? "").isEmpty
    }

    // MARK: planted instances: each check catches the class

    @Test func theChecksCatchPlantedInstances() {
        let long = "This sentence is long enough to count, since it runs well past the ninety characters in all."
        #expect(long.count >= 90)
        let planted = "<main><p>\(long)</p><ul><li>\(long)</li></ul><p>Intro. \(long) After.</p></main>"
        #expect(Self.repeatedLongSentences(planted) == [long])
        #expect(Self.repeatedLongSentences("<main><p>\(long)</p><p>\(long)</p></main>").isEmpty)

        let empty = ##"<main><h2 id="a">Year by year<a class="anchor" href="#a">#</a></h2><h2 id="b">Period</h2><p>x</p></main>"##
        #expect(Self.emptyHeadings(empty) == ["Year by year"])
        let nested = ##"<main><h2>Year</h2><h3>2026</h3><p>x</p><h2>Last</h2></main>"##
        #expect(Self.emptyHeadings(nested) == ["Last"])
        #expect(Self.emptyHeadings(##"<main><h2>A</h2><div><p>text</p></div></main>"##).isEmpty)

        let dated = "<main><p>Figures for CY2024 come from CMS's release dated 2026-11-22. Fine.</p></main>"
        #expect(Self.pastFiguresDatedIn2026(dated) == ["Figures for CY2024 come from CMS's release dated 2026-11-22."])
        #expect(Self.pastFiguresDatedIn2026("<main><p>Figures for CY2024 come from RVU24A (published 01/01/2024).</p></main>").isEmpty)
        #expect(Self.pastFiguresDatedIn2026("<main><p>The 2025 figures come from a file read on 2026-11-22.</p></main>").count == 1)
        #expect(Self.pastFiguresDatedIn2026("<main><h3>CY2025 → CY2026 (dates of service from 2026-01-01)</h3></main>").isEmpty)

        #expect(Self.isFrontPage("https://www.wedi.org/") && Self.isFrontPage("https://compliancecosmos.org"))
        #expect(!Self.isFrontPage("https://www.wedi.org/2025/11/03/x") && !Self.isFrontPage("https://www.medhost.com/?p=12658"))
    }

    // MARK: the built guide

    @Test func n13_noLongSentenceThreeTimesOnAPage() {
        #expect(RealSite.pages.count >= 20)
        for (path, html) in RealSite.pages.sorted(by: { $0.key < $1.key }) {
            #expect(Self.repeatedLongSentences(html).isEmpty, "\(path)")
        }
    }

    @Test func n16_noHeadingWithoutContent() {
        for (path, html) in RealSite.pages.sorted(by: { $0.key < $1.key }) {
            #expect(Self.emptyHeadings(html).isEmpty, "\(path)")
        }
        #expect(!RealSite.page("what-changed/index.html").contains(">Year by year<"))
    }

    @Test func n2_noPastYearFigureCreditedToA2026Date() {
        for (path, html) in RealSite.pages.sorted(by: { $0.key < $1.key }) {
            #expect(Self.pastFiguresDatedIn2026(html).isEmpty, "\(path)")
        }
    }

    @Test func finding17_noSourceLinksASitesFrontPage() throws {
        let data = try #require(SiteDataLoader.load(contentDirectory: RealSite.content).output)
        #expect(data.sources.count >= 40)
        for s in data.sources {
            #expect(!Self.isFrontPage(s.url), "\(s.id): \(s.url) is a front page; link the page that says it")
        }
    }

    /// Issue 21 item 4 (N7, N8, sometimes therapy): one wording for a fact everywhere it appears, with the marker
    /// of its grade.
    @Test(arguments: [
        ("Whether caregiver-training lines billed as therapy count toward the KX threshold has no official answer; one secondary source says they do (medpayiq.com L–M · inferred).",
         ["faq/index.html", "rules/modifiers/index.html"]),
        ("claim carries one unit of 97552, whatever the length of the session (inferred from the CMS answers L–M · inferred).",
         ["codes/97552/index.html", "rules/individual-group/index.html", "rules/units/index.html", "faq/index.html"]),
        ("a therapist bills them as therapy under a plan of care with a discipline modifier, while physicians and other practitioners may bill them outside a therapy plan of care (Givers Health M · reported).",
         ["rules/individual-group/index.html", "related-codes/index.html"]),
    ])
    func oneWordingPerFactEverywhere(wording: String, pages: [String]) {
        for path in pages {
            let text = ReviewTests.visibleText(RealSite.page(path)).replacingOccurrences(of: "’", with: "'")
            #expect(text.contains(wording), "\(path)")
        }
    }
}
