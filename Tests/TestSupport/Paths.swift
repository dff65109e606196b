import Foundation

/// Where the tests find the package's own folders and the shared reference files, from the package root
/// (located by this file's path, so no test target needs bundled resources).
public enum Paths {
    /// The package root: the folder holding Package.swift.
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    /// The real guide's content and templates.
    public static let content = packageRoot + "/Content"
    public static let templates = packageRoot + "/Templates"
    public static let sources = packageRoot + "/Sources"
    /// The fixture files every test target shares (they stay under GuideSiteTests: scripts use that path too).
    public static let fixtures = packageRoot + "/Tests/GuideSiteTests/Fixtures"
    /// The real CMS files and excerpts the tests read, kept in the repository byte for byte (SHA256SUMS beside
    /// them), so a clone with nothing beside it runs every test.
    public static let sharedData = packageRoot + "/Tests/Fixtures/reference-data"
    public static let cms2026 = sharedData + "/cms-2026"
}
