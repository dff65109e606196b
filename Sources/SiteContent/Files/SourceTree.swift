import Foundation

/// The one way the build lists and reads its inputs. A tree is `Content/` or `Templates/`. Every file read must
/// resolve (links followed) to a real path inside its tree: a link that leads outside is refused before anything
/// is read, and messages name the path inside the tree, never where the link points. Links to folders are not
/// followed. Paths longer than the system allows, and files that are not UTF-8, are errors at a position.
public struct SourceTree: Sendable {
    /// The folder as given (`Content`), used to build the paths shown in messages.
    public let root: String
    /// Its real path, or nil when it does not exist.
    let realRoot: String?
    /// Real paths of the folders files were read from (a build reads thousands of files from a few folders).
    let folders = FolderPaths()

    /// The most bytes one input file may have (a page, a data file, a template, an asset).
    public static let maxFileBytes = 8 << 20

    public init(root: String) {
        self.root = root
        realRoot = SourceTree.realPath(root)
    }

    /// The path with every link resolved (`realpath`), or nil when it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// Why `path` (a file under the tree) may not be read, or nil when it may.
    func refusal(_ path: String, display: String) -> Diagnostic? {
        let at = SourceLocation(file: display)
        if path.utf8.count >= Int(PATH_MAX) || SourceTree.hasLongName(path) {
            return .error(.pathTooLong, at, "the path is longer than the system allows", hint: "use shorter folder and file names")
        }
        guard let realRoot else { return .error("input.missing-folder", SourceLocation(file: root), "the folder does not exist") }
        // A regular file (not a link) in a folder whose real path is inside the tree is inside the tree: one
        // lstat, and the folder's real path worked out once. Anything else takes the full check below.
        var own = stat()
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), lstat(path, &own) == 0, (own.st_mode & S_IFMT) == S_IFREG,
            let folder = folders.realPath(String(path[..<slash])), isInside(folder, realRoot)
        {
            return Int(own.st_size) > SourceTree.maxFileBytes
                ? .error(.fileTooLarge, at, "the file is larger than \(SourceTree.maxFileBytes >> 20) MB") : nil
        }
        guard let real = SourceTree.realPath(path) else {
            if errno == ENAMETOOLONG {
                return .error(.pathTooLong, at, "the path is longer than the system allows", hint: "use shorter folder and file names")
            }
            let loops = errno == ELOOP
            var st = stat()
            if lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK {
                return .error("input.dangling-link",
                    at, loops ? "this is a link that leads back to itself (a loop of links)" : "this is a link that leads nowhere (its target does not exist)")
            }
            return .error(.unreadableInput, at, "cannot read the file")
        }
        guard isInside(real, realRoot) else {
            return .error("input.link-outside",
                at, "this is a link to a file outside \(root); it was not read",
                hint: "copy the file into \(root) instead of linking to it")
        }
        var st = stat()
        guard stat(real, &st) == 0 else { return .error(.unreadableInput, at, "cannot read the file") }
        if (st.st_mode & S_IFMT) == S_IFDIR { return .error("input.folder-not-file", at, "expected a file, found a folder") }
        if (st.st_mode & S_IFMT) != S_IFREG { return .error("input.not-regular-file", at, "not a regular file (a device, pipe or socket is not read)") }
        if Int(st.st_size) > SourceTree.maxFileBytes {
            return .error(.fileTooLarge, at, "the file is larger than \(SourceTree.maxFileBytes >> 20) MB")
        }
        return nil
    }

    func isInside(_ real: String, _ realRoot: String) -> Bool {
        real == realRoot || real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
    }

    /// Whether a part of `path` between '/' bytes is longer than the system allows.
    static func hasLongName(_ path: String) -> Bool {
        path.utf8.split(separator: UInt8(ascii: "/")).contains { $0.count > Int(NAME_MAX) }
    }

    /// The bytes of a file inside the tree.
    public func readBytes(_ path: String, display: String) -> Result<[UInt8], Diagnostic> {
        if let no = refusal(path, display: display) { return .failure(no) }
        errno = 0
        guard let bytes = SourceTree.contents(path) else {
            let reason = errno == 0 ? "" : " (\(String(cString: strerror(errno))))"
            return .failure(.error(.unreadableInput, SourceLocation(file: display), "cannot read the file\(reason)"))
        }
        return .success(bytes)
    }

    /// The whole file, read into one array (at most `maxFileBytes`).
    static func contents(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        // Room for one byte more than the size, so the end of the file is seen in the usual case; a file that
        // grew since its stat is read on (the array grows) until its end, or refused past the limit.
        var out = [UInt8](repeating: 0, count: min(Int(st.st_size), maxFileBytes) + 1)
        var n = 0
        while true {
            if n == out.count {
                guard out.count <= maxFileBytes else { return nil }
                out += [UInt8](repeating: 0, count: min(out.count, maxFileBytes + 1 - out.count) + 1)
            }
            let got = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + n, $0.count - n) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { return nil }
            if got == 0 { break }
            n += got
        }
        guard n <= maxFileBytes else { return nil }
        out.removeLast(out.count - n)
        return out
    }

    /// The text of a file inside the tree; bytes that are not UTF-8 are an error at their line and column.
    public func readText(_ path: String, display: String) -> Result<String, Diagnostic> {
        switch readBytes(path, display: display) {
        case .failure(let d): return .failure(d)
        case .success(let bytes): return SourceTree.decodeUTF8(bytes, display: display)
        }
    }

    /// UTF-8 text, or an error at the line and column (in characters) of the first byte that is not UTF-8.
    public static func decodeUTF8(_ bytes: [UInt8], display: String) -> Result<String, Diagnostic> {
        // Valid text (the usual case) is validated and copied in one pass; only invalid text is walked scalar by
        // scalar to find the position of the first bad byte.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = bytes.starts(with: bom) ? bytes[3...] : bytes[...]
        if let text = String(validating: body, as: UTF8.self) { return .success(text) }
        var line = 1, column = 1
        var it = bytes.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let s) = decoder.decode(&it) {
            if s == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return .failure(
            .error("input.not-utf8",
                SourceLocation(file: display, line: line, column: column),
                "the file is not valid UTF-8 text (a byte here is not UTF-8)",
                hint: "save the file as UTF-8"))
    }
}

/// Real paths of folders, looked up once each; shared by the threads that read a tree.
final class FolderPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: String?] = [:]

    func realPath(_ folder: String) -> String? {
        lock.lock()
        if let hit = known[folder] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let real = SourceTree.realPath(folder)
        lock.lock()
        known[folder] = real
        lock.unlock()
        return real
    }
}
