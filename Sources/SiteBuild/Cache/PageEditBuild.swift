import SiteContent
import SiteRender
import SiteOutput
import Dispatch
import Foundation

/// The rebuild after an edit to the bodies of a few existing pages, with nothing else changed (the input stamp
/// says which files differ). Their front matter is byte-for-byte as before, so the site's structure is too:
/// every other page's path, title, navigation, render and layout, the data, the templates and the generated
/// files stay as the last build made them. So this build loads only the edited pages (the others come from the
/// `SiteSnapshot`), renders and lays out only them, runs the site-wide checks (anchors into and out of them,
/// cited sources) over every page's recorded summary, rebuilds the search text shards that hold them, and
/// writes the files whose bytes changed in place (`InPlaceUpdate`). The result equals a full build's.
///
/// Returns nil — and the caller takes the cached pipeline — whenever a condition does not hold or anything is
/// unexpected: other files changed, a front matter changed, a load or check error (the pipeline reports it),
/// a page now runs other directives, a cache entry is missing, the output folder differs from its record.
enum PageEditBuild {
    /// The most edited pages taken this way.
    static let maxPages = 16

    static func run(
        _ options: BuildOptions, cacheDirectory: String, stamp: InputStamp, record: QuickRebuild.Record, changes: [String]
    ) -> Result<GeneratedSite, BuildFailure>? {
        var clock = DispatchTime.now()
        var timings = BuildTimings()
        timings.stages.append(.init(name: "stat the inputs", seconds: stamp.seconds))
        func lap(_ name: String) {
            timings.add(name, since: clock)
            clock = DispatchTime.now()
        }
        guard changes.count <= maxPages,
            changes.allSatisfy({ $0.hasPrefix("c/") && $0.hasSuffix(".md") && !$0.hasPrefix("c/data/") }),
            let snapshot = SiteSnapshot.read(from: cacheDirectory), snapshot.id == record.snapshotID
        else { return nil }
        var position: [String: Int] = [:]
        for (i, p) in snapshot.pages.enumerated() { position[p.source.relativePath] = i }
        let edited = changes.map { String($0.dropFirst(2)) }
        guard let editedIndexes = Optional(edited.compactMap { position[$0] }), editedIndexes.count == edited.count
        else { return nil }

        // 1. The edited files: same front matter bytes as before.
        var text = snapshot.pages.map(\.text)
        for i in editedIndexes {
            let old = snapshot.pages[i]
            guard let bytes = CacheStore.read(options.contentDirectory + "/" + old.source.relativePath),
                CacheInputs.frontDigest(bytes, bodyLineOffset: old.source.bodyLineOffset) == old.front
            else { return nil }
            text[i] = ContentHasher.digest(bytes)
        }

        // 2. Load: the edited pages from their files, every other page as recorded.
        let editedSet = Set(editedIndexes)
        let known = snapshot.pages
        let reuse: @Sendable (String) -> PageSource? = { [position] rel in
            guard let i = position[rel], !editedSet.contains(i) else { return nil }
            return known[i].source
        }
        let sources = LoadStage.run(options, reusing: reuse)
        guard let sources = sources.checkedOutput, let loaded = CheckStage.run(sources).checkedOutput,
            loaded.site.pages.count == snapshot.pages.count
        else { return nil }
        let site = loaded.site
        let templates = loaded.templates
        for i in editedIndexes {
            let (new, old) = (site.pages[i], snapshot.pages[i].source)
            guard new.relativePath == old.relativePath, new.outputPath == old.outputPath,
                new.bodyLineOffset == old.bodyLineOffset,
                // Still the bytes digested above (the cache entry is keyed by them), not an edit made meanwhile.
                ContentHasher.digest(CacheStore.read(options.contentDirectory + "/" + old.relativePath) ?? []) == text[i]
            else { return nil }
        }
        lap("load the edited pages")

        // 3. Render them; the site-wide checks over every page's summary.
        let directives = options.directives
        let fresh = parallelMap(editedIndexes) { i in RenderedPage.render(site.pages[i], site: site, directives: directives) }
        var summaries = snapshot.pages.map(\.summary)
        let before = summaries
        for (k, i) in editedIndexes.enumerated() {
            guard fresh[k].directivesUsed == summaries[i].directivesUsed else { return nil }
            summaries[i] = fresh[k]
        }
        var checks = Diagnostics()
        ReferenceCheck.run(site: site, rendered: summaries, diagnostics: &checks)
        guard !checks.hasErrors else { return nil }
        var oldChecks = Diagnostics()
        ReferenceCheck.run(site: site, rendered: before, diagnostics: &oldChecks)
        var warnings = record.warnings
        for w in oldChecks.warnings {
            guard let j = warnings.firstIndex(of: w) else { return nil }
            warnings.remove(at: j)
        }
        warnings = (warnings + checks.warnings).sorted()
        lap("render Markdown and check")

        // 4. Cache keys as the pipeline computes them; navigation from the cache.
        let cache = BuildCache(directory: cacheDirectory, inputs: CacheInputs(options))
        cache.inputs.adopt(site, text: text, front: snapshot.pages.map(\.front))
        var slim = site
        for i in slim.pages.indices { slim.pages[i].body = "" }
        let layout = Layout(site: slim)
        let navTemplate = CheckStage.navigationTemplate
        var navigation: [String]?
        if templates.has(navTemplate) {
            navigation = cache.navigation(templates: templates, name: navTemplate) {
                Navigation(layout: layout).render(with: templates, name: navTemplate)
            }
        }

        // 5. Lay out the edited pages; rebuild the search shards that hold them.
        let feePeriod = site.siteExtensionData?.feePeriod(site: site) ?? ""
        let environment = cache.inputs.layoutEnvironment(feePeriod: feePeriod)
        var candidates: [OutputFile] = []
        var entries: [(Int, BuildCache.PageEntry)] = []
        for (k, i) in editedIndexes.enumerated() {
            var r = fresh[k]
            r.sections = []
            r.ids = []
            let name = layoutName(slim.pages[i])
            let view = layout.view(for: i, rendered: r, navigation: navigation?[i] ?? "", feePeriod: feePeriod)
            let file = OutputFile(path: slim.pages[i].outputPath, text: templates.render(name, context: view))
            candidates.append(file)
            let renderKey = cache.inputs.renderKey(for: site.pages[i], usingDirectives: !fresh[k].directivesUsed.isEmpty)
            let layoutKey = cache.layoutKey(
                renderKey: renderKey, layout: name, templates: templates, environment: environment,
                navigation: navigation?[i] ?? "")
            entries.append((i, BuildCache.PageEntry(renderKey: renderKey, layoutKey: layoutKey, rendered: fresh[k], output: file.bytes)))
        }
        let listed = SearchIndex.listed(site)
        var shards: Set<Int> = []
        for (n, i) in listed.enumerated() where editedSet.contains(i) { shards.insert(n / SearchIndex.shardSize) }
        let (pages, used) = (slim.pages, summaries.map(\.directivesUsed))
        for k in shards.sorted() {
            let members = Array(listed[(k * SearchIndex.shardSize)..<min((k + 1) * SearchIndex.shardSize, listed.count)])
            let renders = parallelMap(members) { i -> RenderedPage? in
                if let j = editedIndexes.firstIndex(of: i) { return fresh[j] }
                let page = pages[i]
                let key = cache.inputs.renderKey(for: page, usingDirectives: !used[i].isEmpty)
                return cache.cachedRender(of: page, renderKey: key)
            }
            guard renders.allSatisfy({ $0 != nil }) else { return nil }
            candidates.append(SearchIndex.shard(k, renders.map { $0!.sections }))
        }
        lap("lay out the edited pages and their search text")

        // 6. Write what changed, in place, under the output lock.
        guard let written = write(candidates, options: options, cacheDirectory: cacheDirectory) else { return nil }
        lap("write changed files")

        // 7. The cache: the edited pages' entries, the snapshot, the stamp.
        for (i, e) in entries { cache.store(e, for: slim.pages[i]) }
        var next = snapshot
        next.id = SiteSnapshot.newID()
        for (k, i) in editedIndexes.enumerated() {
            next.pages[i].text = text[i]
            next.pages[i].summary = SiteSnapshot.summary(of: fresh[k])
        }
        next.write(to: cacheDirectory)
        var nextRecord = record
        nextRecord.snapshotID = next.id
        nextRecord.stamp = stamp
        nextRecord.warnings = warnings
        QuickRebuild.write(nextRecord, to: cacheDirectory)
        lap("save the build cache")

        var stats = CacheStats()
        stats.pages = site.pages.count
        stats.rendered = editedIndexes.count
        stats.laidOut = editedIndexes.count
        stats.filesWritten = written
        stats.route = .editedPages
        return .success(
            GeneratedSite(
                files: [], pageCount: site.pages.count, warnings: warnings, fileCount: record.files, timings: timings,
                cache: stats))
    }

