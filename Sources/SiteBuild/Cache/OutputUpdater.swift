import SiteContent
import SiteOutput
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes an incremental build's output. When the output folder is exactly as the last cached build left it
/// (the same files with the same sizes and modification times, recorded in the cache), only the files whose
/// bytes changed are written; a no-op rebuild writes nothing and leaves the folder alone. A few changed files
/// are replaced in place, each whole (`InPlaceUpdate`); many go into a staging folder where every other file is
/// a hard link to the current one, which is then swapped in (`stage`), so a large change (a template, the
/// settings) switches the site as a whole. Otherwise (first build, a folder changed by hand, no record) it
/// falls back to `SiteWriter`'s full staging and swap. Either way the build holds the output lock
/// (`OutputSwap.prepare`) while it compares and writes, and the result is the same set of files with the same
/// bytes as a full build.
package enum OutputUpdater {
    /// A file's digest, size and modification time; for a folder (key ending in "/", the output folder itself
    /// "/"), its modification and change times, which move whenever an entry is added, removed or renamed.
    struct Record: Equatable {
        var digest: Digest
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var ctime = 0
    }

    /// Returns how many files were written.
    static func write(_ files: [OutputFile], to output: String, force: Bool, cacheDirectory: String)
        throws(WriteError) -> Int
    {
        let out = trimmed(output)
        let manifestFile = manifestFile(output, cacheDirectory: cacheDirectory)
        let digests = parallelMap(files) { ContentHasher.digest($0.bytes) }
        var written = files.count
        // The same checks and the same lock as the staging swap: the folder is compared with the record and
        // updated only while this build holds the lock, so two builds into one place take turns either way.
        let plan = try OutputSwap.prepare(output, force: force, marker: SiteWriter.marker)
        defer { OutputSwap.unlock(plan) }  // (the swap releases it itself)
        if let old = readManifest(manifestFile), matches(out, old) {
            var changed: Set<Int> = []
            for (i, f) in files.enumerated() where old[f.path]?.digest != digests[i] { changed.insert(i) }
            let removed = Set(old.keys.filter { !$0.hasSuffix("/") }).subtracting(files.map(\.path))
            if changed.count + removed.count <= InPlaceUpdate.limit(files: files.count) {
                try InPlaceUpdate.apply(
                    changed.sorted().map { files[$0] }, removing: removed.sorted(), in: out, plan: plan, output: output)
            } else {
                try stage(files, changed: changed, from: out, plan: plan, output: output)
            }
            written = changed.count
        } else {
            unlink(manifestFile)
            try SiteWriter.write(files, plan: plan, output: output)
        }
        var manifest: [String: Record] = [:]
        for (i, f) in files.enumerated() {
            guard let s = stamp(out + "/" + f.path) else { return written }
            manifest[f.path] = Record(digest: digests[i], size: s.size, seconds: s.seconds, nanoseconds: s.nanoseconds)
        }
        guard recordFolders(of: files.map(\.path), in: out, into: &manifest) else { return written }
        saveManifest(manifest, to: manifestFile)
        return written
    }

    /// Records the output folder and every folder above `paths` (keys "/" and "dir/").
    static func recordFolders(of paths: [String], in out: String, into manifest: inout [String: Record]) -> Bool {
        var folders: Set<String> = ["/"]
        for p in paths {
            var parts = p.split(separator: "/").dropLast()
            while !parts.isEmpty, folders.insert(parts.joined(separator: "/") + "/").inserted { parts = parts.dropLast() }
        }
        for key in folders {
            guard let s = folderStamp(out + "/" + key) else { return false }
            manifest[key] = s
        }
        return true
    }

    static func folderStamp(_ path: String) -> Record? {
        var st = stat()
        guard lstat(path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path, &st) == 0,
            (st.st_mode & S_IFMT) == S_IFDIR
        else { return nil }
        return Record(
            digest: .zero, size: 0, seconds: Int(st.st_mtim.tv_sec), nanoseconds: Int(st.st_mtim.tv_nsec),
            ctime: Int(st.st_ctim.tv_sec) * 1_000_000_000 + Int(st.st_ctim.tv_nsec))
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
                    guard let s = folderStamp(out + "/" + key), s.seconds == r.seconds, s.nanoseconds == r.nanoseconds,
                        s.ctime == r.ctime
                    else { return false }
                } else {
                    var st = stat()
                    guard lstat(out + "/" + key, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int64(st.st_size) == r.size,
                        Int(st.st_mtim.tv_sec) == r.seconds, Int(st.st_mtim.tv_nsec) == r.nanoseconds
                    else { return false }
                }
            }
            return true
        }
        return !ok.contains(false)
    }

    /// Fills the staging folder with the changed files written afresh and every other file hard-linked from the
    /// current output (no bytes copied; a plain write where a link cannot be made), then swaps it in: as atomic
    /// for the folder as a full build, at the cost of a link per unchanged file.
    static func stage(_ files: [OutputFile], changed: Set<Int>, from out: String, plan: OutputSwap.Plan, output: String)
        throws(WriteError)
    {
        let staging = plan.staging
        var dirs: Set<String> = [staging]
        for f in files {  // each file's folder and every folder above it
            var parts = f.path.split(separator: "/").dropLast()
            while !parts.isEmpty, dirs.insert(staging + "/" + parts.joined(separator: "/")).inserted { parts = parts.dropLast() }
        }
        // In path order a folder comes after its parent, so a plain `mkdir` per folder is enough.
        for dir in dirs.sorted() where mkdir(dir, 0o755) != 0 && errno != EEXIST {
            let e = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: staging)
            OutputSwap.unlock(plan)
            throw WriteError(.stagingUnwritable, path: output, message: "cannot write the staging folder: \(e)")
        }
        let all = files + [OutputFile(path: SiteWriter.marker, text: SiteWriter.markerText)]
        let failed = parallelMap(Array(all.indices)) { i -> Bool in
            let target = staging + "/" + all[i].path
            if !changed.contains(i), link(out + "/" + all[i].path, target) == 0 { return false }
            return !writeNewFile(target, all[i].bytes)
        }
        if let i = failed.firstIndex(of: true) {
            try? FileManager.default.removeItem(atPath: staging)
            OutputSwap.unlock(plan)
            throw WriteError(.outputFileUnwritable, path: output, message: "cannot write '\(all[i].path)' in the staging folder")
        }
        try OutputSwap.commit(plan)
    }

    static func stamp(_ path: String) -> (size: Int64, seconds: Int, nanoseconds: Int)? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (Int64(st.st_size), Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec))
    }

    static func readManifest(_ file: String) -> [String: Record]? {
        guard let bytes = CacheStore.read(file) else { return nil }
        var r = CacheReader(bytes)
        var out: [String: Record] = [:]
        do {
            guard try r.int() == BuildCache.formatVersion else { return nil }
            for _ in 0..<(try r.count()) {
                let path = try r.string()
                out[path] = Record(
                    digest: try r.digest(), size: Int64(try r.int()), seconds: try r.int(), nanoseconds: try r.int(),
                    ctime: try r.int())
            }
            return r.atEnd ? out : nil
        } catch {
            return nil
        }
    }

    static func saveManifest(_ manifest: [String: Record], to file: String) {
        var w = CacheWriter()
        w.int(BuildCache.formatVersion)
        w.int(manifest.count)
        for (path, r) in manifest.sorted(by: { $0.key < $1.key }) {
            w.string(path)
            w.digest(r.digest)
            w.int(Int(r.size))
            w.int(r.seconds)
            w.int(r.nanoseconds)
            w.int(r.ctime)
        }
        CacheStore.write(w.bytes, to: file)
    }
}
