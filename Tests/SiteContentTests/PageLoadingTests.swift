import Foundation
import Testing
@testable import SiteContent

/// Page loading on bytes: file reading, path checks, the front matter split and the default output path
/// (paths cut at '/' bytes, empty parts left out).
@Suite struct PageLoadingTests {
    @Test(arguments: [
        ("index.md", "index.html"), ("_index.md", "index.html"), ("faq.md", "faq/index.html"), ("a/_index.md", "a/index.html"),
        ("a/index.md", "a/index/index.html"), ("a/b/c.md", "a/b/c/index.html"), ("codes/97550.md", "codes/97550/index.html"),
        ("x/_index.mdx", "x/_index./index.html"), ("a//b.md", "a/b/index.html"), ("/a.md", "a/index.html"),
        ("a/b.md/", "a/b/index.html"), ("dé/ünï.md", "dé/ünï/index.html"), ("a/b/index.md", "a/b/index/index.html"),
        ("d/\u{301}x.md", "d/\u{301}x/index.html"),
    ])
    func defaultOutputPathMirrorsTheSourcePath(_ rel: String, _ output: String) {
        #expect(ContentLoader.defaultOutputPath(rel) == output)
    }

    @Test(arguments: [
        ("a.md", "", ""), ("_index.md", "", nil), ("a/_index.md", "a", ""), ("a/b/_index.md", "a/b", "a"), ("a/b/c.md", "a/b", "a/b"),
        ("dé/ü/_index.md", "dé/ü", "dé"), ("a//b/_index.md", "a/b", "a"), ("/a/b.md", "a", "a"), ("d/\u{301}x/_index.md", "d/\u{301}x", "d"),
    ] as [(String, String, String?)])
    func folderAndParentAreCutAtSlashes(_ rel: String, _ folder: String, _ parent: String?) {
        let page = PageSource(
            relativePath: rel, displayPath: rel, meta: PageMeta(title: "T", location: SourceLocation(file: rel)), body: "",
            bodyLineOffset: 0, outputPath: "x")
        #expect(page.folder == folder)
        #expect(page.parentFolder == parent)
    }

    @Test func linksResolveAgainstTheSourceFolder() {
        #expect(resolveRelative("../faq.md", from: "codes/97550.md") == "faq.md")
        #expect(resolveRelative("./a%20b.md?x=1", from: "g/p.md") == "g/a b.md")
        #expect(resolveRelative("../../x.md", from: "a/b.md") == nil)
        #expect(resolveRelative("sub//", from: "a/b.md") == "a/sub/")
        #expect(resolveRelative("ü/é.md", from: "dé/p.md") == "dé/ü/é.md")
        // A combining mark after a slash starts a part (the file system cuts at the byte).
        #expect(resolveRelative("a/\u{301}b/../c.md", from: "p.md") == "a/c.md")
        // Empty parts of the source are skipped; a bad escape stays as written; the query is the first run of
        // bytes without '?'; '..' may climb to the top, not above it.
        #expect(resolveRelative("../y.md", from: "//a//b.md") == "y.md")
        #expect(resolveRelative("%zz/x.md", from: "a/b.md") == "a/%zz/x.md")
        #expect(resolveRelative("?q/x.md", from: "a/b.md") == "a/q/x.md")
        #expect(resolveRelative("..", from: "a/b.md") == "")
        #expect(resolveRelative("./", from: "a/b.md") == "a/")

        #expect(relativeURL(from: "codes/97550/index.html", to: "faq/a b#1/index.html") == "../../faq/a%20b%231/index.html")
        #expect(relativeURL(from: "codes/97550/index.html", to: "codes/97551/index.html") == "../97551/index.html")
        #expect(relativeURL(from: "index.html", to: "ü/index.html") == "%C3%BC/index.html")
        #expect(pageURLPath("codes/9 7/index.html") == "codes/9%207/" && pageURLPath("index.html") == "")
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
