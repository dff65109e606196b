// What the rest of the project sees of a Markdown page: plain Swift values (CMark.swift makes them).

/// A heading as cmark parsed it. `line`/`column` count from the top of the file (front matter included).
public struct MarkdownHeading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var line: Int
    public var column: Int
}

/// A link or image destination found in the Markdown.
public struct MarkdownLink: Sendable, Hashable {
    public var url: String
    public var isImage: Bool
    public var line: Int
    public var column: Int
    /// The bracketed text, as plain text: an image's alt text, a link's words.
    public var alt: String = ""
    /// The link's or image's title (`[text](url "title")`), or "".
    public var title: String = ""
}

/// A code block: `info` is the fence's info string (`fee-table 97550`; empty for indented blocks), `literal`
/// its content.
public struct MarkdownCodeBlock: Sendable, Hashable {
    public var info: String
    public var literal: String
    public var line: Int
    public var column: Int
    /// The column where `info` starts on the fence's line, when the line holds it as read (no escapes).
    public var infoColumn: Int? = nil
}

/// What the page wants done while its Markdown is turned into HTML.
public protocol MarkdownRewriter {
    /// The id for a heading (ids must be unique on the page; the rewriter keeps count).
    mutating func headingID(for heading: MarkdownHeading) -> String
    /// What to put in place of a code block, or nil to keep it as a code block.
    mutating func replacement(for block: MarkdownCodeBlock) -> MarkdownReplacement?
    /// Where a link or image goes, or nil to drop the link (its text stays) or the image.
    mutating func rewrite(_ link: MarkdownLink) -> MarkdownLinkTarget?
    /// Raw HTML in the Markdown is never written; this reports where it was dropped.
    mutating func droppedRawHTML(line: Int, column: Int)
    /// Text of the page (outside code) that looks like another generator's template syntax (`{{< ref … >}}`),
    /// at its line and column; it stays in the page as text.
    mutating func foreignTemplateSyntax(_ text: String, line: Int, column: Int)
    /// Markup of another Markdown dialect, or a link whose label nothing defines, that cmark keeps as text.
    mutating func shownAsText(_ kind: TextMarkup, _ text: String, line: Int, column: Int)
}

/// What `MarkdownRewriter.shownAsText` found: `[text][label]` (or `[text][]`) whose label no `[label]: url` line
/// defines, or the delimiter row of a GitHub-style pipe table (`|---|---|`).
public enum TextMarkup: Sendable { case undefinedReference, pipeTable }

/// What takes a code block's place: its HTML, and — as structure, for the search index and the checks — the
/// text a reader sees in it, its statements and the sources it cites.
public struct MarkdownReplacement: Sendable {
    public var html: String
    public var text = ""
    public var statements: [Statement] = []
    public var citations: [String] = []
}

/// Where a link goes: the URL to write, and the source it cites when it points to a source's entry on the
/// sources page. A link may cite more (`moreCitations`, e.g. a fact and its other sources) and be followed by
/// HTML of its own (`trailingHTML`, e.g. a certainty marker), whose visible text is `trailingText`.
public struct MarkdownLinkTarget: Sendable {
    public var url: String
    public var citedSource: String?
    /// HTML written instead of cmark's own tags (with `url` already in it): for a link, its start and end tags
    /// around its text (`data-print-url`); for an image, the whole `<img>` (with its size) in `open`.
    public var tags: (open: String, close: String)?
    public var moreCitations: [String] = []
    public var trailingHTML: String = ""
    public var trailingText: String = ""

    public init(_ url: String, citing source: String? = nil, tags: (open: String, close: String)? = nil) {
        self.url = url
        self.citedSource = source
        self.tags = tags
    }
}

/// The text of one part of a page (from one heading to the next), for the search index.
public struct MarkdownSection: Sendable, Hashable {
    public var headingID: String?
    public var heading: String
    public var level: Int
    public var text: String

    package init(headingID: String?, heading: String, level: Int, text: String) {
        self.headingID = headingID
        self.heading = heading
        self.level = level
        self.text = text
    }
}

public struct RenderedMarkdown: Sendable {
    public var html = ""
    public var headings: [(heading: MarkdownHeading, id: String)] = []
    public var sections: [MarkdownSection] = []
    /// Its paragraphs and list items, and those of the directives' output, that cite a source (the only ones
    /// the certainty check reads), with the sources each cites.
    public var statements: [Statement] = []
    /// Why the page was not rendered (too large, too many brackets, nested too deep), at a line and column of
    /// the file; nil when it was.
    public var refusal: (line: Int, column: Int, message: String)? = nil
}

/// What one page may cost. cmark 0.30.2 (the system library) is quadratic on some bracket patterns
/// (CVE-2023-22486: many `![[]()`), and the page walker below must not meet unbounded nesting; real pages are
/// far below every limit (the largest has about 5 KB and 33 brackets).
public enum MarkdownLimits {
    /// The most bytes of Markdown one page may have.
    public static let maxBytes = 1 << 20
    /// The most `[` one page may have (each link or image uses one).
    public static let maxBrackets = 2_000
    /// The deepest nesting of block quotes, lists and inline emphasis/links cmark may build for one page.
    public static let maxDepth = 100
}
