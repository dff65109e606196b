import SiteContent
import GuideData

/// Loads `GuideData` from `contentDirectory + "/data"`, with positioned diagnostics: the files of
/// `LoadSession.loadGuideData`, then the worked examples (`loadExamples`, checked with `ctsguide calc`'s rules).
public enum GuideDataLoader {
    package static func load(contentDirectory: String, siteData: SiteData) -> StageResult<GuideData> {
        var session = LoadSession(dataDirectory: contentDirectory + "/data")
        let known = Set(siteData.sources.map(\.id))
        var guide = session.loadGuideData(knownSources: known)
        guide.examples = session.loadExamples(rules: siteData.rules, known: known)
        return StageResult(session.diagnostics.hasErrors ? nil : guide, session.diagnostics.items)
    }
}
