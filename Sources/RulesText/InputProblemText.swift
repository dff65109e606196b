import CodingRules

extension RulesText {
    /// Input the rules reject, for `calc` (after `--option: `): what was wrong and what is accepted.
    public func problem(_ p: RulesInputError.Problem) -> String {
        switch p {
        case .minutesNotPositive(let n):
            return "expected a whole number of minutes above 0, got '\(n)'"
        case .patientsBelowOne(let n):
            return "expected a whole number of patients represented, 1 or more, got '\(n)'"
        case .caregiversBelowOne(let n):
            return "expected a whole number of caregivers, 1 or more, got '\(n)'"
        case .unknownFamily(let id, let accepted):
            return "unknown family '\(id)'; accepted: \(accepted.joined(separator: ", "))"
        case .unknownProfile(let id, let accepted):
            return "unknown profile '\(id)'; accepted: \(accepted.joined(separator: ", "))"
        case .noDisciplineModifier(let d):
            return "no discipline modifier is defined for '\(d.rawValue)'"
        case .noAssistantModifier(let d, let allowed):
            return "Medicare has no assistant modifier for \(discipline(d)), so an assistant's service cannot be "
                + "billed; choose the therapist, or an assistant in " + allowed.map(discipline).joined(separator: " or ")
        case .beforeCodes(let family, let codes, let validFrom, let date):
            return "the \(family) codes (\(codes.joined(separator: ", "))) exist for dates of service from "
                + "\(validFrom), got \(sessionDate(date))"
        case .unknownConversionFactor(let id, let label, let accepted):
            return "unknown conversion factor '\(id ?? "")' for \(label); accepted: \(accepted.joined(separator: ", "))"
        case .dateNotCovered(let date, let covered):
            let range = covered.map { "\($0.from) through \($0.through.map(\.description) ?? "open")" } ?? "none"
            return "no fee schedule period covers \(sessionDate(date)); covered dates: \(range)"
        case .unknownLocality(let id, let example):
            return "unknown locality '\(id)'; accepted: national or MAC-LOCALITY such as \(example ?? "none")"
        case .negativeYearToDate(let v):
            return "expected an amount of 0 or more, got '\(v)'"
        }
    }

    /// Input the rules reject, said to a biller on a page (a sentence): the date cases name the family and the
    /// dates the guide covers; the others are `problem` as a sentence.
    public func pageProblem(_ p: RulesInputError.Problem, familyName: String) -> String {
        switch p {
        case .beforeCodes(_, let codes, let validFrom, _):
            return "The \(familyName) codes (\(codes.joined(separator: ", "))) exist for dates of service from \(validFrom) on."
        case .dateNotCovered(let date, let covered):
            let range = covered.map { r in "from \(r.from)" + (r.through.map { " through \($0)" } ?? "") }
            return "No Medicare fee schedule in this guide covers \(sessionDate(date)) yet"
                + (range.map { ": it has the fee schedules for dates of service \($0)." } ?? ".")
        default:
            let m = problem(p)
            return m.prefix(1).uppercased() + m.dropFirst() + "."
        }
    }

    /// `field: problem` (for logs and test messages).
    public func inputError(_ e: RulesInputError) -> String { "\(e.field.rawValue): \(problem(e.problem))" }
}
