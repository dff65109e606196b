/// The not-found page (`404.html`). It is written at the site's root with links relative to the root, like every
/// page; a server returns it for a missing address at any depth (`/a/b/c/`), where those links would not
/// resolve, so the server rebases it for the address it answers (`ctsguide serve` does: `rebase(_:prefix:)` with
/// one `../` per folder of the address). Never listed among a folder's pages or in search.
package enum NotFoundPage {
    package static let outputPath = "404.html"

    /// `prefix` before every relative `href`, `src` and `data-root` value (fragments, root-absolute addresses and
    /// addresses with a scheme are kept).
    package static func rebase(_ html: String, prefix: String) -> String {
        guard !prefix.isEmpty else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + 1024)
        var rest = Substring(html)
        while let r = nextAttribute(in: rest) {
            out += rest[..<r.upperBound]
            rest = rest[r.upperBound...]
            let value = rest.prefix { $0 != "\"" }
            if isRelative(value) || (value.isEmpty && out.hasSuffix(" data-root=\"")) { out += prefix }
        }
        out += rest
        return out
    }

    /// The `../` prefix for a request path: one per folder the browser resolves relative links from
    /// (`/a/b/c/` → `../../../`, `/a/x.html` → `../`, `/x` → ``).
    package static func prefix(forRequestPath path: String) -> String {
        let folders = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().dropLast()
        return String(repeating: "../", count: folders.count)
    }

    /// The first ` href="`, ` src="` or ` data-root="` in `text`.
    static func nextAttribute(in text: Substring) -> Range<Substring.Index>? {
        [" href=\"", " src=\"", " data-root=\""].compactMap { text.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
    }

    static func isRelative(_ url: Substring) -> Bool {
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("/") { return false }
        let beforePath = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !beforePath.contains(":")
    }
}
