import SiteContent
import GuideData
import GuideCalc
import GuideSite
import SiteRender
import SiteBuild
import FeeImport
import Foundation

/// Entry points for the libFuzzer targets in `Fuzz/` (not used by the build). Each takes arbitrary bytes and
/// runs one input stage the way the build does; any crash, trap or hang is a bug. The site they need (data,
/// pages for links and directives) is the fixture site, or the one `FUZZ_CONTENT` names (with its `Templates`
/// beside it), loaded and checked once by the build's own first two stages.
public enum FuzzEntry {
    static let contentDirectory =
        ProcessInfo.processInfo.environment["FUZZ_CONTENT"] ?? "Tests/GuideSiteTests/Fixtures/site/Content"

    /// The fixture site's model (nil when it does not load: the target then only checks the loaders).
    static let site: SiteModel? = {
        let options = BuildOptions(
            contentDirectory: contentDirectory, templatesDirectory: contentDirectory + "/../Templates",
            siteExtension: Guide.extension)
        return LoadStage.run(options).output.flatMap { CheckStage.run($0).output?.site }
    }()

    /// Front matter + YAML: a page file (front matter and body split), the same text as site.yaml, and as a
    /// YAML data document read through the mapping reader.
    public static func frontMatter(_ bytes: [UInt8]) {
        guard case .success(let text) = SourceTree.decodeUTF8(bytes, display: "fuzz.md") else { return }
        _ = ContentLoader.loadPage(relativePath: "guide/fuzz.md", text: text, display: "fuzz.md")
        let ctx = YAMLContext(file: "site.yaml")
        _ = SiteConfig.read(text, context: ctx)
        let data = YAMLContext(file: "data.yaml")
        if let root = data.parse(text), let m = root.mapping() {
            for key in m.keys {
                _ = m.node(key)?.decimal("fuzz", limits: .rvu)
                _ = m.node(key)?.date("fuzz")
                _ = m.node(key)?.stringList()
            }
            m.finish()
        }
    }

    /// Markdown + directives: the bytes as a page body, rendered with the fixture site's directives and links.
    public static func markdown(_ bytes: [UInt8]) {
        guard case .success(let body) = SourceTree.decodeUTF8(bytes, display: "fuzz.md"), let site else { return }
        let meta = PageMeta(title: "Fuzz", location: SourceLocation(file: "fuzz.md"))
        let page = PageSource(
            relativePath: "guide/fuzz.md", displayPath: "fuzz.md", meta: meta, body: body, bodyLineOffset: 3,
            outputPath: "guide/fuzz/index.html")
        _ = RenderedPage.render(page, site: site, directives: .standard)
    }

    /// The template parser, the partial checks and the view-model check, then (when it accepts the text) the
    /// renderer with the fixture site's home page.
    public static func template(_ bytes: [UInt8]) {
        guard case .success(let text) = SourceTree.decodeUTF8(bytes, display: "t.mustache") else { return }
        guard let set = TemplateSet.parse(["t": (text, "t.mustache")]).output else { return }
        guard set.check("t", model: PageView.self).isEmpty, let homeView else { return }
        _ = set.render("t", context: homeView)
    }

    /// The fixture site's first page as a template sees it.
    static let homeView: PageView? = site.flatMap { site in
        guard !site.pages.isEmpty else { return nil }
        let rendered = RenderedPage.render(site.pages[0], site: site, directives: .standard)
        return Layout(site: site).view(for: 0, rendered: rendered, navigation: "<nav></nav>", feePeriod: "")
    }

    /// The CSV reader and the GPCI value limits on every field.
    public static func csv(_ bytes: [UInt8]) {
        guard case .success(let text) = SourceTree.decodeUTF8(bytes, display: "f.csv") else { return }
        let rows = CSVReader.parse(text) { _, _, _ in }
        for row in rows {
            for f in row { _ = DecimalLimits.gpci.parse(f.text) }
        }
    }

    /// The importer's readers of CMS files (`fees import`): the CSV record splitter, the GPCI and PPRRVU readers.
    public static func importReaders(_ bytes: [UInt8]) {
        let input = ImportInput(path: "cms.csv", bytes: bytes, sha256: "")
        _ = input.records()
        _ = GPCIReader.read(input)
        _ = PPRRVUReader.read(input, codes: ["97550", "97551", "97552", "G0539", "G0541"])
    }

    /// `calc`'s options: the bytes split at NUL into the option values, then validated and evaluated against
    /// the fixture data, and rendered both ways.
    public static func calcArguments(_ bytes: [UInt8]) {
        let parts = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        func part(_ i: Int) -> String? { i < parts.count && !parts[i].isEmpty ? parts[i] : nil }
        let flags = parts.last?.utf8.first ?? 0
        let o = CalcOptions(
            minutes: part(0), patients: part(1), date: part(2) ?? "2025-02-01", setting: part(3), provider: part(4),
            discipline: part(5), telehealth: flags & 1 != 0, locality: part(6), profile: part(7), family: part(8),
            ytdAmount: part(9), conversionFactor: part(10), content: contentDirectory, json: flags & 2 != 0)
        guard let data = siteData else { return }
        guard let input = try? CalcRunner.sessionInput(o, rules: data.rules) else { return }
        guard let result = try? data.rules.evaluate(input) else { return }
        _ = CalcReport(result, input: input, data: data, zip: nil).rendered()
        _ = CalcRender.table(result, input: input, data: data)
    }

    static let siteData: SiteData? = SiteDataLoader.load(contentDirectory: contentDirectory).output
}
