import SiteBuild
import TestSupport
import GuideSite

extension Fixture {
    /// Build options for a copy of the fixture site made by `Fixture.copy()`.
    static func options(_ dir: String, output: String? = nil) -> BuildOptions {
        BuildOptions(
            contentDirectory: dir + "/Content", templatesDirectory: dir + "/Templates",
            outputDirectory: output ?? dir + "/Public", siteExtension: Guide.extension)
    }
}
