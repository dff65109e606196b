import Foundation
import Testing

/// CodingRules must hold no code number, dollar amount, conversion factor or date: those are data.
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

    @Test func codingRulesSourcesHoldNoDataLiterals() throws {
        let dir = Self.root.appendingPathComponent("Sources/CodingRules")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 5)
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for (pattern, what) in Self.patterns where line.range(of: pattern, options: .regularExpression) != nil {
                    Issue.record("Sources/CodingRules/\(file):\(i + 1): \(what) in: \(line)")
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
