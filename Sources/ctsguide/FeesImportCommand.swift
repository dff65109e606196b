import FeeImport
import ArgumentParser

/// `ctsguide fees import`: one CMS release (PPRRVU file(s) + Addendum E GPCI file) → one fee period.
struct FeesImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write one fee period (fees/<effective>.yaml) and its GPCI table (gpci/<year>.csv) from CMS files.",
        discussion: """
            Reads the PPRRVU CSV (its columns found by their labels in the two header rows, so added or moved \
            columns are read where they are; give the nonQPP file, and the QPP file of the same release as a \
            second --rvu to add the qualifying-APM conversion factor) and the \
            Addendum E GPCI CSV. Checks every row, keeps the codes listed in data/codes.yaml, and records the \
            input files' names, release lines and sha256. A new period also gets its sources.yaml entries, its \
            locality pages, the end of an earlier period it starts inside, and the outlook retired once covered; \
            `ctsguide fees remove EFFECTIVE` undoes all of it. An existing period with different figures is \
            refused (the changes are printed) unless --force.
            """)

    @Option(name: .customLong("rvu"), parsing: .unconditionalSingleValue, help: "A CMS PPRRVU CSV file (repeat once for the QPP file).")
    var rvu: [String] = []
    @Option(parsing: .unconditional, help: "The CMS GPCI (Addendum E) CSV file.")
    var gpci: String
    @Option(parsing: .unconditional, help: "First date of service of the period, YYYY-MM-DD.")
    var effective: String
    @Option(name: .customLong("conversion-factor"), parsing: .unconditional, help: "Use this default conversion factor instead of the file's.")
    var conversionFactor: String?
    @Option(parsing: .unconditional, help: "Source id in sources.yaml (default: derived from the release, e.g. cms-rvu26c).")
    var source: String?
    @Flag(help: "Replace an existing period even when its figures change.")
    var force = false
    @Option(parsing: .unconditional, help: "Content directory.")
    var content = "Content"

    func run() throws {
        try finish(
            FeeImporter.run(
                rvuFiles: rvu, gpciFile: gpci, effective: effective, conversionFactor: conversionFactor, source: source,
                force: force, content: content))
    }
}
