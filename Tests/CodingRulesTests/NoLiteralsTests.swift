import Foundation
import Testing

/// CodingRules and RulesText must hold no code number, dollar amount, conversion factor or date: those are data.
@Suite struct NoLiteralsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let patterns: [(String, String)] = [
        (#"\b\d{5}\b"#, "a five-digit code number"),
        (#"\bG0\d{3}\b"#, "a HCPCS G-code"),
        (#"\$\s?\d[\d,]*\.\d|\$\d{2,}|\$\s?\d{1,3},\d{3}"#, "a dollar amount"),
        (#"\b\d+\.\d+\b"#, "a decimal literal (amount, factor or RVU)"),
        (#"\b(19|20)\d{2}\b"#, "a year or date"),
        (#"\b\d{4}-\d{2}-\d{2}\b"#, "a date"),
    ]

    /// The rules and their one formatter (`RulesText`: words only, every figure comes in as a value).
    @Test(arguments: [("CodingRules", 5), ("RulesText", 3)])
    func sourcesHoldNoDataLiterals(target: String, minimumFiles: Int) throws {
        let dir = Self.root.appendingPathComponent("Sources/" + target)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= minimumFiles)
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for (pattern, what) in Self.patterns where line.range(of: pattern, options: .regularExpression) != nil {
                    Issue.record("Sources/\(target)/\(file):\(i + 1): \(what) in: \(line)")
                }
            }
        }
    }

    /// Results are structure: no string literal of CodingRules holds words (two words in a row, outside
    /// comments); the words are `RulesText`'s.
    @Test func codingRulesHoldsNoProse() throws {
        let dir = Self.root.appendingPathComponent("Sources/CodingRules")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 5)
        let prose = #""[^"]*[A-Za-z]+ [A-Za-z]+[^"]*""#
        #expect("x = \"amounts are not\"".range(of: prose, options: .regularExpression) != nil)
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.components(separatedBy: "//")[0]
                if code.range(of: prose, options: .regularExpression) != nil {
                    Issue.record("Sources/CodingRules/\(file):\(i + 1): words in a string literal: \(line)")
                }
            }
        }
    }

    @Test func scannerCatchesLiterals() {
        for sample in ["let c = \"97550\"", "G0541", "$52.08", "32.3465", "2025-01-01", "year 2024"] {
            #expect(Self.patterns.contains { sample.range(of: $0.0, options: .regularExpression) != nil }, "\(sample)")
        }
    }
}
