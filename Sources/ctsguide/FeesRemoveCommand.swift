import FeeImport
import ArgumentParser

/// `ctsguide fees remove EFFECTIVE`: undo `fees import` of the period starting on that date.
struct FeesRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Undo the import of the fee period starting on a date (Content/ as it was before the import).")

    @Argument(help: "The period's first date, YYYY-MM-DD.")
    var effective: String
    @Option(parsing: .unconditional, help: "Content directory.")
    var content = "Content"

    func run() throws { try finish(FeeRemover.run(effective: effective, content: content)) }
}
