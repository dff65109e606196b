// What the rest of the project sees of a Markdown page: plain Swift values (CMark.swift makes them).

/// A heading as cmark parsed it. `line`/`column` count from the top of the file (front matter included).
public struct MarkdownHeading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var line: Int
    public var column: Int

    package init(level: Int, text: String, line: Int, column: Int) {
        self.level = level
        self.text = text
        self.line = line
        self.column = column
    }
}

/// A link or image destination found in the Markdown.
public struct MarkdownLink: Sendable, Hashable {
    public var url: String
    public var isImage: Bool
    public var line: Int
    public var column: Int
}

/// A code block: `info` is the fence's info string (`fee-table 97550`; empty for indented blocks), `literal`
/// its content.
public struct MarkdownCodeBlock: Sendable, Hashable {
    public var info: String
    public var literal: String
    public var line: Int
    public var column: Int
}

/// What the page wants done while its Markdown is turned into HTML.
public protocol MarkdownRewriter {
    /// The id for a heading (ids must be unique on the page; the rewriter keeps count).
    mutating func headingID(for heading: MarkdownHeading) -> String
    /// HTML to put in place of a code block, or nil to keep it as a code block.
    mutating func replacement(for block: MarkdownCodeBlock) -> String?
    /// The URL to write for a link or image, or nil to drop the link (its text stays) or the image.
    mutating func rewrite(_ link: MarkdownLink) -> String?
    /// Raw HTML in the Markdown is never written; this reports where it was dropped.
    mutating func droppedRawHTML(line: Int, column: Int)
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
    public var html: String
    public var headings: [(heading: MarkdownHeading, id: String)]
    public var sections: [MarkdownSection]
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
