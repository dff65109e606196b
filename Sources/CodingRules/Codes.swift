/// What a code does within its family.
public enum CodeRole: String, Sendable, Hashable, CaseIterable {
    /// The first, timed unit of an individual session.
    case initial
    /// Each further timed unit; never reported without the initial code.
    case addOn = "add-on"
    /// The untimed group service (two or more patients represented).
    case group
}

/// A family of caregiver-training codes: an initial code, its add-on, and (when one exists and is covered) a
/// group code, valid for dates of service from `validFrom`.
public struct CodeFamily: Sendable, Hashable, Identifiable {
    /// Short id used on the command line and in data (`functional`, `direct-care`, `behavior`).
    public var id: String
    public var name: String
    public var initialCode: String
    public var addOnCode: String
    /// Nil when the family has no covered group code.
    public var groupCode: String?
    /// Why there is no group code (shown as the reason when a group session is asked for), if any.
    public var noGroupReason: String?
    /// A caveat, with its grade, on the modifiers the family's lines get (e.g. discipline modifiers on codes no
    /// source calls "sometimes therapy"); said on every answer for the family.
    public var modifierCaveat: GradedStatement? = nil
    /// The first date of service on which the family's codes exist.
    public var validFrom: CalendarDate
    public var source: String

    public init(
        id: String, name: String, initialCode: String, addOnCode: String, groupCode: String?,
        noGroupReason: String? = nil, validFrom: CalendarDate, source: String
    ) {
        self.id = id
        self.name = name
        self.initialCode = initialCode
        self.addOnCode = addOnCode
        self.groupCode = groupCode
        self.noGroupReason = noGroupReason
        self.validFrom = validFrom
        self.source = source
    }

    /// The family's codes, in order initial, add-on, group.
    public var codes: [String] { [initialCode, addOnCode] + (groupCode.map { [$0] } ?? []) }
}

/// One code's reference record (indicators from the CMS files; descriptions in the guide's own words).
public struct CodeRecord: Sendable, Hashable, Identifiable {
    public var code: String
    public var family: String
    public var role: CodeRole
    /// A short summary in the guide's own words (never the AMA descriptor).
    public var summary: String
    /// Minutes the code's unit spans (30 for an initial code, 15 for an add-on); nil when untimed.
    public var unitMinutes: Int?
    /// The code this one is an add-on to, if any.
    public var addOnTo: String?
    /// CMS payment-policy indicators by name (`status`, `global`, `pctc`, `mult_proc`, `phys_supervision`…).
    public var indicators: [String: String]
    /// Medically unlikely edit, when a published value is known.
    public var mue: Int?
    public var validFrom: CalendarDate
    public var source: String
    /// The source of the plain-language summary (what the code describes), when it is not `source`.
    public var summarySource: String?

    public var id: String { code }

    public init(
        code: String, family: String, role: CodeRole, summary: String, unitMinutes: Int?, addOnTo: String?,
        indicators: [String: String], mue: Int?, validFrom: CalendarDate, source: String
    ) {
        self.code = code
        self.family = family
        self.role = role
        self.summary = summary
        self.unitMinutes = unitMinutes
        self.addOnTo = addOnTo
        self.indicators = indicators
        self.mue = mue
        self.validFrom = validFrom
        self.source = source
    }
}
