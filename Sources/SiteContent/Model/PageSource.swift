import Foundation

/// One Markdown page as loaded: where it came from, its front matter, and its body.
public struct PageSource: Sendable {
    /// Path below the content folder, with '/' separators: `codes/97550.md`, `faq/_index.md`.
    public var relativePath: String
    /// The path shown in messages: `Content/codes/97550.md`.
    public var displayPath: String
    public var meta: PageMeta
    public var body: String
    /// Lines of the file before `body` (the front matter block including both `---` lines).
    public var bodyLineOffset: Int
    /// Where the page will be written, relative to the output folder: `codes/97550/index.html`.
    public var outputPath: String

    /// A not-found page (`404.html`, at the top or in a folder): no search entry, no sitemap entry, no canonical
    /// address.
    public var isNotFoundPage: Bool { outputPath == "404.html" || outputPath.hasSuffix("/404.html") }

    /// `_index.md` (or the home page): a page that lists the pages of its folder.
    public var isIndex: Bool {
        relativePath == "_index.md" || relativePath.hasSuffix("/_index.md") || relativePath == "index.md"
    }

    /// The folder this page belongs to (`codes` for `codes/97550.md` and for `codes/_index.md`; "" at the top).
    public var folder: String { folderAbove(relativePath) }

    /// The folder whose index this page is the parent in (for `codes/97550.md`: `codes`; for
    /// `codes/_index.md`: the folder above `codes`).
    public var parentFolder: String? {
        let folder = folder
        if isIndex {
            return folder.isEmpty ? nil : folderAbove(folder)
        }
        return folder
    }

    package init(relativePath: String, displayPath: String, meta: PageMeta, body: String, bodyLineOffset: Int, outputPath: String) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.meta = meta
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        self.outputPath = outputPath
    }
}

/// A page's front matter (the keys and how each is read: `FrontMatterField.all`). Unknown keys are errors.
public struct PageMeta: Sendable {
    public var title: String
    public var description: String = ""
    /// Order among the pages of a folder (then title).
    public var weight: Int = 0
    /// A shorter title for the navigation and breadcrumbs.
    public var navTitle: String?
    /// The code this page describes (`97550`): the target of `code:97550` links.
    public var code: String?
    /// The template (`Templates/<layout>.mustache`); defaults to `page`, `section` for `_index.md`, `home`.
    public var layout: String?
    /// Show the on-page table of contents; default: when the page has three or more second-level headings.
    public var toc: Bool?
    /// Listed in the navigation (default true).
    public var inNav: Bool = true
    /// An output path other than the default (e.g. `404.html`); relative, inside the output folder.
    public var path: String?
    /// Extra words the search index should find this page by (synonyms, modifiers).
    public var keywords: String = ""
    /// One line about the page: shown under its link on its folder's index page, and its meta description
    /// when it has no `description`.
    public var summary: String = ""
    /// Topic words: the search finds the page by them, like `keywords`. No tag pages are generated.
    public var tags: [String] = []
    /// A draft: left out of `build` (its output, the search index, the sitemap); `serve` shows it with a badge.
    public var draft: Bool = false
    /// When the page was first published and last changed (`YYYY-MM-DD`, as written; templates may show them,
    /// the sitemap gives `lastmod`, else `date`). Builds never read the clock.
    public var date: String?
    public var lastmod: String?
    /// `as_of_banner: false` hides the site's as-of line on this page (pages outside the billing content: a
    /// clinic's own pages); `true` shows it where `site.yaml` hides it by default; nil follows `site.yaml`.
    public var asOfBanner: Bool?
    public var location: SourceLocation
    /// Where each front-matter field was written (its key), so a bad value is reported at its own line.
    public var fieldLocations: [(key: String, at: SourceLocation)] = []

    /// The location of a field's key, or of the front matter when the field is absent.
    public func location(of field: String) -> SourceLocation { fieldLocations.first { $0.key == field }?.at ?? location }

    package init(title: String, location: SourceLocation) {
        self.title = title
        self.location = location
    }
}

/// The folder above a '/'-separated path (cut at '/' bytes, empty parts left out): `a/b/c.md` → `a/b`,
/// `c.md` → "".
package func folderAbove(_ path: String) -> String {
    path.utf8.split(separator: UInt8(ascii: "/")).dropLast().map(Substring.init).joined(separator: "/")
}
