/// One caregiver-training session as it goes on one patient's claim.
public struct SessionInput: Sendable, Hashable {
    public var minutes: Int
    /// Patients represented (not caregivers); 2 or more makes a group session.
    public var patients: Int
    /// Caregivers trained (informational only: it never decides individual vs group); nil when not given.
    public var caregivers: Int?
    public var date: CalendarDate
    public var setting: Setting
    public var provider: Provider
    public var discipline: Discipline
    public var telehealth: Bool
    public var locality: LocalityChoice
    /// Unit profile id; nil means the data's default.
    public var profile: String?
    /// Family id; nil means the first family in the data.
    public var family: String?
    /// The patient's therapy amount so far this year in the same KX bucket, if known.
    public var yearToDateAmount: DecimalValue?
    /// Conversion factor option id (e.g. the qualifying-APM one); nil means the period's default.
    public var conversionFactor: String?

    public init(
        minutes: Int, patients: Int = 1, caregivers: Int? = nil, date: CalendarDate, setting: Setting = .nonfacility,
        provider: Provider = .therapist, discipline: Discipline = .pt, telehealth: Bool = false,
        locality: LocalityChoice = .national, profile: String? = nil, family: String? = nil,
        yearToDateAmount: DecimalValue? = nil, conversionFactor: String? = nil
    ) {
        self.minutes = minutes
        self.patients = patients
        self.caregivers = caregivers
        self.date = date
        self.setting = setting
        self.provider = provider
        self.discipline = discipline
        self.telehealth = telehealth
        self.locality = locality
        self.profile = profile
        self.family = family
        self.yearToDateAmount = yearToDateAmount
        self.conversionFactor = conversionFactor
    }
}

/// Input that cannot describe a real session (as opposed to a valid session that is not billable).
public struct RulesInputError: Error, Sendable, Hashable {
    /// The input at fault; its raw value is the `calc` option name without dashes.
    public enum Field: String, Sendable, Hashable {
        case minutes, patients, caregivers, date, setting, provider, discipline, telehealth, locality, profile, family
        case yearToDateAmount = "ytd-amount"
        case conversionFactor = "conversion-factor"
    }

    /// What is wrong, with what is accepted (`RulesText` says it in words).
    public enum Problem: Sendable, Hashable {
        case minutesNotPositive(Int)
        case patientsBelowOne(Int)
        case caregiversBelowOne(Int)
        case unknownFamily(String, accepted: [String])
        case unknownProfile(String, accepted: [String])
        case noDisciplineModifier(Discipline)
        /// No assistant modifier for the discipline; `allowed` are the disciplines that have one.
        case noAssistantModifier(Discipline, allowed: [Discipline])
        /// The date is before the family's codes existed.
        case beforeCodes(family: String, codes: [String], validFrom: CalendarDate, date: CalendarDate)
        /// `id` nil: the period's default was asked for.
        case unknownConversionFactor(String?, periodLabel: String, accepted: [String])
        /// No fee period covers the date. `covered`: the dates the guide accepts (nil: none); `pricedThrough`:
        /// the last date with amounts, when earlier.
        case dateNotCovered(CalendarDate, covered: DateRange?, pricedThrough: CalendarDate? = nil)
        /// `example` is a locality id of the data, when it has any.
        case unknownLocality(String, example: String?)
        case negativeYearToDate(DecimalValue)
    }

    public var field: Field
    public var problem: Problem

    public init(_ field: Field, _ problem: Problem) {
        self.field = field
        self.problem = problem
    }
}

/// One claim line.
public struct ClaimLine: Sendable, Hashable {
    public var code: String
    public var role: CodeRole
    public var units: Int
    /// Sorted.
    public var modifiers: [String]
    /// Allowed amount for one unit; nil when data needed to price it is missing.
    public var unitAmount: DecimalValue?
    /// The line's allowed amount (`PriceBreakdown.lineAmount(units:)`: `unitAmount × units`, or for an assistant
    /// line the reduction taken on the whole line); nil when unpriced.
    public var amount: DecimalValue?
    /// How `unitAmount` was computed; nil when unpriced.
    public var price: PriceBreakdown? = nil

    public init(
        code: String, role: CodeRole, units: Int, modifiers: [String], unitAmount: DecimalValue?,
        amount: DecimalValue?, price: PriceBreakdown? = nil
    ) {
        self.price = price
        self.code = code
        self.role = role
        self.units = units
        self.modifiers = modifiers
        self.unitAmount = unitAmount
        self.amount = amount
    }
}

/// A minutes threshold that decided a unit: `code` unit `unit` is attained at `minutes` in total.
public struct UnitThreshold: Sendable, Hashable {
    public var code: String
    public var unit: Int
    public var minutes: Int
    /// True when the session reached it.
    public var reached: Bool
}

/// Who pays what of the allowed total (deductible assumed met).
public struct BeneficiarySplit: Sendable, Hashable {
    public var allowed: DecimalValue
    public var coinsurancePercent: DecimalValue
    public var coinsurance: DecimalValue
    /// Allowed minus coinsurance, before sequestration.
    public var medicareBeforeSequestration: DecimalValue
    public var sequestrationPercent: DecimalValue
    public var sequestration: DecimalValue
    public var medicarePaid: DecimalValue
}

/// The fee period and conversion factor used.
public struct FeeScheduleUsed: Sendable, Hashable {
    public var effective: CalendarDate
    public var through: CalendarDate?
    public var label: String
    /// Nil for a date after the last fee period (see `SessionResult.pending`).
    public var conversionFactor: ConversionFactorOption?
    public var gpciTable: String?
}

/// Everything `evaluate` decided about one session.
public struct SessionResult: Sendable, Hashable {
    public var billable: Bool
    public var kind: SessionKind
    public var family: String
    public var lines: [ClaimLine]
    /// Sum of line amounts; nil when any line is unpriced or nothing is billable.
    public var total: DecimalValue?
    public var warnings: [SessionWarning]
    /// Informational notes (e.g. how a telehealth line is priced); not problems.
    public var notes: [SessionNote]
    /// Why the session is not billable (empty when billable).
    public var reasons: [NotBillableReason]
    public var feeSchedule: FeeScheduleUsed
    public var profile: String
    public var locality: LocalityChoice
    /// The locality's record, when a locality (not national) was priced.
    public var localityRecord: Locality?
    /// Setting used for pricing (for telehealth: the one its place of service implies).
    public var pricedSetting: Setting
    /// Thresholds that decided the units (structured).
    public var thresholds: [UnitThreshold]
    /// The same, one note per code (`RulesText` words them).
    public var thresholdNotes: [ThresholdNote]
    public var split: BeneficiarySplit?
    /// The documentation checklist for this session.
    public var documentation: [ChecklistItem]
    /// Ids of the sources behind the figures used.
    public var sources: [String]
    /// For maintainers: the data that is missing to price the lines (empty when priced).
    public var missingData: [MissingData] = []
    /// Set when the date of service is after the last fee period: what is known, and that the amounts are not
    /// in the guide yet. Lines then have no amounts (never an estimate).
    public var pending: PendingFeeSchedule? = nil
}
