import SiteContent
import GuideCalc
import GuideCompute
import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The only file in the project that talks to cmark. Everything else sees the plain Swift types below.

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

public enum Markdown {
    /// Parse with smart punctuation and UTF-8 validation, in cmark's safe mode (raw HTML and `javascript:`
    /// URLs are not written). Heading ids, directive replacements and link rewrites come from `rewriter`.
    /// - Parameter lineOffset: lines of the file before `body` (the front matter), added to every line.
    public static func render(_ body: String, lineOffset: Int, rewriter: inout some MarkdownRewriter)
        -> RenderedMarkdown
    {
        let options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        if let refusal = precheck(body, lineOffset: lineOffset) {
            return RenderedMarkdown(html: "", headings: [], sections: [], refusal: refusal)
        }
        guard let doc = cmark_parse_document(body, body.utf8.count, options) else {
            return RenderedMarkdown(html: "", headings: [], sections: [])
        }
        defer { cmark_node_free(doc) }
        if let deep = tooDeep(doc, lineOffset: lineOffset) {
            return RenderedMarkdown(html: "", headings: [], sections: [], refusal: deep)
        }
        var walker = Walker(lineOffset: lineOffset)
        walker.visit(doc, rewriter: &rewriter)
        walker.finishSection()
        guard let cstr = cmark_render_html(doc, options) else {
            return RenderedMarkdown(html: "", headings: walker.headings, sections: walker.sections)
        }
        defer { free(cstr) }
        return RenderedMarkdown(html: String(cString: cstr), headings: walker.headings, sections: walker.sections)
    }

    /// Size and bracket count, checked before cmark sees the text.
    static func precheck(_ body: String, lineOffset: Int) -> (line: Int, column: Int, message: String)? {
        if body.utf8.count > MarkdownLimits.maxBytes {
            return (lineOffset + 1, 1, "the page is larger than \(MarkdownLimits.maxBytes >> 20) MB of Markdown; split it into several pages")
        }
        var brackets = 0, line = 1, column = 1
        for s in body.unicodeScalars {
            if s == "[" {
                brackets += 1
                if brackets > MarkdownLimits.maxBrackets {
                    return (
                        lineOffset + line, column,
                        "the page has more than \(MarkdownLimits.maxBrackets) '[' (links, images or brackets); split it into several pages"
                    )
                }
            }
            if s == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }

    /// The first node nested deeper than `MarkdownLimits.maxDepth`, found with cmark's own (iterative) iterator.
    static func tooDeep(_ doc: OpaquePointer, lineOffset: Int) -> (line: Int, column: Int, message: String)? {
        guard let iter = cmark_iter_new(doc) else { return nil }
        defer { cmark_iter_free(iter) }
        var depth = 0
        var lastBlock: OpaquePointer? = nil
        while true {
            let ev = cmark_iter_next(iter)
            if ev == CMARK_EVENT_DONE || ev == CMARK_EVENT_NONE { return nil }
            let node = cmark_iter_get_node(iter)
            if ev == CMARK_EVENT_ENTER {
                if let node, cmark_node_get_start_line(node) > 0 { lastBlock = node }
                // Leaf nodes (text, code) get an enter event only.
                if let node, cmark_node_first_child(node) != nil || cmark_node_get_type(node) == CMARK_NODE_DOCUMENT {
                    depth += 1
                }
                if depth > MarkdownLimits.maxDepth {
                    let at = lastBlock ?? node
                    let line = at.map { Int(cmark_node_get_start_line($0)) } ?? 1
                    let col = at.map { Int(cmark_node_get_start_column($0)) } ?? 1
                    return (
                        lineOffset + max(1, line), max(1, col),
                        "the Markdown is nested more than \(MarkdownLimits.maxDepth) levels deep (block quotes, lists or emphasis)"
                    )
                }
            } else if ev == CMARK_EVENT_EXIT {
                depth -= 1
            }
        }
    }

    /// The version of the linked libcmark, e.g. "0.30.2".
    public static var cmarkVersion: String { String(cString: cmark_version_string()) }
}

private struct Walker {
    let lineOffset: Int
    package var headings: [(heading: MarkdownHeading, id: String)] = []
    package var sections: [MarkdownSection] = []
    var current = MarkdownSection(headingID: nil, heading: "", level: 0, text: "")
    /// The current section's text as UTF-8, collected from cmark's C strings without a String per node.
    var sectionText: [UInt8] = []

    init(lineOffset: Int) { self.lineOffset = lineOffset }

    mutating func finishSection() {
        current.text = collapseSpaces(bytes: sectionText)
        sectionText.removeAll(keepingCapacity: true)
        if !current.text.isEmpty || current.headingID != nil { sections.append(current) }
    }

