import Foundation

/// The small fixture site (Tests/GuideSiteTests/Fixtures/site) in temporary folders, and output snapshots.
/// `Fixture.options(_:output:)` (build options) is declared beside the tests that build, so this target needs
/// no module of the guide.
public enum Fixture {
    public static let packageRoot = Paths.packageRoot
    public static let site = Paths.fixtures + "/site"
    public static let expected = Paths.fixtures + "/expected"

    /// A fresh copy of the fixture site in a new temporary folder; returns that folder.
    public static func copy() throws -> String {
        let dir = NSTemporaryDirectory() + "ctsguide-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: site + "/Content", toPath: dir + "/Content")
        try FileManager.default.copyItem(atPath: site + "/Templates", toPath: dir + "/Templates")
        return dir
    }

    /// Every file below `dir` with its bytes, by relative path.
    public static func snapshot(_ dir: String) -> [String: Data] {
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

    /// Replaces every `old` with `new` in `file`; throws if `old` is not there (the test would check nothing).
    public static func replace(in file: String, _ old: String, with new: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        guard text.contains(old) else { throw NotFound(text: old, file: file) }
        try text.replacingOccurrences(of: old, with: new).write(toFile: file, atomically: true, encoding: .utf8)
    }

    public struct NotFound: Error, CustomStringConvertible {
        public let text: String, file: String
        public var description: String { "fixture text to replace not found in \(file): \(text)" }
    }

    public static func write(_ text: String, to file: String) throws {
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }
}
