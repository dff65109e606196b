import Foundation
import Testing

@testable import CodingRules
@testable import SiteContent
@testable import GuideCalc
@testable import GuideCompute
@testable import SiteRender
@testable import SiteOutput
@testable import SiteBuild
@testable import FeeImport
@testable import Preview
@testable import FuzzEntries

/// Paths and helpers for the pipeline tests: fixture copies in temporary folders, output snapshots.
enum Fixture {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let site = packageRoot + "/Tests/GuideSiteTests/Fixtures/site"
    static let expected = packageRoot + "/Tests/GuideSiteTests/Fixtures/expected"

    /// A fresh copy of the fixture site in a new temporary folder; returns that folder.
    static func copy() throws -> String {
        let dir = NSTemporaryDirectory() + "ctsguide-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: site + "/Content", toPath: dir + "/Content")
        try FileManager.default.copyItem(atPath: site + "/Templates", toPath: dir + "/Templates")
        return dir
    }

    static func options(_ dir: String, output: String? = nil) -> BuildOptions {
        BuildOptions(
            contentDirectory: dir + "/Content", templatesDirectory: dir + "/Templates",
            outputDirectory: output ?? dir + "/Public")
    }

    /// Every file below `dir` with its bytes, by relative path.
    static func snapshot(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let e = FileManager.default.enumerator(atPath: dir) else { return out }
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = FileManager.default.contents(atPath: dir + "/" + rel)
            }
        }
        return out
    }

    static func replace(in file: String, _ old: String, with new: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains(old), "fixture text to replace not found in \(file)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: file, atomically: true, encoding: .utf8)
    }

    static func write(_ text: String, to file: String) throws {
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }
}
