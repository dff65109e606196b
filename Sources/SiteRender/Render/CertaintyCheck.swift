import SiteContent

/// Certainty shown where it is weak: a statement (paragraph, list item, table row) whose source links all point
/// to secondary sources (sources.yaml `authority: secondary`) must say so in plain words, with the phrase
/// `CertaintyCheck.phrase` ("reported by …; not confirmed by CMS"). Checked on every rendered page at build time,
/// on the statements the Markdown walker and the directives report (`Statement`), not on the HTML.
package enum CertaintyCheck {
    /// The words every marker contains.
    package static let phrase = "not confirmed by CMS"

    /// The citation a directive writes for a statement resting only on secondary sources: the source links
    /// inside the marker.
    package static func marker(links: HTML) -> HTML {
        .el("span", [.class("certainty")], "reported by ", links, "; \(phrase)")
    }

    /// The statements that cite only secondary sources and do not say so (their text, shortened).
    package static func unmarked(_ statements: [Statement], sources: [SourceRecord]) -> [String] {
        let secondary = Set(sources.filter(\.isSecondary).map(\.id))
        let needle = phrase.lowercased()
        var out: [String] = []
        for s in statements {
            guard !s.sources.isEmpty, s.sources.allSatisfy(secondary.contains) else { continue }
            if s.text.lowercased().contains(needle) { continue }
            out.append(s.text.count > 120 ? String(s.text.prefix(120)) + "…" : s.text)
        }
        return out
    }
}

/// A paragraph, list item or table row of a page, with the sources it cites (links to their entries on the
/// sources page) and its visible text, white space collapsed. An enclosing statement (a list item holding
/// paragraphs) includes what its inner ones say and cite.
public struct Statement: Sendable, Hashable {
    public var sources: [String]
    public var text: String

    public init(sources: [String], text: String) {
        self.sources = sources
        self.text = text
    }
}
