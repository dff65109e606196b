import SiteContent
import SiteRender
import Foundation

/// Digests of everything outside a page that its cached results may depend on, computed once per build from the
/// files themselves (not from the loaded model, so a field added to the model later cannot slip past the keys).
package final class CacheInputs: @unchecked Sendable {
    /// This program (its executable file's size and time), the cache format, the directives it knows and the
    /// folders it reads (they appear in messages).
    let tool: Digest
    /// `site.yaml`.
    let config: Digest
    /// Every file below `data/`.
    let data: Digest
    /// Each template's text, by name (`page`, `partials/head`).
    let templateTexts: [String: Digest]
    let contentDirectory: String
    /// Per page (by relative path): the file's bytes and its front matter lines.
    private(set) var pageText: [String: Digest] = [:]
    private(set) var pageFront: [String: Digest] = [:]
    /// Every page's path and front matter: what navigation, breadcrumbs, child lists and directives see of
    /// other pages.
    private(set) var siteMeta = Digest.zero
    /// The content's images as pages and the logo show them (path, size or problem), from the loaded site: a
    /// page showing an image is rendered again, and every page laid out again, when one changes.
    private(set) var images = Digest.zero

    func noteImages(_ site: SiteModel) {
        var h = ContentHasher()
        for path in site.images.keys.sorted() {
            h.add(path)
            switch site.images[path]!.size {
            case .success(let size): h.add(size.width); h.add(size.height)
            case .failure(let problem): h.add(problem.message)
            }
        }
        images = h.finish()
    }

    init(_ options: BuildOptions) {
        contentDirectory = options.contentDirectory
        var t = ContentHasher()
        t.add(BuildCache.formatVersion)
        t.add(CacheInputs.executableIdentity())
        t.add(options.contentDirectory)
        t.add(options.templatesDirectory)
        for name in options.directives.names { t.add(name) }
        t.add(options.includeDrafts ? "drafts" : "")
        tool = t.finish()
        config = ContentHasher.digest(CacheStore.read(options.contentDirectory + "/site.yaml") ?? [])
        data = CacheInputs.digestOfTree(options.contentDirectory + "/data")
        var texts: [String: Digest] = [:]
        let dir = options.templatesDirectory
        if let e = FileManager.default.enumerator(atPath: dir) {
            while let rel = e.nextObject() as? String {
                guard rel.hasSuffix(".mustache"), !rel.hasPrefix("assets/") else { continue }
                texts[String(rel.dropLast(".mustache".count))] = ContentHasher.digest(CacheStore.read(dir + "/" + rel) ?? [])
            }
        }
        templateTexts = texts
    }

    /// Reads every page file again (cheap next to rendering) for its digests.
    func readPages(_ site: SiteModel) {
        noteImages(site)
        let content = contentDirectory
        let digests = parallelMap(site.pages) { page -> (Digest, Digest) in
            let bytes = CacheStore.read(content + "/" + page.relativePath) ?? []
            // The front matter: everything before the body (its first `bodyLineOffset` lines).
            return (ContentHasher.digest(bytes), CacheInputs.frontDigest(bytes, bodyLineOffset: page.bodyLineOffset))
        }
        var meta = ContentHasher()
        for (i, page) in site.pages.enumerated() {
            pageText[page.relativePath] = digests[i].0
            pageFront[page.relativePath] = digests[i].1
            meta.add(page.relativePath)
            meta.add(page.outputPath)
            meta.add(digests[i].1)
        }
        siteMeta = meta.finish()
    }

    /// Takes each page's file and front matter digests as given (from `SiteSnapshot`, for files the input stamp
    /// shows unchanged) instead of reading the files.
    func adopt(_ site: SiteModel, text: [Digest], front: [Digest]) {
        noteImages(site)
        var meta = ContentHasher()
        for (i, page) in site.pages.enumerated() {
            pageText[page.relativePath] = text[i]
            pageFront[page.relativePath] = front[i]
            meta.add(page.relativePath)
            meta.add(page.outputPath)
            meta.add(front[i])
        }
        siteMeta = meta.finish()
    }

    /// Each page's file and front matter digests, in page order.
    func digests(_ site: SiteModel) -> (text: [Digest], front: [Digest]) {
        (site.pages.map { pageText[$0.relativePath] ?? .zero }, site.pages.map { pageFront[$0.relativePath] ?? .zero })
    }

    /// The digest of a page file's front matter: its first `bodyLineOffset` lines.
    static func frontDigest(_ bytes: [UInt8], bodyLineOffset: Int) -> Digest {
        var newlines = 0
        var end = bytes.count
        for (i, b) in bytes.enumerated() where b == 10 {
            newlines += 1
            if newlines == bodyLineOffset {
                end = i
                break
            }
        }
        return ContentHasher.digest(Array(bytes[0..<end]))
    }

    /// The key of a page's rendered Markdown.
    func renderKey(for page: PageSource, usingDirectives: Bool) -> Digest {
        var h = ContentHasher()
        h.add(tool)
        h.add(config)
        h.add(images)
        h.add(page.relativePath)
        h.add(page.displayPath)
        h.add(pageText[page.relativePath] ?? .zero)
        h.add(usingDirectives)
        if usingDirectives {
            h.add(data)
            h.add(siteMeta)
        }
        return h.finish()
    }

    /// What every page's layout sees of the site besides its own render: config, the fee period label, every
    /// page's path and front matter.
    func layoutEnvironment(feePeriod: String) -> Digest {
        var h = ContentHasher()
        h.add(tool)
        h.add(config)
        h.add(images)
        h.add(siteMeta)
        h.add(feePeriod)
        return h.finish()
    }

    /// The key of a laid-out page: its render, its layout template with the partials it includes, the site.
    func layoutKey(renderKey: Digest, layout: String, templates: TemplateSet, environment: Digest) -> Digest {
        var h = ContentHasher()
        h.add(renderKey)
        h.add(environment)
        h.add(layout)
        for name in templates.closure(of: layout) {
            h.add(name)
            h.add(templateTexts[name] ?? .zero)
        }
        return h.finish()
    }

    /// The running executable's path, size and modification time: a rebuilt ctsguide invalidates the cache.
    static func executableIdentity() -> String {
        let path = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let exe = path == "/proc/self/exe" ? CommandLine.arguments[0] : path
        let attributes = try? FileManager.default.attributesOfItem(atPath: exe)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        let time = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        return "\(exe)|\(size)|\(time)"
    }

    /// A digest of every file below `root` (relative paths and bytes, in path order); zero when it is missing.
    static func digestOfTree(_ root: String) -> Digest {
        guard let e = FileManager.default.enumerator(atPath: root) else { return .zero }
        var rels: [String] = []
        while let rel = e.nextObject() as? String { rels.append(rel) }
        var h = ContentHasher()
        for rel in rels.sorted() {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + rel, isDirectory: &isDir), !isDir.boolValue
            else { continue }
            h.add(rel)
            h.add(CacheStore.read(root + "/" + rel) ?? [])
        }
        return h.finish()
    }
}

extension TemplateSet {
    /// `name` and every partial it includes, directly or through other partials, sorted.
    func closure(of name: String) -> [String] {
        var seen: Set<String> = []
        var todo = [name]
        while let n = todo.popLast() {
            guard seen.insert(n).inserted, let nodes = parsed[n] else { continue }
            todo += TemplateNode.partials(in: nodes).map(\.name)
        }
        return seen.sorted()
    }
}
