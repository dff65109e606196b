import SiteContent
import Foundation

/// The folders a build writes (the output, the cache) and the folders it reads (content, templates) must be
/// apart: a written folder may not be, contain or lie inside a read one, and the output and the cache may not
/// overlap either. Otherwise replacing the output would delete the pages it was built from, or the build would
/// write into its own inputs. Checked before anything is touched, with or without `--force`, on real paths
/// (links followed; for a path that does not exist yet, from its nearest existing folder on).
public enum FolderOverlap {
    /// One problem per overlapping pair; empty when the folders are apart. `writesOutput`: whether this run
    /// writes the output folder (`build`), or only the cache (`serve`, `generate` with a cache).
    public static func problems(_ options: BuildOptions, writesOutput: Bool) -> [Diagnostic] {
        var written: [(role: String, given: String)] = []
        // An output that names no folder (`.`, `..`, `/`) is refused on its own by the output writer.
        let lastPart = options.outputDirectory.split(separator: "/").last.map(String.init) ?? ""
        if writesOutput, ![".", "..", ""].contains(lastPart) { written.append(("output", options.outputDirectory)) }
        if let cache = options.cacheDirectory { written.append(("cache", cache)) }
        let read: [(role: String, given: String)] = [("content", options.contentDirectory), ("templates", options.templatesDirectory)]
        // Nor may the two folders read overlap: their files would be read both as content and as templates.
        var out: [Diagnostic] = []
        if let c = resolved(read[0].given), let t = resolved(read[1].given), let d = overlap(read[1], t, read[0], c, reading: true) {
            out.append(d)
        }
        guard !written.isEmpty else { return out }
        // A cache path that is a file could never be written: the build would run uncached without a word.
        var isFolder: ObjCBool = false
        if let cache = options.cacheDirectory, FileManager.default.fileExists(atPath: cache, isDirectory: &isFolder), !isFolder.boolValue {
            return [.error("cache.not-folder", SourceLocation(file: cache), "the cache path exists and is not a folder",
                hint: "give a folder, such as .ctsguide-cache, or build with --no-cache")]
        }
        // Nor could a cache folder (or, while it does not exist, the folder it would be made in) this user may
        // not write: every build would run uncached without a word.
        if writesOutput, let cache = options.cacheDirectory {
            var existing = cache
            while access(existing, F_OK) != 0, existing != ".", existing != "/" {
                existing = (existing as NSString).deletingLastPathComponent
                if existing.isEmpty { existing = "." }
            }
            if access(existing, W_OK | X_OK) != 0 {
                return [.error("cache.unwritable", SourceLocation(file: cache), "cannot write the cache folder: \(String(cString: strerror(errno)))",
                    hint: "give a folder you may write, or build with --no-cache")]
            }
        }
        for (i, w) in written.enumerated() {
            guard let wReal = resolved(w.given) else { continue }
            for r in read {
                guard let rReal = resolved(r.given) else { continue }
                if let d = overlap(w, wReal, r, rReal, reading: true) { out.append(d) }
            }
            for other in written[(i + 1)...] {
                guard let oReal = resolved(other.given) else { continue }
                if let d = overlap(w, wReal, other, oReal, reading: false) { out.append(d) }
            }
        }
        return out
    }

    /// The problem when folder `a` (written, or the templates) and `b` (read, or the other written folder) overlap.
    static func overlap(
        _ a: (role: String, given: String), _ aReal: String, _ b: (role: String, given: String), _ bReal: String,
        reading: Bool
    ) -> Diagnostic? {
        let at = SourceLocation(file: a.given)
        let both = a.role == "templates"  // (the two folders read)
        let hint = both ? "give the content and the templates two separate folders, such as Content and Templates"
            : reading
            ? "give \(a.role == "output" ? "an" : "a") \(a.role) folder outside the \(b.role) folder, such as \(a.role == "output" ? "Public" : ".ctsguide-cache") beside it"
            : "give the output and the cache two separate folders"
        let named = "the \(b.role) folder (\(b.given))"
        let output = a.role == "output"
        let shared = "its files would be read both as templates and as content"
        if aReal == bReal {
            let effect = both ? shared : output ? "the build would replace it" : "the build would write its cache there"
            return .error(.folderOverlap, at, "the \(a.role) folder is \(named); \(effect)", hint: hint)
        }
        if isInside(aReal, bReal) {
            let effect = both ? shared : b.role == "cache" ? "pruning the cache could delete it"
                : output ? "the build would write the site into it" : "the build would write its cache there"
            return .error(.folderOverlap, at, "the \(a.role) folder lies inside \(named); \(effect)", hint: hint)
        }
        if isInside(bReal, aReal) {
            let effect = both ? shared : output ? "replacing the output would delete it" : "pruning the cache could delete it"
            return .error(.folderOverlap, at, "the \(a.role) folder contains \(named); \(effect)", hint: hint)
        }
        return nil
    }

    static func isInside(_ inner: String, _ outer: String) -> Bool {
        inner != outer && inner.hasPrefix(outer == "/" ? "/" : outer + "/")
    }

    /// The real path `path` has or would have once created: each existing part resolved with its links
    /// followed, the parts below the first missing one appended as written (`..` there goes up one, as
    /// `mkdir -p` would). Nil when the working directory cannot be resolved.
    public static func resolved(_ path: String) -> String? {
        let absolute = path.hasPrefix("/")
        guard var current = SourceTree.realPath(absolute ? "/" : ".") else { return nil }
        for part in path.split(separator: "/", omittingEmptySubsequences: true).map(String.init) {
            if part == "." { continue }
            if part == ".." {
                // Resolved parts hold no links, so their parent is the real parent.
                current = current == "/" ? "/" : ((current as NSString).deletingLastPathComponent)
                if current.isEmpty { current = "/" }
                continue
            }
            let candidate = current == "/" ? "/" + part : current + "/" + part
            // A part that does not exist (yet) is kept as written.
            current = SourceTree.realPath(candidate) ?? candidate
        }
        return current
    }
}
