import SiteContent
import SiteRender
import GuideData

let guideLinkSchemes = ["source", "fact"]

/// The guide's link schemes: `[text](source:ID)` links a source's entry on the sources page and cites it;
/// `[text](fact:ID)` links the fact's first source, cites the fact and its sources, and shows its grade's marker.
extension GuideSiteData {

    func link(
        scheme: String, _ rest: String, url: String, title: String, at: SourceLocation, in r: inout PageRewriter
    ) -> MarkdownLinkTarget? {
        scheme == "source" ? sourceLink(rest, url: url, title: title, at: at, in: &r) : factLink(rest, url: url, at: at, in: &r)
    }

    func sourceLink(_ id: String, url: String, title: String, at: SourceLocation, in r: inout PageRewriter)
        -> MarkdownLinkTarget?
    {
        let site = r.site
        guard data.source(id) != nil else {
            let near = data.sources.map(\.id).min { editDistance($0, id) < editDistance($1, id) }
            r.diagnostics.error("link.unknown-source",
                at, "unknown source '\(id)' in link '\(url)'",
                hint: near.map { "did you mean '\($0)'? sources are listed in data/sources.yaml" }
                    ?? "sources are listed in data/sources.yaml")
            return nil
        }
        guard let s = site.sourcesPage else {
            r.diagnostics.error("link.source-without-sources-page", at, "a 'source:' link needs a page with 'layout: sources'")
            return nil
        }
        r.citedSources.append(id)
        let to = site.pages[s].outputPath
        let href = relativeURL(from: r.page.outputPath, to: to) + "#" + sourceAnchor(id)
        return MarkdownLinkTarget(href, citing: id, tags: r.printed(href, to, fragment: sourceAnchor(id), title: title))
    }

    /// `[text](fact:ID)`: the text links the fact's first source on the sources page, the fact and all its sources
    /// are cited, and the certainty marker of its grade follows the link (`CertaintyCheck.badge`).
    func factLink(_ id: String, url: String, at: SourceLocation, in r: inout PageRewriter) -> MarkdownLinkTarget? {
        let site = r.site
        let certainty = data.certainty
        guard let fact = certainty.fact(id), let grade = certainty.grade(of: fact) else {
            let near = certainty.facts.map(\.id).min { editDistance($0, id) < editDistance($1, id) }
            r.diagnostics.error("link.unknown-fact",
                at, "unknown fact '\(id)' in link '\(url)'",
                hint: near.map { "did you mean '\($0)'? facts are listed in data/facts.yaml" }
                    ?? "facts are listed in data/facts.yaml")
            return nil
        }
        guard let s = site.sourcesPage, let first = fact.sources.first else {
            r.diagnostics.error("link.fact-without-sources-page", at, "a 'fact:' link needs a page with 'layout: sources'")
            return nil
        }
        r.citedSources += fact.sources
        let to = site.pages[s].outputPath
        let href = relativeURL(from: r.page.outputPath, to: to) + "#" + sourceAnchor(first)
        var target = MarkdownLinkTarget(
            href, citing: first, tags: r.printed(href, to, fragment: sourceAnchor(first), title: ""))
        target.moreCitations = Array(fact.sources.dropFirst()) + [Certainty.citationPrefix + fact.id]
        guard grade.marked else { return target }
        // Without the grades page there is nothing to link the marker to: `GuideSiteData.check` reports it once,
        // at `grades_page` in data/facts.yaml.
        guard let g = certainty.gradesPage.flatMap(site.pageIndex(atPath:)) else { return target }
        let gradesURL = relativeURL(from: r.page.outputPath, to: site.pages[g].outputPath)
        r.anchorReferences.append(
            AnchorReference(
                targetOutputPath: site.pages[g].outputPath, targetDisplay: site.pages[g].displayPath,
                fragment: CertaintyCheck.anchor(grade), location: at))
        let badge = CertaintyCheck.badge(grade, url: gradesURL)
        target.trailingHTML = " " + badge.rendered
        target.trailingText = " " + grade.badge
        return target
    }
}
