import Foundation
import Testing
@testable import SiteBuild
@testable import SiteContent
@testable import SiteRender

/// Each stage on a small site of its own (the tests that build the real guide are in GuideSiteTests).
@Suite struct StageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A plain two-page site in a fresh folder; `pages` overrides or adds files.
    func site(_ pages: [String: String] = [:]) throws -> String {
        let dir = NSTemporaryDirectory() + "stage-tests-" + UUID().uuidString
        var files = [
            "_index.md": "---\ntitle: Home\n---\nSee [the page](page.md).\n",
            "page.md": "---\ntitle: A page\nsummary: One line\n---\n# Heading\n\nText.\n",
        ]
        files.merge(pages) { $1 }
        for (rel, text) in files {
            let path = dir + "/content/" + rel
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return dir
    }

    func options(_ dir: String) -> BuildOptions {
        BuildOptions(contentDirectory: dir + "/content", templatesDirectory: Self.root + "/Templates", outputDirectory: dir + "/out")
    }

    @Test func loadReadsEveryPageAndAssetAndOpensNothingLater() throws {
        let dir = try site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let loaded = LoadStage.run(options(dir))
        let sources = try #require(loaded.checkedOutput)
        #expect(sources.pages.map(\.relativePath) == ["_index.md", "page.md"])
        #expect(sources.config == nil && sources.extensionData == nil)
        #expect(sources.assets.contains { $0.path == "assets/site.css" })
    }

    @Test func loadReportsAFileProblemAtItsPosition() throws {
        let dir = try site(["bad.md": "---\ntitle: [unclosed\n---\nx\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let loaded = LoadStage.run(options(dir))
        #expect(loaded.checkedOutput == nil)
        let d = try #require(loaded.diagnostics.first { $0.severity == .error })
        #expect(d.location.file.hasSuffix("content/bad.md") && d.location.line == 3 && d.id == "yaml.syntax")
    }

    @Test func checkFindsAMissingHomePage() throws {
        let dir = try site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.removeItem(atPath: dir + "/content/_index.md")
        let sources = try #require(LoadStage.run(options(dir)).checkedOutput)
        let checked = CheckStage.run(sources)
        #expect(checked.checkedOutput == nil)
        #expect(checked.diagnostics.map(\.id) == ["site.no-home-page"])
    }

    @Test func computeRendersBodiesAndChecksAnchors() throws {
        let dir = try site(["_index.md": "---\ntitle: Home\n---\n[ok](page.md#heading) [bad](page.md#nowhere)\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sources = try #require(LoadStage.run(options(dir)).checkedOutput)
        let checked = try #require(CheckStage.run(sources).checkedOutput)
        var timings = BuildTimings()
        let computed = ComputeStage.run(checked, directives: DirectiveRegistry(), timings: &timings)
        #expect(computed.checkedOutput == nil)
        #expect(computed.diagnostics.filter { $0.severity == .error }.map(\.id) == ["link.broken-anchor"])
        #expect(computed.diagnostics.first?.location.line == 4)
    }

    @Test func renderAndWriteProduceEveryPageInOrder() throws {
        let dir = try site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sources = try #require(LoadStage.run(options(dir)).checkedOutput)
        let checked = try #require(CheckStage.run(sources).checkedOutput)
        var timings = BuildTimings()
        let computed = try #require(ComputeStage.run(checked, directives: DirectiveRegistry(), timings: &timings).checkedOutput)
        let render = RenderStage(computed)
        #expect(render.batches == [0..<2])
        let pages = render.pages(0..<2)
        #expect(pages.map(\.path) == ["index.html", "page/index.html"])
        let page = String(decoding: pages[1].bytes, as: UTF8.self)
        #expect(page.contains("<h1 id=\"heading\">Heading</h1>") || page.contains("id=\"heading\""))
        var sink = MemorySink()
        let count = try WriteStage.run(render, files: computed.files, into: &sink, timings: &timings)
        #expect(count == sink.files.count && count == 2 + computed.files.count)
        #expect(Array(sink.files.prefix(2).map(\.path)) == ["index.html", "page/index.html"])
    }
}
