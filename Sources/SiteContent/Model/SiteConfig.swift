import CodingRules

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
    /// `search_synonyms:` — words a reader may type for the words the pages use (`video: [telehealth]`); the
    /// search adds them to the query. In the file's order, lower-cased.
    public var searchSynonyms: [SearchSynonym] = []

    /// Reads `<contentDirectory>/site.yaml` (the one loader `build`, `check` and `calc` share).
    package static func load(contentDirectory: String) -> StageResult<SiteConfig> {
        var diags = Diagnostics()
        let file = contentDirectory + "/site.yaml"
        guard let text = ContentLoader.readText(file, display: file, tree: SourceTree(root: contentDirectory), diagnostics: &diags)
        else { return StageResult(nil, diags.items) }
        let ctx = YAMLContext(file: file)
        let config = read(text, context: ctx)
        diags.append(contentsOf: ctx.diagnostics.items)
        return StageResult(diags.hasErrors ? nil : config, diags.items)
    }

    /// Reads `site.yaml`; problems go to `context`.
    package static func read(_ text: String, context: YAMLContext) -> SiteConfig? {
        guard let root = context.parse(text), let map = root.mapping("the site settings") else { return nil }
        let title = map.string("title", required: true)
        let asOfText = map.string("as_of", required: true)
        let description = map.string("description") ?? ""
        let language = map.string("language") ?? "en"
        let footer = map.stringList("footer") ?? []
        let synonyms = SearchSynonym.read(map)
        map.finish("site.yaml")
        var asOf: CalendarDate?
        if let asOfText {
            asOf = CalendarDate(parsing: asOfText)
            if asOf == nil, let n = map.node("as_of") {
                n.error("'as_of' must be a date written YYYY-MM-DD, found '\(asOfText)'")
            }
        }
        guard let title, let asOf else { return nil }
        var config = SiteConfig(
            title: title, asOf: asOf, description: description, language: language, footer: footer,
            location: root.location)
        config.searchSynonyms = synonyms
        return config
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

    public init(word: String, means: [String]) {
        self.word = word
        self.means = means
    }

    /// `search_synonyms:` of the site settings: a mapping of a word to a list of words.
    static func read(_ map: MappingReader) -> [SearchSynonym] {
        guard let m = map.mapping("search_synonyms") else { return [] }
        var out: [SearchSynonym] = []
        for key in m.keys {
            guard let list = m.stringList(key) else { continue }
            let word = key.lowercased()
            if word.isEmpty || word.contains(" ") {
                m.node(key)?.error("a search synonym is one word, found '\(key)'")
                continue
            }
            out.append(SearchSynonym(word: word, means: list.map { $0.lowercased() }.filter { !$0.isEmpty }))
        }
        return out
    }
}
