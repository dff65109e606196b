import SiteContent
import SiteRender
import Foundation

/// Where a build reads and writes, and the site extension it runs with (the guide; nil: the engine alone).
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    public var outputDirectory: String
    package var siteExtension: (any SiteExtension)?
    /// Replace an existing, non-empty output folder that ctsguide did not write (it lacks the marker file).
    public var force: Bool
    /// The incremental build's cache folder (outside the output); nil builds everything from scratch.
    public var cacheDirectory: String?
    /// Build the pages marked `draft: true` too (the preview server does; `build` and `check` leave them out).
    public var includeDrafts = false

    package init(
        contentDirectory: String = "Content", templatesDirectory: String = "Templates",
        outputDirectory: String = "Public", siteExtension: (any SiteExtension)? = nil, force: Bool = false,
        cacheDirectory: String? = nil
    ) {
        self.cacheDirectory = cacheDirectory
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.siteExtension = siteExtension
        self.force = force
    }
}

extension BuildOptions {
    /// The directives the build knows: the site extension's.
    package var directives: DirectiveRegistry { DirectiveRegistry(siteExtension?.directives ?? [], linkSchemes: siteExtension?.linkSchemes ?? []) }

    /// The cache folder used unless told otherwise: `.ctsguide-cache` beside the content folder (for `Content`,
    /// in the working directory).
    /// A content folder written as `.` or `..` (or ending so) is first resolved, so the cache lands beside it,
    /// never inside it (`FolderOverlap`).
    public static func defaultCacheDirectory(content: String) -> String {
        var c = content
        while c.count > 1, c.hasSuffix("/") { c.removeLast() }
        if let last = c.split(separator: "/").last, last == "." || last == "..", let real = FolderOverlap.resolved(c) {
            c = real
        }
        let parent = (c as NSString).deletingLastPathComponent
        return parent.isEmpty ? ".ctsguide-cache" : parent + "/.ctsguide-cache"
    }
}

/// A generated site: for `SiteBuilder.generate`, every file sorted by path (for `build`, which writes them as it
/// goes, `files` is empty); the run's warnings and stage timings.
public struct GeneratedSite: Sendable {
    public var files: [OutputFile]
    public var pageCount: Int
    public var warnings: [Diagnostic]
    public var fileCount: Int = 0
    public var timings = BuildTimings()
    /// What the incremental build reused (nil without a cache).
    public var cache: CacheStats? = nil
}
