import Foundation
import Testing

@testable import SiteOutput
@testable import SiteBuild
import TestSupport

/// Incremental builds: after each kind of edit, a build through the cache writes exactly the files of a full
/// build, through the quick route when only page bodies changed and through the pipeline otherwise.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// A fixture copy with a cache folder, plus a page that shows fees (a directive reading data files).
    static func site() throws -> String {
        let dir = try Fixture.copy()
        try Fixture.write(
            "---\ntitle: Fees\nweight: 3\n---\n## Fee table\n\n```fee-table 97550\n```\n\nSee [alpha](alpha.md).\n",
            to: dir + "/Content/guide/fees.md")
        return dir
    }

    static func options(_ dir: String, cached: Bool) -> BuildOptions {
        var o = Fixture.options(dir)
        o.cacheDirectory = cached ? dir + "/.ctsguide-cache" : nil
        return o
    }

    static func generate(_ dir: String, cached: Bool) throws -> GeneratedSite {
        switch SiteBuilder.generate(options(dir, cached: cached)) {
        case .success(let s): return s
        case .failure(let f):
            Issue.record("build failed: \(f.diagnostics.map(\.description).joined(separator: "\n"))")
            throw f
        }
    }

    static func files(_ s: GeneratedSite) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: s.files.map { ($0.path, $0.bytes) })
    }

    /// Builds through the cache, applies `edit`, then builds through the cache again: its output folder and
    /// warnings must equal a full build's (`QuickRebuildTests.buildAndCompare`). Returns the cache's counts and
    /// the output folder before and after.
    static func afterEdit(_ edit: (String) throws -> Void) throws -> (
        stats: CacheStats, before: [String: Data], after: [String: Data]
    ) {
        let dir = try site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try QuickRebuildTests.build(dir)
        let before = Fixture.snapshot(dir + "/Public")
        try edit(dir)
        let stats = try QuickRebuildTests.buildAndCompare(dir)
        return (stats, before, Fixture.snapshot(dir + "/Public"))
    }

    static func text(_ files: [String: Data], _ path: String) -> String {
        String(decoding: files[path] ?? Data(), as: UTF8.self)
    }

    @Test("no change: nothing is rendered or written")
    func noop() throws {
        let r = try Self.afterEdit { _ in }
        #expect(r.stats.route == .nothingChanged)
        #expect(r.stats.pages == 6)
        #expect(r.stats.rendered == 0)
        #expect(r.before == r.after)
    }

    @Test("an edited page body: only that page is rendered again")
    func editedPage() throws {
        let r = try Self.afterEdit { dir in
            try Fixture.replace(in: dir + "/Content/guide/beta.md", "Back to", with: "Go back to")
        }
        #expect(r.stats.route == .editedPages)
        #expect(r.stats.rendered == 1)
        #expect(Self.text(r.after, "guide/beta/index.html").contains("Go back to"))
    }

    @Test("an edited title: every page follows (the navigation of the others too)")
    func editedTitle() throws {
        let r = try Self.afterEdit { dir in
            try Fixture.replace(in: dir + "/Content/guide/beta.md", "title: Beta", with: "title: Beta two")
        }
        #expect(r.stats.route == .pipeline)
        #expect(Self.text(r.after, "guide/alpha/index.html").contains("Beta two"))
    }

    @Test("an edited template: the pages using it follow")
    func editedTemplate() throws {
        let r = try Self.afterEdit { dir in
            try Fixture.replace(in: dir + "/Templates/page.mustache", "As of", with: "Checked on")
        }
        #expect(r.stats.route == .pipeline)
        #expect(Self.text(r.after, "guide/fees/index.html").contains("Checked on"))
        #expect(r.before["index.html"] == r.after["index.html"])  // the home page has its own layout
    }

    @Test("an edited partial: every page whose template includes it follows")
    func editedPartial() throws {
        let r = try Self.afterEdit { dir in
            let file = dir + "/Templates/partials/head.mustache"
            try Fixture.replace(in: file, "<head>", with: "<head>\n")
        }
        #expect(r.stats.route == .pipeline)
        let pages = r.after.keys.filter { $0.hasSuffix(".html") && !$0.hasPrefix("assets/") }
        #expect(pages.count >= 6)
        for page in pages { #expect(r.before[page] != r.after[page], "\(page)") }
    }

    @Test("an edited fee file: the page showing fees shows the new amount")
    func editedData() throws {
        let r = try Self.afterEdit { dir in
            try Fixture.replace(in: dir + "/Content/data/fees/2025-01-01.yaml", "value: 32.3465", with: "value: 33.3465")
        }
        #expect(r.stats.route == .pipeline)
        #expect(r.before["guide/fees/index.html"] != r.after["guide/fees/index.html"])
        #expect(r.before["guide/beta/index.html"] == r.after["guide/beta/index.html"])
    }

    @Test("an edited site.yaml: every page follows")
    func editedConfig() throws {
        let r = try Self.afterEdit { dir in
            try Fixture.replace(in: dir + "/Content/site.yaml", "as_of: 2025-06-02", with: "as_of: 2025-07-01")
        }
        #expect(r.stats.route == .pipeline)
        #expect(Self.text(r.after, "guide/beta/index.html").contains("2025-07-01"))
    }

    @Test("a new page: it is written and the pages listing it follow")
    func newPage() throws {
        let r = try Self.afterEdit { dir in
            try Fixture.write(
                "---\ntitle: Gamma\nweight: 4\n---\nGamma links to [beta](beta.md#notes).\n",
                to: dir + "/Content/guide/gamma.md")
        }
        #expect(r.stats.route == .pipeline)
        #expect(r.after["guide/gamma/index.html"] != nil)
        #expect(Self.text(r.after, "guide/index.html").contains("gamma/index.html"))
    }

    @Test("a deleted page that others link to: the build fails at the link, it does not serve a stale page")
    func deletedLinkTarget() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try QuickRebuildTests.build(dir)
        try FileManager.default.removeItem(atPath: dir + "/Content/guide/beta.md")
        guard case .failure(let failure) = SiteBuilder.build(Self.options(dir, cached: true)) else {
            Issue.record("the incremental build succeeded with a link to a deleted page")
            return
        }
        let errors = failure.diagnostics.filter { $0.severity == .error }.map { "\($0.location) \($0.id)" }
        #expect(errors.contains(dir + "/Content/guide/alpha.md:9:5 link.broken"))
        // The same errors as a full build.
        guard case .failure(let full) = SiteBuilder.generate(Self.options(dir, cached: false)) else {
            Issue.record("the full build succeeded")
            return
        }
        #expect(failure.diagnostics == full.diagnostics)
    }

    @Test("a malformed cache is a miss, not a crash: the pipeline writes the site")
    func corruptCache() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try QuickRebuildTests.build(dir)
        let cache = dir + "/.ctsguide-cache"
        let files = try FileManager.default.subpathsOfDirectory(atPath: cache)
        var corrupted = 0
        for name in files where !name.hasPrefix("quick-stamp") && !name.hasPrefix("output-") {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: cache + "/" + name, isDirectory: &isDir), !isDir.boolValue else { continue }
            try Data([1, 2, 3]).write(to: URL(fileURLWithPath: cache + "/" + name))
            corrupted += 1
        }
        #expect(corrupted >= 3)  // the snapshot, the navigation, a search shard
        try Fixture.replace(in: dir + "/Content/guide/beta.md", "Back to", with: "Go back to")
        #expect(try QuickRebuildTests.buildAndCompare(dir).route == .pipeline)
    }

    @Test("build: the output folder after incremental builds equals a full build's, and a no-op writes nothing")
    func outputFolder() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func build(_ output: String, cached: Bool) throws -> CacheStats? {
            var o = Self.options(dir, cached: cached)
            o.outputDirectory = output
            switch SiteBuilder.build(o) {
            case .success(let s): return s.cache
            case .failure(let f): throw f
            }
        }
        let out = dir + "/Public", full = dir + "/Full"
        _ = try build(out, cached: true)
        #expect(try build(out, cached: true)?.filesWritten == 0)
        // An edit and a deleted page: one page rewritten, one page's file and folder removed.
        try Fixture.replace(in: dir + "/Content/guide/beta.md", "Back to", with: "Go back to")
        try FileManager.default.removeItem(atPath: dir + "/Content/guide/fees.md")
        let stats = try build(out, cached: true)
        #expect((stats?.filesWritten ?? 0) > 0)
        _ = try build(full, cached: false)
        #expect(Fixture.snapshot(out) == Fixture.snapshot(full))
        #expect(!FileManager.default.fileExists(atPath: out + "/guide/fees"))
        // A file added by hand: the next build replaces the whole folder, as a full build does.
        try Fixture.write("stray", to: out + "/stray.txt")
        #expect(try build(out, cached: true)?.filesWritten == Fixture.snapshot(full).count - 1)
        #expect(Fixture.snapshot(out) == Fixture.snapshot(full))
    }

    @Test("a link by output URL (../beta/): deleting its target fails the incremental build at the link")
    func deletedOutputURLTarget() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Fixture.write("---\ntitle: Gamma\n---\nSee [beta](../beta/).\n", to: dir + "/Content/guide/gamma.md")
        _ = try QuickRebuildTests.build(dir)
        #expect(QuickRebuildTests.text(dir, "guide/gamma/index.html").contains("href=\"../beta/index.html\""))
        try Fixture.replace(in: dir + "/Content/guide/alpha.md", "[beta's notes](beta.md#notes)", with: "notes")
        try FileManager.default.removeItem(atPath: dir + "/Content/guide/beta.md")
        guard case .failure(let failure) = SiteBuilder.build(Self.options(dir, cached: true)) else {
            Issue.record("the incremental build succeeded with a link to a deleted page")
            return
        }
        #expect(failure.diagnostics.contains { $0.severity == .error && "\($0.location) \($0.id)".hasSuffix("gamma.md:4:5 link.broken") })
    }
}

