import SiteContent
import SiteRender
import GuideData
import Foundation

/// The guide as a site extension of the engine: its data (`data/`), directives, link schemes, checks and
/// computed files. The CLI, the preview server, the fuzz entries and the tests register `Guide.extension`.
package enum Guide {
    package static let `extension`: any SiteExtension = GuideExtension()
}

struct GuideExtension: SiteExtension {
    var directives: [any Directive] { guideDirectives }
    var linkSchemes: [String] { guideLinkSchemes }

    /// Does the content folder hold the guide's data (`data/`)? A file or a broken link by that name counts too:
    /// `load` reports it, where the site would otherwise build as a plain one without a word.
    func hasData(contentDirectory: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: contentDirectory + "/data")) != nil
    }

    /// The rules data, sources and facts (`SiteDataLoader`), then what the directives read besides
    /// (`GuideDataLoader`, only when the first has no error).
    func load(contentDirectory: String) -> StageResult<any SiteExtensionData> {
        let loaded = SiteDataLoader.load(contentDirectory: contentDirectory)
        guard let data = loaded.output else { return StageResult(nil, loaded.diagnostics) }
        let guide = GuideDataLoader.load(contentDirectory: contentDirectory, siteData: data)
        return StageResult(
            guide.output.map { GuideSiteData(data: data, guide: $0) }, loaded.diagnostics + guide.diagnostics)
    }
}

extension DirectiveRegistry {
    /// The directives the guide uses.
    package static var standard: DirectiveRegistry { DirectiveRegistry(guideDirectives, linkSchemes: guideLinkSchemes) }
}

/// The directives in `Directives/` (one file each), registered here.
package let guideDirectives: [any Directive] = [
    SourcesDirective(), CertaintyGradesDirective(),
    UnitsTableDirective(), FeeTableDirective(), PolicyTimelineDirective(), ChecklistDirective(),
    ModifiersDirective(), RuleComparisonDirective(),
    WorkedExamplesDirective(), CalculatorDirective(),
    CodeDescriptorDirective(), DiscrepanciesDirective(), LocalityFeesDirective(), FeeExampleDirective(), CodeIndicatorsDirective(),
    CodeUnitsDirective(), WhatChangedDirective(), FeeDownloadsDirective(),
    ZIPLookupDirective(), YearOutlookDirective(), CodeGlanceDirective(), NoteFormDirective(), LocalityPeriodsDirective(),
    LauncherDirective(),
]
