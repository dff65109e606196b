import SiteContent
import SiteOutput
import Dispatch
import Foundation

/// The quick route of a cached build, tried before the pipeline (`SiteBuilder.buildIncrementally`): the
/// input stamp (`InputStamp`: a `stat` of every file below the content and templates folders, this program, the
/// options) is compared with the one recorded by the last successful build. When only the bodies of a few
/// existing pages changed, only they are read, rendered, laid out and written (`PageEditBuild`); "nothing
/// changed" is the same route with no page edited: nothing is read, and the output folder is only compared with
/// its record (`OutputUpdater.update` with no file), since loading and checking the site alone would cost more
/// than the no-op's budget (docs/architecture.md, "The build cache").
///
/// Anything else (or anything unexpected on the way) returns nil and the build takes the pipeline,
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

    /// The finished build, or nil to build through the pipeline.
    static func attempt(_ options: BuildOptions, cacheDirectory: String, stamp: InputStamp)
        -> Result<GeneratedSite, BuildFailure>?
    {
        var clock = DispatchTime.now()
        guard let record = read(cacheDirectory), let all = stamp.changes(since: record.stamp, options: options)
        else { return nil }
        let changes = all.filter { !InputStamp.ignorable($0) }
        var timings = BuildTimings()
        timings.stages.append(.init(name: "stat the inputs", seconds: stamp.seconds))
        var edit: PageEditBuild.Edit?
        if !changes.isEmpty {
            guard let made = PageEditBuild.run(options, cacheDirectory: cacheDirectory, record: record, changes: changes, timings: &timings)
            else { return nil }
            edit = made
            clock = DispatchTime.now()
        }
        guard let written = OutputUpdater.update(
            edit?.files ?? [], fileCount: record.files, options: options, cacheDirectory: cacheDirectory)
        else { return nil }
        var next = record
        if let edit {
            timings.add("write changed files", since: clock)
            clock = DispatchTime.now()
            edit.save(cacheDirectory)
            (next.snapshotID, next.stamp, next.warnings) = (edit.snapshot.id, stamp, edit.warnings)
            write(next, to: cacheDirectory)
            timings.add("save the build cache", since: clock)
        } else {
            timings.add("compare inputs and output with the last build", since: clock)
        }
        let edited = edit?.pages ?? 0
        let stats = CacheStats(
            pages: record.pages, rendered: edited, laidOut: edited, filesWritten: written,
            route: edit == nil ? .nothingChanged : .editedPages)
        return .success(
            GeneratedSite(
                files: [], pageCount: record.pages, warnings: next.warnings, fileCount: record.files, timings: timings,
                cache: stats))
    }

    /// After a successful cached build: records its stamp beside the snapshot its cache just wrote (unless
    /// another build has written one since).
    static func save(_ stamp: InputStamp, site: GeneratedSite, cacheDirectory: String) {
        guard let id = site.cache?.snapshotID, let head = CacheStore.read(SiteSnapshot.file(cacheDirectory)),
            head.count >= 24
        else { return }
        var r = CacheReader(Array(head[0..<24]))
        guard (try? r.int()) == BuildRecord.formatVersion, (try? r.digest()) == id else { return }
        write(
            Record(snapshotID: id, stamp: stamp, pages: site.pageCount, files: site.fileCount, warnings: site.warnings),
            to: cacheDirectory)
    }

    /// Forgets the record (before a build that may change the snapshot).
    static func forget(_ cacheDirectory: String) { unlink(recordFile(cacheDirectory)) }

    static func write(_ record: Record, to cacheDirectory: String) {
        var w = CacheWriter()
        w.int(BuildRecord.formatVersion)
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
            guard try r.int() == BuildRecord.formatVersion else { return nil }
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
