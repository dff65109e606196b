import Foundation
import Testing

@testable import GuideSite

/// Checks on the guide's own Markdown under Content/.
@Suite struct ContentTests {
    static func markdownFiles() -> [(path: String, text: String)] {
        let root = RealSite.content
        var out: [(String, String)] = []
        guard let e = FileManager.default.enumerator(atPath: root) else { return out }
        while let rel = e.nextObject() as? String {
            guard rel.hasSuffix(".md"), let text = try? String(contentsOfFile: root + "/" + rel, encoding: .utf8)
            else { continue }
            out.append((rel, text))
        }
        return out
    }

    @Test func noDollarAmountsOrDecimalFiguresTypedInMarkdown() throws {
        let money = try Regex(#"\$\s?\d"#)
        let decimal = try Regex(#"\b\d+\.\d{2,4}\b"#)
        let files = Self.markdownFiles()
        #expect(!files.isEmpty)
        for f in files {
            #expect(f.text.firstMatch(of: money) == nil, "dollar amount typed in \(f.path)")
            #expect(f.text.firstMatch(of: decimal) == nil, "decimal figure typed in \(f.path)")
        }
    }

    @Test func addOnPageSaysAddOn() throws {
        let text = try String(contentsOfFile: RealSite.content + "/codes/97551.md", encoding: .utf8)
        #expect(text.contains("add-on"))
    }

    @Test func everyFAQAnswerCitesASource() throws {
        let text = try String(contentsOfFile: RealSite.content + "/faq.md", encoding: .utf8)
        let sections = text.components(separatedBy: "\n## ").dropFirst()
        #expect(sections.count >= 15)
        for s in sections {
            #expect(s.contains("](source:"), "FAQ answer without a source: \(s.prefix(60))")
        }
    }
}