/// The in-place update of an incremental build holds the same output lock as the staging swap.
@Suite("Incremental builds: output lock")
struct IncrementalOutputLockTests {
    final class Outcome: @unchecked Sendable {
        var written: Int?
    }

    @Test("an in-place update waits while another build holds the lock on the output's folder")
    func inPlaceUpdateTakesTheLock() throws {
        let dir = try IncrementalBuildTests.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/Public", cache = dir + "/.ctsguide-cache"
        let first = try IncrementalBuildTests.generate(dir, cached: true)
        _ = try OutputUpdater.write(first.files, to: out, force: false, cacheDirectory: cache)
        try Fixture.replace(in: dir + "/Content/guide/beta.md", "Back to", with: "Go back to")
        let second = try IncrementalBuildTests.generate(dir, cached: true)
        let beta = out + "/guide/beta/index.html"
        let old = try #require(FileManager.default.contents(atPath: beta))

        let held = OutputLock(dir)  // what a build into the same place holds while it writes
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            outcome.written = try? OutputUpdater.write(second.files, to: out, force: false, cacheDirectory: cache)
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 1) == .timedOut)
        #expect(FileManager.default.contents(atPath: beta) == old)
        held.release()
        #expect(done.wait(timeout: .now() + 60) == .success)
        // The page and the search text that holds its words.
        let before = IncrementalBuildTests.files(first)
        let changed = second.files.filter { before[$0.path] != $0.bytes }.map(\.path)
        #expect(changed == ["assets/search/text-0.js", "guide/beta/index.html"])
        #expect(outcome.written == changed.count)
        #expect(FileManager.default.contents(atPath: beta) != old)
    }
}
