import Foundation
import Testing
@testable import SiteBuild
import TestSupport

/// The output and cache folders never overlap the content and templates folders (`FolderOverlap`).
@Suite struct FolderOverlapTests {
    func messages(_ options: BuildOptions, output: Bool = true) -> [String] {
        FolderOverlap.problems(options, writesOutput: output).map { "\($0.location.file): \($0.message)" }
    }

    @Test func overlapsOnRealPaths() throws {
        let dir = FileManager.default.temporaryDirectory.path + "/overlap-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/site/Content/data", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/site/Templates", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/alias", withDestinationPath: dir + "/site/Content")
        let c = dir + "/site/Content", t = dir + "/site/Templates"
        func opts(_ out: String, cache: String? = nil) -> BuildOptions {
            BuildOptions(contentDirectory: c, templatesDirectory: t, outputDirectory: out, force: true, cacheDirectory: cache)
        }
        #expect(messages(opts(dir + "/site/Public")) == [])
        #expect(messages(opts(dir + "/site/Content2")) == [])
        #expect(messages(opts(c)) == ["\(c): the output folder is the content folder (\(c)); the build would replace it"])
        #expect(messages(opts(dir + "/alias/new/deeper")).count == 1)
        #expect(messages(opts(dir + "/nothere/../site/Templates")).first?.contains("is the templates folder") == true)
        #expect(messages(opts(dir + "/site")).count == 2)  // contains both inputs
        #expect(messages(opts(dir + "/site/Public", cache: c + "/data")).first?.contains("the cache folder lies inside the content folder") == true)
        #expect(messages(opts(dir + "/site/Public", cache: dir + "/site/Public/cache")).count == 1)
        // `serve` writes only the cache.
        #expect(messages(opts(c, cache: dir + "/cache"), output: false) == [])
        #expect(FolderOverlap.resolved(dir + "/alias/x/../y") == FolderOverlap.resolved(c + "/y"))
    }
}
