import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes an incremental build's output. When the output folder is exactly as the last cached build left it
/// (the same files with the same sizes and modification times, recorded in the cache), only the files whose
/// bytes changed are written (each to a temporary name, then renamed over the old one) and files no longer
/// generated are removed — so a no-op rebuild writes nothing. Otherwise (first build, a folder changed by
/// hand, no record) it falls back to `SiteWriter`'s full staging-and-swap. Both hold the output lock
/// (`OutputSwap.prepare`) while they write. The result is the same set of
/// files with the same bytes either way; the in-place update is atomic per file, not for the folder as a
/// whole (build with `--no-cache` for a deploy that must switch all files at once).
enum OutputUpdater {
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
            var changed: [Int] = []
            for (i, f) in files.enumerated() where old[f.path]?.digest != digests[i] { changed.append(i) }
            for i in changed { try replace(out + "/" + files[i].path, with: files[i].bytes, output: output) }
            let now = Set(files.map(\.path))
            for path in old.keys.sorted() where !now.contains(path) {
                unlink(out + "/" + path)
                removeEmptyFolders(above: path, in: out)
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

    static func replace(_ path: String, with bytes: [UInt8], output: String) throws(WriteError) {
        let dir = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: output, message: "cannot create the folder '\(dir)'")
        }
        let tmp = dir + "/.ctsguide-new-\(ProcessInfo.processInfo.processIdentifier)"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw WriteError(path: output, message: "cannot write '\(path)'") }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n <= 0 {
                close(fd)
                unlink(tmp)
                throw WriteError(path: output, message: "cannot write '\(path)'")
            }
            offset += n
        }
        fsync(fd)
        close(fd)
        guard rename(tmp, path) == 0 else {
            unlink(tmp)
            throw WriteError(path: output, message: "cannot replace '\(path)'")
        }
    }

    static func removeEmptyFolders(above rel: String, in out: String) {
        var parts = rel.split(separator: "/").dropLast()
        while !parts.isEmpty {
            if rmdir(out + "/" + parts.joined(separator: "/")) != 0 { return }
            parts = parts.dropLast()
        }
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