    mutating func appendText(_ cString: UnsafePointer<CChar>?) {
        guard let cString else { return }
        cString.withMemoryRebound(to: UInt8.self, capacity: 1) { p in
            sectionText.append(contentsOf: UnsafeBufferPointer(start: p, count: strlen(cString)))
        }
    }

    func position(_ node: OpaquePointer, fallback: (Int, Int) = (1, 1)) -> (line: Int, column: Int) {
        let l = Int(cmark_node_get_start_line(node))
        let c = Int(cmark_node_get_start_column(node))
        if l <= 0 { return (fallback.0, fallback.1) }
        return (l + lineOffset, max(1, c))
    }

    mutating func visit(_ node: OpaquePointer, rewriter: inout some MarkdownRewriter, block: (Int, Int) = (1, 1)) {
        var child = cmark_node_first_child(node)
        let here = position(node, fallback: block)
        while let c = child {
            let next = cmark_node_next(c)  // taken first: `c` may be replaced or freed below
            handle(c, rewriter: &rewriter, block: (here.line, here.column))
            child = next
        }
    }

    mutating func handle(_ node: OpaquePointer, rewriter: inout some MarkdownRewriter, block: (Int, Int)) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
            let p = position(node, fallback: block)
            rewriter.droppedRawHTML(line: p.line, column: p.column)
            cmark_node_unlink(node)
            cmark_node_free(node)

        case CMARK_NODE_HEADING:
            let p = position(node, fallback: block)
            let text = collapseSpaces(plainText(node))
            let heading = MarkdownHeading(
                level: Int(cmark_node_get_heading_level(node)), text: text, line: p.line, column: p.column)
            // Links inside the heading are rewritten like any other; its text belongs to the next section.
            let textBefore = sectionText
            visit(node, rewriter: &rewriter, block: block)
            sectionText = textBefore
            let id = rewriter.headingID(for: heading)
            headings.append((heading, id))
            finishSection()
            current = MarkdownSection(headingID: id, heading: text, level: heading.level, text: "")
            // cmark writes headings without ids: wrap the heading's inlines in a custom block that does.
            let level = heading.level
            let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
            cmark_node_set_on_enter(wrapper, "<h\(level) id=\"\(escapeHTML(id))\">")
            cmark_node_set_on_exit(
                wrapper,
                "<a class=\"anchor\" href=\"#\(escapeHTML(id))\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h\(level)>")
            while let inline = cmark_node_first_child(node) {
                cmark_node_append_child(wrapper, inline)
            }
            cmark_node_replace(node, wrapper)
            cmark_node_free(node)

        case CMARK_NODE_CODE_BLOCK:
            let p = position(node, fallback: block)
            let info = String(cString: cmark_node_get_fence_info(node))
            let literal = String(cString: cmark_node_get_literal(node))
            let cb = MarkdownCodeBlock(info: info, literal: literal, line: p.line, column: p.column)
            if let html = rewriter.replacement(for: cb) {
                let replacement = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
                cmark_node_set_on_enter(replacement, html)
                cmark_node_set_on_exit(replacement, "")
                cmark_node_replace(node, replacement)
                cmark_node_free(node)
                sectionText.append(UInt8(ascii: " "))
                sectionText.append(contentsOf: textOfHTML(html).utf8)
            }

        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let p = position(node, fallback: block)
            let url = String(cString: cmark_node_get_url(node))
            let link = MarkdownLink(url: url, isImage: type == CMARK_NODE_IMAGE, line: p.line, column: p.column)
            visit(node, rewriter: &rewriter, block: block)
            if let newURL = rewriter.rewrite(link) {
                cmark_node_set_url(node, newURL)
            } else if type == CMARK_NODE_LINK {
                while let inline = cmark_node_first_child(node) { cmark_node_insert_before(node, inline) }
                cmark_node_unlink(node)
                cmark_node_free(node)
            } else {
                cmark_node_unlink(node)
                cmark_node_free(node)
            }

        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            appendText(cmark_node_get_literal(node))

        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            sectionText.append(UInt8(ascii: " "))

        default:
            let isBlock = type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue
                && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue
            let p = position(node, fallback: block)
            visit(node, rewriter: &rewriter, block: (p.line, p.column))
            if isBlock { sectionText.append(UInt8(ascii: " ")) }
        }
    }

    func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        var child = cmark_node_first_child(node)
        while let c = child {
            let t = cmark_node_get_type(c)
            if t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE {
                out += String(cString: cmark_node_get_literal(c))
            } else if t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK {
                out += " "
            } else {
                out += plainText(c)
            }
            child = cmark_node_next(c)
        }
        return out
    }
}
