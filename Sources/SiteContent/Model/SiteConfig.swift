import CalendarDates
import Foundation

/// `Content/site.yaml`: what the whole site shares.
public struct SiteConfig: Sendable {
    public var title: String
    /// The date of service the site presents as current. Builds never read the clock.
    public var asOf: CalendarDate
    public var description: String
    public var language: String
    /// Footer lines (plain text; shown in order).
    public var footer: [String]
    public var location: SourceLocation
    /// False for a plain site without `site.yaml`: pages then show no "as of" line.
    public var hasAsOf: Bool = true
    /// `logo:` an image below the content folder (its path there), shown in the header with the title as its
    /// text; checked against the content's images by `LoadStage.readBranding`.
    public var logo: String?
    /// `base_url:` where the site is published (`https://…/`, ending in '/'): then `sitemap.xml`, canonical
    /// links and absolute printed link addresses are written. Links in pages stay relative.
    public var baseURL: String?
    /// `stylesheet:` a CSS file below the content folder, published and linked after the site's own stylesheet.
    public var stylesheet: String?
    /// `as_of_banner:` whether pages show the as-of line unless their front matter says otherwise (default true).
    public var asOfBanner = true
    /// Where `logo`, `stylesheet` and `as_of` were written (their values), for messages.
    public var fieldLocations: [String: SourceLocation] = [:]
    /// `search_synonyms:` — words a reader may type for the words the pages use (`video: [telehealth]`); the
    /// search adds them to the query. In the file's order, lower-cased.
    public var searchSynonyms: [SearchSynonym] = []

    /// Reads `<contentDirectory>/site.yaml` (the one loader `build`, `check` and `calc` share).
    package static func load(contentDirectory: String) -> StageResult<SiteConfig> {
        var diags = Diagnostics()
        let file = contentDirectory + "/site.yaml"
        // (Read only when the file exists or the content has data/, which needs its as_of date.)
        if (try? FileManager.default.attributesOfItem(atPath: file)) == nil {
            diags.error("site.missing-settings", SourceLocation(file: file),
                "the file is missing; a guide with a data/ folder needs its settings (title, as_of, description)")
            return StageResult(nil, diags.items)
        }
        guard let text = ContentLoader.readText(file, display: file, tree: SourceTree(root: contentDirectory), diagnostics: &diags)
        else { return StageResult(nil, diags.items) }
        let ctx = YAMLContext(file: file)
        let config = read(text, context: ctx)
        diags.append(contentsOf: ctx.diagnostics.items)
        return StageResult(diags.hasErrors ? nil : config, diags.items)
    }

