/// Whether the codes are on the Medicare Telehealth Services List for a date of service.
public enum TelehealthListing: String, Sendable, Hashable, CaseIterable {
    case notListed = "not-listed"
    case provisional
    case listed
    /// Not confirmed for these dates (e.g. no final rule for the year yet): answered with a warning.
    case unconfirmed

    public var allowsTelehealth: Bool { self != .notListed }
}

/// Whether therapists may furnish Medicare telehealth on a date (a statutory waiver, extended in steps).
public enum TherapistTelehealthStatus: String, Sendable, Hashable, CaseIterable {
    /// Not applicable: the codes were not on the telehealth list anyway.
    case notApplicable = "not-applicable"
    /// The waiver is in force.
    case authorized
    /// The waiver lapsed on these dates but a later law restored it retroactively (warn about claims held).
    case lapsedRestored = "lapsed-restored"
    /// No waiver: therapists are not telehealth practitioners.
    case notAuthorized = "not-authorized"
}

/// Which claim modifiers apply, by discipline and circumstance. Modifier texts are data.
public struct ModifierTable: Sendable, Hashable {
    public var discipline: [Discipline: String]
    /// Assistant modifier per discipline; a discipline missing here has none (assistant input is invalid).
    public var assistant: [Discipline: String]
    public var telehealth: String
    public var kx: String
    /// What each modifier means, in the guide's own words.
    public var descriptions: [String: String]
    public var source: String

    public init(
        discipline: [Discipline: String], assistant: [Discipline: String], telehealth: String, kx: String,
        descriptions: [String: String], source: String
    ) {
        self.discipline = discipline
        self.assistant = assistant
        self.telehealth = telehealth
        self.kx = kx
        self.descriptions = descriptions
        self.source = source
    }
}

/// How a telehealth line is priced: by place of service.
public struct TelehealthPlaceOfService: Sendable, Hashable {
    public var pos: String
    public var setting: Setting
    public var summary: String

    public init(pos: String, setting: Setting, summary: String) {
        self.pos = pos
        self.setting = setting
        self.summary = summary
    }
}

/// The KX threshold of one year: one amount per bucket (disciplines in the same bucket share it), or nil when
/// the year's amount has not been published yet (rules.md §4: the KX question is then raised, never dropped).
public struct KXThreshold: Sendable, Hashable {
    public var amount: DecimalValue?

    public init(amount: DecimalValue?) { self.amount = amount }

    /// A year whose threshold CMS has not published yet.
    public static let notPublished = KXThreshold(amount: nil)
}

/// Whether an item of the documentation checklist applies to individual sessions, group sessions or both.
public enum SessionKind: String, Sendable, Hashable, CaseIterable {
    case individual, group
}

/// One line of the documentation checklist (rules.md §7), possibly limited to a date range and a session kind.
/// An item with `usesConsentRule` takes its wording from the consent policy in force on the date.
public struct DocumentationItem: Sendable, Hashable {
    public var id: String
    public var text: String
    public var usesConsentRule: Bool
    public var appliesTo: Set<SessionKind>
    public var range: DateRange?
    public var source: String

    public init(
        id: String, text: String, usesConsentRule: Bool = false, appliesTo: Set<SessionKind>, range: DateRange?,
        source: String
    ) {
        self.id = id
        self.text = text
        self.usesConsentRule = usesConsentRule
        self.appliesTo = appliesTo
        self.range = range
        self.source = source
    }
}

/// Every date-dependent rule: telehealth, consent, thresholds, percentages, modifiers and the checklist.
public struct Policies: Sendable, Hashable {
    public var telehealthListing: [Dated<TelehealthListing>]
    public var therapistTelehealth: [Dated<TherapistTelehealthStatus>]
    /// Consent rule per period; the value is the checklist wording for that period.
    public var consent: [Dated<String>]
    /// Quantity-limit statements per period (for the timeline; no limit is enforced).
    public var quantityLimits: [Dated<String>]
    public var kxThresholds: [Dated<KXThreshold>]
    /// KX bucket per discipline (disciplines sharing a bucket share the threshold).
    public var kxBuckets: [Discipline: String]
    /// The targeted medical review threshold per year (one amount per KX bucket); shown, never enforced.
    public var medicalReviewThresholds: [Dated<DecimalValue>] = []
    /// The floor on the work GPCI set by law, by date of service (data: policies.yaml `work_gpci_floor`). A date
    /// no row covers has no floor: CMS's unfloored work GPCI applies. Alaska's own permanent work floor is already
    /// in CMS's unfloored values.
    public var workGPCIFloor: [Dated<DecimalValue>] = []
    /// Percent of the fee schedule paid for assistant lines (e.g. 85).
    public var assistantPercent: [Dated<DecimalValue>]
    /// Beneficiary coinsurance percent (e.g. 20).
    public var coinsurancePercent: [Dated<DecimalValue>]
    /// Sequestration reduction percent applied to the Medicare payment (e.g. 2).
    public var sequestrationPercent: [Dated<DecimalValue>]
    public var telehealthPlacesOfService: [TelehealthPlaceOfService]
    public var modifiers: ModifierTable
    public var documentation: [DocumentationItem]
    /// How a group code is billed per represented patient, with its grade (said on every group answer).
    public var groupBilling: GradedStatement? = nil
    /// Whether the guide's lines count toward the KX threshold, with its grade (said on every KX answer).
    public var kxCounting: GradedStatement? = nil

    public init(
        telehealthListing: [Dated<TelehealthListing>], therapistTelehealth: [Dated<TherapistTelehealthStatus>],
        consent: [Dated<String>], quantityLimits: [Dated<String>], kxThresholds: [Dated<KXThreshold>],
        kxBuckets: [Discipline: String], assistantPercent: [Dated<DecimalValue>],
        coinsurancePercent: [Dated<DecimalValue>], sequestrationPercent: [Dated<DecimalValue>],
        telehealthPlacesOfService: [TelehealthPlaceOfService], modifiers: ModifierTable,
        documentation: [DocumentationItem]
    ) {
        self.telehealthListing = telehealthListing
        self.therapistTelehealth = therapistTelehealth
        self.consent = consent
        self.quantityLimits = quantityLimits
        self.kxThresholds = kxThresholds
        self.kxBuckets = kxBuckets
        self.assistantPercent = assistantPercent
        self.coinsurancePercent = coinsurancePercent
        self.sequestrationPercent = sequestrationPercent
        self.telehealthPlacesOfService = telehealthPlacesOfService
        self.modifiers = modifiers
        self.documentation = documentation
    }
}
