import SiteRender
import SiteBuild
import GuideSite
import Preview
import ArgumentParser
import Foundation

/// `ctsguide serve`: the preview loop (build in memory, serve on 127.0.0.1, rebuild on change, reload pages).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site on 127.0.0.1: rebuild when Content/ or Templates/ change and reload open pages.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The port on 127.0.0.1 (0: any free port).")
    var port = 8000

    @OptionGroup var cache: CacheOptions

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port: a TCP port is 1 to 65535 (or 0 for any free port), not \(port)")
        }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        var options = BuildOptions(
            contentDirectory: site.content, templatesDirectory: site.templates, siteExtension: Guide.extension,
            cacheDirectory: cache.directory(content: site.content))
        options.includeDrafts = true  // drafts are previewed, with their badge; `build` leaves them out
        let session = PreviewSession(options: options) { line, isError in
            (isError ? FileHandle.standardError : FileHandle.standardOutput).write(Data((line + "\n").utf8))
        }
        let bound: Int
        do {
            bound = try session.start(port: port)
        } catch let e as ServeError {
            guard e.diagnostics.isEmpty else { throw failed(e.diagnostics, note: "; nothing was served") }
            FileHandle.standardError.write(Data("ctsguide: \(e.description)\n".utf8))
            throw ExitCode(1)
        }
        say("ctsguide: serving http://127.0.0.1:\(bound)/ (watching \(shown(site.content)) and \(shown(site.templates)); Ctrl-C stops)")
        let done = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { done.signal() }
            source.resume()
            sources.append(source)
        }
        done.wait()
        session.stop()
        say("ctsguide: stopped")
        _ = sources
    }

    /// One line on standard output, unbuffered (a script reading the URL sees it at once).
    private func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
}
