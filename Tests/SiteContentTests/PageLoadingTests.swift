import Foundation
import Testing
@testable import SiteContent

/// Issue 13: page loading on bytes — file reading, path checks, the front matter split and the default output
/// path — gives what the character-based code gave.
@Suite struct PageLoadingTests {
    /// The character-based `defaultOutputPath` the byte version must match.
    static func byParts(_ rel: String) -> String {
        var parts = rel.split(separator: "/").map(String.init)
        let last = parts.removeLast()
        if last == "_index.md" || (last == "index.md" && parts.isEmpty) {
            return (parts + ["index.html"]).joined(separator: "/")
        }
        return (parts + [String(last.dropLast(3)), "index.html"]).joined(separator: "/")
    }

    @Test(arguments: [
        "index.md", "_index.md", "faq.md", "a/_index.md", "a/index.md", "a/b/c.md", "codes/97550.md", "x/_index.mdx",
        "a//b.md", "/a.md", "a/b.md/", "dé/ünï.md", "a/b/index.md",
    ])
    func defaultOutputPathIsThePathByParts(_ rel: String) {
        #expect(ContentLoader.defaultOutputPath(rel) == Self.byParts(rel))
    }

    @Test(arguments: ["a.md", "_index.md", "a/_index.md", "a/b/_index.md", "a/b/c.md", "dé/ü/_index.md", "a//b/_index.md", "/a/b.md"])
    func folderAndParentAreThePathByParts(_ rel: String) {
        let page = PageSource(
            relativePath: rel, displayPath: rel, meta: PageMeta(title: "T", location: SourceLocation(file: rel)), body: "",
            bodyLineOffset: 0, outputPath: "x")
        let folder = rel.split(separator: "/").dropLast().joined(separator: "/")
        #expect(page.folder == folder)
        let up = folder.split(separator: "/").dropLast().joined(separator: "/")
        #expect(page.parentFolder == (page.isIndex ? (folder.isEmpty ? nil : up) : folder))
        #expect(isPlainASCIIPath(rel) == (!rel.hasPrefix("/") && !rel.contains("//") && !rel.contains("é")))
    }

    @Test func longNamesAreFoundInEveryPart() {
        let long = String(repeating: "n", count: Int(NAME_MAX))
        #expect(!SourceTree.hasLongName("a/" + long + "/b.md"))
        #expect(SourceTree.hasLongName("a/" + long + "x/b.md"))
        #expect(SourceTree.hasLongName(long + "x"))
        #expect(!SourceTree.hasLongName("ü/" + long))
        #expect(SourceTree.hasLongName("ü/" + long + "é"))
    }

    @Test func aFileIsReadWhole() throws {
        let dir = NSTemporaryDirectory() + "ctsguide-read-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for size in [0, 1, 4095, 4096, 70_000] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try Data(bytes).write(to: URL(fileURLWithPath: dir + "/f"))
            #expect(SourceTree.contents(dir + "/f") == bytes)
        }
        #expect(SourceTree.contents(dir + "/missing") == nil)
    }

    @Test func frontMatterIsSplitAsLinesWere() throws {
        let cases: [(String, String?, String, Int)] = [
            ("---\ntitle: A\n---\nbody\n", "A", "body\n", 3),
            ("\u{FEFF}---\r\ntitle: \"B\"\r\nweight: 3\r\n---\r\nx\r\n", "B", "x\n", 4),
            ("  ---\t\ntitle: C\n --- \n", "C", "", 3),
            ("---\ntitle: D\n---", "D", "", 3),
            ("---\ntitle: \"É — é\"\ntags: [\"ü\"]\n---\nb", "É — é", "b", 4),
            ("---\ntitle: E\n# comment\n---\nb", "E", "b", 4),
        ]
        for (text, title, body, offset) in cases {
            let (page, diags) = ContentLoader.loadPage(relativePath: "p.md", text: text, display: "p.md")
            #expect(diags.items.isEmpty, "\(diags.items)")
            #expect(page?.meta.title == title)
            #expect(page?.body == body)
            #expect(page?.bodyLineOffset == offset)
        }
        for (text, id) in [("title: A\n", "front-matter.missing"), ("---\ntitle: A\n", "front-matter.not-closed"), ("", "front-matter.missing")] {
            let (page, diags) = ContentLoader.loadPage(relativePath: "p.md", text: text, display: "p.md")
            #expect(page == nil)
            #expect(diags.items.map(\.id.rawValue) == [id])
        }
    }
}
