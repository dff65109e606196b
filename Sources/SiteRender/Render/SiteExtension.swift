import SiteContent

/// What a kind of site (the guide) plugs into the engine: registered once in `BuildOptions.siteExtension`.
/// A content folder without its data is a plain site: no extension data, and a directive that needs it is an
/// error at its line.
package protocol SiteExtension: Sendable {
    /// Its directives (a plain site may use those that say `needsExtensionData: false`).
    var directives: [any Directive] { get }
    /// The link schemes its data resolves (`source`, `fact`), lower case, without the colon.
    var linkSchemes: [String] { get }
    /// Whether the content folder holds its data (then `site.yaml` is required too).
    func hasData(contentDirectory: String) -> Bool
    /// Reads and checks that data, with diagnostics at `path:line:col`; no output when it has an error.
    func load(contentDirectory: String) -> StageResult<any SiteExtensionData>
}

/// The data a `SiteExtension` loaded for one build (`SiteModel.extensionData`), and what it adds from it.
package protocol SiteExtensionData: Sendable {
    /// The codes a page's `code` may name.
    var knownCodes: [String] { get }
    /// The target of a link `scheme:rest` (a scheme of `SiteExtension.linkSchemes`; `rest` without its fragment) on
    /// the page `rewriter` shapes; nil after reporting why there is none.
    func link(
        scheme: String, _ rest: String, url: String, title: String, at: SourceLocation, in rewriter: inout PageRewriter
    ) -> MarkdownLinkTarget?
    /// Checks of site.yaml against the extension's data (e.g. that its data covers `as_of`), before any page is
    /// rendered.
    func check(config: SiteConfig, diagnostics: inout Diagnostics)
    /// Checks that need every page rendered (e.g. statements and the sources they cite).
    func check(site: SiteModel, rendered: [RenderedPage], diagnostics: inout Diagnostics)
    /// The files it computes from its data, in output order, each with the directives whose pages load it.
    func computedFiles(site: SiteModel) -> [ComputedFiles]
    /// The value of the layouts' `feePeriod` field.
    func feePeriod(site: SiteModel) -> String
}

/// Files an extension computes, written only when a page used one of the directives that want them.
package struct ComputedFiles: Sendable {
    package var name: String
    package var wantedBy: Set<String>
    package var make: @Sendable () -> [OutputFile]

    package init(_ name: String, wantedBy: Set<String>, make: @escaping @Sendable () -> [OutputFile]) {
        self.name = name
        self.wantedBy = wantedBy
        self.make = make
    }
}

extension SiteExtensionData {
    package func check(config: SiteConfig, diagnostics: inout Diagnostics) {}
}

extension SiteModel {
    /// The extension's data, when the site has it.
    package var siteExtensionData: (any SiteExtensionData)? { extensionData as? any SiteExtensionData }
}
