/// Who bills the service and where, for pricing (rules.md §5).
public enum Setting: String, Sendable, Hashable, CaseIterable {
    /// A professional claim from a private practice or the patient's home: the non-facility amount.
    case nonfacility
    /// A professional claim for a service in a facility place of service: the facility amount.
    case facility
    /// Outpatient therapy billed by an institution (hospital outpatient department, rehab agency, SNF Part B,
    /// CORF, home health Part B): the non-facility amount. Telehealth is a modifier, not a place of service.
    case institutional

    /// True when the facility practice-expense RVU prices this setting.
    public var usesFacilityPE: Bool { self == .facility }

    /// True for an institutional claim (no place-of-service pricing for telehealth).
    public var isInstitutional: Bool { self == .institutional }

    /// The settings that are distinct price columns (the non-facility and the facility amount); an institutional
    /// claim is priced like the non-facility column, so tables of amounts list only these.
    public static var priceColumns: [Setting] { allCases.filter { !$0.isInstitutional } }
}

/// Who furnished the service.
public enum Provider: String, Sendable, Hashable, CaseIterable {
    /// A physical or occupational therapist or speech-language pathologist.
    case therapist
    /// A physical therapist assistant or occupational therapy assistant (paid at the assistant differential).
    case assistant
}

/// The therapy discipline, which decides the discipline modifier and the KX threshold bucket.
public enum Discipline: String, Sendable, Hashable, CaseIterable {
    case pt, ot, slp
}

/// The RVUs of one code in one fee period. A nil component is data that is not (yet) known.
public struct RVUSet: Sendable, Hashable {
    public var work: DecimalValue?
    public var peNonfacility: DecimalValue?
    public var peFacility: DecimalValue?
    public var mp: DecimalValue?
    public var source: String

    public init(
        work: DecimalValue?, peNonfacility: DecimalValue?, peFacility: DecimalValue?, mp: DecimalValue?,
        source: String
    ) {
        self.work = work
        self.peNonfacility = peNonfacility
        self.peFacility = peFacility
        self.mp = mp
        self.source = source
    }

    /// The practice-expense RVU for a setting.
    public func pe(_ setting: Setting) -> DecimalValue? { setting.usesFacilityPE ? peFacility : peNonfacility }

    /// Work + PE + MP for a setting, when all three are known.
    public func total(_ setting: Setting) -> DecimalValue? {
        guard let work, let pe = pe(setting), let mp else { return nil }
        return work + pe + mp
    }

    /// The components that are missing, in the order work, PE non-facility, PE facility, MP.
    public var missingComponents: [RVUComponent] {
        var out: [RVUComponent] = []
        if work == nil { out.append(.work) }
        if peNonfacility == nil { out.append(.peNonfacility) }
        if peFacility == nil { out.append(.peFacility) }
        if mp == nil { out.append(.mp) }
        return out
    }
}

/// One conversion factor a period offers (e.g. the default and the qualifying-APM one).
public struct ConversionFactorOption: Sendable, Hashable, Identifiable {
    public var id: String
    public var label: String
    public var value: DecimalValue
    public var isDefault: Bool
    public var source: String

    public init(id: String, label: String, value: DecimalValue, isDefault: Bool, source: String) {
        self.id = id
        self.label = label
        self.value = value
        self.isDefault = isDefault
        self.source = source
    }
}

/// A fee-schedule period: dates of service it covers, its conversion factor(s), RVUs per code, and the GPCI
/// table it prices localities with.
public struct FeePeriod: Sendable, Hashable, Identifiable {
    public var range: DateRange
    public var label: String
    public var conversionFactors: [ConversionFactorOption]
    /// Id of the GPCI table (e.g. a year) used for localities; nil when the period's table is not available.
    public var gpciTable: String?
    /// What to say when `gpciTable` is nil (e.g. which CMS file must be imported).
    public var gpciMissingNote: String?
    public var rvus: [String: RVUSet]
    /// Notes naming data that is known to be missing for this period.
    public var missingNotes: [String]
    public var source: String

    public init(
        range: DateRange, label: String, conversionFactors: [ConversionFactorOption], gpciTable: String?,
        gpciMissingNote: String? = nil, rvus: [String: RVUSet], missingNotes: [String] = [], source: String
    ) {
        self.range = range
        self.label = label
        self.conversionFactors = conversionFactors
        self.gpciTable = gpciTable
        self.gpciMissingNote = gpciMissingNote
        self.rvus = rvus
        self.missingNotes = missingNotes
        self.source = source
    }

    /// The period's start date (its id).
    public var effective: CalendarDate { range.from }
    public var id: String { range.from.description }

    /// The default conversion factor.
    public var defaultConversionFactor: ConversionFactorOption {
        conversionFactors.first(where: \.isDefault) ?? conversionFactors[0]
    }

    /// A conversion factor option by id; nil id means the default.
    public func conversionFactor(_ id: String?) -> ConversionFactorOption? {
        guard let id else { return defaultConversionFactor }
        return conversionFactors.first { $0.id == id }
    }
}

/// A Medicare payment locality (`MAC-LOCALITY`, e.g. the MAC number and the two-digit locality number).
public struct Locality: Sendable, Hashable, Identifiable, Comparable {
    public var mac: String
    public var number: String
    public var name: String
    public var state: String

    public init(mac: String, number: String, name: String, state: String) {
        self.mac = mac
        self.number = number
        self.name = name
        self.state = state
    }

    /// `MAC-LOCALITY`.
    public var id: String { "\(mac)-\(number)" }

    /// By state, name, then id (the id, which is built from two fields, only when state and name are equal).
    public static func < (a: Locality, b: Locality) -> Bool {
        if a.state != b.state { return a.state < b.state }
        if a.name != b.name { return a.name < b.name }
        return a.id < b.id
    }
}

/// The three GPCIs of one locality. `work` is the work GPCI used for pricing (with any floor in force for the
/// table's dates already applied by CMS); `workUnfloored` is CMS's work GPCI before any floor (equal to `work`
/// when the table does not say otherwise).
public struct LocalityGPCI: Sendable, Hashable {
    public var locality: Locality
    public var work: DecimalValue
    public var pe: DecimalValue
    public var mp: DecimalValue
    public var workUnfloored: DecimalValue

    public init(locality: Locality, work: DecimalValue, pe: DecimalValue, mp: DecimalValue, workUnfloored: DecimalValue? = nil) {
        self.locality = locality
        self.work = work
        self.pe = pe
        self.mp = mp
        self.workUnfloored = workUnfloored ?? work
    }

    /// True when a floor raised the work GPCI above CMS's own value.
    public var isWorkFloored: Bool { work != workUnfloored }
}

/// A GPCI table (one CMS Addendum E), keyed by locality id.
public struct GPCITable: Sendable, Hashable, Identifiable {
    public var id: String
    public var source: String
    public var rows: [String: LocalityGPCI]

    public init(id: String, source: String, rows: [String: LocalityGPCI]) {
        self.id = id
        self.source = source
        self.rows = rows
    }

    /// Rows sorted by state, name and id.
    public var sortedRows: [LocalityGPCI] { rows.values.sorted { $0.locality < $1.locality } }
}

/// Where to price: nationally (every GPCI 1) or in one locality.
public enum LocalityChoice: Sendable, Hashable, CustomStringConvertible {
    case national
    case locality(id: String)

    public var description: String {
        switch self {
        case .national: return "national"
        case .locality(let id): return id
        }
    }
}