    /// Writes the candidates whose bytes differ from the record of the output folder; nil when the folder does
    /// not match its record (or holds no such file), or a write fails: the pipeline then writes the site.
    static func write(_ candidates: [OutputFile], options: BuildOptions, cacheDirectory: String) -> Int? {
        let out = OutputUpdater.trimmed(options.outputDirectory)
        let manifestFile = OutputUpdater.manifestFile(options.outputDirectory, cacheDirectory: cacheDirectory)
        guard let plan = try? OutputSwap.prepare(options.outputDirectory, force: options.force, marker: SiteWriter.marker)
        else { return nil }
        defer { OutputSwap.unlock(plan) }
        guard var manifest = OutputUpdater.readManifest(manifestFile), OutputUpdater.matches(out, manifest) else { return nil }
        var changed: [OutputFile] = []
        var digests: [String: Digest] = [:]
        for f in candidates {
            guard let old = manifest[f.path] else { return nil }
            let d = ContentHasher.digest(f.bytes)
            if d != old.digest {
                changed.append(f)
                digests[f.path] = d
            }
        }
        // (Killed between two renames, the folder no longer matches the record: the renamed files' times differ.)
        do {
            try InPlaceUpdate.apply(changed, removing: [], in: out, plan: plan, output: options.outputDirectory)
        } catch {
            return nil
        }
        for f in changed {
            guard let s = OutputUpdater.stamp(out + "/" + f.path) else { return nil }
            manifest[f.path] = OutputUpdater.Record(digest: digests[f.path]!, size: s.size, seconds: s.seconds, nanoseconds: s.nanoseconds)
        }
        // The folders the renames went into have new times.
        guard OutputUpdater.recordFolders(of: changed.map(\.path), in: out, into: &manifest) else { return nil }
        OutputUpdater.saveManifest(manifest, to: manifestFile)
        return changed.count
    }
}
