/// What `evaluate` found about a session, as structure: the words are `RulesText`'s job. Strings carried in
/// associated values are data (names, labels and summaries from the data files), never sentences built here.

/// Why a valid session cannot be billed.
public enum NotBillableReason: Sendable, Hashable {
    /// A group session in a family with no group code; `explanation` is the data's own reason, when it has one.
    case noGroupCode(familyName: String, explanation: String?)
    /// An individual session shorter than the initial code's minimum under the unit profile.
    case belowInitialMinimum(minutes: Int, minimum: Int, code: String, profileName: String)
    /// The codes are not on the telehealth list on `date`; `policy` is the summary of the row in force (nil: none).
    case telehealthNotListed(date: CalendarDate, policy: String?)
    /// Therapists may not furnish telehealth on `date`; `policy` as above.
    case therapistTelehealthNotAuthorized(date: CalendarDate, policy: String?)
}

/// Something the biller must check; the session may still be billable.
public enum SessionWarning: Sendable, Hashable {
    /// The codes are on the telehealth list provisionally; `policy` is the row's summary.
    case provisionalTelehealth(policy: String)
    /// Therapist telehealth lapsed on `date` and was restored later; `policy` is the row's summary.
    case telehealthLapseRestored(date: CalendarDate, policy: String)
    /// The date of service is after the last fee period: what is known instead of amounts.
    case pendingFeeSchedule(PendingNotice)
    /// The period exists but some data needed for its amounts is missing.
    case amountsNotInGuide(periodLabel: String)
    /// No KX threshold is known for the date; KX is not assessed.
    case noKXThreshold(date: CalendarDate)
    /// The claim's amount is unknown, so whether it crosses the KX threshold cannot be told.
    case kxUndecidable(threshold: DecimalValue, bucket: String)
    /// A year-to-date amount was given for a date whose year's KX threshold is not published yet: KX may be
    /// needed; `lastKnown` is the latest published threshold before the date (its amount and first date).
    case kxThresholdNotPublished(date: CalendarDate, yearToDate: DecimalValue, lastKnown: DecimalValue?, lastKnownFrom: CalendarDate?)
    /// The telehealth-list status for the date is not confirmed (the policy's summary says why).
    case unconfirmedTelehealthListing(policy: String)
}

/// Information about how the session is coded or priced; not a problem.
public enum SessionNote: Sendable, Hashable {
    /// Several caregivers of one patient: still an individual session.
    case severalCaregivers(count: Int)
    /// Telehealth on an institutional claim: the modifier on the line, non-facility amount.
    case institutionalTelehealth(modifier: String)
    /// Telehealth on a professional claim: priced by its place of service (`policy`: the data's summary).
    case telehealthPlaceOfService(pos: String, facilityRate: Bool, policy: String)
    /// An institutional claim: non-facility amount, and what a critical access hospital is paid instead.
    case institutionalClaim
    /// Assistant lines are paid at `percent` of the fee schedule amount.
    case assistantPercent(DecimalValue)
    /// A statement of data below certainty H (its grade and source with it).
    case graded(GradedStatement)

    /// True for a note on how lines are priced (the December review's N18: never given when nothing is billed).
    public var isPricing: Bool {
        switch self {
        case .severalCaregivers, .graded: return false
        case .institutionalTelehealth, .telehealthPlaceOfService, .institutionalClaim, .assistantPercent: return true
        }
    }
}

/// The minutes that decided a code's units, one per code.
public enum ThresholdNote: Sendable, Hashable {
    /// The untimed group code: one unit; `patients` represented.
    case group(code: String, patients: Int)
    /// The initial code from `minimum` minutes under the named profile.
    case initial(code: String, minimum: Int, profileName: String)
    /// The add-on code's first unit (at `firstAt` minutes) was not reached.
    case addOnNotReached(code: String, firstAt: Int, sessionMinutes: Int)
    /// The add-on units reached (total minutes of each, in order) and where the next one starts.
    case addOn(code: String, reachedAt: [Int], nextAt: Int, sessionMinutes: Int)
}

/// Data that is missing to price a line (for maintainers).
public enum MissingData: Sendable, Hashable {
    /// The conversion factor option `id` (nil: the default) is not in the period.
    case conversionFactor(id: String?, periodLabel: String)
    /// Some RVU components of a code are not known.
    case rvuComponents([RVUComponent], code: String, periodLabel: String)
    /// A code has no RVUs in the period.
    case rvus(code: String, periodLabel: String)
    /// The GPCI table has no row for the locality.
    case gpciRow(locality: String, table: String)
    /// The period has no GPCI table; `note` is the data's own note about it, when it has one.
    case gpciTable(periodLabel: String, note: String?)
    /// A note of the period's data naming what is known to be missing.
    case periodNote(String)
    /// No assistant payment percentage is known for the date.
    case assistantPercent(date: CalendarDate)
}

/// One component of a code's RVUs.
public enum RVUComponent: Sendable, Hashable, CaseIterable {
    case work, peNonfacility, peFacility, mp
}

/// The after-the-last-period answer for a date of service: the pending schedule, the last date the guide has
/// amounts for, and the therapist telehealth policy in force on that date (its summary), when known.
public struct PendingNotice: Sendable, Hashable {
    public var schedule: PendingFeeSchedule
    public var lastCovered: CalendarDate?
    public var date: CalendarDate
    public var therapistTelehealth: String?
}

/// One item of the documentation checklist, with the id of the source behind its wording.
public struct ChecklistItem: Sendable, Hashable {
    /// The item's id in the data.
    public var id: String
    /// The item's wording (data: the item's own, or the consent policy's for the date).
    public var text: String
    public var source: String
}
