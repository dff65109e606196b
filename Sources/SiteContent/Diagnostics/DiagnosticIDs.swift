/// The named kinds of problem (the rest are named after the check's file, see `DiagnosticID(fileID:)`).
extension DiagnosticID {
    /// A link to a page, output folder, code or source that does not exist.
    public static let brokenLink = DiagnosticID("link.broken")
    /// A `#fragment` that names no heading or id on its target page.
    public static let brokenAnchor = DiagnosticID("link.broken-anchor")
    /// A fenced block whose info string names no directive and no known code language.
    public static let unknownDirective = DiagnosticID("directive.unknown")
    /// A statement resting on a graded fact without its marker, or citing only secondary sources and no fact.
    public static let unmarkedSecondary = DiagnosticID("certainty.unmarked-secondary")
    /// A source of `sources.yaml` no page cites (a warning).
    public static let uncitedSource = DiagnosticID("source.uncited")
    /// Two outputs of the build with the same path.
    public static let duplicateOutput = DiagnosticID("output.duplicate-path")
    /// A content folder without `_index.md` or `index.md`.
    public static let noHomePage = DiagnosticID("site.no-home-page")
    /// Hugo or Zola template syntax (`{{< ref … >}}`, `{{% … %}}`, `{{ … }}`) in a page's text (a warning).
    public static let foreignShortcode = DiagnosticID("markdown.foreign-shortcode")
    /// An image a page shows that is remote, missing, unreadable or without alt text.
    public static let badImage = DiagnosticID("image.invalid")
    /// A page whose layout has no template.
    public static let missingLayout = DiagnosticID("template.missing-layout")
    /// The output or cache folder is, contains or lies inside the content or templates folder (or each other).
    public static let folderOverlap = DiagnosticID("folders.overlap")
    /// A folder or file below the content or templates folder that cannot be read or named.
    public static let unreadableInput = DiagnosticID("input.unreadable")
    /// A NUL or other control character in a YAML value (front matter, site.yaml, data files).
    public static let controlCharacter = DiagnosticID("text.control-character")
}
