import SiteContent
import SiteRender
import GuideData
import GuideCompute

/// The guide's data for one build (`SiteModel.extensionData` of a guide site) and what the guide adds to the
/// engine from it: the codes pages may name, the `source:` and `fact:` links (`GuideLinks.swift`), the
/// certainty and citation checks, the computed files and the layouts' fee period.
final class GuideSiteData: SiteExtensionData {
    let data: SiteData
    let guide: GuideData

    init(data: SiteData, guide: GuideData) {
        self.data = data
        self.guide = guide
    }

    var knownCodes: [String] { data.rules.codes.map(\.code) }

    /// The site presents the fee period in force on `as_of` as current (the layouts' fee period, the calculator's
    /// opening date, the fee examples): a date no period covers is an error at `as_of`, not one per page using it.
    func check(config: SiteConfig, diagnostics diags: inout Diagnostics) {
        let rules = data.rules
        guard config.hasAsOf, rules.period(on: config.asOf) == nil, let covered = rules.coveredRange else { return }
        let through = covered.through.map { " through \($0)" } ?? " on"
        diags.error("site.as-of-not-covered",
            config.fieldLocations["as_of"] ?? config.location,
            "'as_of' \(config.asOf) is a date no fee period covers (the periods cover \(covered.from)\(through))",
            hint: "set as_of to the day you last checked the data, or import the fee period that covers it (MAINTAINING.md)")
    }

    /// Statements citing only secondary sources must name a graded fact, a fact's marker must be shown, and
    /// every source should be cited by some page.
    func check(site: SiteModel, rendered: [RenderedPage], diagnostics diags: inout Diagnostics) {
        let sources = data.sources
        let certainty = data.certainty
        // Every marker links the grades page, so without it no marker can be shown (and none is checked).
        var gradesPageMissing = false
        if let page = certainty.gradesPage, let at = certainty.gradesPageLocation, site.pageIndex(atPath: page) == nil {
            gradesPageMissing = true
            diags.error("certainty.grades-page-missing", at,
                "grades_page '\(page)' is not a page: the certainty markers link to it",
                hint: "set grades_page to the content path of the page that explains the markers, e.g. certainty.md")
        }
        let unmarked = gradesPageMissing ? rendered.map { _ in [] } : parallelMap(rendered) { r in
            CertaintyCheck.unmarked(r.statements, sources: sources, certainty: certainty)
        }
        var cited: Set<String> = []
        for (i, r) in rendered.enumerated() {
            for (statement, problem) in unmarked[i] {
                diags.error("certainty.unmarked-secondary",
                    site.pages[i].meta.location,
                    "a statement \(problem): \"\(statement)\"",
                    hint: "cite the graded fact it states ([text](fact:ID), data/facts.yaml), whose marker follows "
                        + "its grade, or cite an official source")
            }
            cited.formUnion(r.citedSources)
        }
        for s in data.sources where !cited.contains(s.id) {
            diags.warning("source.uncited", s.location, "source '\(s.id)' is not cited by any page")
        }
    }

    /// The calculator data, the ZIP scripts (when the ZIP table is imported) and the fee downloads.
    func computedFiles(site: SiteModel) -> [ComputedFiles] {
        let (data, asOf) = (data, site.config.asOf)
        var jobs = [
            ComputedFiles("calculator-data", wantedBy: [CalculatorDirective.directiveName]) {
                CalculatorData.files(rules: data.rules, asOf: asOf)
            }
        ]
        if data.zipCodes != nil {
            jobs.append(
                ComputedFiles(
                    "zip-scripts", wantedBy: [CalculatorDirective.directiveName, ZIPLookupDirective.directiveName]
                ) { ZIPScripts.files(data: data) })
        }
        jobs.append(ComputedFiles("fee-downloads", wantedBy: [FeeDownloadsDirective.directiveName]) { FeeDownloads.files(data) })
        return jobs
    }

    /// The dates of the fee period in force on the site's as-of date ("2026-01-01 through 2026-12-31", or its
    /// effective date alone while it has no end), or "" when no period covers it. The end is given so that a reader
    /// after it sees the amounts are not for today's dates of service.
    func feePeriod(site: SiteModel) -> String {
        data.rules.period(on: site.config.asOf).map { p in
            p.range.from.description + (p.range.through.map { " through \($0)" } ?? "")
        } ?? ""
    }
}

extension SiteModel {
    /// The guide's data. Only directives that need extension data read it, and the engine runs those only on a
    /// site that has it.
    package var data: SiteData { guideSiteData.data }
    /// Modifiers, examples, discrepancies and other guide data for directives.
    package var guide: GuideData { guideSiteData.guide }

    var guideSiteData: GuideSiteData {
        guard let d = extensionData as? GuideSiteData else { preconditionFailure("the site has no guide data") }
        return d
    }
}

extension DirectiveContext {
    /// A relative URL to the page that explains the certainty markers (`grades_page` of data/facts.yaml).
    package var gradesURL: String? {
        site.data.certainty.gradesPage.flatMap(site.pageIndex(atPath:)).map { url(to: site.pages[$0].outputPath) }
    }
}
