import ArgumentParser
import Foundation
import GuideSite

/// `ctsguide fees`: importing CMS data into `Content/data/`.
struct FeesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fees", abstract: "Import CMS fee-schedule data into the content folder.",
        subcommands: [FeesImportCommand.self])
}

struct FeesImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a CMS file into <content>/data.")

    @OptionGroup var zipImport: ZIPImportOptions
    @Option(help: "Content directory.")
    var content = "Content"

    func validate() throws {
        if zipImport.zip == nil { throw ValidationError("give --zip FILE") }
    }

    func run() throws { try zipImport.run(content: content) }
}
