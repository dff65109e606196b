/// One thing a page's Markdown looked up while rendering, with what it found: a `code:` link, a `source:` link,
/// or a link to another page (by its Markdown path, or by its output URL). A cached render is reused only if
/// every lookup still finds the same thing, so adding, removing or moving a link target re-renders exactly the
/// pages that link to it.
struct LinkDependency: Hashable, Sendable {
    enum Kind: Int, Sendable { case code = 1, source = 2, page = 3, outputURL = 4 }
    var kind: Kind
    var key: String
    var found: String

    init(kind: Kind, key: String, found: String) {
        self.kind = kind
        self.key = key
        self.found = found
    }

    /// Resolves `key` in `site` now.
    init(_ kind: Kind, _ key: String, in site: SiteModel) {
        self.init(kind: kind, key: key, found: LinkDependency.resolve(kind, key, in: site))
    }

    /// What the lookup finds: the target's output path and display path (both appear in the page or its
    /// messages), or "" when there is none.
    static func resolve(_ kind: Kind, _ key: String, in site: SiteModel) -> String {
        func describe(_ i: Int?) -> String {
            guard let i else { return "" }
            return site.pages[i].outputPath + "\n" + site.pages[i].displayPath
        }
        switch kind {
        case .code:
            return describe(site.byCode[key])
        case .source:
            return (site.sourceList.contains(key) ? "known\n" : "unknown\n") + describe(site.sourcesPage)
        case .page:
            guard let p = site.page(atPath: key) else { return "" }
            return p.outputPath + "\n" + p.displayPath
        case .outputURL:
            // key: the linking page's output path, a newline, the URL as written.
            let parts = key.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let p = site.page(atOutputURL: String(parts[1]), from: String(parts[0])) else { return "" }
            return p.outputPath + "\n" + p.displayPath
        }
    }

    /// Everything a lookup can see: each page's source path, output path, display path and code, the sources
    /// page and the source ids.
    static func universe(of site: SiteModel) -> Digest {
        var h = ContentHasher()
        for p in site.pages {
            h.add(p.relativePath)
            h.add(p.outputPath)
            h.add(p.displayPath)
            h.add(p.meta.code ?? "\u{0}")
        }
        h.add(site.sourcesPage ?? -1)
        for s in site.sourceList { h.add(s) }
        return h.finish()
    }

    /// Whether the lookup still finds the same thing.
    func holds(in site: SiteModel) -> Bool { LinkDependency.resolve(kind, key, in: site) == found }
}

extension RenderedPage {
    func encode(into w: inout CacheWriter) {
        w.string(html)
        w.int(headings.count)
        for (h, id) in headings {
            w.int(h.level)
            w.string(h.text)
            w.int(h.line)
            w.int(h.column)
            w.string(id)
        }
        w.int(sections.count)
        for s in sections {
            w.bool(s.headingID != nil)
            w.string(s.headingID ?? "")
            w.string(s.heading)
            w.int(s.level)
            w.string(s.text)
        }
        w.strings(ids.sorted())
        w.int(statements.count)
        for s in statements {
            w.strings(s.sources)
            w.string(s.text)
        }
        w.int(anchorReferences.count)
        for a in anchorReferences {
            w.string(a.targetOutputPath)
            w.string(a.targetDisplay)
            w.string(a.fragment)
            w.location(a.location)
        }
        w.strings(citedSources)
        w.int(diagnostics.count)
        for d in diagnostics {
            w.bool(d.severity == .error)
            w.location(d.location)
            w.string(d.message)
            w.bool(d.hint != nil)
            w.string(d.hint ?? "")
        }
        w.int(dependencies.count)
        for d in dependencies {
            w.int(d.kind.rawValue)
            w.string(d.key)
            w.string(d.found)
        }
        w.strings(directivesUsed.sorted())
    }

    static func decode(_ r: inout CacheReader) throws(CacheReader.Malformed) -> RenderedPage {
        let html = try r.string()
        var headings: [(heading: MarkdownHeading, id: String)] = []
        for _ in 0..<(try r.count()) {
            let h = MarkdownHeading(level: try r.int(), text: try r.string(), line: try r.int(), column: try r.int())
            headings.append((h, try r.string()))
        }
        var sections: [MarkdownSection] = []
        for _ in 0..<(try r.count()) {
            let has = try r.bool()
            let id = try r.string()
            sections.append(
                MarkdownSection(headingID: has ? id : nil, heading: try r.string(), level: try r.int(), text: try r.string()))
        }
        let ids = Set(try r.strings())
        var statements: [Statement] = []
        for _ in 0..<(try r.count()) { statements.append(Statement(sources: try r.strings(), text: try r.string())) }
        var anchors: [AnchorReference] = []
        for _ in 0..<(try r.count()) {
            anchors.append(
                AnchorReference(
                    targetOutputPath: try r.string(), targetDisplay: try r.string(), fragment: try r.string(),
                    location: try r.location()))
        }
        let cited = try r.strings()
        var diags: [Diagnostic] = []
        for _ in 0..<(try r.count()) {
            let severity: Diagnostic.Severity = try r.bool() ? .error : .warning
            let location = try r.location()
            let message = try r.string()
            let hasHint = try r.bool()
            let hint = try r.string()
            diags.append(Diagnostic(severity, location, message, hint: hasHint ? hint : nil))
        }
        var deps: [LinkDependency] = []
        for _ in 0..<(try r.count()) {
            guard let kind = LinkDependency.Kind(rawValue: try r.int()) else { throw CacheReader.Malformed() }
            deps.append(LinkDependency(kind: kind, key: try r.string(), found: try r.string()))
        }
        let used = Set(try r.strings())
        return RenderedPage(
            html: html, headings: headings, sections: sections, ids: ids, statements: statements, anchorReferences: anchors,
            citedSources: cited, diagnostics: diags, dependencies: deps, directivesUsed: used)
    }
}
