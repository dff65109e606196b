import SiteContent
import ArgumentParser
import Foundation

/// `ctsguide new PATH.md [--title T]`: writes a new page with its front matter, ready to build (`PageScaffold`).
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new page (front matter and a first line) below the content folder; never overwrites.")

    @Argument(help: "The page's path below the content folder, ending in .md (e.g. clinic/rooms.md).")
    var path: String

    @Option(help: "The page's title (default: from the file name).")
    var title: String?

    @Option(help: "The content folder.")
    var content = "Content"

    func run() throws {
        switch PageScaffold.create(path, title: title, content: content) {
        case .failure(let problem):
            FileHandle.standardError.write(Data("ctsguide: error: \(shown(problem.message))\n".utf8))
            throw ExitCode(1)
        case .success(let page):
            let url = pageURLPath(ContentLoader.defaultOutputPath(page.relativePath))
            print(shown("ctsguide: wrote \(page.file) (title: \(page.title)); `ctsguide build` publishes it at \(url.isEmpty ? "/" : url)"))
        }
    }
}
