import Foundation
import Testing

@testable import SiteBuild
import TestSupport

@Suite struct PipelineTests {
    @Test func fixtureBuildsToTheGoldenFilesByteForByte() throws {
        let site = try SiteBuilder.generate(Fixture.options(Fixture.site)).get()
        let golden = Fixture.snapshot(Fixture.expected)
        #expect(Set(site.files.map(\.path)) == Set(golden.keys), "file set differs; run Tests/update-goldens.sh on purpose")
        for f in site.files {
            #expect(golden[f.path] == Data(f.bytes), "\(f.path) differs from the golden file")
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let dir = try Fixture.copy()
        _ = try SiteBuilder.build(Fixture.options(dir, output: dir + "/a")).get()
        _ = try SiteBuilder.build(Fixture.options(dir, output: dir + "/b")).get()
        let a = Fixture.snapshot(dir + "/a"), b = Fixture.snapshot(dir + "/b")
        #expect(a.count > 5)
        #expect(a == b)
    }

    @Test func unsafeMarkdownNeverReachesTheOutput() throws {
        let site = try SiteBuilder.generate(Fixture.options(Fixture.site)).get()
        let home = String(decoding: try #require(site.files.first { $0.path == "index.html" }).bytes, as: UTF8.self)
        let alpha = String(decoding: try #require(site.files.first { $0.path == "guide/alpha/index.html" }).bytes, as: UTF8.self)
        for page in [home, alpha] {
            #expect(!page.contains("<script"))
            #expect(!page.contains("javascript:"))
            #expect(!page.contains("<b>"))
        }
        #expect(alpha.contains("<title>Alpha &lt;script&gt;alert(1)&lt;/script&gt; · Fixture guide</title>"))
        #expect(home.contains("<p>Raw HTML is dropped: bold?</p>"))
        #expect(home.contains("<p>a script link and <a href=\"https://example.org/\">the web</a>"))
        #expect(home.contains("<p>“Smart” quotes – and dashes… are typographic.</p>"))
        #expect(alpha.contains("<pre><code class=\"language-text\">a plain code block &lt;stays&gt; escaped\n</code></pre>"))
        let warnings = site.warnings.map { "\($0.location) \($0.id)" }
        #expect(warnings.contains { $0.hasSuffix("/_index.md:13:1 markdown.raw-html") })
        #expect(warnings.contains { $0.hasSuffix("/_index.md:15:1 link.scheme-left-out") })
    }

    /// A page link's query (`alpha.md?minutes=38`, a calculator's deep link) is kept, before the fragment.
    @Test func aPageLinksQueryIsKept() throws {
        let dir = try Fixture.copy()
        try Fixture.replace(in: dir + "/Content/guide/beta.md", "Back to [alpha](alpha.md)",
            with: "Back to [alpha](alpha.md?minutes=38&date=2026-03-02#units) and [again](../alpha/?zip=10001)")
        let site = try SiteBuilder.generate(Fixture.options(dir)).get()
        let beta = String(decoding: site.files.first { $0.path == "guide/beta/index.html" }!.bytes, as: UTF8.self)
        #expect(beta.contains("<a href=\"../alpha/index.html?minutes=38&amp;date=2026-03-02#units\">alpha</a>"))
        #expect(beta.contains("<a href=\"../alpha/index.html?zip=10001\">again</a>"))
    }

    @Test func linksHeadingIdsAndNavigationAreResolved() throws {
        let site = try SiteBuilder.generate(Fixture.options(Fixture.site)).get()
        let page = { (p: String) in String(decoding: site.files.first { $0.path == p }!.bytes, as: UTF8.self) }
        let home = page("index.html"), alpha = page("guide/alpha/index.html")
        #expect(home.contains("<a href=\"guide/alpha/index.html\">code 97550</a>"))
        #expect(home.contains("<h2 id=\"first-section-2\">"))
        #expect(alpha.contains("<a href=\"../beta/index.html#notes\">beta’s notes</a>"))
        #expect(alpha.contains("<a href=\"../../sources/index.html#source-cms-pfs-2025\">the source</a>"))
        #expect(page("sources/index.html").contains("<dt id=\"source-cms-pfs-2025\">"))
        // Beta (weight 1) before Alpha (weight 2) in the navigation.
        let nav = page("guide/index.html")
        let beta = try #require(nav.range(of: ">Beta<")), alphaLink = try #require(nav.range(of: ">Alpha<"))
        #expect(beta.lowerBound < alphaLink.lowerBound)
        #expect(alpha.contains("<a href=\"index.html\" aria-current=\"page\">Alpha</a>"))
    }

    @Test func everyInternalHrefAndSrcIsRelativeAndResolves() throws {
        let dir = try Fixture.copy()
        let out = dir + "/site"
        _ = try SiteBuilder.build(Fixture.options(dir, output: out)).get()
        var checked = 0
        for (path, data) in Fixture.snapshot(out) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for attr in ["href=\"", "src=\""] {
                var rest = html[...]
                while let r = rest.range(of: attr) {
                    let after = rest[r.upperBound...]
                    let end = after.firstIndex(of: "\"")!
                    let url = String(after[..<end])
                    rest = after[end...]
                    if url.hasPrefix("#") || url.hasPrefix("https:") || url.hasPrefix("mailto:") { continue }
                    #expect(!url.hasPrefix("/"), "\(path): root-relative \(url)")
                    let target = URL(fileURLWithPath: out + "/" + path).deletingLastPathComponent()
                        .appendingPathComponent(String(url.split(separator: "#").first ?? "")).standardized.path
                    #expect(FileManager.default.fileExists(atPath: target), "\(path): \(url) does not resolve")
                    checked += 1
                }
            }
        }
        #expect(checked > 20)
    }

    @Test func generateWritesNothingAndBuildWorksForAnyOutputPath() throws {
        let dir = try Fixture.copy()
        let out = dir + "/deep/er/out put"
        _ = try SiteBuilder.generate(Fixture.options(dir, output: out)).get()
        #expect(!FileManager.default.fileExists(atPath: dir + "/deep"))
        _ = try SiteBuilder.build(Fixture.options(dir, output: out)).get()
        #expect(FileManager.default.fileExists(atPath: out + "/guide/alpha/index.html"))
        // Stale files disappear on the next build.
        try "stale".write(toFile: out + "/stale.html", atomically: true, encoding: .utf8)
        _ = try SiteBuilder.build(Fixture.options(dir, output: out)).get()
        #expect(!FileManager.default.fileExists(atPath: out + "/stale.html"))
        // No staging folders are left beside the output.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: dir + "/deep/er")
        #expect(siblings == ["out put"])
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        let dir = try Fixture.copy()
        let out = dir + "/mine"
        try Fixture.write("keep me", to: out + "/notes.txt")
        guard case .failure(let f) = SiteBuilder.build(Fixture.options(dir, output: out)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(f.diagnostics.filter { $0.severity == .error }.map(\.id) == ["output.foreign-folder"])
        #expect(Fixture.snapshot(out) == ["notes.txt": Data("keep me".utf8)])
    }
}
