import ArgumentParser
import Foundation
import GuideSite

/// The ZIP code part of `ctsguide fees import --zip FILE`: parsing and printing only; `ZIPImport` (GuideSite)
/// reads, checks and writes.
struct ZIPImportOptions: ParsableArguments {
    @Option(name: .customLong("zip"), help: "A CMS ZIP code to carrier locality file (ZIP5 .txt, or the sheet saved as CSV).")
    var zip: String?

    /// Runs the import; errors are printed and thrown as exit code 1.
    func run(content: String) throws {
        guard let zip else { return }
        let outcome = ZIPImport.run(file: zip, contentDirectory: content)
        report(outcome.diagnostics)
        guard let summary = outcome.summary else {
            let n = outcome.diagnostics.filter { $0.severity == .error }.count
            FileHandle.standardError.write(Data("ctsguide: \(n) error\(n == 1 ? "" : "s"); nothing was written\n".utf8))
            throw ExitCode(1)
        }
        print("ctsguide: " + summary)
    }
}
