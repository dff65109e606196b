import SiteContent
import Foundation

/// A link to an anchor on some page, checked once every page's ids are known.
package struct AnchorReference: Sendable {
    package var targetOutputPath: String
    package var targetDisplay: String
    package var fragment: String
    package var location: SourceLocation

    package init(targetOutputPath: String, targetDisplay: String, fragment: String, location: SourceLocation) {
        self.targetOutputPath = targetOutputPath
        self.targetDisplay = targetDisplay
        self.fragment = fragment
        self.location = location
    }
}

/// Shapes one page's Markdown: heading ids, directives, link resolution. Collects the page's diagnostics.
package struct PageRewriter: MarkdownRewriter {
    package let site: SiteModel
    package let page: PageSource
    let directives: DirectiveRegistry
    package var diagnostics = Diagnostics()
    var usedIDs: Set<String> = reservedIDs
    package var anchorReferences: [AnchorReference] = []
    package var citedSources: [String] = []
    /// The ids of the elements the page's directives wrote (heading ids are in the rendered Markdown's headings).
    var directiveIDs: [String] = []
    /// The directives the page ran.
    package var directivesUsed: Set<String> = []

    /// Ids the page layout uses itself, and `top` (`#top` is the top of the page only while no element has it).
    static let reservedIDs: Set<String> = [
        "main", "site-nav", "search-input", "search-results", "search-help", "child-pages-title", "toc", "top",
    ]

    package func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: page.displayPath, line: line, column: column)
    }

    /// The next number to try after each base id, so many headings with the same text take linear time.
    var nextSuffix: [String: Int] = [:]

    package mutating func headingID(for heading: MarkdownHeading) -> String {
        // An empty heading (`## `, a lone `#`, one of only raw HTML) would be published as an empty <hN>.
        if isBlank(heading.text) {
            diagnostics.error("markdown.empty-heading", location(heading.line, heading.column), "the heading has no text",
                hint: "write the heading's text after its '#' marks, or remove the line")
        }
        let base = slugify(heading.text)
        var id = base
        var n = nextSuffix[base] ?? 2
        while usedIDs.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        if id != base { nextSuffix[base] = n }
        usedIDs.insert(id)
        return id
    }

    package mutating func replacement(for block: MarkdownCodeBlock) -> MarkdownReplacement? {
        let words = block.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let name = words.first, !codeLanguages.contains(name.lowercased()) else { return nil }
        let at = location(block.line, block.column)
        guard let directive = directives[name] else {
            var hint = "known directives: \(directives.names.joined(separator: ", "))"
            if let near = nearest(to: name, among: directives.names, within: 3) { hint = "did you mean '\(near)'? " + hint }
            diagnostics.error("directive.unknown", at, "unknown directive '\(name)'", hint: hint)
            return MarkdownReplacement(html: "")
        }
        guard site.hasExtensionData || !directive.needsExtensionData else {
            diagnostics.error("directive.needs-guide-data",
                at, "directive '\(name)' needs the guide's data, which this site does not have",
                hint: "add site.yaml and the data/ folder (codes, fees, sources), or remove the directive")
            return MarkdownReplacement(html: "")
        }
        if !directive.readsBody,
            let (n, text) = block.literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .first(where: { !$0.element.allSatisfy(\.isWhitespace) })
        {
            let indent = text.prefix { $0 == " " || $0 == "\t" }.count
            let shown = text.dropFirst(indent).prefix(60)
            diagnostics.error("directive.unexpected-body",
                location(block.line + 1 + n, block.column + indent),
                "directive '\(name)' takes no text inside its block, found '\(shown)'",
                hint: "write the text above or below the block; the block holds only the directive's line")
            return MarkdownReplacement(html: "")
        }
        directivesUsed.insert(name)
        var use = DirectiveUse(name: name, arguments: Array(words.dropFirst()), body: block.literal, location: at)
        if let column = block.infoColumn {
            // Each word's column: the info string as written on the fence's line (its words are split as above).
            var starts: [Int] = [], previous: Character = " "
            for (i, c) in block.info.enumerated() {
                if c != " ", c != "\t", previous == " " || previous == "\t" { starts.append(column + i) }
                previous = c
            }
            if starts.count == words.count { use.argumentLocations = starts.dropFirst().map { location(block.line, $0) } }
        }
        do {
            let out = try directive.render(use, context: DirectiveContext(site: site, page: page))
            diagnostics.append(contentsOf: out.diagnostics)
            citedSources.append(contentsOf: out.citedSources)
            // Ids are unique on a page: a heading after the block gets another id (`headingID`); one before it, the
            // layout's own ids or another directive's cannot give way, so writing one again is an error here.
            for id in out.ids where usedIDs.contains(id) {
                diagnostics.error("directive.duplicate-id",
                    at, "\(name) writes the id '\(id)', which this page already has (a heading above, the layout or another directive)",
                    hint: "use the directive once per page, or rename the heading")
                break
            }
            usedIDs.formUnion(out.ids)
            directiveIDs += out.ids
            return MarkdownReplacement(
                html: out.html, text: out.text, statements: out.statements, citations: out.body.citations)
        } catch {
            for e in [error] + error.more { diagnostics.error(e.id, e.location ?? at, "\(name): \(e.message)", hint: e.hint) }
            return MarkdownReplacement(html: "")
        }
    }

    package mutating func droppedRawHTML(line: Int, column: Int) {
        diagnostics.warning("markdown.raw-html",
            location(line, column), "raw HTML is not allowed in pages and was left out",
            hint: "write it in Markdown, or ask for a directive that generates it")
    }

    package mutating func rewrite(_ link: MarkdownLink) -> MarkdownLinkTarget? {
        let at = location(link.line, link.column)
        let url = String(trimmedSpaces(Substring(link.url)))
        if url.isEmpty {
            diagnostics.error("link.empty", at, "empty link target")
            return nil
        }
        if link.isImage { return image(url, alt: link.alt, title: link.title, at: at) }
        if isBlank(link.alt) {
            diagnostics.error("link.no-text", at, "the link has no text: a reader sees nothing to follow",
                hint: "write its words between the brackets, e.g. [the FAQ](faq.md)")
        }
        if url.hasPrefix("#") {
            let fragment = String(url.dropFirst())
            anchorReferences.append(
                AnchorReference(
                    targetOutputPath: page.outputPath, targetDisplay: page.displayPath, fragment: fragment, location: at))
            return MarkdownLinkTarget(url, citing: citedSource(fragment: fragment))
        }
        let (base, fragment) = splitFragment(url)
        let lower = base.lowercased()
        if lower.hasPrefix("code:") {
            let code = String(base.dropFirst(5))
            guard let i = site.byCode[code] else {
                let withPage = "codes with a page: \(site.byCode.keys.sorted().joined(separator: ", "))"
                if site.siteExtensionData?.knownCodes.contains(code) == true {
                    // A code of the data whose page is missing or a draft: not an unknown code.
                    diagnostics.error("link.code-without-page",
                        at, "code '\(code)' in link '\(url)' has no published page (a page with code: \"\(code)\" that is not a draft)",
                        hint: withPage)
                } else {
                    diagnostics.error("link.unknown-code", at, "unknown code '\(code)' in link '\(url)'", hint: withPage)
                }
                return nil
            }
            return target(i, fragment: fragment, at: at, title: link.title)
        }
        if let scheme = directives.linkSchemes.first(where: { lower.hasPrefix($0 + ":") }) {
            guard let ext = site.siteExtensionData else {
                diagnostics.error("link.needs-guide-data",
                    at, "link '\(url)' needs the guide's data, which this site does not have",
                    hint: "add site.yaml and the data/ folder, or remove the link")
                return nil
            }
            if fragment != nil {
                // The extension names the whole target (a source's entry, a fact's marker): a fragment would be dropped.
                diagnostics.error("link.scheme-fragment",
                    at, "a '\(scheme):' link takes no '#' part, found '\(url)'",
                    hint: "write [text](\(base)); it links its own place")
                return nil
            }
            let rest = String(base.dropFirst(scheme.count + 1))
            return ext.link(scheme: scheme, rest, url: url, title: link.title, at: at, in: &self)
        }
        if let scheme = urlScheme(base) {
            if ["http", "https", "mailto", "tel"].contains(scheme) {
                // An address to go to: a host after '//' (http, https), anything after the scheme (mailto, tel).
                let rest = base.dropFirst(scheme.count + 1)
                let web = scheme.hasPrefix("http")
                if rest.isEmpty || (web && (!rest.hasPrefix("//") || rest.dropFirst(2).prefix { !"/?#".contains($0) }.isEmpty)) {
                    diagnostics.error("link.no-address", at, "link '\(url)' names no \(web ? "site" : "address")",
                        hint: web ? "write the whole address, such as https://example.org/page" : "write the address after '\(scheme):'")
                    return nil
                }
                return MarkdownLinkTarget(url)
            }
            diagnostics.warning("link.scheme-left-out",
                at, "link with '\(scheme):' was left out (only http, https, mailto and tel links are written)")
            return nil
        }
        if base.hasPrefix("/") {
            diagnostics.error("link.absolute-path",
                at, "link '\(url)' starts with '/'",
                hint: base.hasPrefix("//") ? "for another site write the whole address, such as 'https:\(url)'"
                    : "write links relative to this file (e.g. '../codes/97550.md') so the site works at any path")
            return nil
        }
        // A link to another page by its Markdown file (or folder), relative to this file; else (not for `.md`)
        // by its output URL relative to this page's URL, as Hugo users write it (`../../section-03/page-00042/`).
        // Each lookup is made once, by page index (no copy of the page).
        // A query (`calculator.md?minutes=38`, read by the page's script) goes with the link as written.
        let mark = base.utf8.firstIndex(of: UInt8(ascii: "?"))
        let query = mark.map { String(base[base.index(after: $0)...]) }
        let path = mark.map { String(base[..<$0]) } ?? base
        let resolved = resolveRelative(path, from: page.relativePath)
        let byPath = resolved.flatMap(site.pageIndex(atPath:))
        guard let found = byPath ?? (path.lowercased().hasSuffix(".md") ? nil : site.pageIndex(atOutputURL: path, from: page.outputPath))
        else {
            // (By its file, or by its folder URL as a draft would have it.)
            let asURL = path.lowercased().hasSuffix(".md") ? nil
                : resolveRelative(path, from: page.outputPath).map { $0.isEmpty || $0.hasSuffix("/") ? $0 + "index.html" : $0 }
            if resolved.map(site.drafts.contains) == true || site.drafts.contains(where: { ContentLoader.defaultOutputPath($0) == asURL }) {
                diagnostics.error("link.to-draft",
                    at, "link '\(url)' goes to a draft, which is not published",
                    hint: "publish the page (remove 'draft: true') or take the link out")
                return nil
            }
            // `[^1]: note` is a link definition in CommonMark, so `[^1]` links to 'note': name what was meant.
            diagnostics.error("link.broken",
                at, "broken link '\(url)': no page '\(resolved ?? base)'",
                hint: link.alt.hasPrefix("^") ? "footnotes ([^1] with a '[^1]: …' line) are not CommonMark; write the note in the text"
                    : "link to the Markdown file (e.g. '../faq.md') or to the page's folder URL from this page")
            return nil
        }
        return target(found, fragment: fragment, query: query, at: at, title: link.title)
    }


    /// The URL of page `i` from this page (with the fragment, whose anchor is checked later).
    mutating func target(_ i: Int, fragment: String?, query: String? = nil, at: SourceLocation, title: String) -> MarkdownLinkTarget {
        let to = site.pages[i].outputPath
        var u = relativeURL(from: page.outputPath, to: to) + (query.map { "?" + $0 } ?? "")
        if let fragment {
            anchorReferences.append(
                AnchorReference(
                    targetOutputPath: to, targetDisplay: site.pages[i].displayPath, fragment: fragment, location: at))
            u += "#" + fragment
        }
        return MarkdownLinkTarget(
            u, citing: fragment.flatMap(citedSource(fragment:)), tags: printed(u, to, fragment: fragment, query: query, title: title))
    }

    /// The source a link to `#source-<id>` (a source's entry on the sources page) cites, as the author wrote it.
    func citedSource(fragment: String) -> String? {
        let prefix = sourceAnchor("")
        return fragment.hasPrefix(prefix) ? String(fragment.dropFirst(prefix.count)) : nil
    }
}

package func splitFragment(_ url: String) -> (String, String?) {
    guard let i = url.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (url, nil) }
    return (String(url[..<i]), String(url[url.index(after: i)...]))
}

/// The scheme of a URL (`https`, `javascript`), lower-cased, or nil for a relative reference.
package func urlScheme(_ url: String) -> String? {
    guard let colon = url.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
    let scheme = url[..<colon]
    if scheme.isEmpty || scheme.contains("/") || scheme.contains("?") { return nil }
    // cmark keeps entity-decoded text; strip control characters and spaces browsers ignore.
    let cleaned = scheme.unicodeScalars.filter { $0.value > 0x20 }.map(String.init).joined()
    return cleaned.lowercased()
}

/// Text a reader cannot see: empty, white space or invisible format characters only (a zero-width space, a BOM).
func isBlank(_ text: String) -> Bool {
    !text.utf8.contains { $0 > 0x20 && $0 < 0x7F } && text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.properties.generalCategory == .format }
}
