import Foundation

/// Reads `Content/`: `site.yaml` and every `*.md` page (front matter + body). Data files under
/// `Content/data/` are read by `SiteDataLoader`.
package enum ContentLoader {
    /// All Markdown files of the content tree (not below `data/`), as paths relative to its root, sorted, and
    /// the problems met while listing (links to folders, paths too long).
    package static func markdownFiles(in tree: SourceTree) -> (files: [String], problems: [Diagnostic]) {
        let (all, problems) = tree.files()
        let pages = all.filter { rel in
            !(rel == "data" || rel.hasPrefix("data/")) && rel.hasSuffix(".md")
        }
        return (pages, problems)
    }

    /// The text of a file inside `tree` (see `SourceTree`), or nil with the reason in `diagnostics`.
    package static func readText(_ path: String, display: String, tree: SourceTree, diagnostics: inout Diagnostics) -> String? {
        switch tree.readText(path, display: display) {
        case .success(let text): return text
        case .failure(let d):
            diagnostics.append(d)
            return nil
        }
    }

    /// Splits and reads one page. Returns nil (with diagnostics) when the front matter is unusable.
    package static func loadPage(relativePath: String, text: String, display: String) -> (PageSource?, Diagnostics) {
        var diags = Diagnostics()
        let normalized = containsByte(text, 13) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        var rest = normalized[...]
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        // Only the front matter is cut into lines (by bytes: splitting the whole page by Characters was the
        // largest cost of loading a big site); the body is the text after the closing '---' line.
        var lines: [Substring] = []
        var close: Int?
        var bodyStart = rest.endIndex
        var pos = rest.startIndex
        while true {
            let nl = rest.utf8[pos...].firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            let line = rest[pos..<nl]
            let isFence = trimmedSpaces(line) == "---"
            lines.append(line)
            if lines.count == 1 && !isFence { break }
            if lines.count > 1 && isFence {
                close = lines.count - 1
                bodyStart = nl < rest.endIndex ? rest.index(after: nl) : nl
                break
            }
            if nl == rest.endIndex { break }
            pos = rest.index(after: nl)
        }
        guard lines.first.map({ trimmedSpaces($0) == "---" }) == true else {
            diags.error(
                SourceLocation(file: display), "missing front matter",
                hint: "a page starts with a '---' line, then YAML with at least 'title:', then another '---' line")
            return (nil, diags)
        }
        guard let close else {
            diags.error(SourceLocation(file: display), "front matter is not closed", hint: "add a '---' line after it")
            return (nil, diags)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = String(rest[bodyStart...])
        var meta = FrontMatterFastPath.read(lines[1..<close], file: display, firstLine: 2)
        if meta == nil {
            let ctx = YAMLContext(file: display, lineOffset: 1)
            if let root = ctx.parse(yaml) { meta = PageMeta.read(root) }
            diags.append(contentsOf: ctx.diagnostics.items)
        }
        guard let meta else { return (nil, diags) }

        var output = defaultOutputPath(relativePath)
        if let custom = meta.path {
            if let checked = checkedOutputPath(custom) {
                output = checked
            } else {
                diags.error(
                    meta.location(of: "path"), "output path '\(custom)' would leave the output folder or is not a page path",
                    hint: "use a relative path inside the site, such as '404.html' or 'help/'")
                return (nil, diags)
            }
        }
        // The output file must be writable: bound its path well below the system limit (the staging folder
        // and the output folder's own path come in front of it).
        if output.utf8.count > ContentLoader.maxOutputPathBytes
            || output.split(separator: "/").contains(where: { $0.utf8.count > Int(NAME_MAX) })
        {
            diags.error(
                SourceLocation(file: display), "the page's output path is longer than the system allows",
                hint: "use shorter folder and file names (at most \(ContentLoader.maxOutputPathBytes) characters in all)")
            return (nil, diags)
        }
        let page = PageSource(
            relativePath: relativePath, displayPath: display, meta: meta, body: body, bodyLineOffset: close + 1,
            outputPath: output)
        return (page, diags)
    }

    /// The longest output path (relative to the output folder) a page may have.
    static let maxOutputPathBytes = 1_024

    /// `a/b.md` → `a/b/index.html`; `a/_index.md` → `a/index.html`; `_index.md`/`index.md` → `index.html`.
    static func defaultOutputPath(_ rel: String) -> String {
        var parts = rel.split(separator: "/").map(String.init)
        let last = parts.removeLast()
        if last == "_index.md" || (last == "index.md" && parts.isEmpty) {
            return (parts + ["index.html"]).joined(separator: "/")
        }
        let stem = String(last.dropLast(3))
        return (parts + [stem, "index.html"]).joined(separator: "/")
    }

    /// A front-matter `path`, normalized, or nil when it is absolute, climbs out, or is not an HTML page.
    static func checkedOutputPath(_ p: String) -> String? {
        // No percent-encoding (`%2e%2e` is `..` to a browser), query or fragment characters either.
        if p.isEmpty || p.hasPrefix("/") || p.contains(where: { "\\:\0%?#".contains($0) }) { return nil }
        var stack: [String] = []
        for part in p.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if stack.isEmpty { return nil }
                stack.removeLast()
                continue
            }
            if part.hasPrefix(".") { return nil }
            stack.append(String(part))
        }
        if stack.isEmpty { return nil }
        if p.hasSuffix("/") { stack.append("index.html") }
        guard stack.last!.hasSuffix(".html") else { return nil }
        if stack.first == "assets" { return nil }
        return stack.joined(separator: "/")
    }
}
