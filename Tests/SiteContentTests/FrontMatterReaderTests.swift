import Foundation
import Testing
@testable import SiteContent

/// Issue 24: one front-matter reader, its keys in one table (`FrontMatterField.all`).
@Suite struct FrontMatterReaderTests {
    static func load(_ yaml: String) -> (PageMeta?, [String]) {
        let (page, diags) = ContentLoader.loadPage(relativePath: "p.md", text: "---\n" + yaml + "---\nBody\n", display: "p.md")
        return (page?.meta, diags.items.map { "\($0)" })
    }

    static func summary(_ m: PageMeta) -> String {
        let keys = m.fieldLocations.sorted { $0.key < $1.key }.map { "\($0.key)@\($0.at.line)" }.joined(separator: " ")
        return [
            m.title, m.description, "\(m.weight)", m.navTitle ?? "-", m.code ?? "-", m.layout ?? "-", "\(String(describing: m.toc))",
            "\(m.inNav)", m.path ?? "-", m.keywords, m.summary, m.tags.joined(separator: "|"), "\(m.draft)", m.date ?? "-",
            m.lastmod ?? "-", "\(String(describing: m.asOfBanner))", "\(m.location.line):\(m.location.column)", keys,
        ].joined(separator: ";")
    }

    static let everyKey = """
        title: "Room set-up"
        description: Where the sessions happen
        weight: -3
        nav_title: "Rooms"
        code: "97550"
        layout: page
        toc: true
        nav: false
        path: "clinic/rooms.html"
        keywords: "room, bed"
        summary: "Réunion room, café"
        tags: ["a", "b c"]
        draft: true
        date: 2026-10-01
        lastmod: "2026-11-30"
        as_of_banner: false

        """

    /// Every key of the table is read into its property, each key's line recorded.
    @Test func everyKeyOfTheTableIsRead() throws {
        #expect(FrontMatterField.all.map(\.name).count == 16)
        let (meta, diags) = Self.load(Self.everyKey)
        #expect(diags.isEmpty)
        #expect(
            Self.summary(try #require(meta))
                == "Room set-up;Where the sessions happen;-3;Rooms;97550;page;Optional(true);false;clinic/rooms.html;room, bed;"
                + "Réunion room, café;a|b c;true;2026-10-01;2026-11-30;Optional(false);2:1;as_of_banner@17 code@6 date@15 "
                + "description@3 draft@14 keywords@11 lastmod@16 layout@7 nav@9 nav_title@5 path@10 summary@12 tags@13 "
                + "title@2 toc@8 weight@4")
    }

    /// A bad value is reported at its own position. (A reported value leaves its field at the default; the page is
    /// not built because the error stops the build.)
    @Test(arguments: [
        ("title: \"x\"\ndate: 2026-02-30\n", "p.md:3:7 yaml.invalid-date"),
        ("title: \"x\"\ntoc: yes please\n", "p.md:3:6 yaml.not-a-boolean"),
        ("title: \"x\"\nweight: 1.5\n", "p.md:3:9 yaml.not-an-integer"),
        ("title: \"x\"\nlast_mod: 2026-01-01\n", "p.md:3:1 yaml.unknown-key"),
        ("title: \"  \"\n", "p.md:2:8 front-matter.empty-title"),
        ("description: \"x\"\n", "p.md:2:1 yaml.missing-field"),
        ("title: \"a\u{86}b\"\n", "p.md:2:10 yaml.unreadable"),
        ("title: \"x\"\ntags: [a, b, \" A\"]\n", "p.md:3:14 yaml.item-listed-twice"),
        ("title: \"x\"\ntags:\n  - Billing\n  - billing\n", "p.md:5:5 yaml.item-listed-twice"),
    ])
    func badValuesAreReportedAtTheirPosition(_ yaml: String, _ expected: String) {
        let (_, diags) = ContentLoader.loadPage(relativePath: "p.md", text: "---\n" + yaml + "---\nBody\n", display: "p.md")
        #expect(diags.items.first.map { "\($0.location) \($0.id)" } == expected, "\(diags.items)")
    }
}
