import Foundation
import Testing
import TestSupport

/// The test targets as a contract (docs/architecture.md, "Targets"): each test target imports exactly the modules
/// Package.swift lists for it, so its dependency list documents what it tests; TestSupport imports no module of
/// the guide.
@Suite struct TestTargetTests {
    static let system: Set<String> = ["Foundation", "Dispatch", "Glibc", "Testing"]

    /// Every module imported (plainly or `@testable`) by a Swift file directly in `Tests/<folder>`.
    static func imports(of folder: String) throws -> Set<String> {
        let dir = Paths.packageRoot + "/Tests/" + folder
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty, "no Swift files in \(dir)")
        var out: Set<String> = []
        for file in files {
            for line in try String(contentsOfFile: dir + "/" + file, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ")
                if words.count == 2, words[0] == "import" { out.insert(String(words[1])) }
                if words.count == 3, words[0] == "@testable", words[1] == "import" { out.insert(String(words[2])) }
            }
        }
        return out.subtracting(system)
    }

    /// Each `.testTarget` of Package.swift: its name and the targets it depends on (products left out).
    static func testTargets() throws -> [String: Set<String>] {
        let manifest = try String(contentsOfFile: Paths.packageRoot + "/Package.swift", encoding: .utf8)
        var out: [String: Set<String>] = [:]
        for chunk in manifest.components(separatedBy: ".testTarget(").dropFirst() {
            let declaration = chunk.components(separatedBy: "\n        .").first ?? chunk
            let quoted = declaration.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            guard let name = quoted.first, let deps = declaration.range(of: "dependencies: [") else { continue }
            let list = declaration[deps.upperBound...].prefix { $0 != "]" }
            let products = list.components(separatedBy: ".product(").dropFirst().count
            #expect(products == 0 || name == "GuideSiteTests", "\(name) depends on a package product")
            out[name] = Set(list.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) })
        }
        return out
    }

    @Test func eachTestTargetImportsExactlyWhatItDependsOn() throws {
        let targets = try Self.testTargets()
        #expect(targets.count >= 10 && targets["GuideCalcTests"] != nil && targets["GuideSiteTests"] != nil)
        for (name, deps) in targets.sorted(by: { $0.key < $1.key }) {
            let used = try Self.imports(of: name)
            #expect(used == deps, "\(name): imports \(used.sorted()), Package.swift lists \(deps.sorted())")
        }
    }

    @Test func testSupportNeedsNoModuleOfTheGuide() throws {
        #expect(try Self.imports(of: "TestSupport").isEmpty)
    }
}
