import SiteContent
import GuideCalc
import GuideCompute

/// One page after its Markdown was rendered, before the layout template.
package struct RenderedPage: Sendable {
    package var html: String
    package var headings: [(heading: MarkdownHeading, id: String)]
    package var sections: [MarkdownSection]
    /// Every `id="…"` in the page body (headings and generated blocks), for anchor checks.
    package var ids: Set<String>
    package var anchorReferences: [AnchorReference]
    package var citedSources: [String]
    package var diagnostics: [Diagnostic]
    /// Link targets the page resolved and whether it ran a directive (for the incremental build's checks).
    package var dependencies: [LinkDependency] = []
    package var directivesUsed: Set<String> = []

    package static func render(_ page: PageSource, site: SiteModel, directives: DirectiveRegistry) -> RenderedPage {
        var rewriter = PageRewriter(site: site, page: page, directives: directives)
        let md = Markdown.render(page.body, lineOffset: page.bodyLineOffset, rewriter: &rewriter)
        if let no = md.refusal {
            rewriter.diagnostics.error(rewriter.location(no.line, no.column), no.message)
        }
        return RenderedPage(
            html: md.html, headings: md.headings, sections: md.sections, ids: idsIn(md.html),
            anchorReferences: rewriter.anchorReferences, citedSources: rewriter.citedSources,
            diagnostics: rewriter.diagnostics.items, dependencies: rewriter.dependencies,
            directivesUsed: rewriter.directivesUsed)
    }

    package init(html: String, headings: [(heading: MarkdownHeading, id: String)], sections: [MarkdownSection], ids: Set<String>, anchorReferences: [AnchorReference], citedSources: [String], diagnostics: [Diagnostic], dependencies: [LinkDependency] = [], directivesUsed: Set<String> = []) {
        self.html = html
        self.headings = headings
        self.sections = sections
        self.ids = ids
        self.anchorReferences = anchorReferences
        self.citedSources = citedSources
        self.diagnostics = diagnostics
        self.dependencies = dependencies
        self.directivesUsed = directivesUsed
    }
}

/// The values of `id="…"` attributes in HTML this generator wrote (cmark escapes quotes in user text, so
/// a literal `id="` can only come from a real attribute).
package func idsIn(_ html: String) -> Set<String> {
    // One pass over the bytes (linear: no substring copies per match).
    var out: Set<String> = []
    var html = html
    html.withUTF8 { bytes in
        let needle: [UInt8] = Array(" id=\"".utf8)
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == 0x20 && bytes[i + 1] == needle[1] && bytes[i + 2] == needle[2] && bytes[i + 3] == needle[3]
                && bytes[i + 4] == needle[4]
            {
                let start = i + needle.count
                guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
                out.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                i = end + 1
            } else {
                i += 1
            }
        }
    }
    return out
}
