import SiteContent
import GuideData
import CodingRules
import Foundation
import RulesText

/// `ctsguide calc` as a function: validates the raw options, loads `Content/data`, evaluates the session with
/// `CodingRules` and renders JSON or a readable table. Invalid input gives one `error: --option: …` line on
/// stderr and exit 1; a valid session that is not billable exits 0 with its reasons.
public enum CalcRunner {
    /// Input `calc` cannot use: the option at fault and what was wrong with it, after any diagnostics of the
    /// files it read (`preceding`, already formatted `path:line:col: error: …` lines).
    package struct InputFailure: Error, Hashable {
        /// The option's name without dashes (`minutes`, `date`, `zip`…).
        package var option: String
        package var message: String
        package var preceding: [String] = []

        init(_ option: String, _ message: String, preceding: [String] = []) {
            self.option = option
            self.message = message
            self.preceding = preceding
        }

        /// A rules input error, worded by `RulesText`.
        init(_ error: RulesInputError) {
            self.init(error.field.rawValue, RulesText.plain.problem(error.problem))
        }

        /// The stderr text: the preceding lines, then `error: --option: message` (control characters of an
        /// echoed argument escaped, so it stays one line and cannot drive the terminal).
        package var text: String {
            (preceding + ["error: --\(option): \(TerminalText.escaped(message))"]).joined(separator: "\n")
        }
    }

    /// The longest session `calc` accepts: one day, in minutes.
    static let maxMinutes = 24 * 60
    /// The most patients represented `calc` accepts.
    package static let maxPatients = 1_000_000

    /// Runs the command in-process.
    public static func run(_ options: CalcOptions) -> CalcOutput {
        do {
            let (input, data, zip) = try prepare(options)
            let result = try data.rules.evaluate(input)
            let out = options.json
                ? CalcReport(result, input: input, data: data, zip: zip).rendered()
                : (zip?.text ?? "") + CalcRender.table(result, input: input, data: data)
            return CalcOutput(exitCode: 0, stdout: out, stderr: "")
        } catch let f as InputFailure {
            return fail(f.text)
        } catch let e as RulesInputError {
            return fail(InputFailure(e).text)
        } catch {
            return fail("error: \(error)")
        }
    }

    static func fail(_ line: String) -> CalcOutput {
        CalcOutput(exitCode: 1, stdout: "", stderr: line.hasSuffix("\n") ? line : line + "\n")
    }

    package static func prepare(_ o: CalcOptions) throws -> (SessionInput, SiteData, CalcZIP?) {
        var input = try parse(o)
        try CalcZIP.checkForm(o)
        let loaded = SiteDataLoader.load(contentDirectory: o.content)
        guard let data = loaded.output else {
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            throw InputFailure(
                "content", "the data in '\(o.content)/data' has \(errors.count) error(s)", preceding: errors.map(\.description))
        }
        let zip = try o.zip.map { try CalcZIP.resolve($0, data: data) }
        input.locality = try zip.map { .locality(id: $0.locality.id) } ?? resolveLocality(o.locality, rules: data.rules)
        caseFold(&input, rules: data.rules)
        return (input, data, zip)
    }

    /// The session `calc` would evaluate for these options, checked against already loaded rules data (used by
    /// the worked examples). Throws `InputFailure`.
    package static func sessionInput(_ o: CalcOptions, rules: RulesData) throws -> SessionInput {
        var input = try parse(o)
        input.locality = try resolveLocality(o.locality, rules: rules)
        caseFold(&input, rules: rules)
        return input
    }

    /// The profile, family and conversion-factor ids as the data spells them (lowercase kebab-case), whatever the
    /// case written (`QP`, `Full-Units`), as `--setting PT` is read; an id the data lacks stays as written.
    static func caseFold(_ input: inout SessionInput, rules: RulesData) {
        func spelt(_ raw: String?, _ ids: [String]) -> String? { raw.map { r in ids.first { $0 == r.lowercased() } ?? r } }
        input.profile = spelt(input.profile, rules.profiles.map(\.id))
        input.family = spelt(input.family, rules.families.map(\.id))
        input.conversionFactor = spelt(
            input.conversionFactor,
            (rules.periods.flatMap(\.conversionFactors) + (rules.pending?.proposedConversionFactors ?? [])).map(\.id))
    }

