import SiteContent
import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// With CMark+Depth.swift, the only code in the project that talks to cmark. Everything else sees the plain Swift
// values of MarkdownTypes.swift.

public enum Markdown {
    /// Parse with smart punctuation and UTF-8 validation, in cmark's safe mode (raw HTML and `javascript:`
    /// URLs are not written). Heading ids, directive replacements and link rewrites come from `rewriter`.
    /// - Parameter lineOffset: lines of the file before `body` (the front matter), added to every line.
    public static func render(_ body: String, lineOffset: Int, rewriter: inout some MarkdownRewriter)
        -> RenderedMarkdown
    {
        let options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        if let refusal = precheck(body, lineOffset: lineOffset) { return RenderedMarkdown(refusal: refusal) }
        // The tree, and the HTML written from it, live in this thread's arena until the page is copied out.
        defer { ctsguide_arena_reset() }
        let parser = cmark_parser_new_with_mem(options, ctsguide_arena_mem())
        cmark_parser_feed(parser, body, body.utf8.count)
        guard let doc = cmark_parser_finish(parser) else { return RenderedMarkdown() }
        if let deep = tooDeep(doc, lineOffset: lineOffset) { return RenderedMarkdown(refusal: deep) }
        var walker = Walker(lineOffset: lineOffset, body: body, scansTemplateSyntax: TemplateSyntaxScan.mayOccur(in: body))
        walker.visit(doc, rewriter: &rewriter)
        walker.finishSection()
        let html = cmark_render_html(doc, options)
        return RenderedMarkdown(
            html: html.map { String(cString: $0) } ?? "", headings: walker.headings, sections: walker.sections,
            statements: walker.citingStatements)
    }
}

/// Walks cmark's tree once: gives headings their ids, replaces directive blocks, rewrites links, drops raw HTML,
/// and collects the page's sections (for search) and the statements that cite a source (for the certainty
/// check) as it goes. Text is gathered as bytes and white space collapsed once, where it is kept.
struct Walker {
    let lineOffset: Int
    var headings: [(heading: MarkdownHeading, id: String)] = []
    var sections: [MarkdownSection] = []
    /// The section being read: its heading, and its text so far (`sectionText`).
    var current = MarkdownSection(headingID: nil, heading: "", level: 0, text: "")
    var sectionText: [UInt8] = []
    /// Every statement, in order of opening; those that cite nothing are dropped at the end.
    var statements: [Statement] = []
    /// The text seen since the outermost open statement began; each open statement reads from its offset.
    var statementText: [UInt8] = []
    /// The paragraphs and list items the walk is inside: their index in `statements`, their offset in
    /// `statementText`.
    var open: [(index: Int, start: Int)] = []

    /// The page's text, and where its lines start (in UTF-8 bytes) once a check reads a line (`bodyLine`).
    let body: String
    var lineStarts: [Int] = []
    /// Whether the text has `{{`, so its paragraphs and headings are scanned (`checkForeignSyntax`).
    let scansTemplateSyntax: Bool
    /// Whether the text has a '|' at all (looked for at the first paragraph): only then are paragraphs read for a
    /// pipe table.
    var hasPipe: Bool? = nil
    /// Where the last image was found (`imagePosition`).
    var imageCursor = (line: 0, column: 0)

    /// The page's line `n` (from 1), without its line break, or nil past the last line. The lines' starts are
    /// found once per page, by bytes (the text has no '\r' left: `ContentLoader`).
    mutating func bodyLine(_ n: Int) -> Substring? {
        if lineStarts.isEmpty {
            var text = body, starts = [0]
            text.withUTF8 { bytes in
                var at = 0
                while at < bytes.count, let nl = memchr(bytes.baseAddress! + at, 0x0A, bytes.count - at) {
                    at = bytes.baseAddress!.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
                    starts.append(at)
                }
            }
            lineStarts = starts
        }
        guard n >= 1, n <= lineStarts.count else { return nil }
        let utf8 = body.utf8
        let end = n < lineStarts.count ? lineStarts[n] - 1 : utf8.count
        return Substring(body[utf8.index(utf8.startIndex, offsetBy: lineStarts[n - 1])..<utf8.index(utf8.startIndex, offsetBy: end)])
    }

