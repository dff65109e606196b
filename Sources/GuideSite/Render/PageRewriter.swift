import Foundation

/// A link to an anchor on some page, checked once every page's ids are known.
struct AnchorReference: Sendable {
    var targetOutputPath: String
    var targetDisplay: String
    var fragment: String
    var location: SourceLocation
}

/// Shapes one page's Markdown: heading ids, directives, link resolution. Collects the page's diagnostics.
struct PageRewriter: MarkdownRewriter {
    let site: SiteModel
    let page: PageSource
    let directives: DirectiveRegistry
    var diagnostics = Diagnostics()
    var usedIDs: Set<String> = reservedIDs
    var anchorReferences: [AnchorReference] = []
    var citedSources: [String] = []
    /// What the page's links resolved to, and whether a directive ran: the inputs beyond its own text that an
    /// incremental build must re-check (`LinkDependency`).
    var dependencies: [LinkDependency] = []
    var directivesUsed: Set<String> = []

    /// Ids the page layout uses itself.
    static let reservedIDs: Set<String> = ["main", "site-nav", "search-input", "search-results", "toc"]

    init(site: SiteModel, page: PageSource, directives: DirectiveRegistry) {
        self.site = site
        self.page = page
        self.directives = directives
    }

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: page.displayPath, line: line, column: column)
    }

    /// The next number to try after each base id, so many headings with the same text take linear time.
    var nextSuffix: [String: Int] = [:]

    mutating func headingID(for heading: MarkdownHeading) -> String {
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

    mutating func replacement(for block: MarkdownCodeBlock) -> String? {
        let words = block.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let name = words.first, !codeLanguages.contains(name.lowercased()) else { return nil }
        let at = location(block.line, block.column)
        guard let directive = directives[name] else {
            let near = directives.names.min { editDistance($0, name) < editDistance($1, name) }
            var hint = "known directives: \(directives.names.joined(separator: ", "))"
            if let near, editDistance(near, name) <= 3 { hint = "did you mean '\(near)'? " + hint }
            diagnostics.error(at, "unknown directive '\(name)'", hint: hint)
            return ""
        }
        guard site.hasGuideData else {
            diagnostics.error(
                at, "directive '\(name)' needs the guide's data, which this site does not have",
                hint: "add site.yaml and the data/ folder (codes, fees, sources), or remove the directive")
            return ""
        }
        directivesUsed.insert(name)
        let use = DirectiveUse(name: name, arguments: Array(words.dropFirst()), body: block.literal, location: at)
        do {
            let out = try directive.render(use, context: DirectiveContext(site: site, page: page))
            diagnostics.append(contentsOf: out.diagnostics)
            citedSources.append(contentsOf: out.citedSources)
            return out.html
        } catch {
            diagnostics.error(error.location ?? at, "\(name): \(error.message)", hint: error.hint)
            return ""
        }
    }

    mutating func droppedRawHTML(line: Int, column: Int) {
        diagnostics.warning(
            location(line, column), "raw HTML is not allowed in pages and was left out",
            hint: "write it in Markdown, or ask for a directive that generates it")
    }

    mutating func rewrite(_ link: MarkdownLink) -> String? {
        let at = location(link.line, link.column)
        let url = String(trimmedSpaces(Substring(link.url)))
        if url.isEmpty {
            diagnostics.error(at, "empty link target")
            return nil
        }
        if link.isImage {
            diagnostics.error(
                at, "images are not supported in pages ('\(url)')",
                hint: "the site loads nothing from elsewhere; describe it in words or add a directive")
            return nil
        }
        if url.hasPrefix("#") {
            let fragment = String(url.dropFirst())
            anchorReferences.append(
                AnchorReference(
                    targetOutputPath: page.outputPath, targetDisplay: page.displayPath, fragment: fragment, location: at))
            return url
        }
        let (base, fragment) = splitFragment(url)
        let lower = base.lowercased()
        if lower.hasPrefix("code:") {
            let code = String(base.dropFirst(5))
            dependencies.append(LinkDependency(.code, code, in: site))
            guard let i = site.byCode[code] else {
                diagnostics.error(
                    at, "unknown code '\(code)' in link '\(url)'",
                    hint: "codes with a page: \(site.byCode.keys.sorted().joined(separator: ", "))")
                return nil
            }
            return target(site.pages[i], fragment: fragment, at: at)
        }
        if lower.hasPrefix("source:") {
            let id = String(base.dropFirst(7))
            dependencies.append(LinkDependency(.source, id, in: site))
            guard site.sourceIDs.contains(id) else {
                let near = site.sourceIDs.min { editDistance($0, id) < editDistance($1, id) }
                diagnostics.error(
                    at, "unknown source '\(id)' in link '\(url)'",
                    hint: near.map { "did you mean '\($0)'? sources are listed in data/sources.yaml" }
                        ?? "sources are listed in data/sources.yaml")
                return nil
            }
            guard let s = site.sourcesPage else {
                diagnostics.error(at, "a 'source:' link needs a page with 'layout: sources'")
                return nil
            }
            citedSources.append(id)
            return relativeURL(from: page.outputPath, to: site.pages[s].outputPath) + "#" + sourceAnchor(id)
        }
        if let scheme = urlScheme(base) {
            if ["http", "https", "mailto", "tel"].contains(scheme) { return url }
            diagnostics.warning(
                at, "link with '\(scheme):' was left out (only http, https, mailto and tel links are written)")
            return nil
        }
        if base.hasPrefix("/") {
            diagnostics.error(
                at, "link '\(url)' starts with '/'",
                hint: "write links relative to this file (e.g. '../codes/97550.md') so the site works at any path")
            return nil
        }
        // A link to another page by its Markdown file (or folder), relative to this file; else (not for `.md`)
        // by its output URL relative to this page's URL, as Hugo users write it (`../../section-03/page-00042/`).
        // Each lookup is made once; its dependency records what it found (as `LinkDependency.resolve` would).
        let resolved = resolveRelative(base, from: page.relativePath)
        let byPath = resolved.flatMap(site.page(atPath:))
        if let resolved {
            dependencies.append(LinkDependency(kind: .page, key: resolved, found: byPath.map(Self.describe) ?? ""))
        } else {
            dependencies.append(LinkDependency(.page, "", in: site))
        }
        let lowerBase = base.lowercased()
        let byURL = lowerBase.hasSuffix(".md") ? nil : site.page(atOutputURL: base, from: page.outputPath)
        if !lowerBase.hasSuffix(".md") {
            dependencies.append(
                LinkDependency(kind: .outputURL, key: page.outputPath + "\n" + base, found: byURL.map(Self.describe) ?? ""))
        }
        guard let targetPage = byPath ?? byURL else {
            diagnostics.error(
                at, "broken link '\(url)': no page '\(resolved ?? base)'",
                hint: "link to the Markdown file (e.g. '../faq.md') or to the page's folder URL from this page")
            return nil
        }
        return target(targetPage, fragment: fragment, at: at)
    }

    /// What a lookup that found `p` records (see `LinkDependency.resolve`).
    static func describe(_ p: PageSource) -> String { p.outputPath + "\n" + p.displayPath }

    mutating func target(_ p: PageSource, fragment: String?, at: SourceLocation) -> String {
        var u = relativeURL(from: page.outputPath, to: p.outputPath)
        if let fragment {
            anchorReferences.append(
                AnchorReference(targetOutputPath: p.outputPath, targetDisplay: p.displayPath, fragment: fragment, location: at))
            u += "#" + fragment
        }
        return u
    }
}

