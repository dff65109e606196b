import Foundation

/// What `ctsguide new` writes, and where: a page with its front matter, that builds as it is.
public enum PageScaffold {
    public struct Problem: Error, Sendable {
        public var message: String
    }

    /// `PATH` as a path below the content folder (a leading `Content/` is accepted), or why it cannot be a page.
    public static func relativePath(_ path: String, content: String) -> Result<String, Problem> {
        var p = path
        var c = content
        while c.hasSuffix("/") && c.count > 1 { c.removeLast() }
        if p.hasPrefix(c + "/") { p = String(p.dropFirst(c.count + 1)) }
        while p.hasPrefix("./") { p = String(p.dropFirst(2)) }
        guard !p.hasPrefix("/"), !p.contains("\\"), !p.contains("\0"), let rel = resolveRelative(p, from: "x.md"), !rel.isEmpty
        else {
            return .failure(Problem(message: "'\(path)' is not a path inside the content folder '\(content)'; give it relative to it, such as clinic/rooms.md"))
        }
        // (Hidden first: `.md` is a hidden file, not a page without a name.)
        guard !rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else {
            return .failure(Problem(message: "'\(path)': names starting with '.' are hidden and never built"))
        }
        guard rel.hasSuffix(".md"), rel.count > 3 else {
            return .failure(Problem(message: "'\(path)' is not a page: a page's file name ends in .md, such as clinic/rooms.md"))
        }
        guard ContentLoader.isPageFile(rel) else {
            return .failure(Problem(message: "'\(path)' is below data/, which holds the guide's data, not pages"))
        }
        return .success(rel)
    }

    /// `clinic/room-setup.md` → "Room setup"; an `_index.md` takes its folder's name (the home page: "Home").
    public static func title(fromPath rel: String) -> String {
        var parts = rel.split(separator: "/").map(String.init)
        var name = String(parts.removeLast().dropLast(3))
        if name == "_index" || name == "index" { name = parts.last ?? "Home" }
        // (A tab, newline or other control character in the name is a space of the title, which is one line.)
        let words = name.split(whereSeparator: { c in
            c == "-" || c == "_" || c.isWhitespace || c.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        }).joined(separator: " ")
        guard let first = words.first else { return "New page" }
        return first.uppercased() + words.dropFirst()
    }

    /// The page's text, or nil for a title that is empty or not one line.
    public static func text(title: String) -> String? {
        let t = title.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, !t.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return nil }
        let quoted = "\"" + t.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return """
            ---
            title: \(quoted)
            description: ""
            ---
            Write this page in Markdown. Link other pages by their file, relative to this one (for example
            `[the FAQ](../faq.md)`), and show images saved below the content folder with a description:
            `![What the picture shows](../images/picture.png)`.

            """
    }

    /// Writes the new page `path` (below `content`, see `relativePath`) with `title` (default: from its file
    /// name); never replaces a file. Returns the file written and the page's path below the content folder.
    public static func create(_ path: String, title: String?, content: String) -> Result<(file: String, relativePath: String, title: String), Problem> {
        let rel: String
        switch relativePath(path, content: content) {
        case .success(let r): rel = r
        case .failure(let p): return .failure(p)
        }
        let pageTitle = title ?? Self.title(fromPath: rel)
        guard let text = text(title: pageTitle) else {
            return .failure(Problem(message: "--title: a title is one line of text, not empty"))
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDir), isDir.boolValue else {
            return .failure(Problem(message: "the content folder '\(content)' does not exist (give it with --content)"))
        }
        // A page published at the same place, or one whose address differs only in case, would stop the build
        // (`guide.md` beside `guide/_index.md`, `Guide/x.md` beside `guide/x.md`). (The same file: see O_EXCL.)
        let out = ContentLoader.defaultOutputPath(rel).lowercased()
        if let other = FileManager.default.enumerator(atPath: content)?.lazy.compactMap({ $0 as? String }).first(where: {
            $0 != rel && ContentLoader.isPageFile($0) && !$0.split(separator: "/").contains { $0.hasPrefix(".") }
                && ContentLoader.defaultOutputPath($0).lowercased() == out
        }) {
            return .failure(Problem(message: "'\(content)/\(other)' is published at the same address as '\(rel)' (or one differing only in case); give the new page another name"))
        }
        let file = content + "/" + rel
        let folder = (file as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return .failure(Problem(message: "cannot make the folder '\(folder)': \(error.localizedDescription)"))
        }
        // O_EXCL: an existing file (or one made meanwhile) is never replaced.
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            return .failure(
                Problem(
                    message: errno == EEXIST
                        ? "'\(file)' already exists; ctsguide new never replaces a page"
                        : "cannot write '\(file)': \(String(cString: strerror(errno)))"))
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { return .failure(Problem(message: "cannot write '\(file)'")) }
        return .success((file, rel, pageTitle))
    }
}
