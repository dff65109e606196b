import SiteContent
import CodingRules
import Foundation

/// A content folder without `data/` (and possibly without `site.yaml`) is a plain reference site: pages,
/// links, navigation and search, no figures. Directives need the guide's data; a page that uses one in such
/// a site gets an error at the directive's line.
package enum PlainSite {
    /// Does the content folder hold guide data (`data/`)?
    static func hasData(_ content: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: content + "/data", isDirectory: &isDir) && isDir.boolValue
    }

    /// Site settings when there is no `site.yaml`: the home page's title and summary, English, no as-of date.
    static func config(pages: [PageSource], display: String) -> SiteConfig {
        let home = pages.first { $0.relativePath == "_index.md" } ?? pages.first { $0.relativePath == "index.md" }
        let description = home.map { $0.meta.description.isEmpty ? $0.meta.summary : $0.meta.description } ?? ""
        // The date is never shown or used: `hasAsOf` is false and no directive runs without data.
        return SiteConfig(
            title: home?.meta.title ?? "", asOf: CalendarDate(year: 2000, month: 1, day: 1)!, description: description,
            language: "en", footer: [], location: SourceLocation(file: display), hasAsOf: false)
    }

    /// No codes, fees, policies or sources.
    static let data = SiteData(
        rules: RulesData(
            families: [], codes: [], periods: [], gpciTables: [:],
            policies: Policies(
                telehealthListing: [], therapistTelehealth: [], consent: [], quantityLimits: [], kxThresholds: [],
                kxBuckets: [:], assistantPercent: [], coinsurancePercent: [], sequestrationPercent: [],
                telehealthPlacesOfService: [],
                modifiers: ModifierTable(discipline: [:], assistant: [:], telehealth: "", kx: "", descriptions: [:], source: ""),
                documentation: []),
            profiles: [], defaultProfileID: "",
            totalTimeRule: TotalTimeRule(name: "", summary: "", unitMinutes: 1, remainderMinimum: 1, source: "")),
        sources: [])
}
