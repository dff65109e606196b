import Foundation
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

/// Helpers shared by the DataLoader and Calc tests: the package root and throw-away copies of Content/data.
enum DataTestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let content = packageRoot + "/Content"

    /// Copies Content/data into a new temporary content directory (no site.yaml) and returns its path.
    static func copyOfContent() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ctsguide-data-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: content + "/data", toPath: dir + "/data")
        return dir
    }

    /// Replaces the first occurrence of `old` with `new` in a file of a copied content directory.
    static func edit(_ dir: String, _ file: String, _ old: String, _ new: String) throws {
        let path = dir + "/data/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let r = text.range(of: old) else { throw CocoaError(.fileReadUnknown) }
        try text.replacingCharacters(in: r, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Line number (1-based) of the first line containing `needle` in a file.
    static func line(of needle: String, in path: String) throws -> Int {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
    }
}
