import Foundation
import Testing

@testable import SiteContent
@testable import SiteRender
@testable import SiteBuild
import GuideSite

extension RealSite {
    /// The real site loaded and checked (no output written).
    static let siteModel: SiteModel = {
        let options = BuildOptions(contentDirectory: content, templatesDirectory: root + "/Templates", siteExtension: Guide.extension)
        return CheckStage.run(LoadStage.run(options).checkedOutput!).checkedOutput!.site
    }()

    /// Every page of the real site rendered (Markdown and directives), before the layout.
    static let renderedPages: [RenderedPage] = siteModel.pages.map {
        RenderedPage.render($0, site: siteModel, directives: .standard)
    }

    /// One directive used on the page at `path` (a Markdown path under Content/), through the builder.
    static func directive(_ words: String, on path: String) throws -> DirectiveOutput {
        let site = siteModel
        let page = try #require(site.page(atPath: path))
        let parts = words.split(separator: " ").map(String.init)
        let directive = try #require(DirectiveRegistry.standard[parts[0]])
        let use = DirectiveUse(
            name: parts[0], arguments: Array(parts.dropFirst()), body: "", location: SourceLocation(file: path))
        return try directive.render(use, context: DirectiveContext(site: site, page: page))
    }
}

/// Directives built through `HTML`: exact fragments, and the ids, text and statements they report.
@Suite struct DirectiveHTMLTests {
    @Test func codeDescriptorExactHTML() throws {
        let out = try RealSite.directive("code-descriptor 97550", on: "codes/97550.md")
        #expect(out.html == """
            <div class="code-descriptor plain"><p><strong>97550</strong> — Face-to-face training of one patient&#39;s \
            caregiver(s), without the patient, in skills that support the patient&#39;s functional performance; first \
            30 minutes. (<a class="source-link" href="../../sources/index.html#source-ngs-cts-article">National \
            Government Services (Medicare contractor)</a>)</p></div>

            """)
        #expect(out.body.ids.isEmpty)
        #expect(out.body.statements.map(\.sources) == [["ngs-cts-article"]])
        #expect(out.body.plainText.hasPrefix("97550 — Face-to-face training of one patient's caregiver(s)"))
        #expect(out.citedSources == ["ngs-cts-article"])
    }

    @Test func zipLookupExactHTMLAndIDs() throws {
        let out = try RealSite.directive("zip-lookup", on: "localities/2026-01-01.md")
        let quarter = try #require(RealSite.siteModel.data.zipCodes?.quarterLabel)
        #expect(out.html == """
            <form class="zip-lookup card" id="zip-lookup-form" hidden aria-label="Find a locality by ZIP code">
            <div class="calc-field zip-field" id="zip-lookup-field" data-zip-script="../../assets/zip-lookup.js" \
            data-zip-base="../../assets/zip/" data-zip-prefix="2" data-zip-target="table" data-msg-found="ZIP code {zip} \
            is in the Medicare payment locality {locality}; its row is marked in the table below." data-msg-split="Medicare \
            splits ZIP code {zip} between payment localities by ZIP+4. These amounts use {locality}, the locality listed for \
            the five-digit ZIP code; check the ZIP+4 of the practice address with your Medicare contractor." \
            data-msg-unknown="ZIP code {zip} is not in Medicare’s ZIP code list (\(quarter)); find the locality in the table \
            below." data-msg-malformed="A ZIP code has five digits." data-msg-failed="The ZIP code list could not be \
            loaded; choose the locality yourself.">
            <label for="zip-lookup">ZIP code of the practice (five digits)</label>
            <input type="text" id="zip-lookup" name="zip" inputmode="numeric" autocomplete="postal-code" maxlength="5" \
            size="6" pattern="[0-9]{5}" spellcheck="false" aria-describedby="zip-lookup-status">
            <p class="zip-status" id="zip-lookup-status" aria-live="polite"></p>
            </div>
            </form>
            <script src="../../assets/zip.js" defer></script>

            """)
        #expect(out.body.ids == ["zip-lookup-form", "zip-lookup-field", "zip-lookup", "zip-lookup-status"])
    }

    @Test func checklistMarksTheSecondaryOnlyItemAndReportsIt() throws {
        let out = try RealSite.directive("checklist group 2026-11-23", on: "documentation.md")
        #expect(out.html.hasPrefix("""
            <p class="checklist-title">Checklist for group sessions, dates of service from 2025-01-01 on</p>
            <ul class="checklist">
            <li>The caregiver-training codes are part of the plan of care
            """))
        // The item rests on a fact graded M (quantity limits, facts.md §7): its marker follows the source link.
        #expect(out.html.contains("""
            <li>Why this occurrence of training was needed (reasonable and necessary) <span class="cite">(<a \
            class="source-link" href="../sources/index.html#source-givershealth-2024-final">Givers Health</a> <a \
            class="grade grade-m" href="../certainty/index.html#grade-m" title="One reputable secondary source reports \
            it, or official text was read only second-hand.">M · reported</a>)</span></li>
            """))
        let marked = out.body.statements.filter { $0.sources.contains("givershealth-2024-final") }
        #expect(marked.map(\.text) == [
            "Why this occurrence of training was needed (reasonable and necessary) (Givers Health M · reported)"
        ])
        #expect(marked.first?.sources == ["givershealth-2024-final", "fact:quantity-limits"])
        let site = RealSite.siteModel.data
        #expect(CertaintyCheck.unmarked(out.body.statements, sources: site.sources, certainty: site.certainty).isEmpty)
    }

    @Test func whatChangedReportsItsSectionIDsAndHeadings() throws {
        let out = try RealSite.directive("what-changed", on: "what-changed.md")
        let ids = out.ids
        #expect(ids.count >= 2 && ids.allSatisfy { $0.hasPrefix("changes-") })
        for id in ids { #expect(out.html.contains("<h3 id=\"\(id)\">")) }
        #expect(out.headings.map(\.id) == ids)
        #expect(out.headings.first == HTMLHeading(
            level: 3, id: "changes-2026-01-01", text: "CY2025 → CY2026 (dates of service from 2026-01-01)"))
        #expect(out.text.contains("The conversion factor went from"))
    }

    /// The ids a page reports (its headings' and its directives') are exactly the `id` attributes of its HTML.
    @Test func pageIDsAreTheIDsOfItsHTML() {
        #expect(RealSite.renderedPages.count >= 20)
        for page in RealSite.renderedPages {
            #expect(page.ids == Self.idAttributes(page.html))
        }
        #expect(RealSite.renderedPages.map(\.ids.count).reduce(0, +) >= 100)
    }

    static func idAttributes(_ html: String) -> Set<String> {
        var out: Set<String> = []
        var rest = html[...]
        while let r = rest.range(of: " id=\"") {
            let after = rest[r.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            out.insert(String(after[..<end]))
            rest = after[end...]
        }
        return out
    }

    /// Directive code writes no markup by hand and escapes nothing itself: every tag and every escape is the
    /// builder's (comments may show the HTML a function produces).
    @Test func directiveCodeHasNoHandWrittenTagsOrEscapes() throws {
        let folder = RealSite.root + "/Sources/"
        var files = try FileManager.default.contentsOfDirectory(atPath: folder + "GuideSite/Directives")
            .map { "GuideSite/Directives/" + $0 }
        files += ["GuideSite/Guide.swift", "GuideSite/GuideLinks.swift", "GuideSite/Certainty/CertaintyCheck.swift",
                  "SiteRender/Markdown/CMark.swift", "SiteRender/Markdown/CMark+Depth.swift"]
        #expect(files.count >= 20)
        for file in files {
            let text = try String(contentsOfFile: folder + file, encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for bad in ["escapeHTML(", "\"<", "</", "&#", "&amp;"] {
                    #expect(!line.contains(bad), "\(file):\(n + 1): \(line)")
                }
            }
        }
    }
}
