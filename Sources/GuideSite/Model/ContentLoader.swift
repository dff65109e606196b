import Foundation

/// Reads `Content/`: `site.yaml` and every `*.md` page (front matter + body). Data files under
/// `Content/data/` are read by `SiteDataLoader`.
enum ContentLoader {
    /// All Markdown files below `root` (not below `data/`), as paths relative to `root`, sorted.
    static func markdownFiles(in root: String) -> [String] {
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            if rel == "data" || rel.hasPrefix("data/") { continue }
            let name = (rel as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            if rel.hasSuffix(".md") { out.append(rel) }
        }
        return out.sorted()
    }

    static func readText(_ path: String, display: String, diagnostics: inout Diagnostics) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error(SourceLocation(file: display), "cannot read the file")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.error(SourceLocation(file: display), "the file is not valid UTF-8 text")
            return nil
        }
        return text
    }

    /// Splits and reads one page. Returns nil (with diagnostics) when the front matter is unusable.
    static func loadPage(relativePath: String, text: String, display: String) -> (PageSource?, Diagnostics) {
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
                    meta.location, "output path '\(custom)' would leave the output folder or is not a page path",
                    hint: "use a relative path inside the site, such as '404.html' or 'help/'")
                return (nil, diags)
            }
        }
        let page = PageSource(
            relativePath: relativePath, displayPath: display, meta: meta, body: body, bodyLineOffset: close + 1,
            outputPath: output)
        return (page, diags)
    }

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
        if p.isEmpty || p.hasPrefix("/") || p.contains("\\") || p.contains(":") || p.contains("\0") { return nil }
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
