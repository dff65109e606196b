import SiteContent

/// What `PageRewriter` writes beyond cmark's own output: images of the content folder with their size, links
/// with their printed address under `base_url`, and the warning for other generators' template syntax.
extension PageRewriter {
    package mutating func foreignTemplateSyntax(_ text: String, line: Int, column: Int) {
        let shown = text.count > 60 ? text.prefix(57) + "…" : Substring(text)
        let kind = text.hasPrefix("{{<") || text.hasPrefix("{{%") ? "a Hugo shortcode" : "Hugo or Zola template syntax"
        // `{{< ref "rooms.md" >}}` / `relref`: the Markdown link to write instead, with the target as written.
        let words = text.split(whereSeparator: { " <>%{}\"“”".contains($0) })
        var hint = "link with Markdown: [text](../page.md) to a page, [97550](code:97550) to a code page, "
            + "[title](source:ID) to a source"
        if let first = words.first, first == "ref" || first == "relref", words.count >= 2 {
            hint = "write a Markdown link to the page's file instead: [text](\(words[1])); " + hint
        }
        diagnostics.warning("markdown.foreign-shortcode",
            location(line, column), "'\(shown)' looks like \(kind); it is shown as text", hint: hint)
    }

    package mutating func shownAsText(_ kind: TextMarkup, _ text: String, line: Int, column: Int) {
        guard kind == .undefinedReference else {
            diagnostics.error("markdown.pipe-table", location(line, column),
                "a pipe table ('\(text.prefix(40))') is not Markdown here: it would be published as a paragraph of text",
                hint: "give the facts as a list, or ask for a directive that generates the table from data")
            return
        }
        if text.hasSuffix(")") {
            diagnostics.error("link.shown-as-text", location(line, column),
                "'\(text)' is shown as text, not as \(text.hasPrefix("!") ? "an image" : "a link"): a link's address has no spaces, and a link's text holds no other link",
                hint: "write an address with spaces in <…>, e.g. [the room](<room plan.md>), and never put a link in another's text")
            return
        }
        if text.hasPrefix("[^") {
            diagnostics.error("markdown.footnote", location(line, column),
                "'\(text)' is shown as text: footnotes are not part of the Markdown this site uses (CommonMark)",
                hint: "write the note in the text, or as a sentence or list at the end of the section")
            return
        }
        // `[text][label]`, or `[text][]` whose label is its text.
        let parts = text.dropFirst().dropLast().components(separatedBy: "][")
        diagnostics.error("link.undefined-reference",
            location(line, column), "'\(text)' is shown as text: no line '[\(parts[1].isEmpty ? parts[0] : parts[1])]: …' defines its link",
            hint: "write the link inline, e.g. [the FAQ](../faq.md), or define the reference on a line of its own")
    }

    /// An image of the content folder, linked relatively from this page with its size; an error for a remote,
    /// missing or unreadable image and for one without alt text.
    mutating func image(_ url: String, alt: String, title: String, at: SourceLocation) -> MarkdownLinkTarget? {
        if urlScheme(url) != nil || url.hasPrefix("//") {
            diagnostics.error("image.remote",
                at, "remote images are not allowed ('\(url)'): the site loads nothing from elsewhere",
                hint: "save the image below the content folder and link it relatively, e.g. '../images/room.png'")
            return nil
        }
        if url.hasPrefix("/") {
            diagnostics.error("image.absolute-path",
                at, "image '\(url)' starts with '/'",
                hint: "write its path relative to this file (e.g. '../images/room.png') so the site works at any path")
            return nil
        }
        let base = String(url.prefix { $0 != "#" && $0 != "?" })
        let resolved = resolveRelative(base, from: page.relativePath)
        guard let path = resolved, let found = site.images[path] else {
            if ImageKind(fileName: base) == nil {
                diagnostics.error("image.not-an-image",
                    at, "'\(url)' is not an image a page can show", hint: "pages show PNG, JPEG, SVG and WebP files")
            } else {
                // On a disk that ignores case the file opens, but the web server of the published site tells them apart.
                let other = resolved.flatMap { p in site.images.keys.first { $0.lowercased() == p.lowercased() } }
                diagnostics.error("image.missing",
                    at, "broken image '\(url)': no image '\(resolved ?? base)' in the content folder",
                    hint: other.map { "the file is named '\($0)': write its name with the same capitals" }
                        ?? "write the path relative to this file, e.g. '../images/room.png'")
            }
            return nil
        }
        guard !isBlank(alt) else {
            diagnostics.error("image.no-alt-text",
                at, "image '\(url)' has no alt text",
                hint: "say what it shows in the brackets: ![The training room with a hospital bed](\(url))")
            return nil
        }
        switch found.size {
        case .failure(let problem):
            diagnostics.error("image.unreadable", at, "image '\(path)' \(problem.message)")
            return nil
        case .success(let size):
            // Written with its size (cmark writes none) so the page does not move when it loads.
            let src = relativeURL(from: page.outputPath, to: path)
            var attributes: [HTMLAttribute] = [.attr("src", src), .attr("alt", alt)]
            if !title.isEmpty { attributes.append(.attr("title", title)) }
            attributes += [.attr("width", String(size.width)), .attr("height", String(size.height))]
            return MarkdownLinkTarget(src, tags: (HTML.void("img", attributes).rendered, ""))
        }
    }

    /// With a `base_url`: a link's tags with `data-print-url`, the page's absolute address there (with the
    /// fragment), which print style sheets show beside the link; nil without one (cmark writes the link).
    package func printed(_ href: String, _ outputPath: String, fragment: String?, query: String? = nil, title: String) -> (open: String, close: String)? {
        guard let base = site.config.baseURL else { return nil }
        var attributes: [HTMLAttribute] = [.href(href)]
        if !title.isEmpty { attributes.append(.attr("title", title)) }
        let tail = (query.map { "?" + $0 } ?? "") + (fragment.map { "#" + $0 } ?? "")
        attributes.append(.attr("data-print-url", base + pageURLPath(outputPath) + tail))
        return (HTML.startTag("a", attributes), HTML.endTag("a"))
    }
}
