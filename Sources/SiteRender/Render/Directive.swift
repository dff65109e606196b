import SiteContent

/// A generator named by a fenced code block's info string (```` ```fee-table 97550 ````): its block is replaced
/// by HTML computed from the pages and the site extension's data (the guide: `GuideSite/Directives/`).
public protocol Directive: Sendable {
    /// The info-string word that selects it.
    var name: String { get }
    /// The HTML for one use, built with `HTML`. `arguments` are the words after the name; `body` the block's content.
    func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput
    /// Whether it reads the extension's data (the guide's data/); a site without it may use only the others.
    var needsExtensionData: Bool { get }
    /// Whether it reads the text between its fences (`DirectiveUse.body`); text inside a block that does not
    /// is an error at its line, never dropped unseen.
    var readsBody: Bool { get }
}

extension Directive {
    public var needsExtensionData: Bool { true }
    public var readsBody: Bool { false }
}

public struct DirectiveUse: Sendable {
    public var name: String
    public var arguments: [String]
    public var body: String
    public var location: SourceLocation
    /// Where each argument is written (empty when not known: then at `location`).
    public var argumentLocations: [SourceLocation] = []

    /// Where argument `i` is written.
    public func location(ofArgument i: Int) -> SourceLocation {
        i < argumentLocations.count ? argumentLocations[i] : location
    }

    /// Checks every argument: each problem is an error at its argument, and all of them are reported, as a compiler
    /// would, not only the first.
    public func checkArguments(_ problem: (Int, String) -> DirectiveError?) throws(DirectiveError) {
        var found: [DirectiveError] = []
        for (i, argument) in arguments.enumerated() {
            guard var e = problem(i, argument) else { continue }
            e.location = location(ofArgument: i)
            found.append(e)
        }
        guard var first = found.first else { return }
        first.more = Array(found.dropFirst())
        throw first
    }
}

/// What one use of a directive produced, as structure: the HTML tree (its ids, text and statements are read
/// from the tree, see `HTML+Structure.swift`), the sources it cites and its diagnostics.
public struct DirectiveOutput: Sendable {
    public var body: HTML
    /// Source ids the HTML links to (counted as cited).
    public var citedSources: [String]
    /// Diagnostics about the use (e.g. a warning); errors make the build fail.
    public var diagnostics: [Diagnostic]

    public init(_ body: HTML, citedSources: [String] = [], diagnostics: [Diagnostic] = []) {
        self.body = body
        self.citedSources = citedSources
        self.diagnostics = diagnostics
    }

    /// The HTML text that takes the block's place.
    public var html: String { body.rendered }
    /// The ids of its elements, in document order (anchors other pages may link to).
    public var ids: [String] { body.ids }
    /// Its headings, with their ids and text.
    public var headings: [HTMLHeading] { body.headings }
    /// The text a reader sees in it (for the search index).
    public var text: String { body.plainText }
    /// Its paragraphs, list items and table rows with the sources each cites (for the certainty check).
    public var statements: [Statement] { body.statements }
}

/// Why a directive could not render: reported at the directive's line.
public struct DirectiveError: Error, Sendable {
    public var id: DiagnosticID
    public var message: String
    public var hint: String?
    /// A position inside another file (e.g. a bad scenario in examples.yaml), if the problem is there.
    public var location: SourceLocation?
    /// Further problems of the same use (`DirectiveUse.checkArguments`), each at its own place.
    public var more: [DirectiveError] = []
    public init(_ id: DiagnosticID, _ message: String, hint: String? = nil, at location: SourceLocation? = nil) {
        self.id = id
        self.message = message
        self.hint = hint
        self.location = location
    }
}

/// What a directive may read: the site, the page it is on, and URL helpers relative to that page.
public struct DirectiveContext: Sendable {
    public var site: SiteModel
    public var page: PageSource

    /// A relative URL from this page to an output file (`assets/x.js`, `codes/97550/index.html`).
    public func url(to outputPath: String) -> String { relativeURL(from: page.outputPath, to: outputPath) }

    /// A relative URL to the page of a code, if it has one.
    public func url(forCode code: String) -> String? {
        site.byCode[code].map { url(to: site.pages[$0].outputPath) }
    }

    /// A relative URL to a source's entry on the sources page, if there is one.
    public func url(forSource id: String) -> String? {
        site.sourcesPage.map { url(to: site.pages[$0].outputPath) + "#" + sourceAnchor(id) }
    }
}

/// The anchor id of a source's entry on the sources page.
public func sourceAnchor(_ id: String) -> String { "source-" + id }

/// The set of directives a build knows.
public struct DirectiveRegistry: Sendable {
    public let directives: [String: any Directive]
    /// The link schemes the site extension resolves (`source`, `fact`): without its data such a link is an error.
    public let linkSchemes: [String]
    public init(_ list: [any Directive] = [], linkSchemes: [String] = []) {
        directives = Dictionary(list.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        self.linkSchemes = linkSchemes
    }
    public subscript(name: String) -> (any Directive)? { directives[name] }
    public var names: [String] { directives.keys.sorted() }
}

/// Info strings that mean an ordinary code block, not a directive.
package let codeLanguages: Set<String> = [
    "text", "txt", "plain", "plaintext", "yaml", "yml", "json", "csv", "sh", "bash", "shell", "console", "swift",
    "python", "js", "javascript", "html", "css", "markdown", "md", "diff", "xml", "sql", "c",
]
