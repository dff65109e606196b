import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Notices changes below some folders by polling: every `interval` it walks them with `readdir`/`lstat` and
/// compares each entry's modification time (nanoseconds), size and inode with the last walk. Polling was
/// chosen over inotify because it needs no watch per folder (new and renamed folders, editors that replace
/// files, symlinked trees all just work), behaves the same on every platform and file system (including
/// network and container mounts where inotify is silent), and costs about 2 µs per file per walk — a few
/// milliseconds for a 5,000-page site — so a 100 ms interval is cheap.
public struct FolderSnapshot: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var inode: UInt64
        var isDirectory: Bool
    }
    var entries: [String: Entry]

    /// Walks `roots` (missing ones are simply empty). Hidden files and folders (editor swap files) are skipped.
    public static func take(_ roots: [String]) -> FolderSnapshot {
        var entries: [String: Entry] = [:]
        for root in roots { walk(root, into: &entries) }
        return FolderSnapshot(entries: entries)
    }

    /// Paths added, removed or changed since `old`, sorted.
    public func changes(since old: FolderSnapshot) -> [String] {
        var out: [String] = []
        for (path, e) in entries where old.entries[path] != e && !e.isDirectory { out.append(path) }
        for path in old.entries.keys where entries[path] == nil { out.append(path) }
        return out.sorted()
    }

    private static func walk(_ dir: String, into entries: inout [String: Entry]) {
        guard let handle = opendir(dir) else { return }
        defer { closedir(handle) }
        while let ent = readdir(handle) {
            let name = withUnsafePointer(to: ent.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") || name.hasSuffix("~") { continue }
            let path = dir + "/" + name
            var st = stat()
            guard stat(path, &st) == 0 else { continue }
            let isDir = (st.st_mode & S_IFMT) == S_IFDIR
            #if canImport(Glibc)
                let (s, ns) = (Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec))
            #else
                let (s, ns) = (Int(st.st_mtimespec.tv_sec), Int(st.st_mtimespec.tv_nsec))
            #endif
            entries[path] = Entry(
                seconds: s, nanoseconds: ns, size: Int64(st.st_size), inode: UInt64(st.st_ino), isDirectory: isDir)
            if isDir { walk(path, into: &entries) }
        }
    }
}

/// Calls `onChange` on its own thread when files below `roots` change, after they have been quiet for
/// `settle` (an editor saving several files, or writing one in steps, gives one rebuild).
public final class FileWatcher: @unchecked Sendable {
    private let roots: [String]
    private let interval: TimeInterval
    private let settle: TimeInterval
    private let onChange: @Sendable ([String]) -> Void
    private let lock = NSLock()
    private var running = true

    public init(
        roots: [String], interval: TimeInterval = 0.1, settle: TimeInterval = 0.05,
        onChange: @escaping @Sendable ([String]) -> Void
    ) {
        self.roots = roots
        self.interval = interval
        self.settle = settle
        self.onChange = onChange
        let thread = Thread { [self] in loop() }
        thread.name = "ctsguide-watch"
        thread.start()
    }

    public func stop() {
        lock.lock()
        running = false
        lock.unlock()
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func loop() {
        var last = FolderSnapshot.take(roots)
        while isRunning {
            Thread.sleep(forTimeInterval: interval)
            var now = FolderSnapshot.take(roots)
            var changed = now.changes(since: last)
            guard !changed.isEmpty else { continue }
            // Wait until the files stop changing.
            while isRunning {
                Thread.sleep(forTimeInterval: settle)
                let again = FolderSnapshot.take(roots)
                let more = again.changes(since: now)
                if more.isEmpty { break }
                changed = Array(Set(changed + more)).sorted()
                now = again
            }
            last = now
            if isRunning { onChange(changed) }
        }
    }
}
