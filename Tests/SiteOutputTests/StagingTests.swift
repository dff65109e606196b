import Foundation
import Testing
@testable import SiteContent
@testable import SiteOutput

/// The write stage's promise on its own: the output folder changes all at once or not at all.
@Suite struct StagingTests {
    func folder() -> String { NSTemporaryDirectory() + "staging-tests-" + UUID().uuidString }

    func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    @Test func commitReplacesTheWholeFolder() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out"
        try SiteWriter.write([OutputFile(path: "index.html", text: "one"), OutputFile(path: "old/index.html", text: "x")], to: out, force: false)
        let staging = try SiteWriter.Staging.open(output: out, force: false)
        try staging.write([OutputFile(path: "index.html", text: "two")])
        #expect(read(out + "/index.html") == "one")  // nothing visible before the swap
        try staging.commit()
        #expect(read(out + "/index.html") == "two")
        #expect(!FileManager.default.fileExists(atPath: out + "/old/index.html"))  // stale files go with the old folder
    }

    @Test func abandonLeavesTheOldFolderAsItWas() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out"
        try SiteWriter.write([OutputFile(path: "index.html", text: "one")], to: out, force: false)
        let staging = try SiteWriter.Staging.open(output: out, force: false)
        try staging.write([OutputFile(path: "index.html", text: "two")])
        staging.abandon()
        #expect(read(out + "/index.html") == "one")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(left == ["out"])
    }

    @Test func aFolderCtsguideDidNotWriteIsKeptWithoutForce() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "mine".write(toFile: out + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: WriteError.self) { try SiteWriter.Staging.open(output: out, force: false) }
        #expect(read(out + "/notes.txt") == "mine")
    }
}
