/// Everything loaded and cross-indexed, before rendering. Immutable once built.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    /// Pages sorted by source path.
    public var pages: [PageSource]
    /// What the registered site extension loaded from the content folder (the guide's data); nil for a plain
    /// site. The engine never looks inside.
    public var extensionData: (any Sendable)?
    /// Index of pages by source path (`codes/97550.md`).
    public var byPath: [String: Int]
    /// Index of pages by output path (`codes/97550/index.html`).
    public var byOutput: [String: Int] = [:]
    /// Index of pages by the code they describe (`97550`).
    public var byCode: [String: Int]
    /// The page that lists the sources (layout `sources`), target of `source:ID` links.
    public var sourcesPage: Int?
    /// The site has extension data: directives that need it may run. False for a plain reference site.
    public var hasExtensionData: Bool { extensionData != nil }
    /// The images below the content folder, by path there (`images/room.png`).
    public var images: [String: ContentImage] = [:]
    /// The pages left out as drafts (`draft: true`, not previewed), by source path: a link to one is an error
    /// that says so.
    public var drafts: Set<String> = []

    /// The page with this source path, or the index page of this folder.
    public func page(atPath p: String) -> PageSource? { pageIndex(atPath: p).map { pages[$0] } }

    /// The index in `pages` of `page(atPath:)` (no copy of the page).
    package func pageIndex(atPath p: String) -> Int? {
        if let i = byPath[p] { return i }
        let folder = p.hasSuffix("/") ? String(p.dropLast()) : p
        if let i = byPath[folder.isEmpty ? "_index.md" : folder + "/_index.md"] { return i }
        if folder.isEmpty, let i = byPath["index.md"] { return i }
        return nil
    }

    /// The page a relative URL written on the page at `from` (an output path) points to: `../97551/` or
    /// `../97551/index.html`. Nil when it leaves the site or names no page.
    public func page(atOutputURL url: String, from: String) -> PageSource? {
        pageIndex(atOutputURL: url, from: from).map { pages[$0] }
    }

    /// The index in `pages` of `page(atOutputURL:from:)` (no copy of the page).
    package func pageIndex(atOutputURL url: String, from: String) -> Int? {
        guard let dir = resolveRelative(url, from: from) else { return nil }
        let path = dir.isEmpty || dir.hasSuffix("/") ? dir + "index.html" : dir
        return byOutput[path]
    }

    /// Builds the whole model at once — indexes included — and reports duplicate output paths and duplicate
    /// codes. `knownCodes`: the codes a page's `code` may name (the extension's code list); nil allows any.
    package static func make(
        config: SiteConfig, pages: [PageSource], extensionData: (any Sendable)? = nil, knownCodes: [String]? = nil,
        diagnostics: inout Diagnostics
    ) -> SiteModel {
        let pages = pages.sorted { $0.relativePath < $1.relativePath }
        var byPath: [String: Int] = [:]
        var byCode: [String: Int] = [:]
        var byOutput: [String: Int] = [:]
        // Output paths lowercased: on a file system that ignores case (macOS, Windows) two such files are one.
        var byFoldedOutput: [String: Int] = [:]
        var sourcesPage: Int?
        for (i, p) in pages.enumerated() {
            byPath[p.relativePath] = i
            // A clash is reported at the page whose 'path' makes it (else at the later page), naming the other.
            func blame(_ j: Int) -> (at: SourceLocation, page: PageSource, other: PageSource) {
                let (a, b) = p.meta.path == nil && pages[j].meta.path != nil ? (pages[j], p) : (p, pages[j])
                return (a.meta.path == nil ? a.meta.location : a.meta.location(of: "path"), a, b)
            }
            if let j = byOutput[p.outputPath] {
                let (at, _, other) = blame(j)
                diagnostics.error("page.duplicate-output",
                    at, "two pages write the same output file '\(p.outputPath)'",
                    hint: "\(other.displayPath) writes it too; rename one page or change its 'path'")
            } else if let j = byFoldedOutput[p.outputPath.lowercased()] {
                let (at, page, other) = blame(j)
                diagnostics.error("page.output-differs-only-in-case",
                    at, "output file '\(page.outputPath)' differs from '\(other.outputPath)' only in case; where the site is "
                        + "copied to macOS or Windows one replaces the other",
                    hint: "\(other.displayPath) writes it; rename one page or change its 'path'")
            } else {
                byOutput[p.outputPath] = i
                byFoldedOutput[p.outputPath.lowercased()] = i
            }
            if let code = p.meta.code {
                if let known = knownCodes, !known.contains(code) {
                    diagnostics.error(.unknownCode,
                        p.meta.location(of: "code"), "unknown code '\(code)' (not in the code list of data/codes.yaml)",
                        hint: nearest(to: code, among: known, within: 2).map { "did you mean '\($0)'?" })
                } else if let j = byCode[code] {
                    diagnostics.error("page.duplicate-code-page",
                        p.meta.location(of: "code"), "code '\(code)' already has a page", hint: "see \(pages[j].displayPath)")
                } else {
                    byCode[code] = i
                }
            }
            if p.meta.layout == "sources" {
                if let j = sourcesPage {
                    diagnostics.error("page.second-sources-page",
                        p.meta.location, "a second page with layout 'sources'", hint: "the first is \(pages[j].displayPath)")
                } else {
                    sourcesPage = i
                }
            }
        }
        return SiteModel(
            config: config, pages: pages, extensionData: extensionData, byPath: byPath, byOutput: byOutput,
            byCode: byCode, sourcesPage: sourcesPage)
    }
}
