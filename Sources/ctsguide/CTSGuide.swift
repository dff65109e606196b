import SiteContent
import SiteBuild
import ArgumentParser
import Foundation

@main
struct CTSGuide: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctsguide",
        abstract: "Build and check the caregiver-training coding guide, and compute claim lines.",
        version: CTSGuideVersion.generator,
        subcommands: [
            BuildCommand.self, CheckCommand.self, CalcCommand.self, FeesCommand.self, ServeCommand.self, NewCommand.self,
        ])

    /// Exit codes: 0 success, 1 content or input errors, 2 usage errors.
    static func main() async {
        // An option given twice (`--minutes 30 --minutes 40`) would keep the last one unseen: a usage error.
        // (`--rvu` is given twice on purpose: the nonQPP and QPP files.)
        var seen: Set<Substring> = []
        for arg in CommandLine.arguments.dropFirst().prefix(while: { $0 != "--" }) where arg.hasPrefix("--") {
            let name = arg.prefix { $0 != "=" }
            if name != "--rvu", !seen.insert(name).inserted {
                FileHandle.standardError.write(Data("Error: \(shown(String(name))): given more than once; give it once\n".utf8))
                Foundation.exit(2)
            }
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            // (Arguments echoed in the message keep their control characters escaped, line by line.)
            let message = fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
                .map { TerminalText.escaped(String($0)) }.joined(separator: "\n")
            if exitCode(for: error) == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// A path or argument as it is printed: control characters escaped (`TerminalText`).
func shown(_ text: String) -> String { TerminalText.escaped(text) }

/// Prints diagnostics to standard error, sorted, one per line (plus hint lines).
func report(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    let text = DiagnosticFormatter.text(diagnostics) + "\n"
    FileHandle.standardError.write(Data(text.utf8))
}

struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder (site.yaml, pages, data/).")
    var content = "Content"
    @Option(help: "The templates folder (*.mustache, assets/).")
    var templates = "Templates"

    func validate() throws {
        for (option, value) in [("--content", content), ("--templates", templates)] where value.isEmpty {
            throw ValidationError("\(option): the folder is empty (''); give a folder, such as \(option == "--content" ? "Content" : "Templates")")
        }
    }
}

/// The incremental build's cache (build and serve).
struct CacheOptions: ParsableArguments {
    @Flag(name: .customLong("no-cache"), help: "Build every page from scratch (and leave the cache alone).")
    var noCache = false

    @Option(name: .customLong("cache"), help: "The cache folder (default: .ctsguide-cache beside the content folder).")
    var cacheDirectory: String?

    func validate() throws {
        if cacheDirectory?.isEmpty == true {
            throw ValidationError("--cache: the folder is empty (''); give a folder, such as .ctsguide-cache")
        }
        if noCache, cacheDirectory != nil {
            throw ValidationError("--cache: give either --cache or --no-cache, not both")
        }
    }

    func directory(content: String) -> String? {
        noCache ? nil : (cacheDirectory ?? BuildOptions.defaultCacheDirectory(content: content))
    }
}

/// " (3 of 25 pages rendered)" after an incremental build.
func cacheSummary(_ stats: CacheStats?) -> String {
    guard let s = stats else { return "" }
    let written = s.filesWritten.map { ", \($0) files changed" } ?? ""
    return " (\(s.rendered) of \(s.pages) pages rendered, \(s.laidOut) laid out\(written))"
}
