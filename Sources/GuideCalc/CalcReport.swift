import CodingRules
import RulesText

/// The object `ctsguide calc --json` prints (design.md, plus extra keys), as `Encodable` types. The keys are
/// written in sorted order and nil values as `null` (`JSONTreeEncoder`); every sentence comes from `RulesText`.
package struct CalcReport: Encodable {
    struct Line: Encodable {
        var code: String
        var units: Int
        var modifiers: [String]
        var unit_amount: String?
        var amount: String?
    }

    struct FeeSchedule: Encodable {
        var effective: String
        var through: String?
        var label: String
        var conversion_factor: String?
        var conversion_factor_id: String?
        var source: String
    }

    struct ProposedFactor: Encodable {
        var id: String
        var label: String
        var value: String
        var source: String
    }

    struct Pending: Encodable {
        var label: String
        var from: String
        var through: String?
        var checked: String
        var status: String
        var amounts_in_guide: Bool
        var last_priced_date: String?
        var proposed_on: String?
        var proposed_conversion_factors: [ProposedFactor]
        var sources: [String]
    }

    /// The status of the year after the last fee period (`YearOutlook`), for a date in it: every statement
    /// once, with its sources, and the figures a program may want.
    struct Outlook: Encodable {
        struct Item: Encodable {
            var topic: String
            var text: String
            var sources: [String]
        }
        struct Floor: Encodable {
            var floor: String
            var through: String?
            var localities_raised: Int
            var localities: Int
            var table: String
        }
        struct KX: Encodable {
            var year: Int
            var published: Bool
            var amount: String?
            var last_published: String?
            var last_published_year: Int?
        }
        var heading: String
        var label: String
        var checked: String
        var items: [Item]
        var proposed_change_percent: [String: String]
        var work_gpci_floor: Floor?
        var kx_threshold: KX?
        var telehealth_list: String?
        var therapist_telehealth_through: String?
    }

    struct Session: Encodable {
        var minutes: Int
        var patients: Int
        var kind: String
        var date: String
        var setting: String
        var priced_setting: String
        var provider: String
        var discipline: String
        var telehealth: Bool
        var family: String
    }

    /// The priced locality; `calc` writes the string "national" instead when none.
    struct LocalityRecord: Encodable {
        var id: String
        var name: String
        var state: String
        var gpci_table: String?
    }

    enum LocalityValue: Encodable {
        case national
        case locality(LocalityRecord)

        func encode(to encoder: Encoder) throws {
            switch self {
            case .national:
                var c = encoder.singleValueContainer()
                try c.encode("national")
            case .locality(let l): try l.encode(to: encoder)
            }
        }
    }

    struct Split: Encodable {
        var allowed: String
        var coinsurance: String
        var coinsurance_percent: String
        var medicare_before_sequestration: String
        var sequestration: String
        var sequestration_percent: String
        var medicare_paid: String
        var assumes: String
    }

    struct ZIP: Encodable {
        var code: String
        var locality: String
        var name: String
        var state: String
        var split_by_zip4: Bool
        var note: String?
        var list: String
    }

    var billable: Bool
    var lines: [Line]
    var total: String?
    var warnings: [String]
    var reasons: [String]
    var notes: [String]
    var fee_schedule: FeeSchedule
    var pending_fee_schedule: Pending?
    /// Present only for a date after the last fee period that the outlook covers.
    var outlook: Outlook?
    var profile: String
    var session: Session
    var locality: LocalityValue
    var thresholds: [String]
    var threshold_minutes: [UnitThreshold]
    var split: Split?
    var documentation: [String]
    var sources: [String]
    var missing_data: [String]
    /// Present only with `--zip` (the key is left out otherwise).
    var zip: ZIP?

    enum CodingKeys: String, CodingKey {
        case billable, lines, total, warnings, reasons, notes, fee_schedule, pending_fee_schedule, outlook, profile, session
        case locality, thresholds, threshold_minutes, split, documentation, sources, missing_data, zip
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(billable, forKey: .billable)
        try c.encode(lines, forKey: .lines)
        try c.encodeIfPresent(total, forKey: .total)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(notes, forKey: .notes)
        try c.encode(fee_schedule, forKey: .fee_schedule)
        try c.encodeIfPresent(pending_fee_schedule, forKey: .pending_fee_schedule)
        try c.encodeIfPresent(outlook, forKey: .outlook)
        try c.encode(profile, forKey: .profile)
        try c.encode(session, forKey: .session)
        try c.encode(locality, forKey: .locality)
        try c.encode(thresholds, forKey: .thresholds)
        try c.encode(threshold_minutes, forKey: .threshold_minutes)
        try c.encodeIfPresent(split, forKey: .split)
        try c.encode(documentation, forKey: .documentation)
        try c.encode(sources, forKey: .sources)
        try c.encode(missing_data, forKey: .missing_data)
        if let zip { try c.encode(zip, forKey: .zip) }
    }
}
