import CCmark

// The nesting limit, checked on cmark's tree before the walker recurses into it (CMark.swift is the rest of the
// code that talks to cmark).
extension Markdown {
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
}
