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
public struct RulesInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input at fault; its raw value is the `calc` option name without dashes.
    public enum Field: String, Sendable, Hashable {
        case minutes, patients, caregivers, date, setting, provider, discipline, telehealth, locality, profile, family
        case yearToDateAmount = "ytd-amount"
        case conversionFactor = "conversion-factor"
    }

    public var field: Field
    /// One sentence naming what was wrong and what is accepted.
    public var message: String

    public init(_ field: Field, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field.rawValue): \(message)" }
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
    /// `unitAmount × units`; nil when unpriced.
    public var amount: DecimalValue?

    public init(
        code: String, role: CodeRole, units: Int, modifiers: [String], unitAmount: DecimalValue?,
        amount: DecimalValue?
    ) {
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

    public init(code: String, unit: Int, minutes: Int, reached: Bool) {
        self.code = code
        self.unit = unit
        self.minutes = minutes
        self.reached = reached
    }
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
    public var warnings: [String]
    /// Informational notes (e.g. how a telehealth line is priced); not problems.
    public var notes: [String]
    /// Why the session is not billable (empty when billable).
    public var reasons: [String]
    public var feeSchedule: FeeScheduleUsed
    public var profile: String
    public var locality: LocalityChoice
    /// The locality's record, when a locality (not national) was priced.
    public var localityRecord: Locality?
    /// Setting used for pricing (for telehealth: the one its place of service implies).
    public var pricedSetting: Setting
    /// Thresholds that decided the units (structured).
    public var thresholds: [UnitThreshold]
    /// The same, as one readable sentence per code.
    public var thresholdNotes: [String]
    public var split: BeneficiarySplit?
    /// The documentation checklist for this session.
    public var documentation: [String]
    /// Ids of the sources behind the figures used.
    public var sources: [String]
    /// For maintainers: the data that is missing to price the lines (empty when priced).
    public var missingData: [String] = []
    /// Set when the date of service is after the last fee period: what is known, and that the amounts are not
    /// in the guide yet. Lines then have no amounts (never an estimate).
    public var pending: PendingFeeSchedule? = nil
}
