import Foundation
import Testing

@testable import SiteBuild
import SiteContent
import TestSupport
import GuideSite

/// Issue 25: a training department's own guide — the branded fork in Tests/Fixtures/branded-fork (logo,
/// base_url, stylesheet, a page with an image, a draft), plus a page made by `ctsguide new`, built with the
/// guide's own templates.
@Suite struct BrandedForkTests {
    static let fixture = Paths.packageRoot + "/Tests/Fixtures/branded-fork"
    static let base = "https://intranet.riverside.example/training/"

    /// A copy of the fork in a new temporary folder (Content only; the guide's Templates are used as they are).
    static func copy() throws -> String {
        let dir = NSTemporaryDirectory() + "ctsguide-fork-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture + "/Content", toPath: dir + "/Content")
        return dir
    }

    static func options(_ dir: String, drafts: Bool = false) -> BuildOptions {
        var o = BuildOptions(
            contentDirectory: dir + "/Content", templatesDirectory: Paths.templates, outputDirectory: dir + "/Public",
            siteExtension: Guide.extension)
        o.includeDrafts = drafts
        return o
    }

    static func text(_ dir: String, _ path: String) throws -> String {
        String(decoding: try #require(FileManager.default.contents(atPath: dir + "/Public/" + path)), as: UTF8.self)
    }

    @Test func theBrandedForkBuildsWithItsLogoImagesSitemapAndNoDraft() throws {
        let dir = try Self.copy()
        // A page made by `ctsguide new`, linked from another page so the link is checked too.
        let made = try PageScaffold.create("clinic/checklist.md", title: "Session checklist", content: dir + "/Content").get()
        #expect(made.relativePath == "clinic/checklist.md")
        try Fixture.replace(in: dir + "/Content/clinic/rooms.md", "read [our clinic pages]", with: "read [the checklist](checklist.md), [our clinic pages]")
        let built = try SiteBuilder.build(Self.options(dir)).get()
        #expect(built.pageCount == 5)
        #expect(built.warnings.isEmpty, "\(built.warnings)")

        // The header logo: the title as its alt text, its size scaled to 48 px high (the SVG's viewBox is 120 × 60).
        let rooms = try Self.text(dir, "clinic/rooms/index.html")
        #expect(rooms.contains(#"<a class="site-title" href="../../index.html"><img class="site-logo" src="../../images/logo.svg" width="96" height="48" alt="Riverside Rehab caregiver training"> <span aria-hidden="true">Riverside Rehab caregiver training</span></a>"#))
        // The image: copied once, byte for byte, shown with its own size and alt text.
        #expect(rooms.contains(#"<p><img src="../../images/room.png" alt="Room 2 with a hospital bed, a wheelchair and two chairs for caregivers" width="320" height="200"></p>"#))
        let png = FileManager.default.contents(atPath: dir + "/Public/images/room.png")
        #expect(png != nil && png == FileManager.default.contents(atPath: Self.fixture + "/Content/images/room.png"))
        #expect(FileManager.default.fileExists(atPath: dir + "/Public/images/logo.svg"))
        // The stylesheet, linked after the site's own; the generator and canonical links; printed addresses.
        #expect(rooms.contains("<link rel=\"stylesheet\" href=\"../../assets/site.css\">\n<link rel=\"stylesheet\" href=\"../../brand.css\">"))
        #expect(FileManager.default.contents(atPath: dir + "/Public/brand.css") == FileManager.default.contents(atPath: Self.fixture + "/Content/brand.css"))
        #expect(rooms.contains("<meta name=\"generator\" content=\"ctsguide \(CTSGuideVersion.number)\">"))
        #expect(rooms.contains("<link rel=\"canonical\" href=\"\(Self.base)clinic/rooms/\">"))
        #expect(try Self.text(dir, "index.html").contains("<link rel=\"canonical\" href=\"\(Self.base)\">"))
        #expect(try !Self.text(dir, "404.html").contains("canonical"))  // nor in the sitemap (below)
        #expect(try Self.text(dir, "index.html").contains(#"<li><a href="clinic/rooms/index.html" data-print-url="https://intranet.riverside.example/training/clinic/rooms/"><strong>Set up the room</strong><span>Where the training happens</span></a></li>"#))
        // The 404 page stays relative to the top even with base_url (no request leaves the site; `serve` rebases it
        // for the depth it answers).
        #expect(try Self.text(dir, "404.html").contains("href=\"assets/site.css\""))
        #expect(rooms.contains(#"<a href="../checklist/index.html" data-print-url="https://intranet.riverside.example/training/clinic/checklist/">the checklist</a>"#))
        #expect(rooms.contains(#"<a href="../../index.html" data-print-url="https://intranet.riverside.example/training/">home page</a>"#))
        // The section's list of its pages prints their addresses too.
        #expect(try Self.text(dir, "clinic/index.html").contains(#"<li><a href="rooms/index.html" data-print-url="https://intranet.riverside.example/training/clinic/rooms/">The training room</a>"#))
        // site.yaml hides the as-of line on every page.
        #expect(!rooms.contains("class=\"as-of\""))

        // The draft: no output, not in the search index, not in the sitemap.
        #expect(!FileManager.default.fileExists(atPath: dir + "/Public/clinic/plan"))
        let titles = try Self.text(dir, "assets/search/titles.js")
        #expect(titles.contains("Session checklist") && titles.contains("The training room"))
        #expect(!titles.contains("Next year"))
        let sitemap = try Self.text(dir, "sitemap.xml")
        #expect(
            sitemap == """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>\(Self.base)clinic/checklist/</loc></url>
                <url><loc>\(Self.base)clinic/</loc></url>
                <url><loc>\(Self.base)clinic/rooms/</loc><lastmod>2026-11-20</lastmod></url>
                <url><loc>\(Self.base)</loc></url>
                </urlset>

                """)
        // The page `new` wrote builds as it is, with its title.
        #expect(try Self.text(dir, "clinic/checklist/index.html").contains("<h1>Session checklist</h1>"))
    }

