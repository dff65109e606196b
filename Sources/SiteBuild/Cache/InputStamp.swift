import SiteContent
import Dispatch
import Foundation

/// What a build's inputs looked like when it started, from `stat` alone: every file below the content and the
/// templates folders with its size, modification and change times (nanoseconds), inode and mode, every folder
/// with its mode, owner and whether it can be listed (so a new empty folder where a file is expected, or a
/// folder made unreadable, is a change as it is to a full build), plus this program's identity and the build's
/// options. Two equal stamps mean the build would read the same bytes, so a rebuild
/// can stop at "nothing changed" without reading a file.
///
/// A file changed within the file system's clock tick of the stamp could keep all of its stat fields; as git
/// does with its index, such a "racy" file also gets a digest of its bytes, compared when the stat is equal.
package struct InputStamp {
    struct Entry: Equatable {
        var path: String  // "c/<relative path>" below the content folder, "t/<relative path>" below templates
        var size: Int64
        var mtime: Int
        var ctime: Int
        var inode: UInt64
        /// `st_mode`. A folder's entry (its path ends in "/") has no times; its size is -2 when it can be listed
        /// and -3 when not, and its `inode` holds its owner and group.
        var mode: Int = 0
        var racyDigest: Digest?
    }

    /// Program identity and options; a different value makes every stamp differ.
    var identity: String
    var entries: [Entry]
    /// How long taking the stamp took (for `--timings`; not stored).
    var seconds = 0.0

    /// Files whose stat is as fresh as this (nanoseconds before the stamp) are racy.
    static let racyWindow = 100_000_000

    package static func take(_ options: BuildOptions) -> InputStamp {
        var id = ContentHasher()
        id.add(BuildRecord.formatVersion)
        id.add(executableIdentity())
        id.add(options.contentDirectory)
        id.add(options.templatesDirectory)
        id.add(URL(fileURLWithPath: options.outputDirectory).standardizedFileURL.path)
        for name in options.directives.names { id.add(name) }
        id.add(options.includeDrafts ? "drafts" : "")
        // Who builds decides what can be read: a build by another user never reuses this one's verdict.
        id.add("\(geteuid()):\(getegid())")
        let started = DispatchTime.now()
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let taken = nanoseconds(now)
        var entries: [Entry] = []
        walk(options.contentDirectory, prefix: "c/", into: &entries)
        walk(options.templatesDirectory, prefix: "t/", into: &entries)
        entries.sort { $0.path < $1.path }
        for i in entries.indices where !entries[i].path.hasSuffix("/") && max(entries[i].mtime, entries[i].ctime) >= taken - racyWindow {
            let file = root(of: entries[i].path, options) + "/" + entries[i].path.dropFirst(2)
            entries[i].racyDigest = ContentHasher.digest(CacheStore.read(file) ?? [])
        }
        return InputStamp(
            identity: id.finish().description, entries: entries,
            seconds: BuildTimings.seconds(started, DispatchTime.now()))
    }

    /// The running executable's path, size and modification time: a rebuilt ctsguide is a change.
    static func executableIdentity() -> String {
        let exe = SourceTree.realPath("/proc/self/exe") ?? CommandLine.arguments[0]
        var st = stat()
        guard stat(exe, &st) == 0 else { return exe }
        return "\(exe)|\(st.st_size)|\(nanoseconds(st.st_mtim))"
    }

    package static func root(of path: String, _ options: BuildOptions) -> String {
        path.hasPrefix("c/") ? options.contentDirectory : options.templatesDirectory
    }

    /// Paths ("c/…", "t/…") added, removed or changed since `old`, sorted; nil when the identity differs.
    package func changes(since old: InputStamp, options: BuildOptions) -> [String]? {
        guard identity == old.identity else { return nil }
        let before = Dictionary(old.entries.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let now = Set(entries.map(\.path))
        let changed = entries.filter { e in before[e.path].map { !Self.same(e, $0, options) } ?? true }
        return (changed.map(\.path) + old.entries.map(\.path).filter { !now.contains($0) }).sorted()
    }

    /// Whether the build never reads this path ("c/…" or "t/…"): a hidden file or folder (an editor's swap or
    /// lock file, `.DS_Store`; the content and templates trees skip them), or a backup (`page.md~`) among the
    /// pages. Not below `data/`, where every file counts, and not a template.
    package static func ignorable(_ path: String) -> Bool {
        if path.hasPrefix("c/data/") || path.hasSuffix(".mustache") { return false }
        if path.hasPrefix("c/"), path.hasSuffix("~") { return true }
        return path.dropFirst(2).split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// Equal stats; for a racy old entry, also equal bytes.
    static func same(_ new: Entry, _ old: Entry, _ options: BuildOptions) -> Bool {
        guard new.size == old.size, new.mtime == old.mtime, new.ctime == old.ctime, new.inode == old.inode,
            new.mode == old.mode
        else {
            return false
        }
        guard let digest = old.racyDigest else { return true }
        let file = root(of: new.path, options) + "/" + new.path.dropFirst(2)
        return new.racyDigest ?? ContentHasher.digest(CacheStore.read(file) ?? []) == digest
    }

    /// Every entry below `dir`, depth first, in `readdir` order. A link to a file is recorded as what it leads to;
    /// a link to a folder as itself, never entered (the build refuses such links, and following one could loop).
    private static func walk(_ dir: String, prefix: String, into entries: inout [Entry]) {
        guard let handle = opendir(dir) else { return }
        defer { closedir(handle) }
        let fd = dirfd(handle)
        while let ent = readdir(handle) {
            let name = withUnsafePointer(to: ent.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let path = prefix + name
            var st = stat()
            guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else {
                entries.append(Entry(path: path, size: -1, mtime: 0, ctime: 0, inode: 0))
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                // A folder's times move whenever a file in it is saved by rename; they are left out, so such an
                // edit stays a page edit. Its kind, permissions, owner and listability are what a build sees.
                let listable = access(dir + "/" + name, R_OK | X_OK) == 0
                entries.append(
                    Entry(
                        path: path + "/", size: listable ? -2 : -3, mtime: 0, ctime: 0,
                        inode: UInt64(st.st_uid) << 32 | UInt64(st.st_gid), mode: Int(st.st_mode)))
                walk(dir + "/" + name, prefix: path + "/", into: &entries)
                continue
            }
            var target = stat()
            if (st.st_mode & S_IFMT) == S_IFLNK, fstatat(fd, name, &target, 0) == 0, (target.st_mode & S_IFMT) != S_IFDIR {
                st = target
            }
            entries.append(
                Entry(
                    path: path, size: Int64(st.st_size), mtime: nanoseconds(st.st_mtim), ctime: nanoseconds(st.st_ctim),
                    inode: UInt64(st.st_ino), mode: Int(st.st_mode)))
        }
    }

    // MARK: Encoding

    func encode(into w: inout CacheWriter) {
        w.string(identity)
        w.int(entries.count)
        for e in entries {
            w.string(e.path)
            w.int(Int(e.size))
            w.int(e.mtime)
            w.int(e.ctime)
            w.int(Int(Int64(bitPattern: e.inode)))
            w.int(e.mode)
            w.bool(e.racyDigest != nil)
            if let d = e.racyDigest { w.digest(d) }
        }
    }

    static func decode(_ r: inout CacheReader) throws(CacheReader.Malformed) -> InputStamp {
        let identity = try r.string()
        var entries: [Entry] = []
        let n = try r.count()
        entries.reserveCapacity(n)
        for _ in 0..<n {
            var e = Entry(
                path: try r.string(), size: Int64(try r.int()), mtime: try r.int(), ctime: try r.int(),
                inode: UInt64(bitPattern: Int64(try r.int())), mode: try r.int())
            if try r.bool() { e.racyDigest = try r.digest() }
            entries.append(e)
        }
        return InputStamp(identity: identity, entries: entries)
    }
}
