import FeeImport
import ArgumentParser
import Foundation

/// `ctsguide fees import-zip FILE`: parsing and printing only; `ZIPImport` (FeeImport) reads, checks and writes
/// `<content>/data/zip-codes.yaml`.
struct FeesImportZIPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-zip",
        abstract: "Write the ZIP code → Medicare locality table (data/zip-codes.yaml) from a CMS ZIP5 file.",
        discussion: """
            Reads CMS's "ZIP code to carrier locality" file, either the fixed-width ZIP5_*.txt or the ZIP5 sheet \
            saved as CSV (ZIP codes kept as text), and checks every carrier-locality against the GPCI table of the \
            file's year (data/gpci/<year>.csv). Any error (a wrong record length, an unknown carrier-locality, a \
            duplicate ZIP code, …) is printed with its line and nothing is written.
            """)

    @Argument(help: "The CMS ZIP5 file (.txt or .csv).")
    var file: String
    @Option(parsing: .unconditional, help: "Content directory.")
    var content = "Content"

    func run() throws {
        let outcome = ZIPImport.run(file: file, contentDirectory: content)
        guard let summary = outcome.summary else { throw failed(outcome.diagnostics, note: "; nothing was written") }
        report(outcome.diagnostics)
        print("ctsguide: " + summary)
    }
}
