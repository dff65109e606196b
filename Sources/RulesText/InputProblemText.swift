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
        case .dateNotCovered(let date, let covered, let priced):
            return "\(sessionDate(date)) is outside the dates of service this guide covers; covered dates: "
                + Self.coveredDates(covered, pricedThrough: priced)
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
        case .dateNotCovered(let date, let covered, let priced):
            return "This guide does not cover \(sessionDate(date)); covered dates: "
                + Self.coveredDates(covered, pricedThrough: priced) + "."
        default:
            let m = problem(p)
            return m.prefix(1).uppercased() + m.dropFirst() + "."
        }
    }

    /// The one statement of the dates the guide covers (`RulesData.acceptedRange`), with the last date that has
    /// amounts when it is earlier: "FIRST through LAST (Medicare amounts through PRICED; later dates get claim
    /// lines without amounts)".
    public static func coveredDates(_ covered: DateRange?, pricedThrough: CalendarDate?) -> String {
        guard let c = covered else { return "none" }
        var s = "\(c.from) through \(c.through.map(\.description) ?? "open")"
        if let p = pricedThrough {
            s += " (Medicare amounts through \(p); later dates get claim lines without amounts)"
        }
        return s
    }
}
