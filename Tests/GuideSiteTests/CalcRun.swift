import Foundation
import Testing

@testable import GuideCalc
import TestSupport

/// `ctsguide calc` for the tests here that compare its answer with the real guide's pages (calc's own tests
/// are in GuideCalcTests).
enum CalcRun {
    static func calc(_ args: [String: String], flags: Set<String> = [], content: String = Paths.content) -> CalcOutput {
        CalcRunner.run(
            CalcOptions(
                minutes: args["minutes"], patients: args["patients"], date: args["date"], setting: args["setting"],
                provider: args["provider"], discipline: args["discipline"], telehealth: flags.contains("telehealth"),
                locality: args["locality"], profile: args["profile"], family: args["family"], ytdAmount: args["ytd-amount"],
                conversionFactor: args["conversion-factor"], content: content, json: flags.contains("json")))
    }

    static func json(_ out: CalcOutput) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    }
}