    @Test func thePreviewShowsTheDraftWithItsBadgeAndStillKeepsItOutOfSearchAndSitemap() throws {
        let dir = try Self.copy()
        let site = try SiteBuilder.generate(Self.options(dir, drafts: true)).get()
        let file = { (p: String) in site.files.first { $0.path == p }.map { String(decoding: $0.bytes, as: UTF8.self) } }
        let plan = try #require(file("clinic/plan/index.html"))
        #expect(plan.contains("<p class=\"draft-badge\"><strong>Draft</strong>"))
        #expect(try #require(file("clinic/rooms/index.html")).contains("draft-badge") == false)
        #expect(try #require(file("assets/search/titles.js")).contains("Next year") == false)
        #expect(try #require(file("sitemap.xml")).contains("plan") == false)
    }

    @Test func withoutBaseURLThereIsNoSitemapCanonicalOrPrintAddress() throws {
        let dir = try Self.copy()
        try Fixture.replace(in: dir + "/Content/site.yaml", "base_url: https://intranet.riverside.example/training/\n", with: "")
        let site = try SiteBuilder.generate(Self.options(dir)).get()
        #expect(!site.files.contains { $0.path == "sitemap.xml" })
        let home = String(decoding: try #require(site.files.first { $0.path == "index.html" }).bytes, as: UTF8.self)
        #expect(!home.contains("canonical") && !home.contains("data-print-url"))
        let notFound = String(decoding: try #require(site.files.first { $0.path == "404.html" }).bytes, as: UTF8.self)
        #expect(notFound.contains("href=\"assets/site.css\""))  // relative to the top (serve rebases it per request)
        let clinic = String(decoding: try #require(site.files.first { $0.path == "clinic/index.html" }).bytes, as: UTF8.self)
        #expect(clinic.contains(#"<li><a href="rooms/index.html">The training room</a>"#))
        #expect(home.contains("<a href=\"clinic/rooms/index.html\">how we set up the training room</a>"))
    }

    @Test func aPageCanShowTheAsOfLineThatSiteYamlHides() throws {
        let dir = try Self.copy()
        try Fixture.replace(in: dir + "/Content/clinic/rooms.md", "lastmod: 2026-11-20\n", with: "lastmod: 2026-11-20\nas_of_banner: true\n")
        let site = try SiteBuilder.generate(Self.options(dir)).get()
        let page = { (p: String) in String(decoding: site.files.first { $0.path == p }!.bytes, as: UTF8.self) }
        #expect(page("clinic/rooms/index.html").contains("<p class=\"as-of\">Guide checked 2026-11-23"))
        #expect(!page("clinic/index.html").contains("class=\"as-of\""))
    }

    /// Each broken input: its one error, with its id at its position, and the build fails.
    @Test(arguments: [
        ("clinic/rooms.md", "![Room 2 with a hospital bed, a wheelchair and two chairs for caregivers](../images/room.png)",
         "![](../images/room.png)", "Content/clinic/rooms.md:8:1 image.no-alt-text"),
        ("clinic/rooms.md", "(../images/room.png)", "(https://example.org/room.png)",
         "Content/clinic/rooms.md:8:1 image.remote"),
        ("clinic/rooms.md", "(../images/room.png)", "(../images/rom.png)",
         "Content/clinic/rooms.md:8:1 image.missing"),
        ("clinic/rooms.md", "(../images/room.png)", "(../brand.css)",
         "Content/clinic/rooms.md:8:1 image.not-an-image"),
        ("clinic/rooms.md", "date: 2026-10-01", "date: 2026-10-32",
         "Content/clinic/rooms.md:3:7 yaml.invalid-date"),
        ("clinic/rooms.md", "lastmod:", "last_mod:", "Content/clinic/rooms.md:4:1 yaml.unknown-key"),
        ("site.yaml", "logo: images/logo.svg", "logo: images/logo.png",
         "Content/site.yaml:5:7 site.logo-outside-content"),
        ("site.yaml", "logo: images/logo.svg", "logo: brand.css", "Content/site.yaml:5:7 site.logo-not-image"),
        ("site.yaml", "logo: images/logo.svg", "logo: ../logo.svg",
         "Content/site.yaml:5:7 site.path-outside-content"),
        ("site.yaml", "base_url: https://", "base_url: intranet/",
         "Content/site.yaml:6:11 site.bad-base-url"),
        ("clinic/rooms.md", "read [our clinic pages](_index.md)", "read [the plan](plan.md)",
         "Content/clinic/rooms.md:10:24 link.to-draft"),
        ("site.yaml", "stylesheet: brand.css", "stylesheet: brand.txt",
         "Content/site.yaml:7:13 site.stylesheet-not-css"),
        // A launcher entry names a page that exists (the guide's home page uses one; a fork's names its own pages).
        ("_index.md", "clinic/rooms.md | Set up the room", "clinic/room.md | Set up the room",
         "Content/_index.md:6:1 directive.launcher-unknown-page"),
        ("_index.md", "clinic/_index.md | Our clinic pages | Routines of our own", "clinic/_index.md Our clinic pages",
         "Content/_index.md:7:1 directive.launcher-bad-entry"),
    ])
    func badBrandingAndImagesAreReportedWhereTheyAre(_ file: String, _ old: String, _ new: String, _ expected: String) throws {
        let dir = try Self.copy()
        try Fixture.replace(in: dir + "/Content/" + file, old, with: new)
        let failure = try #require(SiteBuilder.generate(Self.options(dir)).failure)
        let shown = failure.diagnostics.map { "\($0.location) \($0.id)".replacingOccurrences(of: dir + "/", with: "") }
        #expect(shown.contains(expected), "\(shown)")
        #expect(failure.diagnostics.filter { $0.severity == .error }.count == 1, "\(shown)")
    }

    /// Incremental builds: a page that shows an image is laid out again when the image's size changes, and a
    /// draft appears and disappears with its flag, as a full build would write them.
    @Test func cachedBuildsFollowImagesAndDrafts() throws {
        let dir = try Self.copy()
        var options = Self.options(dir)
        options.cacheDirectory = dir + "/cache"
        _ = try SiteBuilder.build(options).get()
        #expect(try Self.text(dir, "clinic/rooms/index.html").contains(#"width="320" height="200""#))
        // The same PNG with another size in its header (bytes 16–23: width and height).
        var png = Array(try #require(FileManager.default.contents(atPath: dir + "/Content/images/room.png")))
        png.replaceSubrange(16..<24, with: [0, 0, 0x02, 0x80, 0, 0, 0x01, 0x90])  // 640 × 400
        try Data(png).write(to: URL(fileURLWithPath: dir + "/Content/images/room.png"))
        _ = try SiteBuilder.build(options).get()
        #expect(try Self.text(dir, "clinic/rooms/index.html").contains(#"width="640" height="400""#))
        #expect(FileManager.default.contents(atPath: dir + "/Public/images/room.png") == Data(png))
        try Fixture.replace(in: dir + "/Content/clinic/plan.md", "draft: true", with: "draft: false")
        _ = try SiteBuilder.build(options).get()
        #expect(FileManager.default.fileExists(atPath: dir + "/Public/clinic/plan/index.html"))
        #expect(try Self.text(dir, "sitemap.xml").contains("clinic/plan/"))
        try Fixture.replace(in: dir + "/Content/clinic/plan.md", "draft: false", with: "draft: true")
        _ = try SiteBuilder.build(options).get()
        #expect(!FileManager.default.fileExists(atPath: dir + "/Public/clinic/plan/index.html"))
        #expect(try !Self.text(dir, "sitemap.xml").contains("clinic/plan/"))
        // And the cached output is what a build without the cache writes.
        let cached = Fixture.snapshot(dir + "/Public")
        _ = try SiteBuilder.build(Self.options(dir)).get()
        #expect(cached.filter { $0.key != ".ctsguide-output" } == Fixture.snapshot(dir + "/Public").filter { $0.key != ".ctsguide-output" })
    }

    @Test func imageErrorsPointAtTheImageInItsParagraph() throws {
        let dir = try Self.copy()
        try Fixture.write(
            """
            ---
            title: Images
            ---
            Text first, then a photo: ![Wow! a room](../images/room.png) and
            another ![](../images/room.png) here, and ![](../images/room.png) again.

            - ![x](https://example.org/a.png)
            """, to: dir + "/Content/clinic/images.md")
        let failure = try #require(SiteBuilder.generate(Self.options(dir)).failure)
        let errors = failure.diagnostics.filter { $0.severity == .error }
        #expect(errors.map { "\($0.location.line):\($0.location.column) \($0.id)" } == [
            "5:9 image.no-alt-text", "5:43 image.no-alt-text", "7:3 image.remote",
        ])
    }

    @Test func unknownFrontMatterKeysGetOnlyReallyCloseHints() throws {
        let dir = try Self.copy()
        try Fixture.replace(in: dir + "/Content/clinic/rooms.md", "date: 2026-10-01", with: "published: 2026-10-01\ndraf: true")
        let failure = try #require(SiteBuilder.generate(Self.options(dir)).failure)
        let hints = failure.diagnostics.filter { $0.id == "yaml.unknown-key" }.map { ($0.location.line, $0.hint ?? "") }
        let published = try #require(hints.first { $0.0 == 3 })
        #expect(!published.1.contains("did you mean"))
        let draf = try #require(hints.first { $0.0 == 4 })
        #expect(draf.1.hasPrefix("did you mean 'draft'?"))
    }

    @Test func hugoAndZolaSyntaxGetsAPositionedWarningOutsideCode() throws {
        let dir = try Self.copy()
        try Fixture.write(
            """
            ---
            title: Habits
            ---
            See {{< ref "rooms.md" >}} and `{{< ref "code.md" >}}` here.

            > Or {{% note %}}.

            ```text
            {{ .Site.Title }}
            ```

            ## The {{ .Title }}
            """, to: dir + "/Content/clinic/habits.md")
        let site = try SiteBuilder.generate(Self.options(dir)).get()
        let warnings = site.warnings.filter { $0.id == "markdown.foreign-shortcode" }
            .map { "\($0.location.line):\($0.location.column) \($0.message) | \($0.hint ?? "")" }
        #expect(
            warnings == [
                #"4:5 '{{< ref "rooms.md" >}}' looks like a Hugo shortcode; it is shown as text | write a Markdown link to the page's file instead: [text](rooms.md); link with Markdown: [text](../page.md) to a page, [97550](code:97550) to a code page, [title](source:ID) to a source"#,
                "6:6 '{{% note %}}' looks like a Hugo shortcode; it is shown as text | link with Markdown: [text](../page.md) to a page, [97550](code:97550) to a code page, [title](source:ID) to a source",
                "12:8 '{{ .Title }}' looks like Hugo or Zola template syntax; it is shown as text | link with Markdown: [text](../page.md) to a page, [97550](code:97550) to a code page, [title](source:ID) to a source",
            ])
    }

    @Test func newRefusesToOverwriteAndPathsOutsideTheContent() throws {
        let dir = try Self.copy()
        let content = dir + "/Content"
        let before = FileManager.default.contents(atPath: content + "/clinic/rooms.md")
        #expect(PageScaffold.create("clinic/rooms.md", title: nil, content: content).failure?.message.contains("already exists") == true)
        #expect(FileManager.default.contents(atPath: content + "/clinic/rooms.md") == before)
        #expect(PageScaffold.create("../outside.md", title: nil, content: content).failure != nil)
        #expect(PageScaffold.create("/tmp/x.md", title: nil, content: content).failure != nil)
        #expect(PageScaffold.create("clinic/notes.txt", title: nil, content: content).failure != nil)
        #expect(PageScaffold.create("data/x.md", title: nil, content: content).failure != nil)
        #expect(PageScaffold.create("a.md", title: "two\nlines", content: content).failure != nil)
        // A leading content folder is accepted; the title comes from the file name.
        let made = try PageScaffold.create(content + "/team/room-set-up.md", title: nil, content: content).get()
        #expect(made.relativePath == "team/room-set-up.md" && made.title == "Room set up")
        let quoted = try PageScaffold.create("team/q.md", title: #"The "quoted" \ title"#, content: content).get()
        let site = try SiteBuilder.generate(Self.options(dir)).get()
        let page = String(decoding: try #require(site.files.first { $0.path == "team/q/index.html" }).bytes, as: UTF8.self)
        #expect(page.contains("<h1>The &quot;quoted&quot; \\ title</h1>"), "\(quoted)")
    }

    @Test func versionIsPrintedByTheProgram() throws {
        let binary = Paths.packageRoot + "/.build/debug/ctsguide"
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the ctsguide product first")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["--version"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "ctsguide \(CTSGuideVersion.number)\n")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
