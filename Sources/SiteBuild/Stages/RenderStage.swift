import SiteContent
import SiteRender
import Dispatch

/// Stage 4: pages laid out — navigation rendered once per folder, then each page's view model through its
/// layout template. Pages come out in batches, in page order, so memory never holds every finished page.
package struct RenderStage: Sendable {
    static let batchSize = 512

    let computed: ComputedSite
    let layout: Layout
    let navigation: [String]

    /// Renders the navigation.
    package init(_ computed: ComputedSite) {
        self.computed = computed
        let site = computed.site
        let templates = computed.templates
        let layout = Layout(site: site)
        let name = CheckStage.navigationTemplate
        self.layout = layout
        navigation = !templates.has(name) ? Array(repeating: "", count: site.pages.count)
            : Navigation(layout: layout).render(with: templates, name: name)
    }

    /// The page ranges of the batches, in order.
    package var batches: [Range<Int>] {
        let n = computed.site.pages.count
        return stride(from: 0, to: n, by: Self.batchSize).map { $0..<min($0 + Self.batchSize, n) }
    }

    /// The finished files of one batch of pages, laid out in parallel, in page order.
    package func pages(_ range: Range<Int>) -> [OutputFile] {
        let site = computed.site
        return parallelMap(Array(range)) { i in
            let view = layout.view(
                for: i, rendered: computed.rendered[i], navigation: navigation[i], feePeriod: computed.feePeriod)
            let size = computed.rendered[i].html.utf8.count + navigation[i].utf8.count + 8_192
            return OutputFile(
                path: site.pages[i].outputPath,
                bytes: computed.templates.renderBytes(layoutName(site.pages[i]), context: view, capacity: size))
        }
    }
}
