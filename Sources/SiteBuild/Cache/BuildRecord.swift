import SiteContent
import SiteRender
import Foundation

/// What a build with a cache folder (`.ctsguide-cache/`) records for the quick route (`QuickRebuild`), so a
/// rebuild after an edit to a few page bodies need not load, render or lay out the other pages:
///
/// - the site snapshot (`SiteSnapshot`): every page as loaded without its body, its file and front matter
///   digests, and what its render gives the site-wide checks;
/// - every page's navigation HTML (`navigation`; few distinct strings, one per folder group);
/// - each search text shard's pages' sections (`search/<shard>`), so an edit rebuilds only its shard.
///
/// Everything here is written by the full pipeline (there is no per-page reuse: a build the quick route
/// declines renders every page) and rewritten by the quick route for the pages it edits. A missing, unreadable
/// or malformed file is a miss: the quick route declines and the pipeline runs.
enum BuildRecord {
    /// Bump when a file's layout or meaning changes.
    static let formatVersion = 6

    /// Records the site a build has just generated; returns the id of the snapshot written.
    static func save(_ computed: ComputedSite, navigation: [String], options: BuildOptions) -> Digest? {
        guard let directory = options.cacheDirectory, computed.renders.count == computed.site.pages.count else { return nil }
        let (site, renders) = (computed.site, computed.renders)
        let content = options.contentDirectory
        let digests = parallelMap(site.pages) { page -> (Digest, Digest) in
            let bytes = CacheStore.read(content + "/" + page.relativePath) ?? []
            return (ContentHasher.digest(bytes), frontDigest(bytes, bodyLineOffset: page.bodyLineOffset))
        }
        let listed = SearchIndex.listed(site)
        let shards = stride(from: 0, to: listed.count, by: SearchIndex.shardSize).map {
            Array(listed[$0..<min($0 + SearchIndex.shardSize, listed.count)])
        }
        let generation = SiteSnapshot.newID()
        _ = parallelMap(Array(shards.indices)) { k -> Bool in
            writeShard(k, shards[k].map { renders[$0].sections }, generation: generation, to: directory)
            return true
        }
        writeNavigation(navigation, generation: generation, to: directory)
        let snapshot = SiteSnapshot(
            id: SiteSnapshot.newID(), generation: generation,
            pages: site.pages.indices.map { i in
                SiteSnapshot.Page(
                    source: site.pages[i], text: digests[i].0, front: digests[i].1,
                    summary: SiteSnapshot.summary(of: renders[i]))
            })
        snapshot.write(to: directory)
        return snapshot.id
    }

    /// The digest of a page file's front matter: its first `bodyLineOffset` lines.
    static func frontDigest(_ bytes: [UInt8], bodyLineOffset: Int) -> Digest {
        let newlines = bytes.indices.lazy.filter { bytes[$0] == 10 }
        let end = newlines.dropFirst(bodyLineOffset - 1).first ?? bytes.count
        return ContentHasher.digest(Array(bytes[0..<end]))
    }

    // MARK: Navigation

    static func writeNavigation(_ navigation: [String], generation: Digest, to directory: String) {
        var unique: [String] = []
        var index: [String: Int] = [:]
        let refs = navigation.map { s -> Int in
            if let j = index[s] { return j }
            index[s] = unique.count
            unique.append(s)
            return unique.count - 1
        }
        var w = CacheWriter()
        w.int(formatVersion)
        w.digest(generation)
        w.strings(unique)
        w.int(refs.count)
        for j in refs { w.int(j) }
        CacheStore.write(w.bytes, to: directory + "/navigation")
    }

    /// Every page's navigation as the build of `generation` recorded it, when it holds `count` pages.
    static func readNavigation(from directory: String, generation: Digest, count: Int) -> [String]? {
        guard let bytes = CacheStore.read(directory + "/navigation") else { return nil }
        var r = CacheReader(bytes)
        guard (try? r.int()) == formatVersion, (try? r.digest()) == generation, let strings = try? r.strings(), (try? r.count()) == count else { return nil }
        var out: [String] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            guard let j = try? r.int(), j >= 0, j < strings.count else { return nil }
            out.append(strings[j])
        }
        return r.atEnd ? out : nil
    }

    // MARK: Search text shards

    static func shardFile(_ k: Int, _ directory: String) -> String { directory + "/search/\(k)" }

    /// The sections of each page of search text shard `k`, in shard order.
    static func writeShard(_ k: Int, _ members: [[MarkdownSection]], generation: Digest, to directory: String) {
        var w = CacheWriter()
        w.int(formatVersion)
        w.digest(generation)
        w.int(members.count)
        for sections in members {
            w.int(sections.count)
            for s in sections {
                w.optional(s.headingID)
                w.string(s.heading)
                w.int(s.level)
                w.string(s.text)
            }
        }
        CacheStore.write(w.bytes, to: shardFile(k, directory))
    }

    static func readShard(_ k: Int, from directory: String, generation: Digest) -> [[MarkdownSection]]? {
        guard let bytes = CacheStore.read(shardFile(k, directory)) else { return nil }
        var r = CacheReader(bytes)
        do {
            guard try r.int() == formatVersion, try r.digest() == generation else { return nil }
            var members: [[MarkdownSection]] = []
            for _ in 0..<(try r.count()) {
                var sections: [MarkdownSection] = []
                for _ in 0..<(try r.count()) {
                    sections.append(
                        MarkdownSection(headingID: try r.optional(), heading: try r.string(), level: try r.int(), text: try r.string()))
                }
                members.append(sections)
            }
            return r.atEnd ? members : nil
        } catch {
            return nil
        }
    }
}
