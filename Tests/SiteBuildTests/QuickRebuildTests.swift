import Foundation
import Testing

@testable import SiteContent
@testable import SiteOutput
@testable import SiteRender
@testable import SiteBuild
import TestSupport
import GuideSite

/// The cached build's shortcuts (`QuickRebuild`): "nothing changed" from `stat` alone, and the page-edit
/// rebuild that reads, renders and writes only the edited pages. After each, the output folder and the
/// warnings must equal a full build's, and the shortcut must be taken only when it is safe.
@Suite("Incremental builds: shortcuts")
struct QuickRebuildTests {
    /// A fixture site with a fee page, built once through the cache into `Public`.
    static func site() throws -> String {
        let dir = try IncrementalBuildTests.site()
        _ = try build(dir)
        return dir
    }

    static func build(_ dir: String) throws -> GeneratedSite {
        switch SiteBuilder.build(IncrementalBuildTests.options(dir, cached: true)) {
        case .success(let s): return s
        case .failure(let f):
            Issue.record("build failed: \(f.diagnostics.map(\.description).joined(separator: "\n"))")
            throw f
        }
    }

    /// Builds through the cache; expects the output folder and warnings of a full build into another folder.
    static func buildAndCompare(_ dir: String) throws -> CacheStats {
        let cached = try build(dir)
        var options = IncrementalBuildTests.options(dir, cached: false)
        options.outputDirectory = dir + "/Full"
        guard case .success(let full) = SiteBuilder.build(options) else {
            Issue.record("the full build failed")
            return try #require(cached.cache)
        }
        let (got, want) = (Fixture.snapshot(dir + "/Public"), Fixture.snapshot(dir + "/Full"))
        #expect(got.keys.sorted() == want.keys.sorted())
        for (path, bytes) in want where got[path] != bytes { Issue.record("\(path) differs from a full build") }
        #expect(cached.warnings == full.warnings)
        #expect(cached.pageCount == full.pageCount)
        #expect(cached.fileCount == full.fileCount)
        try FileManager.default.removeItem(atPath: dir + "/Full")
        return try #require(cached.cache)
    }

