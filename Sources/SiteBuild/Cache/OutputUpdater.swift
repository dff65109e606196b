import SiteContent
import GuideCalc
import GuideCompute
import SiteRender
import SiteOutput
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes an incremental build's output. When the output folder is exactly as the last cached build left it
/// (the same files with the same sizes and modification times, recorded in the cache), only the files whose
/// bytes changed are written, into a staging folder where every other file is a hard link to the current one,
/// which is then swapped in (`stage`); a no-op rebuild writes nothing and leaves the folder alone. Otherwise
/// (first build, a folder changed by hand, no record) it falls back to `SiteWriter`'s full staging and swap.
/// Either way the build holds the output lock (`OutputSwap.prepare`) while it compares and writes, the result
/// is the same set of files with the same bytes as a full build, and the folder switches as a whole (a killed
/// build leaves the whole old or the whole new site).
package enum OutputUpdater {
    struct Record: Equatable {
        var digest: Digest
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    /// Returns how many files were written.
    static func write(_ files: [OutputFile], to output: String, force: Bool, cacheDirectory: String)
        throws(WriteError) -> Int
    {
        var out = output
        while out.count > 1, out.hasSuffix("/") { out.removeLast() }
        let absolute = URL(fileURLWithPath: out).standardizedFileURL.path
        let manifestFile = cacheDirectory + "/output-" + ContentHasher.digest(absolute).description
        let digests = parallelMap(files) { ContentHasher.digest($0.bytes) }
        var written = files.count
        // The same checks and the same lock as the staging swap: the folder is compared with the record and
        // updated only while this build holds the lock, so two builds into one place take turns either way.
        let plan = try OutputSwap.prepare(output, force: force, marker: SiteWriter.marker)
        defer { OutputSwap.unlock(plan) }  // (the swap releases it itself)
        if let old = readManifest(manifestFile), matches(out, old) {
            var changed: Set<Int> = []
            for (i, f) in files.enumerated() where old[f.path]?.digest != digests[i] { changed.insert(i) }
            let removed = Set(old.keys).subtracting(files.map(\.path))
            if !changed.isEmpty || !removed.isEmpty {
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
        saveManifest(manifest, to: manifestFile)
        return written
    }

    /// Whether the folder holds exactly the recorded files (besides the marker), unchanged since.
    static func matches(_ out: String, _ manifest: [String: Record]) -> Bool {
        let snapshot = FolderSnapshot.take([out])
        var seen = 0
        for (path, e) in snapshot.entries where !e.isDirectory {
            let rel = String(path.dropFirst(out.count + 1))
            if rel == SiteWriter.marker { continue }
            guard let r = manifest[rel], r.size == e.size, r.seconds == e.seconds, r.nanoseconds == e.nanoseconds
            else { return false }
            seen += 1
        }
        return seen == manifest.count && FileManager.default.fileExists(atPath: out + "/" + SiteWriter.marker)
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
            throw WriteError(path: output, message: "cannot write the staging folder: \(e)")
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
            throw WriteError(path: output, message: "cannot write '\(all[i].path)' in the staging folder")
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
                out[path] = Record(digest: try r.digest(), size: Int64(try r.int()), seconds: try r.int(), nanoseconds: try r.int())
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
        }
        CacheStore.write(w.bytes, to: file)
    }
}
