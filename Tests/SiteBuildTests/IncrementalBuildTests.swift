import Foundation
import Testing

@testable import SiteOutput
@testable import SiteBuild
import TestSupport

/// Incremental builds: after each kind of edit, a build through the cache gives exactly the files of a full
/// build, and re-renders only what the edit touches.
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

    /// Warms the cache, applies `edit`, then builds through the cache and from scratch: the two must be equal.
    /// Returns the cache's counts and the files before and after.
    static func afterEdit(_ edit: (String) throws -> Void) throws -> (
        stats: CacheStats, before: [String: [UInt8]], after: [String: [UInt8]]
    ) {
        let dir = try site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = files(try generate(dir, cached: true))
        try edit(dir)
        let incremental = try generate(dir, cached: true)
        let full = try generate(dir, cached: false)
        #expect(incremental.files.map(\.path) == full.files.map(\.path))
        for (a, b) in zip(incremental.files, full.files) where a.bytes != b.bytes {
            Issue.record("\(a.path) differs from a full build")
        }
        #expect(incremental.warnings == full.warnings)
        return (try #require(incremental.cache), before, files(incremental))
    }

    @Test("no change: nothing is rendered or laid out again")
    func noop() throws {
        let r = try Self.afterEdit { _ in }
        #expect(r.stats.pages == 6)
        #expect(r.stats.rendered == 0)
        #expect(r.stats.laidOut == 0)
        #expect(r.before == r.after)
    }

    @Test("an edited page body: only that page is rendered again")
    func editedPage() throws {
        let r = try Self.afterEdit { dir in
            try Fixture.replace(in: dir + "/Content/guide/beta.md", "Back to", with: "Go back to")
        }
        #expect(r.stats.rendered == 1)
        #expect(r.stats.laidOut == 1)
        #expect(String(decoding: r.after["guide/beta/index.html"]!, as: UTF8.self).contains("Go back to"))
    }

    @Test("an edited title: that page and the directive pages are rendered again, every page is laid out again")
    func editedTitle() throws {
        let r = try Self.afterEdit { dir in
            try Fixture.replace(in: dir + "/Content/guide/beta.md", "title: Beta", with: "title: Beta two")
        }
        // beta, and the two pages that run directives (they may list other pages): fees and sources.
        #expect(r.stats.rendered == 3)
        #expect(r.stats.laidOut == 6)
    }

    @Test("an edited template: pages using it are laid out again, none rendered")
    func editedTemplate() throws {
        let r = try Self.afterEdit { dir in
            try Fixture.replace(in: dir + "/Templates/page.mustache", "As of", with: "Checked on")
        }
        #expect(r.stats.rendered == 0)
        // alpha, beta and fees use `page`; home, the guide index and sources use their own layouts.
        #expect(r.stats.laidOut == 3)
        #expect(String(decoding: r.after["guide/fees/index.html"]!, as: UTF8.self).contains("Checked on"))
    }

    @Test("an edited partial: every page whose template includes it is laid out again")
    func editedPartial() throws {
        let r = try Self.afterEdit { dir in
            let file = dir + "/Templates/partials/head.mustache"
            try (try String(contentsOfFile: file, encoding: .utf8) + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        }
        #expect(r.stats.rendered == 0)
        #expect(r.stats.laidOut == 6)
    }

    @Test("an edited fee file: the page showing fees is rendered again and shows the new amount")
    func editedData() throws {
        let r = try Self.afterEdit { dir in
            try Fixture.replace(in: dir + "/Content/data/fees/2025-01-01.yaml", "value: 32.3465", with: "value: 33.3465")
        }
        #expect(r.stats.rendered == 2)  // fees (fee-table) and sources (sources directive); not alpha, beta, home
        #expect(r.before["guide/fees/index.html"] != r.after["guide/fees/index.html"])
        #expect(r.before["guide/beta/index.html"] == r.after["guide/beta/index.html"])
    }

    @Test("an edited site.yaml: every page follows")
    func editedConfig() throws {
        let r = try Self.afterEdit { dir in
            try Fixture.replace(in: dir + "/Content/site.yaml", "as_of: 2025-06-02", with: "as_of: 2025-07-01")
        }
        #expect(r.stats.laidOut == 6)
        #expect(String(decoding: r.after["guide/beta/index.html"]!, as: UTF8.self).contains("2025-07-01"))
    }

    @Test("a new page: it and the directive pages are rendered, the pages listing it are laid out again")
    func newPage() throws {
        let r = try Self.afterEdit { dir in
            try Fixture.write(
                "---\ntitle: Gamma\nweight: 4\n---\nGamma links to [beta](beta.md#notes).\n",
                to: dir + "/Content/guide/gamma.md")
        }
        #expect(r.stats.rendered == 3)  // gamma, fees, sources; not alpha, beta or home
        #expect(r.after["guide/gamma/index.html"] != nil)
        #expect(String(decoding: r.after["guide/index.html"]!, as: UTF8.self).contains("gamma/index.html"))
    }

    @Test("a deleted page that others link to: the build fails at the link, it does not serve a stale page")
    func deletedLinkTarget() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try Self.generate(dir, cached: true)
        try FileManager.default.removeItem(atPath: dir + "/Content/guide/beta.md")
        guard case .failure(let failure) = SiteBuilder.generate(Self.options(dir, cached: true)) else {
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

    @Test("a malformed cache entry is a miss, not a crash")
    func corruptCache() throws {
        let dir = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try Self.generate(dir, cached: true)
        let pages = dir + "/.ctsguide-cache/pages"
        for name in try FileManager.default.contentsOfDirectory(atPath: pages) {
            try Data([1, 2, 3]).write(to: URL(fileURLWithPath: pages + "/" + name))
        }
        let again = try Self.generate(dir, cached: true)
        #expect(again.cache?.rendered == 6)
        #expect(Self.files(again) == Self.files(first))
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
        let warm = try Self.generate(dir, cached: true)
        let gamma = String(decoding: Self.files(warm)["guide/gamma/index.html"]!, as: UTF8.self)
        #expect(gamma.contains("href=\"../beta/index.html\""))
        try Fixture.replace(in: dir + "/Content/guide/alpha.md", "[beta's notes](beta.md#notes)", with: "notes")
        try FileManager.default.removeItem(atPath: dir + "/Content/guide/beta.md")
        guard case .failure(let failure) = SiteBuilder.generate(Self.options(dir, cached: true)) else {
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
