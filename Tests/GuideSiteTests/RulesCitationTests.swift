import Foundation
import Testing

@testable import SiteContent
@testable import SiteRender
@testable import SiteBuild
import TestSupport
import GuideSite

/// Every rule statement on the "Rules explained" pages carries a source link: each paragraph and list item in
/// the page body (tables and navigation aside) links to an entry on the sources page.
@Suite struct RulesCitationTests {
    @Test func everyStatementOnTheRulesPagesCitesASource() throws {
        let root = Fixture.packageRoot
        let site = try SiteBuilder.generate(
            BuildOptions(contentDirectory: root + "/Content", templatesDirectory: root + "/Templates", siteExtension: Guide.extension)
        ).get()
        let pages = site.files.filter { $0.path.hasPrefix("rules/") && $0.path != "rules/index.html" && $0.path.hasSuffix(".html") }
        #expect(pages.count >= 4)
        for page in pages {
            let html = String(decoding: page.bytes, as: UTF8.self)
            guard let start = html.range(of: "<div class=\"content\">"), let end = html.range(of: "</main>") else {
                Issue.record("\(page.path): no content block")
                continue
            }
            let body = String(html[start.upperBound..<end.lowerBound])
            for statement in blocks(body, tag: "p") + blocks(body, tag: "li") where !statement.contains("#source-") {
                Issue.record("\(page.path): statement without a source link: \(statement.prefix(100))")
            }
        }
    }

    /// The inner HTML of every `<tag>…</tag>` that is not inside a table.
    func blocks(_ html: String, tag: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<\(tag)>") {
            guard let close = rest[open.upperBound...].range(of: "</\(tag)>") else { break }
            let before = rest[..<open.lowerBound]
            let inTable = (before.range(of: "<table", options: .backwards)?.lowerBound ?? before.startIndex)
                > (before.range(of: "</table>", options: .backwards)?.lowerBound ?? before.startIndex)
            if !inTable { out.append(String(rest[open.upperBound..<close.lowerBound])) }
            rest = rest[close.upperBound...]
        }
        return out
    }
}
