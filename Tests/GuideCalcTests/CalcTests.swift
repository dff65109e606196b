import Foundation
import Testing

@testable import GuideCalc
import TestSupport

@Suite struct CalcTests {
    static let content = DataTestSupport.content

    static func calc(_ args: [String: String], flags: Set<String> = [], content: String = CalcTests.content) -> CalcOutput {
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

    @Test func contractExample38Minutes() throws {
        let out = Self.calc(["minutes": "38", "date": "2025-06-02"], flags: ["json"])
        #expect(out.exitCode == 0 && out.stderr.isEmpty)
        let j = try Self.json(out)
        #expect(j["billable"] as? Bool == true)
        let lines = try #require(j["lines"] as? [[String: Any]])
        #expect(lines.count == 2)
        #expect(lines[0]["code"] as? String == "97550" && lines[0]["units"] as? Int == 1)
        #expect(lines[0]["modifiers"] as? [String] == ["GP"] && lines[0]["unit_amount"] as? String == "52.08")
        #expect(lines[0]["amount"] as? String == "52.08")
        #expect(lines[1]["code"] as? String == "97551" && lines[1]["units"] as? Int == 1)
        #expect(lines[1]["modifiers"] as? [String] == ["GP"] && lines[1]["amount"] as? String == "25.55")
        #expect(j["total"] as? String == "77.63")
        #expect(j["profile"] as? String == "ama-midpoint")
        let fs = try #require(j["fee_schedule"] as? [String: Any])
        #expect(fs["effective"] as? String == "2025-01-01" && fs["conversion_factor"] as? String == "32.3465")
        #expect(fs["source"] as? String == "cms-rvu25d")
        #expect((j["warnings"] as? [Any])?.isEmpty == true && (j["reasons"] as? [Any])?.isEmpty == true)
        // Sorted keys, two-space indentation.
        #expect(out.stdout.hasPrefix("{\n  \"billable\": true,\n  \"documentation\": ["))
    }

    @Test func outputIsDeterministic() {
        let a = Self.calc(["minutes": "71", "date": "2025-03-03", "locality": "manhattan"], flags: ["json"])
        let b = Self.calc(["minutes": "71", "date": "2025-03-03", "locality": "manhattan"], flags: ["json"])
        #expect(a == b && a.exitCode == 0)
    }

    @Test(arguments: [
        (["minutes": "-5"], "minutes", "'-5'"), (["minutes": "0"], "minutes", "above 0"), (["minutes": "abc"], "minutes", "'abc'"),
        (["minutes": "12.5"], "minutes", "whole number"), (["minutes": "99999999999999999999"], "minutes", "whole number"),
        (["minutes": "1441"], "minutes", "at most 1440"), ([:], "minutes", "required"),
        (["minutes": "20", "patients": "0"], "patients", "1 or more"), (["minutes": "20", "patients": "two"], "patients", "'two'"),
        (["minutes": "20", "date": "2025-02-30"], "date", "YYYY-MM-DD"), (["minutes": "20", "date": "06/02/2025"], "date", "YYYY-MM-DD"),
        (["minutes": "20", "date": "2023-12-31"], "date", "2024-01-01"), (["minutes": "20", "date": "2028-01-01"], "date", "covered dates"),
        (["minutes": "20", "date": "2024-06-01", "family": "direct-care"], "date", "2025-01-01"),
        (["minutes": "20", "locality": "99999-99"], "locality", "unknown locality"),
        (["minutes": "20", "locality": "atlantis"], "locality", "unknown locality"),
        (["minutes": "20", "locality": "rest of"], "locality", "matches several"),
        (["minutes": "20", "discipline": "slp", "provider": "assistant"], "provider", "no assistant modifier"),
        (["minutes": "20", "profile": "strict"], "profile", "ama-midpoint, full-units"),
        (["minutes": "20", "family": "wound"], "family", "functional, direct-care, behavior"),
        (["minutes": "20", "setting": "home"], "setting", "nonfacility|facility"),
        (["minutes": "20", "provider": "aide"], "provider", "therapist|assistant"),
        (["minutes": "20", "discipline": "rn"], "discipline", "pt|ot|slp"),
        (["minutes": "20", "ytd-amount": "-3"], "ytd-amount", "0 or more"),
        (["minutes": "20", "ytd-amount": "1,000"], "ytd-amount", "'1,000'"),
        (["minutes": "20", "conversion-factor": "qp"], "conversion-factor", "accepted: standard"),
    ])
    func invalidInputExitsOneWithOneLine(args: [String: String], option: String, mention: String) {
        var a = args
        if a["date"] == nil { a["date"] = "2025-06-02" }
        let out = Self.calc(a, flags: ["json"])
        #expect(out.exitCode == 1)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.hasPrefix("error: --\(option): "), "\(out.stderr)")
        #expect(out.stderr.contains(mention), "\(out.stderr)")
        #expect(out.stderr.split(separator: "\n").count == 1)
    }

    @Test func missingContentIsAnError() {
        let out = Self.calc(["minutes": "20", "date": "2025-06-02"], content: "/nonexistent/Content")
        #expect(out.exitCode == 1 && out.stderr.contains("/nonexistent/Content/data/codes.yaml:1:1: error: "))
    }

    @Test func dateDefaultsToSiteAsOf() throws {
        let dir = try DataTestSupport.copyOfContent()
        let noSite = Self.calc(["minutes": "20"], content: dir)
        #expect(noSite.exitCode == 1 && noSite.stderr.hasPrefix("error: --date: required") && noSite.stderr.contains("site.yaml"))
        try "title: x\nas_of: 2024-03-08\n".write(toFile: dir + "/site.yaml", atomically: true, encoding: .utf8)
        let out = Self.calc(["minutes": "20"], flags: ["json"], content: dir)
        #expect(out.exitCode == 0)
        let j = try Self.json(out)
        #expect((j["fee_schedule"] as? [String: Any])?["conversion_factor"] as? String == "32.7442")
        #expect((j["session"] as? [String: Any])?["date"] as? String == "2024-03-08")
        try "as_of: someday\n".write(toFile: dir + "/site.yaml", atomically: true, encoding: .utf8)
        #expect(Self.calc(["minutes": "20"], content: dir).exitCode == 1)
    }

    @Test func validButNotBillableExitsZeroWithReasons() throws {
        for (args, flags) in [(["minutes": "15", "date": "2025-06-02"], Set(["json"])),
                              (["minutes": "40", "date": "2024-06-01"], Set(["json", "telehealth"])),
                              (["minutes": "40", "date": "2025-06-02", "family": "behavior", "patients": "2"], Set(["json"]))] {
            let out = Self.calc(args, flags: flags)
            #expect(out.exitCode == 0)
            let j = try Self.json(out)
            #expect(j["billable"] as? Bool == false)
            #expect((j["lines"] as? [Any])?.isEmpty == true)
            #expect(j["total"] is NSNull)
            #expect((j["reasons"] as? [String])?.isEmpty == false)
        }
    }

    @Test func telehealth2025HasModifier95() throws {
        let j = try Self.json(Self.calc(["minutes": "40", "date": "2025-06-02"], flags: ["json", "telehealth"]))
        let lines = try #require(j["lines"] as? [[String: Any]])
        #expect(!lines.isEmpty && lines.allSatisfy { $0["modifiers"] as? [String] == ["95", "GP"] })
    }

    @Test func groupSessions() throws {
        for p in ["2", "5"] {
            let j = try Self.json(Self.calc(["minutes": "45", "patients": p, "date": "2025-06-02", "discipline": "ot"], flags: ["json"]))
            let lines = try #require(j["lines"] as? [[String: Any]])
            #expect(lines.count == 1 && lines[0]["code"] as? String == "97552" && lines[0]["units"] as? Int == 1)
            #expect(lines[0]["modifiers"] as? [String] == ["GO"] && lines[0]["amount"] as? String == "22.00")
        }
    }

    @Test func year2026IsPricedWithBothConversionFactorsAndLocalities() throws {
        let j = try Self.json(Self.calc(["minutes": "40", "date": "2026-01-01"], flags: ["json"]))
        #expect(j["billable"] as? Bool == true && j["total"] as? String == "78.82")  // 52.77 + 26.05
        #expect((j["warnings"] as? [String])?.isEmpty == true)
        #expect((j["fee_schedule"] as? [String: Any])?["conversion_factor"] as? String == "33.4009")
        let qp = try Self.json(Self.calc(["minutes": "40", "date": "2026-01-01", "conversion-factor": "qp"], flags: ["json"]))
        #expect((qp["fee_schedule"] as? [String: Any])?["conversion_factor"] as? String == "33.5675")
        #expect(qp["total"] as? String == "79.22")  // 53.04 + 26.18
        let loc = try Self.json(Self.calc(["minutes": "40", "date": "2026-05-01", "locality": "alaska"], flags: ["json"]))
        #expect((loc["warnings"] as? [String])?.isEmpty == true && loc["total"] is String)
    }

    @Test(arguments: [("Los Angeles", "01182-18"), ("manhattan", "13202-01"), ("PUERTO RICO", "09202-20"),
                      ("alaska", "02102-01"), ("01112-05", "01112-05"), ("montana", "03202-01")])
    func localityByNameOrID(query: String, id: String) throws {
        let j = try Self.json(Self.calc(["minutes": "20", "date": "2025-06-02", "locality": query], flags: ["json"]))
        #expect((j["locality"] as? [String: Any])?["id"] as? String == id)
    }

    @Test func tableShowsThresholdsAndDocumentation() {
        let out = Self.calc(["minutes": "53", "date": "2025-06-02"])
        #expect(out.exitCode == 0)
        #expect(out.stdout.contains("Units decided by:"))
        #expect(out.stdout.contains("97551 unit 1 at 38, unit 2 at 53, next at 68"))
        #expect(out.stdout.contains("Documentation reminders:") && out.stdout.contains("verbal or written"))
        #expect(out.stdout.contains("total") && out.stdout.contains("103.18"))
    }

    @Test func kxThroughCalc() throws {
        let j = try Self.json(Self.calc(["minutes": "38", "date": "2025-06-02", "ytd-amount": "2350.00"], flags: ["json"]))
        let lines = try #require(j["lines"] as? [[String: Any]])
        #expect(!lines.isEmpty && lines.allSatisfy { $0["modifiers"] as? [String] == ["GP", "KX"] })
    }
}
