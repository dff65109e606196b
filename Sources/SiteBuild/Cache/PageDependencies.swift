import SiteRender

extension RenderedPage {
    func encode(into w: inout CacheWriter) {
        w.string(html)
        w.int(headings.count)
        for (h, id) in headings {
            w.int(h.level)
            w.string(h.text)
            w.int(h.line)
            w.int(h.column)
            w.string(id)
        }
        w.int(sections.count)
        for s in sections {
            w.bool(s.headingID != nil)
            w.string(s.headingID ?? "")
            w.string(s.heading)
            w.int(s.level)
            w.string(s.text)
        }
        w.strings(ids.sorted())
        w.int(statements.count)
        for s in statements {
            w.strings(s.sources)
            w.string(s.text)
        }
        w.int(anchorReferences.count)
        for a in anchorReferences {
            w.string(a.targetOutputPath)
            w.string(a.targetDisplay)
            w.string(a.fragment)
            w.location(a.location)
        }
        w.strings(citedSources)
        w.diagnostics(diagnostics)
        w.int(dependencies.count)
        for d in dependencies {
            w.int(d.kind.rawValue)
            w.string(d.key)
            w.string(d.from)
            w.string(d.found)
        }
        w.strings(directivesUsed.sorted())
    }

    static func decode(_ r: inout CacheReader) throws(CacheReader.Malformed) -> RenderedPage {
        let html = try r.string()
        var headings: [(heading: MarkdownHeading, id: String)] = []
        for _ in 0..<(try r.count()) {
            let h = MarkdownHeading(level: try r.int(), text: try r.string(), line: try r.int(), column: try r.int())
            headings.append((h, try r.string()))
        }
        var sections: [MarkdownSection] = []
        for _ in 0..<(try r.count()) {
            let has = try r.bool()
            let id = try r.string()
            sections.append(
                MarkdownSection(headingID: has ? id : nil, heading: try r.string(), level: try r.int(), text: try r.string()))
        }
        let ids = Set(try r.strings())
        var statements: [Statement] = []
        for _ in 0..<(try r.count()) { statements.append(Statement(sources: try r.strings(), text: try r.string())) }
        var anchors: [AnchorReference] = []
        for _ in 0..<(try r.count()) {
            anchors.append(
                AnchorReference(
                    targetOutputPath: try r.string(), targetDisplay: try r.string(), fragment: try r.string(),
                    location: try r.location()))
        }
        let cited = try r.strings()
        let diags = try r.diagnostics()
        var deps: [LinkDependency] = []
        for _ in 0..<(try r.count()) {
            guard let kind = LinkDependency.Kind(rawValue: try r.int()) else { throw CacheReader.Malformed() }
            deps.append(LinkDependency(kind: kind, key: try r.string(), from: try r.string(), found: try r.string()))
        }
        let used = Set(try r.strings())
        return RenderedPage(
            html: html, headings: headings, sections: sections, ids: ids, statements: statements, anchorReferences: anchors,
            citedSources: cited, diagnostics: diags, dependencies: deps, directivesUsed: used)
    }
}
