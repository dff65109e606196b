import SiteContent
import SiteRender
import GuideData

/// ```` ```sources ````: every entry of data/sources.yaml, each with the anchor `source-<id>` that `source:`
/// links point to, its publisher, date (or the day it was read) and a link. Entries are grouped under one
/// second-level heading per kind of authority (in the order of `LoadSession.authorities`, sources.yaml order within), so
/// the kind is said once per group rather than on every entry. The link text is the web site's name; the
/// full address is the link (and is printed after it on paper).
package struct SourcesDirective: Directive {
    package let name = "sources"

    /// How each authority is named for readers, as a group heading.
    static let authorityNames: [String: String] = [
        "primary": "Official texts (CMS, the AMA or the law)",
        "contractor": "Medicare contractors",
        "association": "Professional associations",
        "secondary": "Secondary sources (news, billing companies, blogs, copies of official text)",
    ]

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        guard use.arguments.isEmpty else { throw DirectiveError(.directiveArguments, "takes no arguments", at: use.location(ofArgument: 0)) }
        let sources = context.site.data.sources
        var kinds = LoadSession.authorities
        for s in sources where !kinds.contains(s.authority) { kinds.append(s.authority) }
        var html: [HTML] = []
        for kind in kinds {
            let group = sources.filter { $0.authority == kind }
            guard !group.isEmpty else { continue }
            let heading = SourcesDirective.authorityNames[kind] ?? kind
            var entries: [HTML] = [.newline]
            for s in group {
                let date = s.dateIsAccessed ? "accessed \(s.date)" : s.date.description
                var details: [HTML] = ["\(s.publisher), \(date)"]
                if !s.url.isEmpty { details.append(" · \(HTML.a(href: s.url, .text(Self.siteName(s.url))))") }
                if let note = s.note, !note.isEmpty { details += [.void("br", []), .text(note)] }
                entries += [
                    .el("dt", [.id(sourceAnchor(s.id))], .text(s.title)), .newline, .el("dd", children: details), .newline,
                ]
            }
            html += [
                .el("h2", [.id("sources-\(kind)")], .text(heading)), .newline,
                .el("dl", [.class("source-list")], children: entries), .newline,
            ]
        }
        return DirectiveOutput(.group(html))
    }

    /// The host of an address without `www.` ("https://www.cms.gov/files/x.zip" → "cms.gov"); the address
    /// itself when it has no host.
    static func siteName(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        var host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        return host.isEmpty ? url : String(host)
    }
}