    static func touch(_ file: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: file)
    }

    static func text(_ dir: String, _ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: dir + "/Public/" + path) ?? Data(), as: UTF8.self)
    }

    @Test("no change: nothing changed, nothing written, the same warnings")
    func noop() throws {
        let dir = try IncrementalBuildTests.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try Self.build(dir)
        let again = try Self.build(dir)
        #expect(again.cache?.route == .nothingChanged)
        #expect(again.cache?.filesWritten == 0)
        #expect(again.warnings == first.warnings)
        #expect((again.pageCount, again.fileCount) == (first.pageCount, first.fileCount))
        #expect(try Self.buildAndCompare(dir).route == .nothingChanged)
    }

    @Test("a page touched but not changed: no shortcut to 'nothing changed', no file written, then nothing changed")
    func touchedPage() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.touch(dir + "/Content/guide/beta.md")
        let stats = try Self.buildAndCompare(dir)
        #expect(stats.route == .editedPages)
        #expect(stats.filesWritten == 0)
        #expect(try Self.build(dir).cache?.route == .nothingChanged)
        try Self.touch(dir + "/Templates/page.mustache")
        let afterTemplate = try Self.buildAndCompare(dir)
        #expect(afterTemplate.route == .pipeline)
        #expect(afterTemplate.filesWritten == 0)
    }

    @Test("an edit that keeps the size and the modification time is still seen (the change time differs)")
    func sameSizeSameTime() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/Content/guide/beta.md"
        let mtime = try #require(try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date)
        let handle = try #require(FileHandle(forUpdatingAtPath: file))
        let data = handle.readDataToEndOfFile()
        let at = try #require(data.range(of: Data("Back to".utf8)))
        handle.seek(toFileOffset: UInt64(at.lowerBound))
        handle.write(Data("Bank to".utf8))
        handle.closeFile()
        try FileManager.default.setAttributes([.modificationDate: mtime], ofItemAtPath: file)
        let stats = try Self.buildAndCompare(dir)
        #expect(stats.route == .editedPages)
        #expect(Self.text(dir, "guide/beta/index.html").contains("Bank to"))
    }

    @Test("an edited body: only that page is read and rendered; it and its search text are rewritten in place")
    func editedBody() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let alpha = dir + "/Public/guide/alpha/index.html"
        let inodeBefore = try FileManager.default.attributesOfItem(atPath: alpha)[.systemFileNumber] as? Int
        try Fixture.replace(in: dir + "/Content/guide/beta.md", "Back to", with: "Go back to")
        let stats = try Self.buildAndCompare(dir)
        #expect(stats.route == .editedPages)
        #expect(stats.rendered == 1)
        #expect(stats.laidOut == 1)
        #expect(stats.filesWritten == 2)  // guide/beta/index.html and assets/search/text-0.js
        #expect(Self.text(dir, "guide/beta/index.html").contains("Go back to"))
        #expect(Self.text(dir, "assets/search/text-0.js").contains("Go back to"))
        // Other files are left where they are (no staging copy of the folder).
        #expect(try FileManager.default.attributesOfItem(atPath: alpha)[.systemFileNumber] as? Int == inodeBefore)
        // A second edit of the same page, then nothing.
        try Fixture.replace(in: dir + "/Content/guide/beta.md", "Go back to", with: "Return to")
        #expect(try Self.buildAndCompare(dir).route == .editedPages)
        #expect(try Self.buildAndCompare(dir).route == .nothingChanged)
        // The cached pipeline after the shortcut (a template touched) still agrees with a full build.
        try Self.touch(dir + "/Templates/page.mustache")
        #expect(try Self.buildAndCompare(dir).route == .pipeline)
    }

    @Test("an edited title: the pipeline runs and the navigation of other pages follows")
    func editedTitle() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(!Self.text(dir, "guide/alpha/index.html").contains("Beta two"))
        try Fixture.replace(in: dir + "/Content/guide/beta.md", "title: Beta", with: "title: Beta two")
        let stats = try Self.buildAndCompare(dir)
        #expect(stats.route == .pipeline)
        #expect(Self.text(dir, "guide/alpha/index.html").contains("Beta two"))
    }

    @Test("a file deleted from the output folder comes back")
    func deletedOutputFile() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let beta = dir + "/Public/guide/beta/index.html"
        let old = try #require(FileManager.default.contents(atPath: beta))
        try FileManager.default.removeItem(atPath: beta)
        #expect(try Self.buildAndCompare(dir).route == .pipeline)
        #expect(FileManager.default.contents(atPath: beta) == old)
        // Also when a page body changed at the same time.
        try FileManager.default.removeItem(atPath: beta)
        try Fixture.replace(in: dir + "/Content/guide/alpha.md", "See [beta's notes]", with: "Read [beta's notes]")
        #expect(try Self.buildAndCompare(dir).route == .pipeline)
    }

    @Test("a changed template: the pipeline lays the pages out again")
    func changedTemplate() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Fixture.replace(in: dir + "/Templates/page.mustache", "As of", with: "Checked on")
        let stats = try Self.buildAndCompare(dir)
        #expect(stats.route == .pipeline)
        #expect(Self.text(dir, "guide/beta/index.html").contains("Checked on"))
    }

    @Test("an edited body that breaks another page's anchor: the same errors as a full build, the output unchanged")
    func brokenAnchor() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = Fixture.snapshot(dir + "/Public")
        try Fixture.replace(in: dir + "/Content/guide/beta.md", "## Notes", with: "## Remarks")
        guard case .failure(let cached) = SiteBuilder.build(IncrementalBuildTests.options(dir, cached: true)),
            case .failure(let full) = SiteBuilder.generate(IncrementalBuildTests.options(dir, cached: false))
        else {
            Issue.record("a build succeeded with a broken anchor")
            return
        }
        #expect(cached.diagnostics == full.diagnostics)
        #expect(cached.diagnostics.contains { $0.severity == .error && $0.id == "link.broken-anchor" })
        #expect(Fixture.snapshot(dir + "/Public") == before)
        try Fixture.replace(in: dir + "/Content/guide/beta.md", "## Remarks", with: "## Notes")
        _ = try Self.buildAndCompare(dir)
    }

    @Test("an edited body citing only a secondary source: the extension's certainty error, as in a full build")
    func editedBodyCitingOnlyASecondarySource() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Fixture.replace(in: dir + "/Content/guide/beta.md", "Back to", with: "[Billed](source:rvuedge-2026) once. Back to")
        guard case .failure(let cached) = SiteBuilder.build(IncrementalBuildTests.options(dir, cached: true)),
            case .failure(let full) = SiteBuilder.generate(IncrementalBuildTests.options(dir, cached: false))
        else {
            Issue.record("a build succeeded with a statement citing only a secondary source")
            return
        }
        #expect(cached.diagnostics == full.diagnostics)
        #expect(cached.diagnostics.map(\.id).contains("certainty.unmarked-secondary"))
    }

    @Test("pages without bodies survive the snapshot's encoding field for field")
    func snapshotCodec() throws {
        let loaded = try #require(
            LoadStage.run(
                BuildOptions(
                    contentDirectory: Fixture.packageRoot + "/Content", templatesDirectory: Fixture.packageRoot + "/Templates",
                    siteExtension: Guide.extension)
            ).checkedOutput)
        #expect(loaded.pages.count > 20)
        for var page in loaded.pages {
            page.body = ""
            var w = CacheWriter()
            SiteSnapshot.encode(page, into: &w)
            var r = CacheReader(w.bytes)
            var back = try SiteSnapshot.decodeSource(&r)
            #expect(r.atEnd)
            #expect(back.meta.fieldLocations.map(\.key) == page.meta.fieldLocations.map(\.key))
            #expect(back.meta.fieldLocations.map(\.at) == page.meta.fieldLocations.map(\.at))
            back.meta.fieldLocations = []
            page.meta.fieldLocations = []
            var (a, b) = ("", "")
            dump(page, to: &a)
            dump(back, to: &b)
            #expect(a == b, "\(page.relativePath)")
        }
    }

    @Test("the snapshot keeps what the site-wide checks read of each render, and the navigation and search text")
    func recordCodec() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = IncrementalBuildTests.options(dir, cached: true)
        options.outputDirectory = dir + "/Public"
        let sources = try #require(LoadStage.run(options).checkedOutput)
        let checked = try #require(CheckStage.run(sources).checkedOutput)
        var timings = BuildTimings()
        let computed = try #require(
            ComputeStage.run(checked, directives: .standard, keepingRenders: true, timings: &timings).checkedOutput)
        let render = RenderStage(computed)
        let cache = dir + "/record"
        options.cacheDirectory = cache
        let id = try #require(BuildRecord.save(computed, navigation: render.navigation, options: options))
        let snapshot = try #require(SiteSnapshot.read(from: cache))
        #expect(snapshot.id == id)
        #expect(snapshot.pages.count == computed.renders.count)
        #expect(computed.renders.contains { !$0.anchorReferences.isEmpty && !$0.ids.isEmpty })
        for (page, r) in zip(snapshot.pages, computed.renders) {
            #expect(page.summary.ids == r.ids)
            let anchors = { (a: [AnchorReference]) in a.map { "\($0.targetOutputPath)|\($0.targetDisplay)|\($0.fragment)|\($0.location)" } }
            #expect(anchors(page.summary.anchorReferences) == anchors(r.anchorReferences))
            #expect(page.summary.citedSources == r.citedSources)
            #expect(page.summary.diagnostics == r.diagnostics)
            #expect(page.summary.directivesUsed == r.directivesUsed)
        }
        let generation = snapshot.generation
        #expect(BuildRecord.readNavigation(from: cache, generation: generation, count: render.navigation.count) == render.navigation)
        let listed = SearchIndex.listed(computed.site)
        #expect(
            BuildRecord.readShard(0, from: cache, generation: generation)
                == listed.prefix(SearchIndex.shardSize).map { computed.renders[$0].sections })
        // Files another build wrote (another generation) are not taken.
        #expect(BuildRecord.readShard(0, from: cache, generation: SiteSnapshot.newID()) == nil)
        #expect(BuildRecord.readNavigation(from: cache, generation: SiteSnapshot.newID(), count: render.navigation.count) == nil)

        // Written back, unchanged pages keep the bytes they were read with; a changed page is encoded again, and
        // the file equals one with every page encoded afresh.
        var edited = snapshot
        edited.pages[1].text = Digest(high: 1, low: 2)
        edited.pages[2].summary.citedSources.append("planted")
        #expect(edited.pages[0].encoded != nil && edited.pages[1].encoded == nil && edited.pages[2].encoded == nil)
        var fresh = edited
        for i in fresh.pages.indices { fresh.pages[i].encoded = nil }
        let (a, b) = (dir + "/patched", dir + "/fresh")
        for d in [a, b] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
        edited.write(to: a)
        fresh.write(to: b)
        #expect(CacheStore.read(SiteSnapshot.file(a)) == CacheStore.read(SiteSnapshot.file(b)))
        #expect(SiteSnapshot.read(from: a)?.pages[2].summary.citedSources.last == "planted")
        snapshot.write(to: a)
        #expect(CacheStore.read(SiteSnapshot.file(a)) == CacheStore.read(SiteSnapshot.file(cache)))
    }

    @Test("diagnostics kept in the cache keep every field: id, range with its end, hint, notes")
    func diagnosticsCodec() throws {
        let at = SourceLocation(file: "Content/a.md", line: 3, column: 7)
        let list = [
            Diagnostic(
                "link.test", .warning, at, "a warning", hint: "a hint",
                end: SourceLocation(file: "Content/a.md", line: 3, column: 12),
                notes: [Diagnostic.Note(SourceLocation(file: "Content/b.md", line: 1, column: 1), "linked from here")]),
            Diagnostic("test.plain", .error, at, "an error without hint, end or notes"),
        ]
        var w = CacheWriter()
        w.diagnostics(list)
        var r = CacheReader(w.bytes)
        let back = try r.diagnostics()
        #expect(r.atEnd)
        #expect(back == list)
        #expect(back.map(\.id) == list.map(\.id))
        #expect(back.map(\.range) == list.map(\.range))
    }

    @Test("a link to a folder that loops back: the build fails at the link instead of walking forever")
    func linkLoop() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/Content/guide/loop", withDestinationPath: "..")
        guard case .failure(let f) = SiteBuilder.build(IncrementalBuildTests.options(dir, cached: true)) else {
            Issue.record("the build succeeded with a link to a folder")
            return
        }
        #expect(f.diagnostics.contains { $0.id == "input.folder-link" && $0.location.file.hasSuffix("/guide/loop") })
    }

    @Test("a page that is a link to a file: pointing it at another file is a change")
    func retargetedLink() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let guide = dir + "/Content/guide/"
        // (In a hidden folder: a file of the content folder the build does not use is an error.)
        try FileManager.default.createDirectory(atPath: dir + "/Content/.texts", withIntermediateDirectories: true)
        try Fixture.write("---\ntitle: Linked\n---\nFirst text.\n", to: dir + "/Content/.texts/one.txt")
        try Fixture.write("---\ntitle: Linked\n---\nOther text.\n", to: dir + "/Content/.texts/two.txt")
        try FileManager.default.createSymbolicLink(atPath: guide + "linked.md", withDestinationPath: "../.texts/one.txt")
        _ = try Self.buildAndCompare(dir)
        #expect(Self.text(dir, "guide/linked/index.html").contains("First text."))
        try FileManager.default.removeItem(atPath: guide + "linked.md")
        try FileManager.default.createSymbolicLink(atPath: guide + "linked.md", withDestinationPath: "../.texts/two.txt")
        #expect(try Self.buildAndCompare(dir).route != .nothingChanged)
        #expect(Self.text(dir, "guide/linked/index.html").contains("Other text."))
    }

    @Test("an editor's swap and backup files are no change; beside a body edit they do not stop the shortcut")
    func editorFiles() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Fixture.write("swap", to: dir + "/Content/guide/.beta.md.swp")
        try Fixture.write("old", to: dir + "/Content/guide/beta.md~")
        try Fixture.write("x", to: dir + "/Templates/.DS_Store")
        #expect(try Self.buildAndCompare(dir).route == .nothingChanged)
        try Fixture.write("swap 2", to: dir + "/Content/guide/.beta.md.swp")
        try Fixture.replace(in: dir + "/Content/guide/beta.md", "Back to", with: "Go back to")
        #expect(try Self.buildAndCompare(dir).route == .editedPages)
        // Not in data/: every file there counts.
        try Fixture.write("x", to: dir + "/Content/data/.hidden")
        #expect(try Self.buildAndCompare(dir).route == .pipeline)
    }

    @Test("a body edit that runs a directive the page did not run before goes through the pipeline")
    func newDirective() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Fixture.replace(in: dir + "/Content/guide/beta.md", "Back to", with: "```fee-table 97550\n```\n\nBack to")
        #expect(try Self.buildAndCompare(dir).route == .pipeline)
        #expect(Self.text(dir, "guide/beta/index.html").contains("<table"))
    }

    @Test("an in-place update whose last rename fails puts the others back (and removes a new folder): the folder is as it was")
    func inPlaceRollback() throws {
        let dir = try Fixture.copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/Out"
        try Fixture.write("old a", to: out + "/a.txt")
        try Fixture.write("inside", to: out + "/b.txt/keep.txt")  // a folder where the update wants a file
        let before = Fixture.snapshot(out)
        let plan = try OutputSwap.prepare(out, force: true, marker: SiteWriter.marker)
        defer { OutputSwap.unlock(plan) }
        #expect(throws: WriteError.self) {
            try InPlaceUpdate.apply(
                [OutputFile(path: "a.txt", text: "new a"), OutputFile(path: "c/d.txt", text: "new d"),
                 OutputFile(path: "b.txt", text: "new b")],
                removing: [], in: out, plan: plan, output: out)
        }
        #expect(Fixture.snapshot(out) == before)
        #expect(!FileManager.default.fileExists(atPath: out + "/c"))
        #expect(!FileManager.default.fileExists(atPath: plan.staging))
    }
}
