import SiteContent
import CalendarDates
import Foundation

/// A content folder without the site extension's data (and possibly without `site.yaml`) is a plain reference
/// site: pages, links, navigation and search, no figures. A page that uses a directive needing that data gets an
/// error at the directive's line.
package enum PlainSite {
    /// Site settings when there is no `site.yaml`: the home page's title and summary, English, no as-of date.
    static func config(pages: [PageSource], display: String) -> SiteConfig {
        let home = pages.first { $0.relativePath == "_index.md" } ?? pages.first { $0.relativePath == "index.md" }
        let description = home.map { $0.meta.description.isEmpty ? $0.meta.summary : $0.meta.description } ?? ""
        // The date is never shown or used: `hasAsOf` is false and no directive runs without data.
        return SiteConfig(
            title: home?.meta.title ?? "", asOf: CalendarDate(year: 2000, month: 1, day: 1)!, description: description,
            language: "en", footer: [], location: SourceLocation(file: display), hasAsOf: false)
    }
}
