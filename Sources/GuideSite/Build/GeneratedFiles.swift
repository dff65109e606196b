/// Files the build writes besides pages and assets (search index, calculator data).
enum GeneratedFiles {
    static func make(site: SiteModel, rendered: [RenderedPage]) -> [OutputFile] { [] }
}
