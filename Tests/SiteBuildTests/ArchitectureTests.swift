import Foundation
import Testing
@testable import SiteBuild
import TestSupport

/// The target graph as a contract: each module imports only what its job needs (docs/architecture.md, "Targets").
@Suite struct ArchitectureTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path + "/Sources"

    /// Every module imported by any Swift file of `target`.
    func imports(of target: String) throws -> Set<String> {
        let dir = Self.sources + "/" + target
        let files = (FileManager.default.subpaths(atPath: dir) ?? []).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty, "no Swift files in \(dir)")
        var out: Set<String> = []
        for rel in files {
            for line in try String(contentsOfFile: dir + "/" + rel, encoding: .utf8).split(separator: "\n")
            where line.hasPrefix("import ") || line.hasPrefix("@_exported import ") {
                out.insert(String(line.split(separator: " ").last ?? "").trimmingCharacters(in: .whitespaces))
            }
        }
        return out
    }

    static let system: Set<String> = ["Foundation", "Dispatch", "Glibc"]

    /// The engine: content, Markdown, templates, output, the build and the preview server.
    static let engine = ["SiteContent", "SiteRender", "SiteOutput", "SiteBuild", "Preview"]
    /// The guide, which plugs into the engine (`Guide.extension`).
    static let guide: Set<String> = ["CodingRules", "RulesText", "GuideData", "GuideCalc", "GuideCompute", "GuideSite", "FeeImport"]

    @Test(arguments: engine) func anEngineTargetImportsNoGuideModule(target: String) throws {
        let found = try imports(of: target).intersection(Self.guide)
        #expect(found.isEmpty, "\(target) imports \(found.sorted())")
    }

    @Test(arguments: [
        ("CalendarDates", Set<String>()),
        ("SiteContent", ["CalendarDates", "Yams"]),
        ("SiteRender", ["CCmark", "Mustache", "SiteContent"]),
        ("SiteOutput", ["SiteContent"]),
        ("SiteBuild", ["CalendarDates", "SiteContent", "SiteRender", "SiteOutput"]),
        ("Preview", ["SiteContent", "SiteOutput", "SiteRender", "SiteBuild"]),
        ("CodingRules", ["CalendarDates"]),
        ("RulesText", ["CodingRules"]),
        ("GuideData", ["CodingRules", "SiteContent"]),
        ("GuideCalc", ["CodingRules", "RulesText", "SiteContent", "GuideData"]),
        ("GuideCompute", ["CodingRules", "RulesText", "SiteContent", "GuideData", "GuideCalc"]),
        ("GuideSite", ["CodingRules", "RulesText", "SiteContent", "GuideData", "GuideCalc", "GuideCompute", "SiteRender"]),
        ("FeeImport", ["CodingRules", "SiteContent", "GuideData"]),
    ] as [(String, Set<String>)])
    func moduleImportsOnlyWhatItsJobNeeds(target: String, allowed: Set<String>) throws {
        let extra = try imports(of: target).subtracting(allowed).subtracting(Self.system)
        #expect(extra.isEmpty, "\(target) imports \(extra.sorted())")
    }

    @Test func onlyTheMarkdownFilesTalkToCmark() throws {
        let dir = Self.sources
        var users: [String] = []
        for rel in FileManager.default.subpaths(atPath: dir) ?? [] where rel.hasSuffix(".swift") {
            if try String(contentsOfFile: dir + "/" + rel, encoding: .utf8).contains("import CCmark") { users.append(rel) }
        }
        #expect(users.sorted() == ["SiteRender/Markdown/CMark+Depth.swift", "SiteRender/Markdown/CMark.swift"])
    }

    @Test func noSourceFileIsOver300Lines() throws {
        let dir = Self.sources
        var long: [String] = []
        var count = 0
        for rel in FileManager.default.subpaths(atPath: dir) ?? [] where rel.hasSuffix(".swift") {
            count += 1
            let text = try String(contentsOfFile: dir + "/" + rel, encoding: .utf8)
            let lines = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } + (text.hasSuffix("\n") ? 0 : 1)
            if lines > 300 { long.append("\(rel) (\(lines))") }
        }
        #expect(count > 100)
        #expect(long.isEmpty, "over 300 lines: \(long)")
    }

    /// The plain corpus (`make-corpus.py`'s shape: no site.yaml, no data/) builds through the engine's API with
    /// no site extension registered.
    @Test func thePlainCorpusBuildsWithTheEngineAlone() throws {
        let dir = try ScaleTests.corpus(pages: 3)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let options = BuildOptions(contentDirectory: dir + "/content", templatesDirectory: Fixture.packageRoot + "/Templates")
        #expect(options.siteExtension == nil && options.directives.names.isEmpty)
        let site = try SiteBuilder.generate(options).get()
        #expect(site.pageCount == 6)
        let p1 = ScaleTests.page(site, "pages/section-01/page-00001/index.html")
        // Output-folder links resolve to the page's file, fragments are checked.
        #expect(p1.contains("<a href=\"../page-00002/index.html\">the next page</a>"))
        #expect(p1.contains("<a href=\"../page-00002/index.html#notes\">its notes</a>"))
        // No "as of" line without site settings; the summary is the meta description; the site title is the home's.
        #expect(!p1.contains("class=\"as-of\""))
        #expect(p1.contains("<meta name=\"description\" content=\"Summary of page 1 &amp; more.\">"))
        #expect(p1.contains("<title>Page 1 · Bench home</title>"))
        // The section index lists each page with its summary.
        #expect(ScaleTests.page(site, "pages/section-01/index.html").contains("<p>Summary of page 2 &amp; more.</p>"))
        // Tags are search words.
        #expect(ScaleTests.page(site, "assets/search/titles.js").contains("\"Page 3\",\"10003 billing tag3\",0]"))
    }
}
