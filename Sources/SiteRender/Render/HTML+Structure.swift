import SiteContent

/// What a piece of built HTML holds, read from its tree: the ids it defines, its visible text, the sources it
/// cites and its statements. (The rendered string is never read back.)
extension HTML {
    /// Calls `visit` on this node and, when it returns true, on every node inside it, in document order.
    func walk(_ visit: (HTML) -> Bool) {
        guard visit(self) else { return }
        switch self {
        case .element(_, _, let nodes), .group(let nodes): for n in nodes { n.walk(visit) }
        case .citation(_, let content): content.walk(visit)
        case .text, .literal, .raw, .void: break
        }
    }

    /// The values of its `id` attributes, in document order.
    public var ids: [String] {
        var out: [String] = []
        walk { node in
            switch node {
            case .element(_, let attributes, _), .void(_, let attributes):
                out += attributes.filter { $0.name == "id" }.map { $0.value ?? "" }
            default: break
            }
            return true
        }
        return out
    }

    /// The visible text, white space collapsed; every tag separates words (as a new block does for a reader).
    /// `.raw` markup contributes nothing.
    public var plainText: String {
        var out = ""
        collectText(into: &out)
        return collapseSpaces(out)
    }

    private func collectText(into out: inout String) {
        switch self {
        case .text(let s), .literal(let s): out += s
        case .raw: return
        case .element(_, _, let children):
            out += " "
            for c in children { c.collectText(into: &out) }
            out += " "
        case .void: out += " "
        case .group(let parts): for p in parts { p.collectText(into: &out) }
        case .citation(_, let content): content.collectText(into: &out)
        }
    }

    /// The sources it cites, in order of first citation.
    public var citations: [String] {
        var out: [String] = []
        walk { node in
            if case .citation(let id, _) = node { out.append(id) }
            return true
        }
        var seen: Set<String> = []
        return out.filter { seen.insert($0).inserted }
    }

    /// Its paragraphs, list items and table rows (`p`, `li`, `tr`), each with its text and the sources cited
    /// inside it (an enclosing statement includes what its inner ones say and cite), in document order.
    public var statements: [Statement] {
        var out: [Statement] = []
        var open: [Int] = []
        collectStatements(into: &out, open: &open)
        for i in out.indices { out[i].text = collapseSpaces(out[i].text) }
        return out
    }

    static let statementTags: Set<String> = ["p", "li", "tr"]
    static let inlineTags: Set<String> = ["a", "strong", "em", "code", "span", "abbr", "b", "i", "small", "sup", "sub"]

    private func collectStatements(into out: inout [Statement], open: inout [Int]) {
        switch self {
        case .text(let s), .literal(let s):
            for i in open { out[i].text += s }
        case .raw: return
        case .void:
            for i in open { out[i].text += " " }
        case .element(let name, _, let children):
            let isStatement = HTML.statementTags.contains(name)
            if isStatement {
                open.append(out.count)
                out.append(Statement(sources: [], text: ""))
            }
            // Words of neighbouring cells or blocks stay apart; inline elements join their words.
            let separates = !HTML.inlineTags.contains(name)
            if separates { for i in open { out[i].text += " " } }
            for c in children { c.collectStatements(into: &out, open: &open) }
            if separates { for i in open { out[i].text += " " } }
            if isStatement { open.removeLast() }
        case .group(let parts):
            for p in parts { p.collectStatements(into: &out, open: &open) }
        case .citation(let id, let content):
            for i in open { out[i].sources.append(id) }
            content.collectStatements(into: &out, open: &open)
        }
    }
}

/// A heading element of built HTML (`h1`…`h6`): its level, id (if it has one) and text.
public struct HTMLHeading: Sendable, Hashable {
    public var level: Int
    public var id: String?
    public var text: String
}

extension HTML {
    /// Its `h1`…`h6` elements, in document order.
    public var headings: [HTMLHeading] {
        var out: [HTMLHeading] = []
        walk { node in
            guard case .element(let name, let attributes, let children) = node, name.count == 2, name.first == "h",
                let level = Int(name.dropFirst()), (1...6).contains(level)
            else { return true }
            out.append(HTMLHeading(level: level, id: attributes.last { $0.name == "id" }?.value, text: HTML.group(children).plainText))
            return false
        }
        return out
    }
}
