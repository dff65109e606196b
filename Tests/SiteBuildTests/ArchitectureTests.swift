import Foundation
import Testing

/// The target graph as a contract: each module imports only what its job needs (README, "Layout of the code").
@Suite struct ArchitectureTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path + "/Sources"

    /// Every module imported by any Swift file of `target`.
    func imports(of target: String) throws -> Set<String> {
        let dir = Self.sources + "/" + target
        let files = (FileManager.default.subpaths(atPath: dir) ?? []).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty, "no Swift files in \(dir)")
        var out: Set<String> = []
        for rel in files {
            for line in try String(contentsOfFile: dir + "/" + rel, encoding: .utf8).split(separator: "\n")
            where line.hasPrefix("import ") {
                out.insert(String(line.dropFirst("import ".count)).trimmingCharacters(in: .whitespaces))
            }
        }
        return out
    }

    static let system: Set<String> = ["Foundation", "Dispatch", "Glibc"]

    @Test(arguments: [
        ("CodingRules", Set<String>()),
        ("RulesText", ["CodingRules"]),
        ("SiteContent", ["CodingRules", "Yams"]),
        ("GuideCalc", ["CodingRules", "RulesText", "SiteContent"]),
        ("GuideCompute", ["CodingRules", "RulesText", "SiteContent", "GuideCalc"]),
        ("SiteOutput", ["SiteContent"]),
        ("FeeImport", ["CodingRules", "SiteContent"]),
        ("SiteRender", ["CCmark", "Mustache", "CodingRules", "RulesText", "SiteContent", "GuideCalc", "GuideCompute"]),
    ] as [(String, Set<String>)])
    func moduleImportsOnlyWhatItsJobNeeds(target: String, allowed: Set<String>) throws {
        let extra = try imports(of: target).subtracting(allowed).subtracting(Self.system)
        #expect(extra.isEmpty, "\(target) imports \(extra.sorted())")
    }

    @Test func onlyTheMarkdownFilesTalkToCmark() throws {
        let dir = Self.sources
        var users: [String] = []
        for rel in FileManager.default.subpaths(atPath: dir) ?? [] where rel.hasSuffix(".swift") {
            if try String(contentsOfFile: dir + "/" + rel, encoding: .utf8).contains("import CCmark") { users.append(rel) }
        }
        #expect(users.sorted() == ["SiteRender/Markdown/CMark+Depth.swift", "SiteRender/Markdown/CMark.swift"])
    }

    @Test func noSourceFileIsOver300Lines() throws {
        let dir = Self.sources
        var long: [String] = []
        var count = 0
        for rel in FileManager.default.subpaths(atPath: dir) ?? [] where rel.hasSuffix(".swift") {
            count += 1
            let text = try String(contentsOfFile: dir + "/" + rel, encoding: .utf8)
            let lines = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } + (text.hasSuffix("\n") ? 0 : 1)
            if lines > 300 { long.append("\(rel) (\(lines))") }
        }
        #expect(count > 100)
        #expect(long.isEmpty, "over 300 lines: \(long)")
    }
}