    /// Whether the page's text holds `byte` anywhere.
    func bodyHolds(_ byte: UInt8) -> Bool {
        var text = body
        return text.withUTF8 { !$0.isEmpty && memchr($0.baseAddress!, Int32(byte), $0.count) != nil }
    }

    /// Reports other generators' template syntax in the source lines of a paragraph or heading
    /// (`TemplateSyntaxScan`; cmark gives inline nodes no positions, so the block's lines are read again).
    mutating func checkForeignSyntax(_ node: OpaquePointer, rewriter: inout some MarkdownRewriter) {
        guard scansTemplateSyntax else { return }
        let first = Int(cmark_node_get_start_line(node)), last = Int(cmark_node_get_end_line(node))
        guard first >= 1, last >= first, bodyLine(last) != nil else { return }
        for found in TemplateSyntaxScan.find(in: (first...last).compactMap { bodyLine($0) }, firstLine: first) {
            rewriter.foreignTemplateSyntax(found.text, line: found.line + lineOffset, column: found.column)
        }
    }

    mutating func finishSection() {
        current.text = sectionText.withUnsafeBufferPointer { collapseSpaces(bytes: $0) }
        sectionText.removeAll(keepingCapacity: true)
        if !current.text.isEmpty || current.headingID != nil { sections.append(current) }
    }

    /// The statements that cite a source.
    var citingStatements: [Statement] { statements.filter { !$0.sources.isEmpty } }