func splitFragment(_ url: String) -> (String, String?) {
    guard let i = url.firstIndex(of: "#") else { return (url, nil) }
    return (String(url[..<i]), String(url[url.index(after: i)...]))
}

/// The scheme of a URL (`https`, `javascript`), lower-cased, or nil for a relative reference.
func urlScheme(_ url: String) -> String? {
    guard let colon = url.firstIndex(of: ":") else { return nil }
    let scheme = url[..<colon]
    if scheme.isEmpty || scheme.contains("/") || scheme.contains("?") { return nil }
    // cmark keeps entity-decoded text; strip control characters and spaces browsers ignore.
    let cleaned = scheme.unicodeScalars.filter { $0.value > 0x20 }.map(String.init).joined()
    return cleaned.lowercased()
}

/// Resolves `../faq.md` against `codes/97550.md` → `faq.md`; nil when it climbs above the content folder.
func resolveRelative(_ link: String, from source: String) -> String? {
    var link = link, source = source
    // ASCII paths (nearly every link; called several times per link) byte by byte, without a String per part.
    let ascii = link.withUTF8 { $0.allSatisfy { $0 < 0x80 } } && source.withUTF8 { $0.allSatisfy { $0 < 0x80 } }
    guard ascii else { return resolveRelativeText(link, from: source) }
    let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
    var out: [UInt8] = []
    var starts: [Int] = []  // where each folder of `out` starts (before its '/')
    func push(_ part: UnsafeBufferPointer<UInt8>.SubSequence) {
        starts.append(out.count)
        if !out.isEmpty { out.append(slash) }
        out.append(contentsOf: part)
    }
    let ok: Bool = source.withUTF8 { src in
        // The folders of `source` (its parts but the last).
        let parts = src.split(separator: slash)
        for part in parts.dropLast() { push(part) }
        return link.withUTF8 { l -> Bool in
            // The path is the text before the first '?' (or the first text between '?'s).
            let path = l.split(separator: UInt8(ascii: "?")).first ?? l[...]
            for part in path.split(separator: slash) {
                if part.count == 1 && part.first == dot { continue }
                if part.count == 2 && part.first == dot && part.last == dot {
                    guard let start = starts.popLast() else { return false }
                    out.removeSubrange(start...)
                    continue
                }
                if part.contains(UInt8(ascii: "%")) {
                    let name = String(decoding: UnsafeBufferPointer(rebasing: part), as: UTF8.self)
                    var decoded = name.removingPercentEncoding ?? name
                    decoded.withUTF8 { push($0[...]) }
                } else {
                    push(part)
                }
            }
            if path.last == slash { out.append(slash) }
            return true
        }
    }
    return ok ? String(decoding: out, as: UTF8.self) : nil
}

/// `resolveRelative` for text that is not all ASCII: parts split as characters.
func resolveRelativeText(_ link: String, from source: String) -> String? {
    var stack = source.split(separator: "/").dropLast().map(String.init)
    let path = link.split(separator: "?").first.map(String.init) ?? link
    let trailingSlash = path.hasSuffix("/")
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
        if part == "." { continue }
        if part == ".." {
            if stack.isEmpty { return nil }
            stack.removeLast()
            continue
        }
        let name = String(part)
        stack.append(name.utf8.contains(UInt8(ascii: "%")) ? name.removingPercentEncoding ?? name : name)
    }
    let joined = stack.joined(separator: "/")
    return trailingSlash ? joined + "/" : joined
}
