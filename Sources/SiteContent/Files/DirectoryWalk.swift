import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The one `readdir` walk below a folder, for the two places that watch files by their stat alone (the build's
/// input stamp and the preview server's watcher). Folders are entered; a link to a file reports what it leads
/// to; a link to a folder is reported as itself and never entered (the build refuses such links, and following
/// one could loop).
package enum DirectoryWalk {
    /// One entry: its path relative to the walked folder, its stat (`info`; nil when it cannot be read) and
    /// whether it is a folder.
    package struct Entry {
        package var relativePath: String
        package var info: stat?
        package var isDirectory: Bool
    }

    /// Calls `visit` for every entry below `dir`, depth first, in `readdir` order; `visit` returns whether to
    /// enter a folder.
    package static func walk(_ dir: String, prefix: String = "", _ visit: (Entry) -> Bool) {
        guard let handle = opendir(dir) else { return }
        defer { closedir(handle) }
        let fd = dirfd(handle)
        while let ent = readdir(handle) {
            let name = withUnsafePointer(to: ent.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var st = stat()
            guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else {
                _ = visit(Entry(relativePath: prefix + name, info: nil, isDirectory: false))
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                if visit(Entry(relativePath: prefix + name, info: st, isDirectory: true)) {
                    walk(dir + "/" + name, prefix: prefix + name + "/", visit)
                }
                continue
            }
            var target = stat()
            if (st.st_mode & S_IFMT) == S_IFLNK, fstatat(fd, name, &target, 0) == 0, (target.st_mode & S_IFMT) != S_IFDIR {
                st = target
            }
            _ = visit(Entry(relativePath: prefix + name, info: st, isDirectory: false))
        }
    }
}
