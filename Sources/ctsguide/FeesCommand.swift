import FeeImport
import ArgumentParser
import Foundation

/// `ctsguide fees …`: bring CMS fee-schedule and ZIP code files into `Content/data/`, undo an import, compare
/// periods. Each subcommand is its own small file.
struct FeesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fees",
        abstract: "Import CMS fee-schedule files into Content/ (and undo an import), and compare fee periods.",
        subcommands: [FeesImportCommand.self, FeesRemoveCommand.self, FeesDiffCommand.self, FeesImportZIPCommand.self])
}

/// Prints a command outcome and exits with its code.
func finish(_ outcome: CommandOutcome) throws {
    FileHandle.standardOutput.write(Data(outcome.stdout.utf8))
    report(outcome.diagnostics)
    if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
}
