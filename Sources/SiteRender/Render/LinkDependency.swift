import SiteContent
import Foundation

/// One thing a page's Markdown looked up while rendering, with what it found: a `code:` link, a link of a site
/// extension's scheme (`source:`, `fact:`: what `SiteExtensionData.lookup` finds), or a link to another page (by
/// its Markdown path, or by its output URL). A cached render is reused only if
/// every lookup still finds the same thing, so adding, removing or moving a link target re-renders exactly the
/// pages that link to it.
package struct LinkDependency: Hashable, Sendable {
    package enum Kind: Int, Sendable { case code = 1, scheme = 2, page = 3, outputURL = 4 }
    package var kind: Kind
    /// The code, `scheme:rest` link, Markdown path or URL as written.
    package var key: String
    /// For `.outputURL`: the output path of the linking page (a relative URL means nothing without it).
    package var from: String
    /// A fingerprint of what the lookup found, only ever compared for equality.
    package var found: String

    package init(kind: Kind, key: String, from: String = "", found: String) {
        self.kind = kind
        self.key = key
        self.from = from
        self.found = found
    }

    /// Resolves `key` in `site` now.
    package init(_ kind: Kind, _ key: String, from: String = "", in site: SiteModel) {
        self.init(kind: kind, key: key, from: from, found: LinkDependency.resolve(kind, key, from: from, in: site))
    }

    /// What the lookup finds: the target's output path and display path (both appear in the page or its
    /// messages), or "" when there is none.
    static func resolve(_ kind: Kind, _ key: String, from: String, in site: SiteModel) -> String {
        func describe(_ i: Int?) -> String {
            guard let i else { return "" }
            return site.pages[i].outputPath + "\n" + site.pages[i].displayPath
        }
        switch kind {
        case .code:
            return describe(site.byCode[key])
        case .scheme:
            return site.siteExtensionData?.lookup(key, in: site) ?? ""
        case .page:
            guard let p = site.page(atPath: key) else { return "" }
            return p.outputPath + "\n" + p.displayPath
        case .outputURL:
            guard let p = site.page(atOutputURL: key, from: from) else { return "" }
            return p.outputPath + "\n" + p.displayPath
        }
    }

    /// Everything a lookup can see: each page's source path, output path, display path and code, the sources
    /// page, and what the site extension's lookups see.
    package static func universe(of site: SiteModel) -> Digest {
        var h = ContentHasher()
        for p in site.pages {
            h.add(p.relativePath)
            h.add(p.outputPath)
            h.add(p.displayPath)
            h.add(p.meta.code ?? "\u{0}")
        }
        h.add(site.sourcesPage ?? -1)
        site.siteExtensionData?.addLookupUniverse(of: site, to: &h)
        return h.finish()
    }

    /// Whether the lookup still finds the same thing.
    package func holds(in site: SiteModel) -> Bool { LinkDependency.resolve(kind, key, from: from, in: site) == found }
}