    /// Visible text: into the section and, when statements are open, into theirs.
    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        sectionText.append(contentsOf: bytes)
        if !open.isEmpty { statementText.append(contentsOf: bytes) }
    }

    mutating func appendText(_ text: String) {
        var text = text
        text.withUTF8 { appendText($0) }
    }

    mutating func appendLiteral(_ node: OpaquePointer) {
        guard let c = cmark_node_get_literal(node) else { return }
        appendText(UnsafeBufferPointer(start: UnsafeRawPointer(c).assumingMemoryBound(to: UInt8.self), count: strlen(c)))
    }

    mutating func openStatement() {
        open.append((statements.count, statementText.count))
        statements.append(Statement(sources: [], text: ""))
    }

    /// Closes the innermost statement; its text is kept (collapsed) only when it cites a source.
    mutating func closeStatement() {
        let (i, start) = open.removeLast()
        if !statements[i].sources.isEmpty {
            statements[i].text = statementText[start...].withUnsafeBufferPointer { collapseSpaces(bytes: $0) }
        }
        if open.isEmpty { statementText.removeAll(keepingCapacity: true) }
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
            checkForeignSyntax(node, rewriter: &rewriter)
            let p = position(node, fallback: block)
            let text = collapseSpaces(plainText(node))
            let heading = MarkdownHeading(
                level: Int(cmark_node_get_heading_level(node)), text: text, line: p.line, column: p.column)
            // Links inside the heading are rewritten like any other; its text belongs to the next section.
            let sectionLength = sectionText.count
            visit(node, rewriter: &rewriter, block: block)
            sectionText.removeSubrange(sectionLength...)
            let id = rewriter.headingID(for: heading)
            headings.append((heading, id))
            finishSection()
            current = MarkdownSection(headingID: id, heading: text, level: heading.level, text: "")
            // cmark writes headings without ids: wrap the heading's inlines in a custom block that does.
            let anchor = HTML.el(
                "a", [.class("anchor"), .href("#" + id), .attr("aria-hidden", "true"), .attr("tabindex", "-1")], "#")
            replace(
                node, block: true, open: HTML.startTag("h\(heading.level)", [.id(id)]),
                close: anchor.rendered + HTML.endTag("h\(heading.level)"))

        case CMARK_NODE_CODE_BLOCK:
            let p = position(node, fallback: block)
            let info = String(cString: cmark_node_get_fence_info(node))
            let literal = String(cString: cmark_node_get_literal(node))
            let cb = MarkdownCodeBlock(
                info: info, literal: literal, line: p.line, column: p.column,
                infoColumn: infoColumn(info, line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))))
            if let r = rewriter.replacement(for: cb) {
                replace(node, block: true, open: r.html, close: "")
                appendText(" ")
                appendText(r.text)
                // A block inside a list item: the item says and cites what the block does.
                for (i, _) in open { statements[i].sources += r.citations }
                statements += r.statements
            }

        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let url = String(cString: cmark_node_get_url(node))
            let isImage = type == CMARK_NODE_IMAGE
            let p = isImage ? imagePosition(url, block: position(node, fallback: block)) : position(node, fallback: block)
            let link = MarkdownLink(
                url: url, isImage: isImage, line: p.line, column: p.column, alt: plainText(node),
                title: cmark_node_get_title(node).map { String(cString: $0) } ?? "")
            visit(node, rewriter: &rewriter, block: block)
            if let target = rewriter.rewrite(link) {
                cmark_node_set_url(node, target.url)
                if let id = target.citedSource { for (i, _) in open { statements[i].sources.append(id) } }
                for id in target.moreCitations { for (i, _) in open { statements[i].sources.append(id) } }
                if !target.trailingHTML.isEmpty {
                    let after = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, ctsguide_arena_mem())!
                    cmark_node_set_on_enter(after, target.trailingHTML)
                    cmark_node_set_on_exit(after, "")
                    cmark_node_insert_after(node, after)
                    appendText(target.trailingText)
                }
                if let t = target.tags { replace(node, block: false, open: t.open, close: t.close, keepChildren: !isImage) }
            } else {
                // A dropped link leaves its text; a dropped image goes whole.
                while !isImage, let inline = cmark_node_first_child(node) { cmark_node_insert_before(node, inline) }
                cmark_node_unlink(node)
                cmark_node_free(node)
            }

        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            appendLiteral(node)
            if type == CMARK_NODE_TEXT, let c = cmark_node_get_literal(node), strstr(c, "][") != nil || strstr(c, "[^") != nil || strstr(c, "](") != nil {
                // (Its source ends where the next inline starts on the line, e.g. a code span after it.)
                let line = cmark_node_get_start_line(node), next = cmark_node_next(node)
                checkReferences(
                    String(cString: c), line: Int(line), column: Int(cmark_node_get_start_column(node)),
                    end: next.flatMap { cmark_node_get_start_line($0) == line ? Int(cmark_node_get_start_column($0)) : nil },
                    rewriter: &rewriter)
            }

        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            appendText(" ")

        default:
            let isBlock = type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue
                && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue
            let p = position(node, fallback: block)
            let isStatement = type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_ITEM
            if type == CMARK_NODE_PARAGRAPH {
                checkForeignSyntax(node, rewriter: &rewriter)
                checkPipeTable(lines: Int(cmark_node_get_start_line(node)), Int(cmark_node_get_end_line(node)), rewriter: &rewriter)
            }
            if isStatement { openStatement() }
            visit(node, rewriter: &rewriter, block: (p.line, p.column))
            if isStatement { closeStatement() }
            if isBlock { appendText(" ") }
        }
    }

    /// Puts a custom block or inline in `node`'s place that writes `open` and `close` around its children, or,
    /// without `keepChildren` (an image, whose children are its alt text), alone.
    func replace(_ node: OpaquePointer, block: Bool, open: String, close: String, keepChildren: Bool = true) {
        let custom = cmark_node_new_with_mem(
            block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE, ctsguide_arena_mem())!
        cmark_node_set_on_enter(custom, open)
        cmark_node_set_on_exit(custom, close)
        while keepChildren, let inline = cmark_node_first_child(node) { cmark_node_append_child(custom, inline) }
        cmark_node_replace(node, custom)
        cmark_node_free(node)
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
