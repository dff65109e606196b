import CodingRules

/// The one place where the rules' findings become words: reasons, warnings, notes, threshold notes, missing
/// data, the after-the-last-period notice, timeline entries, input problems and price breakdowns. The site's
/// directives, `ctsguide calc` (text and JSON) and the calculator data all word the rules through it, so the
/// same finding reads the same everywhere. Pure: no I/O, no HTML (callers escape).
public struct RulesText: Sendable {
    /// True when the session's own date of service and minutes are written as the placeholders `{date}` and
    /// `{minutes}` the calculator page fills in from its form; false when written as themselves.
    let usesPlaceholders: Bool

    /// The wording with values (pages and `calc`).
    public static let plain = RulesText(usesPlaceholders: false)
    /// The wording with `{date}` and `{minutes}` for the session's own date and minutes (the calculator data).
    public static let placeholders = RulesText(usesPlaceholders: true)

    func sessionDate(_ d: CalendarDate) -> String { usesPlaceholders ? "{date}" : d.description }
    func sessionMinutes(_ m: Int) -> String { usesPlaceholders ? "{minutes}" : String(m) }

    /// Why a valid session cannot be billed (a clause: no capital, no final period).
    public func reason(_ r: NotBillableReason) -> String {
        switch r {
        case .noGroupCode(let family, let explanation):
            return explanation ?? "the \(family) family has no group code"
        case .belowInitialMinimum(let minutes, let minimum, let code, let profile):
            return "\(sessionMinutes(minutes)) minutes is under the \(minimum) minutes \(code) needs under the "
                + "\(profile); nothing is reportable"
        case .telehealthNotListed(let date, let policy):
            return "telehealth is not billable on \(sessionDate(date)): \(policy ?? "no telehealth policy covers this date")"
        case .therapistTelehealthNotAuthorized(let date, let policy):
            return "telehealth is not billable by a therapist on \(sessionDate(date)): "
                + (policy ?? "no therapist telehealth authority covers this date")
        }
    }

    /// Something the biller must check (a clause, or sentences for the pending notice).
    public func warning(_ w: SessionWarning) -> String {
        switch w {
        case .provisionalTelehealth(let policy), .unconfirmedTelehealthListing(let policy):
            return "telehealth: \(policy)"
        case .telehealthLapseRestored(let date, let policy):
            return "telehealth on \(sessionDate(date)): \(policy)"
        case .pendingFeeSchedule(let notice):
            return pendingNotice(notice)
        case .amountsNotInGuide(let label):
            return "amounts for \(label) are not in this guide yet; check your Medicare contractor's fee schedule"
        case .noKXThreshold(let date):
            return "no KX threshold is known for \(sessionDate(date)), so KX may be needed on this claim; check the "
                + "year's threshold with your Medicare contractor before billing"
        case .kxUndecidable(let threshold, let bucket):
            return "KX: cannot tell whether this claim crosses the \(threshold.moneyText) \(bucket) threshold, "
                + "because its amount is unknown"
        case .kxThresholdNotPublished(let date, let ytd, let last, let lastFrom):
            var s = "KX: the KX threshold for \(date.year) has not been published yet, so KX may be needed on this claim"
            if let last, let lastFrom {
                let above = ytd > last
                s += "; the year-to-date amount of $\(ytd.moneyText) is \(above ? "above" : "not above") the last "
                    + "published threshold ($\(last.moneyText) for \(lastFrom.year))"
                    // rules.md §4: KX "may be needed" above the last published amount, never "likely": the new
                    // year's threshold is not known, and it is normally raised each year (facts.md Part 3 D5).
                    + (above ? ", the amount above which KX may be needed until the \(date.year) threshold is published"
                        : ", and KX may be needed once the year's therapy passes it")
            }
            return s + "; check the \(date.year) threshold with your Medicare contractor before billing"
        }
    }

    /// How the session is coded or priced (a clause).
    public func note(_ n: SessionNote) -> String {
        switch n {
        case .severalCaregivers(let count):
            return "\(count) caregivers of one patient: still an individual session (patients represented decide)"
        case .institutionalTelehealth(let modifier):
            return "telehealth on an institutional claim: modifier \(modifier) on the line, priced at the "
                + "non-facility amount (no place of service decides the rate)"
        case .telehealthPlaceOfService(let pos, let facilityRate, let policy):
            return "telehealth: place of service \(pos), priced at the \(facilityRate ? "facility" : "non-facility") "
                + "rate (\(policy))"
        case .institutionalClaim:
            return "institutional claim (hospital outpatient department, rehab agency, SNF Part B, CORF, home health "
                + "Part B): priced at the non-facility amount, as a copy of the CMS claims manual reports (" + CertaintyWords.marker("M")
                + "). A critical access hospital is paid its reasonable cost instead: no "
                + "fee-schedule amount applies"
        case .graded(let s):
            return CertaintyWords.graded(s.text, grade: s.grade)
        case .assistantPercent(let percent):
            return "assistant lines are paid at \(percent)% of the fee schedule amount; "
                + CertaintyWords.assistantRounding
        }
    }

    /// The minutes that decided one code's units.
    public func threshold(_ t: ThresholdNote) -> String {
        switch t {
        case .group(let code, let patients):
            return "\(code): untimed group service, 1 unit on this patient's claim (\(patients) patients represented; "
                + "caregivers are not counted)"
        case .initial(let code, let minimum, let profile):
            return "\(code) from \(minimum) min (\(profile))"
        case .addOnNotReached(let code, let firstAt, let minutes):
            return "\(code) unit 1 at \(firstAt) min (not reached) (session: \(sessionMinutes(minutes)) min)"
        case .addOn(let code, let reachedAt, let nextAt, let minutes):
            let units = reachedAt.enumerated().map { " unit \($0.offset + 1) at \($0.element)" }.joined(separator: ",")
            return "\(code)\(units), next at \(nextAt) (session: \(sessionMinutes(minutes)) min)"
        }
    }

    /// One minutes threshold and whether the session reached it (the calculator page lists them one by one).
    public func unitThreshold(_ t: UnitThreshold) -> String {
        "\(t.code) unit \(t.unit) at \(t.minutes) min (\(t.reached ? "reached" : "not reached"))"
    }

    /// The after-the-last-period answer: what is known, that the amounts are not in the guide, and the
    /// therapist telehealth policy on the date (sentences).
    public func pendingNotice(_ n: PendingNotice) -> String {
        let p = n.schedule
        var s = "\(p.label) amounts are not in this guide yet (last checked \(p.checked)"
        if let last = n.lastCovered { s += "; the guide has Medicare amounts through \(last)" }
        s += "). \(p.status)."
        if !p.proposedConversionFactors.isEmpty {
            let cfs = p.proposedConversionFactors.map { "\($0.value) (\($0.label))" }.joined(separator: " and ")
            s += " Proposed" + (p.proposedOn.map { " on \($0)" } ?? "") + ", not final: conversion factor \(cfs); "
                + "no amount is computed from them."
        }
        if let t = n.therapistTelehealth { s += " Therapist telehealth on \(sessionDate(n.date)): \(t)." }
        return s
    }
}
