import FeeImport
import ArgumentParser

/// `ctsguide fees diff A B [--json]`: compare the fee periods covering two dates.
struct FeesDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two fee periods per code and setting (RVUs, conversion factor, national amount, % change) and per locality (GPCIs, the work floor, 97550's amount).")

    @Argument(help: "A date in the older period (e.g. its start, 2025-01-01).")
    var from: String
    @Argument(help: "A date in the newer period (e.g. 2026-01-01).")
    var to: String
    @Flag(help: "Print one JSON object.")
    var json = false
    @Option(parsing: .unconditional, help: "Content directory.")
    var content = "Content"

    func run() throws { try finish(FeeDiffRunner.run(from: from, to: to, json: json, content: content)) }
}
