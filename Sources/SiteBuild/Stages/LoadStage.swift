import SiteContent
import SiteRender
import Foundation

/// Everything a build reads, read once through the content and templates trees (`SourceTree`): settings, pages,
/// data, templates and assets. Immutable from here on; nothing later in the build opens a file.
package struct SiteSources: Sendable {
    package var contentDisplay: String
    /// The settings from `site.yaml` (nil for a plain site without one, until `CheckStage` derives them).
    package var config: SiteConfig?
    package var pages: [PageSource]
    /// What the site extension loaded; nil for a plain reference site (no extension, or none of its data).
    package var extensionData: (any SiteExtensionData)?
    package var templates: TemplateSet
    /// Every file under `<templates>/assets`, published as it is, then the content's images and its
    /// `stylesheet:` (published at their paths below the content folder).
    package var assets: [OutputFile]
    /// The content's images (`ContentImage`), by path below the content folder.
    package var images: [String: ContentImage] = [:]
    /// The pages left out as drafts (by source path).
    package var drafts: Set<String> = []
}

/// Stage 1: read and parse every input file. Each file's own problems (syntax, keys, values) are reported here;
/// problems between files are `CheckStage`'s.
package enum LoadStage {
    /// `reusing`: a page known to be unchanged since it was loaded, by relative path (`PageEditBuild`).
    package static func run(
        _ options: BuildOptions, reusing: @Sendable (String) -> PageSource? = { _ in nil }
    ) -> StageResult<SiteSources> {
        var diags = Diagnostics()
        let content = options.contentDirectory
        let display = content
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: content, isDirectory: &isDir) {
            diags.error("input.missing-content-folder", SourceLocation(file: display), "the content folder does not exist")
            return StageResult(nil, diags.items)
        }
        if !isDir.boolValue {
            diags.error("input.content-not-folder", SourceLocation(file: display), "the content path is a file, not a folder", hint: "give the folder that holds site.yaml")
            return StageResult(nil, diags.items)
        }
        let tree = SourceTree(root: content)
        // Without the extension's data, site.yaml is optional: a plain reference site (see PlainSite).
        let ext = options.siteExtension
        let hasData = ext?.hasData(contentDirectory: content) ?? false
        let hasSettings = FileManager.default.fileExists(atPath: content + "/site.yaml")
        var config: SiteConfig?
        if hasData || hasSettings {
            let loaded = SiteConfig.load(contentDirectory: content)
            config = loaded.output
            diags.append(contentsOf: loaded.diagnostics)
        }
        let loadedTemplates = TemplateSet.load(directory: options.templatesDirectory, display: options.templatesDirectory)
        diags.append(contentsOf: loadedTemplates.diagnostics)
        let templates = loadedTemplates.output
        var assets = readAssets(templates: options.templatesDirectory, diagnostics: &diags)

        let (listed, listProblems) = tree.files()
        diags.append(contentsOf: listProblems)
        for rel in listed where !ContentLoader.isPageFile(rel) && !ContentLoader.isUsed(rel, stylesheet: config?.stylesheet) {
            if let name = ContentLoader.misnamedPage(rel) {
                diags.error("page.not-named-md",
                    SourceLocation(file: display + "/" + rel), "this Markdown file is not built: a page's name ends in .md",
                    hint: "rename it to \(display)/\(name)")
            } else if !(hasSettings && config == nil && rel.lowercased().hasSuffix(".css")) {
                // (While site.yaml cannot be read, the stylesheet it names is not known: no CSS file is reported.)
                diags.error("content.unused-file",
                    SourceLocation(file: display + "/" + rel), "this file is neither built nor published",
                    hint: rel.lowercased().hasPrefix("site.y") ? "the settings file is named site.yaml"
                        : "\(display)/ holds pages (*.md), images (PNG, JPEG, SVG, WebP), site.yaml, the stylesheet it "
                            + "names and data/; move any other file out of it")
            }
        }
        var pages = readPages(
            listed.filter(ContentLoader.isPageFile), tree: tree, display: display, reusing: reusing, diagnostics: &diags)
        let drafts = options.includeDrafts ? [] : Set(pages.filter(\.meta.draft).map(\.relativePath))
        if !drafts.isEmpty { pages.removeAll { $0.meta.draft } }
        let images = readImages(ContentLoader.imageFiles(listed), tree: tree, display: display, into: &assets, diagnostics: &diags)
        if let config { readBranding(config, images: images, tree: tree, display: display, into: &assets, diagnostics: &diags) }
        var data: (any SiteExtensionData)?
        if hasData {
            let loaded = ext?.load(contentDirectory: content)
            data = loaded?.output
            diags.append(contentsOf: loaded?.diagnostics ?? [])
        }
        guard let templates, data != nil || !hasData, !diags.hasErrors, config != nil || !hasSettings else {
            return StageResult(nil, diags.items)
        }
        return StageResult(
            SiteSources(
                contentDisplay: display, config: config, pages: pages, extensionData: data, templates: templates,
                assets: assets, images: images, drafts: drafts),
            diags.items)
    }

    /// The content's images, read through the tree: each published as it is (into `files`), with its size read
    /// from its header.
    static func readImages(
        _ found: [(path: String, kind: ImageKind)], tree: SourceTree, display: String, into files: inout [OutputFile],
        diagnostics: inout Diagnostics
    ) -> [String: ContentImage] {
        var images: [String: ContentImage] = [:]
        for (rel, kind) in found {
            switch tree.readBytes(tree.root + "/" + rel, display: display + "/" + rel) {
            case .success(let bytes):
                images[rel] = ContentImage(kind: kind, size: ImageSize.read(bytes, kind: kind))
                files.append(OutputFile(path: rel, bytes: bytes, source: display + "/" + rel))
                // Every image is published, shown or not: an SVG that runs or loads something is an error at it.
                if kind == .svg, SelfContained.isWideText(bytes) {
                    diagnostics.error("image.svg-not-utf8", SourceLocation(file: display + "/" + rel),
                        "this SVG is saved as UTF-16 (or holds NUL bytes): browsers read it so, where its scripts and "
                            + "addresses cannot be checked", hint: "save it as UTF-8")
                } else if kind == .svg, let p = SelfContained.svgProblem(bytes) {
                    diagnostics.error("image.svg-active-content",
                        SourceLocation(file: display + "/" + rel, line: p.line, column: p.column),
                        "this SVG holds \(p.what): it is published as a file a reader can open, and the site runs no "
                            + "script from its content and loads nothing from elsewhere",
                        hint: "save the image without it (a drawing program's plain SVG export)")
                }
            case .failure(let d): diagnostics.append(d)
            }
        }
        return images
    }

    /// `site.yaml`'s `logo:` (an image of the content, with a readable size) and `stylesheet:` (a CSS file of the
    /// content, published at its path).
    static func readBranding(
        _ config: SiteConfig, images: [String: ContentImage], tree: SourceTree, display: String,
        into files: inout [OutputFile], diagnostics: inout Diagnostics
    ) {
        if let logo = config.logo {
            let at = config.fieldLocations["logo"] ?? config.location
            if let image = images[logo] {
                if case .failure(let problem) = image.size {
                    diagnostics.error("site.bad-logo-image", at, "the logo '\(logo)' \(problem.message)")
                }
            } else if ImageKind(fileName: logo) == nil {
                diagnostics.error("site.logo-not-image", at, "the logo '\(logo)' is not an image", hint: "use a PNG, JPEG, SVG or WebP file")
            } else {
                diagnostics.error("site.logo-outside-content",
                    at, "the logo '\(logo)' is not in the content folder",
                    hint: "put the image below \(display) and write its path relative to site.yaml")
            }
        }
        if let css = config.stylesheet, css.lowercased().hasSuffix(".css") {
            let at = config.fieldLocations["stylesheet"] ?? config.location
            var isFile: ObjCBool = false
            guard FileManager.default.fileExists(atPath: tree.root + "/" + css, isDirectory: &isFile), !isFile.boolValue else {
                diagnostics.error("site.stylesheet-outside-content", at, "the stylesheet '\(css)' is not in the content folder")
                return
            }
            switch tree.readBytes(tree.root + "/" + css, display: display + "/" + css) {
            case .success(let bytes):
                files.append(OutputFile(path: css, bytes: bytes, source: display + "/" + css))
                checkStylesheet(bytes, display: display + "/" + css, diagnostics: &diagnostics)
            case .failure(let d): diagnostics.append(d)
            }
        }
    }

    /// The Markdown pages of the content tree (`files`, as it lists them), read and parsed in parallel, in path
    /// order.
    static func readPages(
        _ files: [String], tree: SourceTree, display: String, reusing: @Sendable (String) -> PageSource? = { _ in nil },
        diagnostics diags: inout Diagnostics
    ) -> [PageSource] {
        let content = tree.root
        var loaded = parallelMap(files) { rel -> (PageSource?, Diagnostics) in
            if let known = reusing(rel) { return (known, Diagnostics()) }
            var d = Diagnostics()
            let shown = display + "/" + rel
            guard let text = ContentLoader.readText(content + "/" + rel, display: shown, tree: tree, diagnostics: &d) else {
                return (nil, d)
            }
            let (page, pd) = ContentLoader.loadPage(relativePath: rel, text: text, display: shown)
            d.append(contentsOf: pd.items)
            return (page, d)
        }
        // Pages moved out of `loaded` (`take`), not copied with a reference count per field.
        var pages: [PageSource] = []
        pages.reserveCapacity(loaded.count)
        for i in loaded.indices {
            diags.append(contentsOf: loaded[i].1.items)
            if let p = loaded[i].0.take() { pages.append(p) }
        }
        return pages
    }

    /// Every file under `<templates>/assets`, read through the templates tree (so no link can publish a file
    /// from outside it).
    static func readAssets(templates: String, diagnostics: inout Diagnostics) -> [OutputFile] {
        let tree = SourceTree(root: templates)
        // (A file or broken link named assets is listed below, and so reported: its pages' styles would be missing.)
        guard (try? FileManager.default.attributesOfItem(atPath: templates + "/assets")) != nil else { return [] }
        let (rels, problems) = tree.files(under: "assets")
        diagnostics.append(contentsOf: problems)
        var out: [OutputFile] = []
        for rel in rels {
            switch tree.readBytes(templates + "/" + rel, display: templates + "/" + rel) {
            case .success(let bytes):
                out.append(OutputFile(path: rel, bytes: bytes, source: templates + "/" + rel))
                if rel.lowercased().hasSuffix(".css") { checkStylesheet(bytes, display: templates + "/" + rel, diagnostics: &diagnostics) }
            case .failure(let d): diagnostics.append(d)
            }
        }
        return out
    }

    /// A stylesheet that loads something from another site (`url(https://…)`, `@import "//…"`) is an error at it:
    /// no request leaves the site.
    static func checkStylesheet(_ bytes: [UInt8], display: String, diagnostics: inout Diagnostics) {
        if SelfContained.isWideText(bytes) {
            return diagnostics.error("asset.stylesheet-not-utf8", SourceLocation(file: display),
                "this stylesheet is saved as UTF-16 (or holds NUL bytes): browsers read it so, where what it loads "
                    + "cannot be checked", hint: "save it as UTF-8")
        }
        guard let r = SelfContained.cssRemoteReference(bytes) else { return }
        diagnostics.error("asset.remote-reference",
            SourceLocation(file: display, line: r.line, column: r.column),
            "this stylesheet loads '\(r.text)' from another site; the site loads nothing from elsewhere",
            hint: "save the file below the folder and refer to it with a relative path")
    }
}
