import SiteContent
import Dispatch

/// The build: `LoadStage` → `CheckStage` → `ComputeStage` → `RenderStage` → `WriteStage`. Each stage hands its
/// output to the next and reports what it found; any error stops the build before anything is written.
public enum SiteBuilder {
    /// Loads, checks and renders the whole site in memory. Writes nothing (`recording`: but the build cache's
    /// record, `BuildRecord`).
    public static func generate(_ options: BuildOptions, recording: Bool = false) -> Result<GeneratedSite, BuildFailure> {
        let overlap = FolderOverlap.problems(options, writesOutput: false)
        if !overlap.isEmpty { return .failure(BuildFailure(overlap)) }
        var timings = BuildTimings()
        var sink = MemorySink()
        return run(options, recording: recording, timings: &timings, into: &sink).map { summary in
            let files = sink.files.sorted { $0.path < $1.path }
            return GeneratedSite(
                files: files, pageCount: summary.pages, warnings: summary.warnings, fileCount: files.count,
                timings: timings, cache: summary.cache)
        }
    }

    /// Generates the site and, when it has no errors, replaces the output folder with it: files go into a
    /// staging folder batch by batch, which is swapped in at the end.
    /// Refuses (before touching anything) when the output or cache folder overlaps an input (`FolderOverlap`).
    public static func build(_ options: BuildOptions) -> Result<GeneratedSite, BuildFailure> {
        let overlap = FolderOverlap.problems(options, writesOutput: true)
        if !overlap.isEmpty { return .failure(BuildFailure(overlap)) }
        if let cacheDirectory = options.cacheDirectory {
            return buildIncrementally(options, cacheDirectory: cacheDirectory)
        }
        var timings = BuildTimings()
        var sink = StagingSink(output: options.outputDirectory, force: options.force)
        switch run(options, recording: false, timings: &timings, into: &sink) {
        case .failure(let f):
            sink.abandon()
            return .failure(f)
        case .success(let summary):
            let start = DispatchTime.now()
            do {
                try sink.commit()
            } catch {
                sink.abandon()
                return .failure(BuildFailure(summary.warnings + [error.diagnostic]))
            }
            timings.add("swap in the output folder", since: start)
            return .success(
                GeneratedSite(
                    files: [], pageCount: summary.pages, warnings: summary.warnings, fileCount: summary.files,
                    timings: timings))
        }
    }

    /// With a cache: the quick route when it applies (`QuickRebuild`), else generate in memory, then write only
    /// what changed (`OutputUpdater`) and record the site for the next quick route (`BuildRecord`).
    static func buildIncrementally(_ options: BuildOptions, cacheDirectory: String) -> Result<GeneratedSite, BuildFailure> {
        let stamp = InputStamp.take(options)
        if let done = QuickRebuild.attempt(options, cacheDirectory: cacheDirectory, stamp: stamp) { return done }
        QuickRebuild.forget(cacheDirectory)
        switch generate(options, recording: true) {
        case .failure(let f): return .failure(f)
        case .success(var site):
            let start = DispatchTime.now()
            do {
                site.cache?.filesWritten = try OutputUpdater.write(
                    site.files, to: options.outputDirectory, force: options.force, cacheDirectory: cacheDirectory)
            } catch {
                return .failure(BuildFailure(site.warnings + [error.diagnostic]))
            }
            site.timings.add("write changed files", since: start)
            site.files = []
            QuickRebuild.save(stamp, site: site, cacheDirectory: cacheDirectory)
            return .success(site)
        }
    }

    struct Summary {
        var pages: Int
        var files: Int
        var warnings: [Diagnostic]
        var cache: CacheStats?
    }

    /// The five stages, in order; the first stage that finds an error ends the run with every diagnostic so far.
    static func run(
        _ options: BuildOptions, recording: Bool, timings: inout BuildTimings, into sink: inout some SiteSink
    ) -> Result<Summary, BuildFailure> {
        var diagnostics: [Diagnostic] = []
        func take<T>(_ result: StageResult<T>) -> T? {
            diagnostics += result.diagnostics
            return result.checkedOutput
        }
        var clock = DispatchTime.now()
        guard let sources = take(LoadStage.run(options)) else { return .failure(BuildFailure(diagnostics)) }
        guard let checked = take(CheckStage.run(sources)) else { return .failure(BuildFailure(diagnostics)) }
        timings.add("load and check content, data and templates", since: clock)
        let computed = ComputeStage.run(
            checked, directives: options.directives, keepingRenders: recording && options.cacheDirectory != nil,
            timings: &timings)
        guard let computed = take(computed) else { return .failure(BuildFailure(diagnostics)) }

        clock = DispatchTime.now()
        let render = RenderStage(computed)
        timings.add("navigation", since: clock)
        let warnings = diagnostics.filter { $0.severity == .warning }.sorted()
        let fileCount: Int
        do {
            fileCount = try WriteStage.run(render, files: computed.files, into: &sink, timings: &timings)
        } catch {
            return .failure(BuildFailure(warnings + [error.diagnostic]))
        }
        var cache: CacheStats?
        if recording, options.cacheDirectory != nil {
            clock = DispatchTime.now()
            let pages = computed.site.pages.count
            cache = CacheStats(pages: pages, rendered: pages, laidOut: pages)
            cache?.snapshotID = BuildRecord.save(computed, navigation: render.navigation, options: options)
            timings.add("save the build cache", since: clock)
        }
        let summary = Summary(pages: computed.site.pages.count, files: fileCount, warnings: warnings, cache: cache)
        return .success(summary)
    }
}
