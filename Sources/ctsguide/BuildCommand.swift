import SiteContent
import SiteBuild
import GuideSite
import ArgumentParser
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Check the content and write the site (replaces the output folder).")

    @OptionGroup var site: SiteOptions
    @Option(help: "The output folder; written through a staging folder beside it, then swapped in.")
    var output = "Public"
    @Flag(help: "Replace the output folder even if ctsguide did not write it.")
    var force = false
    @Flag(help: "Print how long each stage of the build took.")
    var timings = false

    @OptionGroup var cache: CacheOptions

    func run() throws {
        let start = DispatchTime.now()
        if output.isEmpty {
            FileHandle.standardError.write(Data("ctsguide: error: --output: the output folder is empty (''); give a folder, such as Public\n".utf8))
            throw ExitCode(1)
        }
        let options = BuildOptions(
            contentDirectory: site.content, templatesDirectory: site.templates, outputDirectory: output,
            siteExtension: Guide.extension, force: force, cacheDirectory: cache.directory(content: site.content))
        switch SiteBuilder.build(options) {
        case .failure(let failure):
            throw failed(failure.diagnostics, note: "; \(shown(output)) was not changed")
        case .success(let generated):
            report(generated.warnings)
            if generated.cache?.route == .nothingChanged {
                print(
                    "ctsguide: nothing changed since the last build; \(shown(output)) is up to date (\(generated.pageCount) pages, "
                        + "\(generated.fileCount) files, checked in " + seconds(since: start) + " s)" + warningCount(generated.warnings))
            } else {
                print(
                    "ctsguide: wrote \(generated.pageCount) pages (\(generated.fileCount) files) to \(shown(output)) in "
                        + seconds(since: start) + " s" + cacheSummary(generated.cache) + warningCount(generated.warnings))
            }
            if timings {
                for s in generated.timings.stages { print(String(format: "%8.3f s  ", s.seconds) + s.name) }
            }
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Run every check of a build without writing anything.")

    @OptionGroup var site: SiteOptions

    func run() throws {
        let start = DispatchTime.now()
        let options = BuildOptions(
            contentDirectory: site.content, templatesDirectory: site.templates, siteExtension: Guide.extension)
        switch SiteBuilder.generate(options) {
        case .failure(let failure):
            throw failed(failure.diagnostics, note: "")
        case .success(let generated):
            report(generated.warnings)
            print(
                "ctsguide: \(generated.pageCount) pages checked, no errors, in " + seconds(since: start) + " s"
                    + warningCount(generated.warnings))
        }
    }
}

/// Prints diagnostics and "ctsguide: N errors<note>" (each error counted once, as printed); returns the exit
/// code (1) to throw.
func failed(_ diagnostics: [Diagnostic], note: String) -> ExitCode {
    report(diagnostics)
    let n = diagnostics.uniqueSorted.filter { $0.severity == .error }.count
    FileHandle.standardError.write(Data("ctsguide: \(n) error\(n == 1 ? "" : "s")\(note)\n".utf8))
    return ExitCode(1)
}

/// The seconds since `start`, two decimals.
func seconds(since start: DispatchTime) -> String {
    String(format: "%.2f", Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
}

/// ", N warning(s)" after a summary, or nothing.
func warningCount(_ warnings: [Diagnostic]) -> String { warnings.isEmpty ? "" : ", \(warnings.count) warning(s)" }
