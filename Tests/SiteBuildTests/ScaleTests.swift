import Foundation
import Testing

@testable import SiteContent
@testable import SiteRender
@testable import SiteBuild
import TestSupport
import GuideSite

/// Issue 13: plain reference sites as `make-corpus.py` writes them, capped navigation, split search index,
/// view models without reflection, the fast front-matter reader.
@Suite struct ScaleTests {
    /// A content folder shaped like the bench corpus: no site.yaml, no data/, `summary` and `tags`, links to
    /// other pages' output folders. `pages` pages in one section folder.
    static func corpus(pages: Int, extra: String = "") throws -> String {
        let dir = NSTemporaryDirectory() + "ctsguide-scale-" + UUID().uuidString
        let c = dir + "/content"
        try FileManager.default.createDirectory(atPath: c + "/pages/section-01", withIntermediateDirectories: true)
        try Fixture.write("---\ntitle: \"Bench home\"\nsummary: \"A synthetic guide.\"\nweight: 0\n---\n\nHome.\n", to: c + "/_index.md")
        try Fixture.write("---\ntitle: \"Code pages\"\nweight: 1\n---\n\nAll pages.\n", to: c + "/pages/_index.md")
        try Fixture.write("---\ntitle: \"Section 01\"\nweight: 1\n---\n\nOne section.\n", to: c + "/pages/section-01/_index.md")
        for n in 1...pages {
            let other = String(format: "page-%05d", n % pages + 1)
            try Fixture.write(
                """
                ---
                title: "Page \(n)"
                code: "\(10000 + n)"
                summary: "Summary of page \(n) & more."
                weight: \(n)
                tags: ["billing", "tag\(n)"]
                ---

                Body of page \(n). See [the next page](../../section-01/\(other)/) and [its notes](../\(other)/#notes).
                \(n == 1 ? extra : "")

                ## Notes

                Plain text.
                """, to: c + "/pages/section-01/" + String(format: "page-%05d.md", n))
        }
        return dir
    }

    static func page(_ site: GeneratedSite, _ path: String) -> String {
        String(decoding: site.files.first { $0.path == path }?.bytes ?? [], as: UTF8.self)
    }

    // A corpus without site.yaml or data/ builds with the engine alone: ArchitectureTests.

    @Test func aBrokenFolderLinkOrADirectiveOrGuideLinkWithoutDataIsAPositionedError() throws {
        let dir = try Self.corpus(
            pages: 2, extra: "[gone](../page-09999/)\n\n```fee-table\n```\n\nSee [the rule](source:cms-pfs-2026) and [this](fact:x).")
        let options = BuildOptions(
            contentDirectory: dir + "/content", templatesDirectory: Fixture.packageRoot + "/Templates", siteExtension: Guide.extension)
        guard case .failure(let f) = SiteBuilder.generate(options) else {
            Issue.record("the build should fail")
            return
        }
        let found = f.diagnostics.map { "\($0.location) \($0.id)" }
        #expect(found.contains { $0.hasSuffix("page-00001.md:10:1 link.broken") })
        #expect(found.contains { $0.hasSuffix("page-00001.md:12:1 directive.needs-guide-data") })
        // source: and fact: links need the guide's data as directives do: an error at the link, never a dropped link.
        #expect(found.filter { $0.hasSuffix(" link.needs-guide-data") }.count == 2)
        #expect(found.contains { $0.hasSuffix("page-00001.md:15:5 link.needs-guide-data") })
    }

    @Test func navigationIsCappedWithALinkToTheFolderIndex() throws {
        let n = Navigation.cap + 5
        let dir = try Self.corpus(pages: n)
        let site = try SiteBuilder.generate(
            BuildOptions(contentDirectory: dir + "/content", templatesDirectory: Fixture.packageRoot + "/Templates")
        ).get()
        let last = Self.page(site, String(format: "pages/section-01/page-%05d/index.html", n))
        let first = Self.page(site, "pages/section-01/page-00001/index.html")
        let nav = { (html: String) -> String in
            String(html[html.range(of: "<nav id=\"site-nav\"")!.lowerBound..<html.range(of: "</nav>\n<main")!.lowerBound])
        }
        // The first pages are listed (the current one marked), then "All N pages in Section 01".
        #expect(nav(first).contains("<a href=\"index.html\" aria-current=\"page\">Page 1</a>"))
        #expect(nav(last).contains("<li class=\"nav-more\"><a href=\"../index.html\">All \(n) pages in Section 01</a></li>"))
        #expect(nav(last).components(separatedBy: "<li").count - 1 == 1 + 1 + Navigation.cap + 1)
        #expect(!nav(last).contains("Page \(n)<"))
        // Breadcrumbs still give the path.
        #expect(last.contains("<a href=\"../index.html\">Section 01</a>"))
    }

    @Test func theSearchIndexIsSplitIntoTitlesAndTextShards() throws {
        let n = SearchIndex.shardSize + 3
        let dir = try Self.corpus(pages: n)
        let site = try SiteBuilder.generate(
            BuildOptions(contentDirectory: dir + "/content", templatesDirectory: Fixture.packageRoot + "/Templates")
        ).get()
        let shards = site.files.filter { $0.path.hasPrefix("assets/search/text-") }.map(\.path).sorted()
        #expect(shards == ["assets/search/text-0.js", "assets/search/text-1.js"])
        #expect(Self.page(site, "assets/search/text-1.js").hasPrefix("(window.CTSGUIDE_SEARCH_TEXT = window.CTSGUIDE_SEARCH_TEXT || {})[1] = [\n"))
        // Pages load no part of the index when they open.
        #expect(!Self.page(site, "pages/section-01/page-00001/index.html").contains("assets/search/"))
    }

    @Test func theRenderPathUsesNoReflection() throws {
        let dir = Fixture.packageRoot + "/Sources"
        var uses: [String] = []
        var scanned = 0
        for rel in FileManager.default.subpaths(atPath: dir) ?? [] where rel.hasSuffix(".swift") {
            let text = try String(contentsOfFile: dir + "/" + rel, encoding: .utf8)
            scanned += 1
            if text.contains("Mirror(") { uses.append(rel) }
        }
        #expect(scanned > 100, "only \(scanned) source files found under \(dir)")
        #expect(uses.isEmpty, "Mirror used in \(uses)")
    }
}
