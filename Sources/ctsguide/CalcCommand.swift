import GuideCalc
import ArgumentParser
import Foundation

/// `ctsguide calc`: one caregiver-training session as it goes on one patient's claim. Parsing only; the
/// validation and the rules live in `CalcRunner` (GuideCalc) and `CodingRules`.
struct CalcCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract: "Compute the claim lines, modifiers and allowed amounts for one caregiver-training session.")

    @Option(parsing: .unconditional, help: "Session length in whole minutes (above 0).")
    var minutes: String?
    @Option(parsing: .unconditional, help: "Patients represented (default 1; 2 or more is a group session).")
    var patients: String?
    @Option(parsing: .unconditional, help: "Date of service YYYY-MM-DD (default: as_of in <content>/site.yaml).")
    var date: String?
    @Option(parsing: .unconditional, help: "nonfacility (private practice, home) | facility (physician or NPP billing in a facility) | institutional (hospital outpatient department, rehab agency, SNF Part B, CORF, home health Part B; non-facility amount). Default nonfacility.")
    var setting: String?
    @Option(parsing: .unconditional, help: "therapist|assistant (default therapist).")
    var provider: String?
    @Option(parsing: .unconditional, help: "pt|ot|slp (default pt).")
    var discipline: String?
    @Flag(help: "The session was furnished by audio-video telehealth.")
    var telehealth = false
    @Option(parsing: .unconditional, help: "national, MAC-LOCALITY (e.g. 01112-05) or a locality name (default national).")
    var locality: String?
    @Option(parsing: .unconditional, help: "A five-digit ZIP code: priced in its Medicare locality (instead of --locality).")
    var zip: String?
    @Option(parsing: .unconditional, help: "Units profile (default from Content/data/profiles.yaml: ama-midpoint).")
    var profile: String?
    @Option(parsing: .unconditional, help: "functional|direct-care|behavior (default functional).")
    var family: String?
    @Option(name: .customLong("ytd-amount"), parsing: .unconditional, help: "Therapy amount already this year in the KX bucket, e.g. 2300.00.")
    var ytdAmount: String?
    @Option(name: .customLong("conversion-factor"), parsing: .unconditional, help: "Conversion factor option id of the period (e.g. qp in 2026).")
    var conversionFactor: String?
    @Option(parsing: .unconditional, help: "Content directory.")
    var content: String = "Content"
    @Flag(help: "Print one JSON object.")
    var json = false

    func run() throws {
        let out = CalcRunner.run(
            CalcOptions(
                minutes: minutes, patients: patients, date: date, setting: setting, provider: provider,
                discipline: discipline, telehealth: telehealth, locality: locality, profile: profile, family: family,
                ytdAmount: ytdAmount, conversionFactor: conversionFactor, content: content, json: json, zip: zip))
        FileHandle.standardOutput.write(Data(out.stdout.utf8))
        FileHandle.standardError.write(Data(out.stderr.utf8))
        if out.exitCode != 0 { throw ExitCode(out.exitCode) }
    }
}
