import SiteContent
import Foundation

/// One thing a page's Markdown looked up while rendering, with what it found: a `code:` link, a `source:` link,
/// a `fact:` link (its grade, marker wording, sources and the pages they link to), or a link to another page (by its Markdown path, or by its output URL). A cached render is reused only if
/// every lookup still finds the same thing, so adding, removing or moving a link target re-renders exactly the
/// pages that link to it.
package struct LinkDependency: Hashable, Sendable {
    package enum Kind: Int, Sendable { case code = 1, source = 2, page = 3, outputURL = 4, fact = 5 }
    package var kind: Kind
    /// The code, source id, Markdown path or URL as written.
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
    init(_ kind: Kind, _ key: String, from: String = "", in site: SiteModel) {
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
        case .source:
            return (site.sourceList.contains(key) ? "known\n" : "unknown\n") + describe(site.sourcesPage)
        case .page:
            guard let p = site.page(atPath: key) else { return "" }
            return p.outputPath + "\n" + p.displayPath
        case .outputURL:
            guard let p = site.page(atOutputURL: key, from: from) else { return "" }
            return p.outputPath + "\n" + p.displayPath
        case .fact:
            let certainty = site.data.certainty
            guard let f = certainty.fact(key), let g = certainty.grade(of: f) else { return "" }
            let grades = certainty.gradesPage.flatMap(site.pageIndex(atPath:))
            return [g.id, g.badge, g.meaning, g.marked ? "1" : "0", f.sources.joined(separator: ","),
                f.sources.allSatisfy(site.sourceList.contains) ? "known" : "unknown",
                describe(site.sourcesPage), describe(grades)].joined(separator: "\n")
        }
    }

    /// Everything a lookup can see: each page's source path, output path, display path and code, the sources
    /// page, the source ids, and the graded facts with their grades.
    package static func universe(of site: SiteModel) -> Digest {
        var h = ContentHasher()
        for p in site.pages {
            h.add(p.relativePath)
            h.add(p.outputPath)
            h.add(p.displayPath)
            h.add(p.meta.code ?? "\u{0}")
        }
        h.add(site.sourcesPage ?? -1)
        for s in site.sourceList { h.add(s) }
        // `fact:` lookups: the graded facts, the grades' markers and the page explaining them.
        let certainty = site.data.certainty
        h.add(certainty.gradesPage ?? "\u{0}")
        for g in certainty.grades { h.add([g.id, g.badge, g.meaning, g.marked ? "1" : "0"].joined(separator: "\n")) }
        for f in certainty.facts { h.add([f.id, f.grade, f.sources.joined(separator: ",")].joined(separator: "\n")) }
        return h.finish()
    }

    /// Whether the lookup still finds the same thing.
    package func holds(in site: SiteModel) -> Bool { LinkDependency.resolve(kind, key, from: from, in: site) == found }
}
