import SiteContent
import SiteRender
import Dispatch
import Foundation

/// The rebuild after an edit to the bodies of a few existing pages, with nothing else changed (the input stamp
/// says which files differ). Their front matter is byte-for-byte as before, so the site's structure is too:
/// every other page's path, title, navigation, render and layout, the data, the templates and the generated
/// files stay as the last build made them. So this build loads only the edited pages (the others come from the
/// `SiteSnapshot`), renders and lays out only them (with the navigation `BuildRecord` kept), runs the site-wide
/// checks (anchors into and out of them, cited sources) over every page's recorded summary, and rebuilds the
/// search text shards that hold them; `QuickRebuild` writes what changed in place. The result equals a full build's.
///
/// Returns nil — and `QuickRebuild` leaves the build to the pipeline — whenever a condition does not hold or
/// anything is unexpected: other files changed, a front matter changed, a load or check error (the pipeline
/// reports it), a page now runs other directives, a record file is missing or malformed.
enum PageEditBuild {
    /// The most edited pages taken this way.
    static let maxPages = 16

    /// What the edit changes: the files to write, then what to save once they are written.
    struct Edit {
        /// The edited pages and the search text shards that hold them.
        var files: [OutputFile]
        var warnings: [Diagnostic]
        var pages: Int
        /// The new sections of the shards rebuilt, by shard.
        var shards: [Int: [[MarkdownSection]]]
        var snapshot: SiteSnapshot

        /// The rebuilt shards' sections and the next snapshot (`BuildRecord`).
        func save(_ cacheDirectory: String) {
            for (k, members) in shards {
                BuildRecord.writeShard(k, members, generation: snapshot.generation, to: cacheDirectory)
            }
            snapshot.write(to: cacheDirectory)
        }
    }

    static func run(
        _ options: BuildOptions, cacheDirectory: String, record: QuickRebuild.Record, changes: [String],
        timings: inout BuildTimings
    ) -> Edit? {
        var clock = DispatchTime.now()
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
                BuildRecord.frontDigest(bytes, bodyLineOffset: old.source.bodyLineOffset) == old.front
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
                // Still the bytes digested above (the next snapshot records them), not an edit made meanwhile.
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

        // 4. Lay out the edited pages with the navigation the last build recorded.
        var slim = site
        for i in slim.pages.indices { slim.pages[i].body = "" }
        let layout = Layout(site: slim)
        guard let navigation = BuildRecord.readNavigation(
            from: cacheDirectory, generation: snapshot.generation, count: site.pages.count) else { return nil }
        let feePeriod = site.siteExtensionData?.feePeriod(site: site) ?? ""
        var candidates: [OutputFile] = []
        for (k, i) in editedIndexes.enumerated() {
            var r = fresh[k]
            r.sections = []
            r.ids = []
            let view = layout.view(for: i, rendered: r, navigation: navigation[i], feePeriod: feePeriod)
            candidates.append(
                OutputFile(path: slim.pages[i].outputPath, text: templates.render(layoutName(slim.pages[i]), context: view)))
        }

        // 5. Rebuild the search text shards that hold them.
        var shards: [Int: [[MarkdownSection]]] = [:]
        let listed = SearchIndex.listed(site)
        for (n, i) in listed.enumerated() where editedSet.contains(i) {
            let k = n / SearchIndex.shardSize
            if shards[k] == nil {
                guard let members = BuildRecord.readShard(k, from: cacheDirectory, generation: snapshot.generation),
                    members.count == min(SearchIndex.shardSize, listed.count - k * SearchIndex.shardSize)
                else { return nil }
                shards[k] = members
            }
            shards[k]![n % SearchIndex.shardSize] = fresh[editedIndexes.firstIndex(of: i)!].sections
        }
        for k in shards.keys.sorted() { candidates.append(SearchIndex.shard(k, shards[k]!)) }
        lap("lay out the edited pages and their search text")

        var next = snapshot
        next.id = SiteSnapshot.newID()
        for (k, i) in editedIndexes.enumerated() {
            next.pages[i].text = text[i]
            next.pages[i].summary = SiteSnapshot.summary(of: fresh[k])
        }
        return Edit(files: candidates, warnings: warnings, pages: editedIndexes.count, shards: shards, snapshot: next)
    }
}
