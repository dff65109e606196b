import SiteContent
import SiteOutput
import Foundation

/// Writes a cached build's output. When the output folder is exactly as the last cached build left it (the same
/// files with the same sizes, modification and change times, recorded in the cache), only the files whose bytes changed
/// are written, in place, each whole (`InPlaceUpdate`); a no-op rebuild writes nothing and leaves the folder
/// alone. Otherwise (first build, a folder changed by hand, no record, or more changes than `InPlaceUpdate.limit`)
/// it writes the whole site through `SiteWriter`'s staging folder and swap, so a large change (a template, the
/// settings) switches the site as a whole. Either way the build holds the output lock (`OutputSwap.prepare`)
/// while it compares and writes, and the result is the same set of files with the same bytes as a full build.
package enum OutputUpdater {
    /// A file's digest, size, modification and change times (a file written over with its old time put back
    /// still gets a new change time); for a folder (key ending in "/", the output folder itself
    /// "/"), its modification and change times, which move whenever an entry is added, removed or renamed. Times
    /// in nanoseconds.
    struct Record: Equatable {
        var digest: Digest = .zero
        var size: Int64 = 0
        var mtime: Int
        var ctime = 0
    }

    /// Writes the whole site `files` (the pipeline of a build with a cache). Returns how many files were written.
    static func write(_ files: [OutputFile], to output: String, force: Bool, cacheDirectory: String)
        throws(WriteError) -> Int
    {
        let out = trimmed(output)
        let manifestFile = manifestFile(output, cacheDirectory: cacheDirectory)
        let digests = parallelMap(files) { ContentHasher.digest($0.bytes) }
        // The same checks and the same lock as the staging swap: the folder is compared with the record and
        // updated only while this build holds the lock, so two builds into one place take turns either way.
        let plan = try OutputSwap.prepare(output, force: force, marker: SiteWriter.marker)
        defer { OutputSwap.unlock(plan) }  // (the swap releases it itself)
        if var manifest = readManifest(manifestFile), matches(out, manifest) {
            let changed = files.indices.filter { manifest[files[$0].path]?.digest != digests[$0] }
            let removed = Set(manifest.keys.filter { !$0.hasSuffix("/") }).subtracting(files.map(\.path))
            if changed.count + removed.count <= InPlaceUpdate.limit(files: files.count) {
                try replace(
                    changed.map { (files[$0], digests[$0]) }, removing: removed.sorted(), manifest: &manifest,
                    plan: plan, output: output, manifestFile: manifestFile)
                return changed.count
            }
        }
        unlink(manifestFile)
        try SiteWriter.write(files, plan: plan, output: output)
        var manifest: [String: Record] = [:]
        for (i, f) in files.enumerated() {
            guard var r = stamp(out + "/" + f.path) else { return files.count }
            r.digest = digests[i]
            manifest[f.path] = r
        }
        guard recordFolders(of: files.map(\.path), in: out, into: &manifest) else { return files.count }
        saveManifest(manifest, to: manifestFile)
        return files.count
    }

    /// Writes those of `candidates` (some of the site's files) whose bytes differ from the record (the quick
    /// route, `QuickRebuild`). Returns how many were written; nil when the folder does not match its record of
    /// `fileCount` files, holds no such file, or a write fails: the caller then takes the pipeline.
    static func update(_ candidates: [OutputFile], fileCount: Int, options: BuildOptions, cacheDirectory: String)
        -> Int?
    {
        let manifestFile = manifestFile(options.outputDirectory, cacheDirectory: cacheDirectory)
        guard let plan = try? OutputSwap.prepare(options.outputDirectory, force: options.force, marker: SiteWriter.marker)
        else { return nil }
        defer { OutputSwap.unlock(plan) }
        guard var manifest = readManifest(manifestFile), Self.fileCount(manifest) == fileCount,
            matches(trimmed(options.outputDirectory), manifest)
        else { return nil }
        var changed: [(OutputFile, Digest)] = []
        for f in candidates {
            guard let old = manifest[f.path] else { return nil }
            let d = ContentHasher.digest(f.bytes)
            if d != old.digest { changed.append((f, d)) }
        }
        // (Killed between two renames, the folder no longer matches the record: the renamed files' times differ.)
        do {
            try replace(
                changed, removing: [], manifest: &manifest, plan: plan, output: options.outputDirectory,
                manifestFile: manifestFile)
        } catch {
            return nil
        }
        return changed.count
    }

    /// Writes `changed` in place and removes `removing` (`InPlaceUpdate`), then records the new state of the
    /// folder: the written files and the folders above them (the renames gave them new times).
    static func replace(
        _ changed: [(file: OutputFile, digest: Digest)], removing: [String], manifest: inout [String: Record],
        plan: OutputSwap.Plan, output: String, manifestFile: String
    ) throws(WriteError) {
        if changed.isEmpty && removing.isEmpty { return }
        let out = trimmed(output)
        try InPlaceUpdate.apply(changed.map(\.file), removing: removing, in: out, plan: plan, output: output)
        for path in removing { manifest[path] = nil }
        for (f, digest) in changed {
            guard var r = stamp(out + "/" + f.path) else {
                unlink(manifestFile)
                return
            }
            r.digest = digest
            manifest[f.path] = r
        }
        // The folders the renames went into have new times; those the removals emptied are gone.
        for key in folders(above: changed.map(\.file.path) + removing) { manifest[key] = folderStamp(out + "/" + key) }
        saveManifest(manifest, to: manifestFile)
    }

    /// Records the output folder and every folder above `paths` (keys "/" and "dir/").
    static func recordFolders(of paths: [String], in out: String, into manifest: inout [String: Record]) -> Bool {
        for key in folders(above: paths) {
            guard let s = folderStamp(out + "/" + key) else { return false }
            manifest[key] = s
        }
        return true
    }

    /// "/" and every folder above `paths` (keys "dir/").
    static func folders(above paths: [String]) -> Set<String> {
        var folders: Set<String> = ["/"]
        for p in paths {
            var parts = p.split(separator: "/").dropLast()
            while !parts.isEmpty, folders.insert(parts.joined(separator: "/") + "/").inserted { parts = parts.dropLast() }
        }
        return folders
    }

    static func folderStamp(_ path: String) -> Record? {
        var st = stat()
        guard lstat(path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path, &st) == 0,
            (st.st_mode & S_IFMT) == S_IFDIR
        else { return nil }
        return Record(mtime: nanoseconds(st.st_mtim), ctime: nanoseconds(st.st_ctim))
    }

    /// The number of files (not folders) a record holds.
    static func fileCount(_ manifest: [String: Record]) -> Int { manifest.keys.filter { !$0.hasSuffix("/") }.count }

    static func trimmed(_ output: String) -> String {
        var out = output
        while out.count > 1, out.hasSuffix("/") { out.removeLast() }
        return out
    }

    /// Where the record of the output folder `output` is kept.
    static func manifestFile(_ output: String, cacheDirectory: String) -> String {
        let absolute = URL(fileURLWithPath: trimmed(output)).standardizedFileURL.path
        return cacheDirectory + "/output-" + ContentHasher.digest(absolute).description
    }

    /// Whether the folder holds exactly the recorded files (besides the marker), unchanged since.
    static func matches(_ out: String, _ manifest: [String: Record]) -> Bool {
        // A `stat` per recorded file and folder, no folder listing: a folder whose times are unchanged has had
        // no entry added, removed or renamed, so the recorded files are all there is (besides the marker).
        let keys = Array(manifest.keys)
        guard keys.contains("/"), access(out + "/" + SiteWriter.marker, F_OK) == 0 else { return false }
        let chunk = 512
        let ranges = stride(from: 0, to: keys.count, by: chunk).map { $0..<min($0 + chunk, keys.count) }
        let ok = parallelMap(ranges) { range -> Bool in
            for key in keys[range] {
                let r = manifest[key]!
                if key.hasSuffix("/") {
                    guard folderStamp(out + "/" + key) == r else { return false }
                } else {
                    var st = stat()
                    guard lstat(out + "/" + key, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int64(st.st_size) == r.size,
                        nanoseconds(st.st_mtim) == r.mtime, nanoseconds(st.st_ctim) == r.ctime
                    else { return false }
                }
            }
            return true
        }
        return !ok.contains(false)
    }

    /// A written file's size, modification and change times (its digest is the caller's).
    static func stamp(_ path: String) -> Record? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Record(size: Int64(st.st_size), mtime: nanoseconds(st.st_mtim), ctime: nanoseconds(st.st_ctim))
    }

    static func readManifest(_ file: String) -> [String: Record]? {
        guard let bytes = CacheStore.read(file) else { return nil }
        var r = CacheReader(bytes)
        var out: [String: Record] = [:]
        do {
            guard try r.int() == BuildRecord.formatVersion else { return nil }
            for _ in 0..<(try r.count()) {
                let path = try r.string()
                out[path] = Record(digest: try r.digest(), size: Int64(try r.int()), mtime: try r.int(), ctime: try r.int())
            }
            return r.atEnd ? out : nil
        } catch {
            return nil
        }
    }

    static func saveManifest(_ manifest: [String: Record], to file: String) {
        var w = CacheWriter()
        w.int(BuildRecord.formatVersion)
        w.int(manifest.count)
        for (path, r) in manifest.sorted(by: { $0.key < $1.key }) {
            w.string(path)
            w.digest(r.digest)
            w.int(Int(r.size))
            w.int(r.mtime)
            w.int(r.ctime)
        }
        CacheStore.write(w.bytes, to: file)
    }
}
