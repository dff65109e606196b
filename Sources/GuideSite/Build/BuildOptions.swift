/// Where a build reads and writes, and which directives it knows.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    public var outputDirectory: String
    public var directives: DirectiveRegistry
    /// Replace an existing, non-empty output folder that ctsguide did not write (it lacks the marker file).
    public var force: Bool

    public init(
        contentDirectory: String = "Content", templatesDirectory: String = "Templates",
        outputDirectory: String = "Public", directives: DirectiveRegistry = .standard, force: Bool = false
    ) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.directives = directives
        self.force = force
    }
}

/// One file of the generated site: its path relative to the output folder and its bytes.
public struct OutputFile: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
    public init(path: String, text: String) { self.init(path: path, bytes: Array(text.utf8)) }
}

/// A generated site: for `SiteBuilder.generate`, every file sorted by path (for `build`, which writes them as it
/// goes, `files` is empty); the run's warnings and stage timings.
public struct GeneratedSite: Sendable {
    public var files: [OutputFile]
    public var pageCount: Int
    public var warnings: [Diagnostic]
    public var fileCount: Int = 0
    public var timings = BuildTimings()
}
