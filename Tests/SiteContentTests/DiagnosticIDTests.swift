import Foundation
import Testing
import TestSupport

/// Every diagnostic's id is named at its call site (the first argument of `error(`, `warning(`,
/// `DirectiveError(`, `WriteError(`, `Diagnostic(`): `area.what` in lower-case kebab words. A literal id is written at one call
/// site only; a check reported from several places uses a shared constant of `DiagnosticIDs.swift`.
@Suite struct DiagnosticIDTests {
    struct Scan {
        var literals: [(id: String, at: String)] = []
        var constants: [(id: String, at: String)] = []
    }

    static func scan(_ files: [(path: String, text: String)]) -> Scan {
        let call = try! NSRegularExpression(pattern: #"\b(?:error|warning|DirectiveError|WriteError|Diagnostic|fail)\(\s*"([^"\\]*)""#)
        let constant = try! NSRegularExpression(pattern: #"static let \w+: DiagnosticID = "([^"\\]*)""#)
        var out = Scan()
        for (path, text) in files {
            let ns = text as NSString
            for (regex, isConstant) in [(call, false), (constant, true)] {
                for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                    let line = ns.substring(to: m.range.location).filter { $0 == "\n" }.count + 1
                    let found = (id: ns.substring(with: m.range(at: 1)), at: "\(path):\(line)")
                    if isConstant { out.constants.append(found) } else { out.literals.append(found) }
                }
            }
        }
        return out
    }

    /// Every problem with the ids of `scan`: a badly formed id, a literal written at two call sites, a literal
    /// that repeats a shared constant, two constants with one value.
    static func problems(_ s: Scan) -> [String] {
        let wellFormed = try! Regex(#"^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$"#)
        var out: [String] = []
        for f in s.literals + s.constants where (try? wellFormed.wholeMatch(in: f.id)) == nil {
            out.append("\(f.at): '\(f.id)' is not area.what in lower-case kebab words")
        }
        let constantIDs = Set(s.constants.map(\.id))
        for (id, sites) in Dictionary(grouping: s.literals, by: \.id) {
            if sites.count > 1 { out.append("'\(id)' is written at \(sites.map(\.at)); use one shared constant") }
            if constantIDs.contains(id) { out.append("\(sites[0].at): '\(id)' is a shared constant; use it") }
        }
        for (id, sites) in Dictionary(grouping: s.constants, by: \.id) where sites.count > 1 {
            out.append("'\(id)' is the value of two constants: \(sites.map(\.at))")
        }
        return out.sorted()
    }

    static let sources: [(path: String, text: String)] = {
        let root = Paths.sources
        let files = FileManager.default.enumerator(atPath: root)!.compactMap { $0 as? String }
        return files.filter { $0.hasSuffix(".swift") }.sorted().map { ($0, try! String(contentsOfFile: root + "/" + $0, encoding: .utf8)) }
    }()

    @Test func everyIdInSourcesIsWellFormedAndNamesOneCheck() {
        let s = Self.scan(Self.sources)
        #expect(s.literals.count > 200 && s.constants.count > 20, "the scan found \(s.literals.count) call sites")
        #expect(Self.problems(s) == [])
        #expect(!Self.sources.contains { $0.text.contains("#fileID") })
    }

    @Test func theScanFindsAPlantedBadIdAndASharedLiteral() {
        let planted = """
            diagnostics.error("Fees.Overlap", at, "x")
            node.error("codes.duplicate-code", "duplicate code")
            throw DirectiveError("codes.duplicate-code", "again")
            diags.error(
                "link.broken", at, "y")
            public static let brokenLink: DiagnosticID = "link.broken"
            """
        #expect(Self.problems(Self.scan([("Planted.swift", planted)])) == [
            "'codes.duplicate-code' is written at [\"Planted.swift:2\", \"Planted.swift:3\"]; use one shared constant",
            "Planted.swift:1: 'Fees.Overlap' is not area.what in lower-case kebab words",
            "Planted.swift:4: 'link.broken' is a shared constant; use it",
        ])
    }
}
