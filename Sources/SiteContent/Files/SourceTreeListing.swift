import Foundation

/// Listing a tree's folders: every entry is either listed or an error at its path, never left out unseen.
extension SourceTree {
    /// Every file below `sub` (a folder inside the tree, "" for the whole tree), as paths relative to the tree,
    /// sorted. Names starting with '.' are skipped. Links to folders are reported and not followed; links to
    /// files are listed (reading them checks where they lead).
    public func files(under sub: String = "") -> (files: [String], problems: [Diagnostic]) {
        var out: [String] = []
        var problems: [Diagnostic] = []
        var pending = [sub]
        while let rel = pending.popLast() {
            let dir = rel.isEmpty ? root : root + "/" + rel
            // (A missing root is reported by the caller, which knows what the folder is for.)
            let (entries, listProblems) = SourceTree.listing(dir, root: root, reportMissing: !rel.isEmpty)
            problems += listProblems
            for (name, kind) in entries.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
                let childRel = rel.isEmpty ? name : rel + "/" + name
                let full = root + "/" + childRel
                if full.utf8.count >= Int(PATH_MAX) || name.utf8.count > Int(NAME_MAX) {
                    problems.append(
                        .error(.pathTooLong, SourceLocation(file: full.count > 240 ? root + "/" + childRel.prefix(200) + "…" : full),
                            "the path is longer than the system allows", hint: "use shorter folder and file names"))
                    continue
                }
                // The folder listing says what most entries are; the others (links, or a file system that does
                // not say) are asked with lstat.
                var type: mode_t
                switch Int32(kind) {
                case Int32(DT_DIR): type = S_IFDIR
                case Int32(DT_REG): type = S_IFREG
                default:
                    var st = stat()
                    guard lstat(full, &st) == 0 else {
                        problems.append(
                            .error(.unreadableInput, SourceLocation(file: full), "cannot read this entry (\(String(cString: strerror(errno))))"))
                        continue
                    }
                    type = st.st_mode & S_IFMT
                }
                if type == S_IFDIR {
                    pending.append(childRel)
                } else if type == S_IFLNK {
                    var target = stat()
                    if stat(full, &target) == 0, (target.st_mode & S_IFMT) == S_IFDIR {
                        problems.append(
                            .error("input.folder-link",
                                SourceLocation(file: full), "this is a link to a folder; links to folders are not followed",
                                hint: "move or copy the folder into \(root)"))
                    } else {
                        out.append(childRel)
                    }
                } else {
                    out.append(childRel)
                }
            }
        }
        return (out.sorted(), problems)
    }

    /// The entries of folder `dir` (below the tree `root`), without "." and "..", with their type as `readdir`
    /// gives it (`DT_DIR`, `DT_REG`, `DT_LNK`, `DT_UNKNOWN`…), and the problems of listing it: a folder that
    /// cannot be read, and each name that is not UTF-8 (no path of the site could name it; hidden names aside)
    /// are errors at their path; a missing folder is one only with `reportMissing`. The one listing of the build's
    /// inputs (the page, template and asset walk, and the data loader's folders), so each problem reads the same
    /// wherever it is found.
    package static func listing(_ dir: String, root: String, reportMissing: Bool = true)
        -> (entries: [(name: String, kind: UInt8)], problems: [Diagnostic])
    {
        guard let handle = opendir(dir) else {
            let reason = errno
            if dir.utf8.count >= Int(PATH_MAX) {
                return ([], [.error(.pathTooLong, SourceLocation(file: dir), "the path is longer than the system allows")])
            }
            guard reportMissing || reason != ENOENT else { return ([], []) }
            return (
                [],
                [
                    .error(.unreadableInput,
                        SourceLocation(file: dir), "cannot read this folder (\(String(cString: strerror(reason)))); "
                            + "nothing in it would be built", hint: "make the folder readable, or move it out of \(root)")
                ]
            )
        }
        defer { closedir(handle) }
        var entries: [(name: String, kind: UInt8)] = []
        var problems: [Diagnostic] = []
        while let ent = readdir(handle) {
            let (name, bytes): (String?, [UInt8]) = withUnsafePointer(to: &ent.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { c in
                    if let s = String(validatingCString: c) { return (s, []) }
                    return (nil, Array(UnsafeBufferPointer(start: c, count: strlen(c))).map { UInt8(bitPattern: $0) })
                }
            }
            if let name {
                if name != ".", name != ".." { entries.append((name, ent.pointee.d_type)) }
            } else if bytes.first != UInt8(ascii: ".") {
                problems.append(
                    .error(.unreadableInput,
                        SourceLocation(file: dir + "/" + TerminalText.escaped(bytes: bytes)),
                        "the file name is not valid UTF-8 (shown with \\x for each byte that is not); it cannot be built",
                        hint: "rename it with UTF-8 text"))
            }
        }
        return (entries, problems)
    }
}