    /// The session from the options that need no data (the locality is resolved once the data is loaded).
    static func parse(_ o: CalcOptions) throws -> SessionInput {
        guard let minutesText = o.minutes else {
            throw InputFailure("minutes", "required: the session length in whole minutes above 0")
        }
        guard let minutes = Int(minutesText.trimmingCharacters(in: .whitespaces)), minutes > 0 else {
            throw InputFailure("minutes", "expected a whole number of minutes above 0, got '\(minutesText)'")
        }
        guard minutes <= maxMinutes else {
            throw InputFailure("minutes", "expected at most \(maxMinutes) minutes (one day) for one session, got '\(minutesText)'")
        }
        var patients = 1
        if let p = o.patients {
            let t = p.trimmingCharacters(in: .whitespaces)
            guard let v = Int(t), v >= 1, v <= maxPatients else {
                // (Digits only, not all zeros: too many, also beyond what an Int holds.)
                let tooMany = !t.isEmpty && t.allSatisfy { $0.isASCII && $0.isNumber } && t.contains { $0 != "0" }
                throw InputFailure("patients", tooMany ? "expected at most \(maxPatients) patients represented in one session, got '\(p)'"
                    : "expected a whole number of patients represented, 1 or more (2 or more is a group), got '\(p)'")
            }
            patients = v
        }
        let setting = try choice(o.setting, "setting", Setting.self, default: .nonfacility)
        let provider = try choice(o.provider, "provider", Provider.self, default: .therapist)
        let discipline = try choice(o.discipline, "discipline", Discipline.self, default: .pt)
        var ytd: DecimalValue? = nil
        if let y = o.ytdAmount {
            let parsed = DecimalLimits.money.parse(y)
            guard case .success(let v) = parsed, !v.isNegative else {
                // (A number too large or with a fraction of a cent says so: it is not "below 0".)
                if !y.contains("-"), case .failure(let f) = parsed, f.message != "is not a decimal number" {
                    throw InputFailure("ytd-amount", "'\(y)' \(f.message) (e.g. 1234.56)")
                }
                throw InputFailure("ytd-amount", "expected a dollar amount of 0 or more such as 1234.56, got '\(y)'")
            }
            ytd = v
        }
        let date = try resolveDate(o)
        return SessionInput(
            minutes: minutes, patients: patients, date: date, setting: setting, provider: provider, discipline: discipline,
            telehealth: o.telehealth, profile: o.profile, family: o.family, yearToDateAmount: ytd,
            conversionFactor: o.conversionFactor)
    }

    static func choice<E: RawRepresentable & CaseIterable>(
        _ raw: String?, _ option: String, _: E.Type, default d: E
    ) throws -> E where E.RawValue == String {
        guard let raw else { return d }
        if let v = E(rawValue: raw.lowercased()) { return v }
        throw InputFailure(option, "expected one of \(E.allCases.map(\.rawValue).joined(separator: "|")), got '\(raw)'")
    }

    /// `--date`, or the `as_of` of `<content>/site.yaml` when it is not given.
    static func resolveDate(_ o: CalcOptions) throws -> CalendarDate {
        if let d = o.date {
            guard let v = CalendarDate(parsing: d.trimmingCharacters(in: .whitespaces)) else {
                throw InputFailure("date", "expected a real calendar date YYYY-MM-DD, got '\(d)'")
            }
            return v
        }
        let site = o.content + "/site.yaml"
        var st = stat()
        guard lstat(site, &st) == 0 else {
            throw InputFailure("date", "required: \(site) does not exist, so there is no as_of date to default to; give --date YYYY-MM-DD")
        }
        // The same loader as `build` and `check`, so whatever YAML they accept (CRLF, flow style) works here.
        let loaded = SiteConfig.load(contentDirectory: o.content)
        guard let config = loaded.output else {
            let errors = loaded.diagnostics.filter { $0.severity == .error }.map(\.description)
            throw InputFailure(
                "date", "not given, and \(site) has the error(s) above; give --date YYYY-MM-DD", preceding: errors)
        }
        return config.asOf
    }

    /// `national`, a `MAC-LOCALITY` id, or a case-insensitive unambiguous part of a locality name.
    static func resolveLocality(_ raw: String?, rules: RulesData) throws -> LocalityChoice {
        guard let raw else { return .national }
        // (CMS's GPCI file marks some names with a footnote star, `ALASKA*`: a name copied from it still matches.)
        var text = raw.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("*") { text.removeLast() }
        if text.lowercased() == "national" { return .national }
        let all = rules.allLocalities
        if let l = all.first(where: { $0.id == text }) { return .locality(id: l.id) }
        let accepted = "accepted: national, a MAC-LOCALITY such as 01112-05, or an unambiguous part of a locality name"
        let isID = text.count == 8 && text.enumerated().allSatisfy { i, c in i == 5 ? c == "-" : (c.isASCII && c.isNumber) }
        if isID || text.isEmpty { throw InputFailure("locality", "unknown locality '\(raw)'; \(accepted)") }
        let needle = text.lowercased()
        let exact = all.filter { $0.name.lowercased() == needle }
        let matches = exact.isEmpty ? all.filter { $0.name.lowercased().contains(needle) } : exact
        if matches.count == 1 { return .locality(id: matches[0].id) }
        if matches.isEmpty { throw InputFailure("locality", "unknown locality '\(raw)'; \(accepted)") }
        let list = matches.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
        throw InputFailure("locality", "'\(raw)' matches several localities: \(list); give the MAC-LOCALITY")
    }
}
