import SiteContent
import SiteBuild
import Foundation

/// `ctsguide serve`: builds the site in memory, serves it on 127.0.0.1, and rebuilds it (in memory, through the
/// pipeline: the guide takes about 0.2 s) whenever a file under the content or templates folder changes. A failed
/// rebuild keeps the last good site and shows its errors; nothing is written to the output folder.
public final class PreviewSession: @unchecked Sendable {
    public let options: BuildOptions
    private let log: @Sendable (_ line: String, _ isError: Bool) -> Void
    private var server: HTTPServer?
    /// Guards `site` and `stopped` (the HTTP threads read them while a rebuild or `stop` changes them).
    private let lock = NSLock()
    private var site = PreviewSite()
    private var stopped = false
    private let buildLock = NSLock()
    /// Warnings of the last good build (printed again only when they change).
    private var lastWarnings: [Diagnostic]?

    public init(options: BuildOptions, log: @escaping @Sendable (_ line: String, _ isError: Bool) -> Void) {
        self.options = options
        self.log = log
    }

    /// Listens on `port` (0: any free port), builds once, then watches. Returns the bound port.
    @discardableResult
    public func start(port: Int) throws -> Int {
        let overlap = FolderOverlap.problems(options, writesOutput: false)
        if !overlap.isEmpty { throw ServeError(DiagnosticFormatter.text(overlap), diagnostics: overlap) }
        // Listen first: a port in use is reported at once, and a page opened during the first build reloads
        // when it is done.
        let server = try HTTPServer(port: port) { [weak self] _, target in
            self?.locked { $0.site }.respond(target: target) ?? HTTPResponse(status: 404)
        }
        self.server = server
        rebuild(reason: nil)
        let watcher = Thread { [self] in
            FileWatcher.watch(options, while: { !locked { $0.stopped } }) { rebuild(reason: $0) }
        }
        watcher.name = "ctsguide-watch"
        watcher.start()
        return server.port
    }

    public func stop() {
        locked { $0.stopped = true }
        server?.stop()
    }

    private func locked<T>(_ body: (PreviewSession) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(self)
    }

    /// One build; on success the preview serves it, on failure the errors go to the terminal and the page.
    public func rebuild(reason changed: [String]?) {
        buildLock.lock()
        defer { buildLock.unlock() }
        let start = DispatchTime.now()
        let result = SiteBuilder.generate(options)
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        let what = changed.map { c in
            c.count == 1 ? "\(display(c[0])) changed; " : "\(c.count) files changed; "
        } ?? ""
        switch result {
        case .success(let generated):
            locked { $0.site.update(generated) }
            if generated.warnings != lastWarnings {
                for w in generated.warnings { log(DiagnosticFormatter.text(w), true) }
                lastWarnings = generated.warnings
            }
            log(what + "built \(generated.pageCount) pages in " + String(format: "%.0f", ms) + " ms", false)
        case .failure(let failure):
            locked { $0.site.fail(failure.diagnostics) }
            for d in failure.diagnostics.uniqueSorted { log(DiagnosticFormatter.text(d), true) }
            let n = failure.diagnostics.uniqueSorted.filter { $0.severity == .error }.count
            log(what + "\(n) error\(n == 1 ? "" : "s"); still serving the last version that built", true)
        }
    }

    private func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return TerminalText.escaped(path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path)
    }
}