    /// A BCP 47 language tag as `lang` takes it: a primary subtag of 2–8 letters, then subtags of 1–8 letters or
    /// digits, joined by '-' (`en`, `en-US`, `es-419`, `zh-Hant-TW`).
    static func isLanguageTag(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// Reads `site.yaml`; problems go to `context`.
    package static func read(_ text: String, context: YAMLContext) -> SiteConfig? {
        guard let root = context.parse(text), let map = root.mapping("the site settings") else { return nil }
        let title = map.string("title", required: true)
        let asOfText = map.string("as_of", required: true)
        let description = map.string("description") ?? ""
        let language = map.string("language") ?? "en"
        let footer = map.stringList("footer", distinct: true) ?? []
        var locations: [String: SourceLocation] = [:]
        let logo = contentPath(map, "logo", what: "an image", locations: &locations)
        let stylesheet = contentPath(map, "stylesheet", what: "a CSS file", locations: &locations)
        if let css = stylesheet, !css.lowercased().hasSuffix(".css"), let n = map.node("stylesheet") {
            n.error("site.stylesheet-not-css", "'stylesheet' must name a .css file, found '\(css)'")
        }
        let baseURL = map.node("base_url").flatMap(readBaseURL)
        let asOfBanner = map.bool("as_of_banner") ?? true
        let synonyms = SearchSynonym.read(map)
        map.finish("site.yaml")
        if let title, title.allSatisfy(\.isWhitespace), let n = map.node("title") {
            n.error("site.empty-title", "'title' must not be empty: it names the site on every page")
        }
        if !isLanguageTag(language), let n = map.node("language") {
            n.error("site.bad-language",
                "'language' must be a language tag such as en or en-US (it is the pages' lang attribute), found '\(language)'")
        }
        var asOf: CalendarDate?
        if let n = map.node("as_of") { locations["as_of"] = n.location }
        if let asOfText {
            asOf = CalendarDate(parsing: asOfText)
            if asOf == nil, let n = map.node("as_of") {
                n.error(.invalidDate, "'as_of' must be a date written YYYY-MM-DD, found '\(asOfText)'")
            }
        }
        guard let title, let asOf else { return nil }
        var config = SiteConfig(
            title: title, asOf: asOf, description: description, language: language, footer: footer,
            location: root.location)
        config.logo = logo
        config.stylesheet = stylesheet
        config.baseURL = baseURL
        config.asOfBanner = asOfBanner
        config.fieldLocations = locations
        config.searchSynonyms = synonyms
        return config
    }

    /// A path below the content folder (`images/logo.svg`), normalized; an error at the value when it is absolute,
    /// climbs out, or points into `data/`.
    static func contentPath(
        _ map: MappingReader, _ key: String, what: String, locations: inout [String: SourceLocation]
    ) -> String? {
        guard let node = map.node(key), let text = node.string("the path of \(what) for '\(key)'") else { return nil }
        locations[key] = node.location
        let path = text.hasPrefix("/") || text.contains("\\") ? nil : resolveRelative(text, from: "site.yaml")
        guard let path, !path.isEmpty, path != "data", !path.hasPrefix("data/") else {
            node.error("site.path-outside-content",
                "'\(key)' must be \(what) inside the content folder, found '\(text)'",
                hint: "write its path relative to site.yaml, such as 'images/logo.svg'")
            return nil
        }
        return path
    }

    /// `https://example.org/guide/` (http or https, a host, no query or fragment), with a '/' added at the end.
    static func readBaseURL(_ node: YAMLNode) -> String? {
        guard let text = node.string("an address for 'base_url'") else { return nil }
        let lower = text.lowercased()
        let rest = lower.hasPrefix("https://") ? text.dropFirst(8) : lower.hasPrefix("http://") ? text.dropFirst(7) : nil
        // (No user name or password before the host: the address is printed on every page and in the sitemap.)
        // (A port is 1 to 65535; a '%' starts two hex digits: else the sitemap and canonical links are not addresses.)
        let u = Array(text.utf8), hex = { (i: Int) in i < u.count && Character(UnicodeScalar(u[i])).isHexDigit }
        // (No empty folder name ('//'), and a host in ASCII (an international name in its 'xn--' form).)
        guard let rest, let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty,
            !host.contains("@"), !rest.contains("//"), host.allSatisfy(\.isASCII), host.lastIndex(of: ":").map({ host[$0...].contains("]") || (UInt16(host[$0...].dropFirst()) ?? 0) > 0 }) ?? true,
            u.indices.allSatisfy({ u[$0] != UInt8(ascii: "%") || (hex($0 + 1) && hex($0 + 2)) }),
            !text.contains(where: { $0 == "?" || $0 == "#" || $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\" || $0.asciiValue.map { $0 < 0x20 } ?? false })
        else {
            node.error("site.bad-base-url",
                "'base_url' must be the site's published address, such as 'https://intranet.example.org/guide/', found '\(text)'",
                hint: "http or https, the host (an international name in its 'xn--' form), then the folder the site is served from")
            return nil
        }
        // A folder name in another script is written as a URL writes it (`guía` → `gu%C3%ADa`).
        let written = text.utf8.map { $0 < 0x80 ? String(UnicodeScalar($0)) : "%" + String($0, radix: 16, uppercase: true) }.joined()
        return written.hasSuffix("/") ? written : written + "/"
    }

    package init(title: String, asOf: CalendarDate, description: String, language: String, footer: [String], location: SourceLocation, hasAsOf: Bool = true) {
        self.title = title
        self.asOf = asOf
        self.description = description
        self.language = language
        self.footer = footer
        self.location = location
        self.hasAsOf = hasAsOf
    }
}

/// One entry of `search_synonyms:`: a word and the words it stands for.
public struct SearchSynonym: Sendable, Hashable {
    public var word: String
    public var means: [String]

    /// `search_synonyms:` of the site settings: a mapping of a word to a list of words.
    static func read(_ map: MappingReader) -> [SearchSynonym] {
        guard let m = map.mapping("search_synonyms") else { return [] }
        var out: [SearchSynonym] = []
        var keyOf: [String: String] = [:]
        for key in m.keys {
            guard let list = m.stringList(key) else { continue }
            let word = key.lowercased()
            if word.isEmpty || word.contains(" ") {
                m.node(key)?.error("site.synonym-not-one-word", "a search synonym is one word, found '\(key)'")
                continue
            }
            // Words are matched lower-cased: 'Video' and 'video' would be one word, the second silently winning.
            if let earlier = keyOf[word] {
                m.node(key)?.error("site.synonym-twice", "search synonym '\(key)' is given twice ('\(earlier)' above; words are matched in lower case)")
                continue
            }
            keyOf[word] = key
            out.append(SearchSynonym(word: word, means: list.map { $0.lowercased() }.filter { !$0.isEmpty }))
        }
        return out
    }
}
