import Foundation
import Yams

/// Reads `Content/`: `site.yaml` and every `*.md` page (front matter + body). Data files under
/// `Content/data/` are read by `SiteDataLoader`.
package enum ContentLoader {
    /// All Markdown files of the content tree (not below `data/`), as paths relative to its root, sorted, and
    /// the problems met while listing (links to folders, paths too long).
    package static func markdownFiles(in tree: SourceTree) -> (files: [String], problems: [Diagnostic]) {
        let (all, problems) = tree.files()
        return (all.filter(isPageFile), problems)
    }

    /// Whether a file of the content tree (a relative path) is a page: Markdown outside `data/`.
    package static func isPageFile(_ rel: String) -> Bool {
        !isInData(rel) && rel.hasSuffix(".md")
    }

    /// Whether a file of the content tree is `data/` or below it (read by the site extension, never a page).
    static func isInData(_ rel: String) -> Bool { rel == "data" || rel.hasPrefix("data/") }

    /// A Markdown file that is not named `*.md` (`faq.markdown`, `faq.MD`): it would be left out unseen, so the
    /// load reports it. Nil for any other file; else the name it should have.
    package static func misnamedPage(_ rel: String) -> String? {
        guard !isInData(rel), !rel.hasSuffix(".md"), let dot = rel.lastIndex(of: "."),
            !rel[dot...].contains("/"), [".md", ".markdown", ".mdown", ".mkd", ".mkdn"].contains(rel[dot...].lowercased())
        else { return nil }
        return rel[..<dot] + ".md"
    }

    /// Whether the build reads or publishes a file of the content tree that is neither a page nor a misnamed one:
    /// an image, `site.yaml`, the `stylesheet` it names, anything below `data/` (its loader reports files it does
    /// not read) and editors' backups (`page.md~`, never read). Any other file is an error, never left out unseen.
    package static func isUsed(_ rel: String, stylesheet: String?) -> Bool {
        isInData(rel) || ImageKind(fileName: rel) != nil || rel == "site.yaml" || rel == stylesheet || rel.hasSuffix("~")
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
        // CRLF and a lone CR (old Mac files) end a line, as for cmark and editors: positions count them so.
        var normalized =
            containsByte(text, 13) ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        // Only the front matter is cut into lines, by bytes; the body is the text after the closing '---' line.
        let split = normalized.withUTF8 { FrontMatterLines($0) }
        guard split.opened else {
            diags.error("front-matter.missing",
                SourceLocation(file: display), "missing front matter",
                hint: "a page starts with a '---' line, then YAML with at least 'title:', then another '---' line")
            return (nil, diags)
        }
        guard let close = split.close else {
            diags.error("front-matter.not-closed", SourceLocation(file: display), "front matter is not closed", hint: "add a '---' line after it")
            return (nil, diags)
        }
        let body = split.body(of: normalized)
        // The one front-matter reading: its YAML (Yams, as every file: `YAMLContext.parse`) through the key table
        // (`PageMeta.read`).
        let yaml = YAMLContext(file: display, lineOffset: 1)
        let meta = yaml.parse(split.yaml(of: normalized)).flatMap(PageMeta.read)
        diags.append(contentsOf: yaml.diagnostics.items)
        guard let meta else { return (nil, diags) }

        var output = defaultOutputPath(relativePath)
        if let custom = meta.path {
            if let checked = checkedOutputPath(custom) {
                output = checked
            } else {
                diags.error("front-matter.bad-output-path",
                    meta.location(of: "path"), "output path '\(custom)' would leave the output folder or is not a page path",
                    hint: "use a relative path inside the site, such as '404.html' or 'help/'")
                return (nil, diags)
            }
        }
        // The output file must be writable: bound its path well below the system limit (the staging folder
        // and the output folder's own path come in front of it).
        if output.utf8.count > ContentLoader.maxOutputPathBytes
            || SourceTree.hasLongName(output)
        {
            diags.error("page.output-path-too-long",
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
    package static func defaultOutputPath(_ rel: String) -> String {
        var parts = rel.utf8.split(separator: UInt8(ascii: "/")).map(Substring.init)
        guard let last = parts.popLast() else { return "index.html" }
        if last == "_index.md" || (last == "index.md" && parts.isEmpty) { return (parts + ["index.html"]).joined(separator: "/") }
        return (parts + [last.dropLast(3), "index.html"]).joined(separator: "/")
    }

    /// A front-matter `path`, normalized by the one path resolver (`resolveRelative`), or nil when it is
    /// absolute, climbs out, has a hidden part, lies in `assets/`, or is not an HTML page.
    static func checkedOutputPath(_ p: String) -> String? {
        // No percent-encoding (`%2e%2e` is `..` to a browser), query or fragment characters either.
        guard !p.hasPrefix("/"), !p.contains(where: { "\\:\0%?#".contains($0) }),
            !p.split(separator: "/").contains(where: { $0.hasPrefix(".") && $0 != "." && $0 != ".." }),
            var path = resolveRelative(p, from: "")
        else { return nil }
        if path.hasSuffix("/") { path += "index.html" }  // ("/index.html" when nothing is left: refused below)
        guard !path.hasPrefix("/"), path.hasSuffix(".html"), !path.hasPrefix("assets/") else { return nil }
        return path
    }
}
