import SiteContent
import SiteOutput
import Dispatch
import Foundation

/// The shortcuts of a cached build, tried before the cached pipeline (`SiteBuilder.buildIncrementally`):
///
/// - **nothing changed**: the input stamp (`InputStamp`: a `stat` of every file below the content and
///   templates folders, this program, the options) equals the one recorded by the last successful build, and
///   the output folder still matches its record: the build reads no file and writes nothing;
/// - **page edits**: only the bodies of a few existing pages changed (`PageEditBuild`).
///
/// Anything else (or anything unexpected on the way) returns nil and the build takes the cached pipeline,
/// which records a new stamp when it succeeds. The record (`quick-stamp` in the cache) names the site snapshot
/// (`SiteSnapshot`) written by the same build, so a build that failed after writing one is never trusted.
enum QuickRebuild {
    struct Record {
        var snapshotID: Digest
        var stamp: InputStamp
        var pages: Int
        var files: Int
        var warnings: [Diagnostic]
    }

    static func recordFile(_ cacheDirectory: String) -> String { cacheDirectory + "/quick-stamp" }

    /// The finished build, or nil to build through the cached pipeline.
    static func attempt(_ options: BuildOptions, cacheDirectory: String, stamp: InputStamp)
        -> Result<GeneratedSite, BuildFailure>?
    {
        let start = DispatchTime.now()
        guard let record = read(cacheDirectory), let all = stamp.changes(since: record.stamp, options: options)
        else { return nil }
        let changes = all.filter { !InputStamp.ignorable($0) }
        if changes.isEmpty {
            let out = OutputUpdater.trimmed(options.outputDirectory)
            let manifestFile = OutputUpdater.manifestFile(options.outputDirectory, cacheDirectory: cacheDirectory)
            guard let manifest = OutputUpdater.readManifest(manifestFile), OutputUpdater.fileCount(manifest) == record.files,
                OutputUpdater.matches(out, manifest), !OutputSwap.hasLeftovers(out)
            else { return nil }
            var timings = BuildTimings()
            timings.stages.append(.init(name: "stat the inputs", seconds: stamp.seconds))
            timings.add("compare inputs and output with the last build", since: start)
            var stats = CacheStats()
            stats.pages = record.pages
            stats.filesWritten = 0
            stats.route = .nothingChanged
            return .success(
                GeneratedSite(
                    files: [], pageCount: record.pages, warnings: record.warnings, fileCount: record.files,
                    timings: timings, cache: stats))
        }
        return PageEditBuild.run(options, cacheDirectory: cacheDirectory, stamp: stamp, record: record, changes: changes)
    }

    /// After a successful cached build: records its stamp beside the snapshot its cache just wrote (unless
    /// another build has written one since).
    static func save(_ stamp: InputStamp, site: GeneratedSite, cacheDirectory: String) {
        guard let id = site.cache?.snapshotID, let head = CacheStore.read(SiteSnapshot.file(cacheDirectory)),
            head.count >= 24
        else { return }
        var r = CacheReader(Array(head[0..<24]))
        guard (try? r.int()) == BuildCache.formatVersion, (try? r.digest()) == id else { return }
        write(
            Record(snapshotID: id, stamp: stamp, pages: site.pageCount, files: site.fileCount, warnings: site.warnings),
            to: cacheDirectory)
    }

    /// Forgets the record (before a build that may change the snapshot).
    static func forget(_ cacheDirectory: String) { unlink(recordFile(cacheDirectory)) }

    static func write(_ record: Record, to cacheDirectory: String) {
        var w = CacheWriter()
        w.int(BuildCache.formatVersion)
        w.digest(record.snapshotID)
        w.int(record.pages)
        w.int(record.files)
        w.diagnostics(record.warnings)
        record.stamp.encode(into: &w)
        CacheStore.write(w.bytes, to: recordFile(cacheDirectory))
    }

    static func read(_ cacheDirectory: String) -> Record? {
        guard let bytes = CacheStore.read(recordFile(cacheDirectory)) else { return nil }
        var r = CacheReader(bytes)
        do {
            guard try r.int() == BuildCache.formatVersion else { return nil }
            let id = try r.digest()
            let pages = try r.int()
            let files = try r.int()
            let warnings = try r.diagnostics()
            let stamp = try InputStamp.decode(&r)
            guard r.atEnd else { return nil }
            return Record(snapshotID: id, stamp: stamp, pages: pages, files: files, warnings: warnings)
        } catch {
            return nil
        }
    }
}
