import SiteContent
import CodingRules

/// What Medicare pays and what the patient owes for every allowed total the calculator can show, asked of
/// `RulesData.beneficiarySplit` (the same code path as `calc --json` `split`), so the page only looks it up.
///
/// A total is the sum of a claim pattern's lines priced in one locality, setting, provider and conversion-factor
/// option; the split of a
/// total depends only on the coinsurance and sequestration percentages in force (a segment's `split`: a
/// `splitPolicies` entry `[coinsurance %, sequestration %]`, null when the data has no percentages on its
/// dates). The splits are written as small scripts the page adds when it needs one (they work from `file://`):
/// `assets/calculator-split/P-B.js` holds policy `P`'s totals from `B × bucketCents` cents up to the next bucket,
/// as `{"7882": [coinsurance, Medicare before sequestration, sequestration, Medicare paid]}` (cents key, money
/// texts), setting `window.CTSGUIDE_CALC_SPLIT["P-B"]`.
package enum CalculatorSplits {
    package static let folder = "assets/calculator-split/"
    /// Cents per shard: a shard holds the totals of one ten-dollar range.
    package static let bucketCents = 1000

    struct Built {
        /// Per segment: its `splitPolicies` index, or nil.
        var segmentPolicy: [Int?]
        /// `[coinsurance %, sequestration %]` texts.
        var policies: [[String]]
        var files: [OutputFile]
    }

    /// A claim pattern priced with one price table (`CalculatorTables.priceKey`, conversion-factor option) under
    /// one policy: its totals are the same in every segment that shares them.
    struct Summed: Hashable {
        var policy: Int, prices: String, lines: [ClaimLine]
    }

    /// Every reachable total of every segment (`ranges` with their `runs`, in `runKeys` order), split.
    static func build(
        _ tables: CalculatorTables, ranges: [CalculatorSegments.Range], runs: [[[CalculatorRuns.Run]]]
    ) -> Built {
        let rules = tables.rules
        var policyIndex: [String: Int] = [:]
        var policies: [[String]] = []
        var policyDate: [CalendarDate] = []
        var totals: [Set<Int>] = []
        var segmentPolicy: [Int?] = []
        // Segments often share a price table and claim patterns: each combination is summed once per policy.
        var summed: Set<Summed> = []
        for (i, range) in ranges.enumerated() {
            let date = range.from
            guard let co = rules.policies.coinsurancePercent.entry(on: date)?.value,
                let seq = rules.policies.sequestrationPercent.entry(on: date)?.value,
                let period = rules.period(on: date)
            else {
                segmentPolicy.append(nil)
                continue
            }
            let key = "\(co)|\(seq)"
            let p: Int
            if let known = policyIndex[key] {
                p = known
            } else {
                p = policies.count
                policyIndex[key] = p
                policies.append([co.description, seq.description])
                policyDate.append(date)
                totals.append([])
            }
            segmentPolicy.append(p)
            var patterns = Set<[ClaimLine]>()
            for list in runs[i] { for run in list where !run.pattern.lines.isEmpty { patterns.insert(run.pattern.lines) } }
            // The default conversion factor and every other option of the period (the form's "More options").
            let variants: [String?] = [nil] + period.conversionFactors.filter { !$0.isDefault }.map(\.id)
            for cf in variants {
                let priceKey = tables.priceKey(period, on: date, conversionFactor: cf)
                let fresh = patterns.filter { summed.insert(Summed(policy: p, prices: priceKey, lines: $0)).inserted }
                guard !fresh.isEmpty, let rows = tables.priceRows(on: date, conversionFactor: cf) else { continue }
                let table = Dictionary(rows.map { ($0.key, $0.cents) }) { a, _ in a }
                // An assistant line is reduced on the whole line's fee schedule amount (rules.md §5), as the page
                // computes it from the same table: its total comes from the therapist's fee and the share.
                let share = tables.assistantShareMillionths(on: date)
                for lines in fresh {
                    for setting in Setting.allCases {
                        for provider in Provider.allCases {
                            let reducedBy = provider == .assistant ? share : nil
                            let from = reducedBy == nil ? provider : Provider.therapist
                            let cells = lines.map { table["\($0.code)|\(setting.rawValue)|\(from.rawValue)"] }
                            guard table["\(lines[0].code)|\(setting.rawValue)|\(provider.rawValue)"] != nil,
                                let count = cells.first??.count, cells.allSatisfy({ $0 != nil })
                            else { continue }
                            locality: for l in 0..<count {
                                var sum = 0
                                for (n, line) in lines.enumerated() {
                                    guard let unit = cells[n]![l] else { continue locality }
                                    sum += reducedBy.map {
                                        CalculatorTables.assistantLineCents(feeCents: unit, units: line.units, shareMillionths: $0)
                                    } ?? unit * line.units
                                }
                                totals[p].insert(sum)
                            }
                        }
                    }
                }
            }
        }
        // One shard per policy and ten-dollar bucket, in that order.
        var files: [OutputFile] = []
        for p in policies.indices {
            for (b, list) in Dictionary(grouping: totals[p], by: { $0 / bucketCents }).sorted(by: { $0.key < $1.key }) {
                if let f = shard("\(p)-\(b)", totals: list, rules: rules, on: policyDate[p]) { files.append(f) }
            }
        }
        return Built(segmentPolicy: segmentPolicy, policies: policies, files: files)
    }

    /// The shard `name` (`P-B`): each total's split under the policy in force on `date`, written entry by entry
    /// (no tree of values), keys in the order the writer sorts an object's keys; nil when none has a split.
    static func shard(_ name: String, totals: [Int], rules: RulesData, on date: CalendarDate) -> OutputFile? {
        let entries: [(key: String, split: BeneficiarySplit)] = totals.map(String.init).sorted().compactMap { key in
            rules.beneficiarySplit(allowed: DecimalValue(significand: Int(key)!, scale: 2), on: date).map { (key, $0) }
        }
        if entries.isEmpty { return nil }
        var w = JSONWriter(forScript: true, capacity: entries.count * 48 + 80)
        w.raw("(window.CTSGUIDE_CALC_SPLIT = window.CTSGUIDE_CALC_SPLIT || {})[\"\(name)\"] = {")
        for (n, e) in entries.enumerated() {
            if n > 0 { w.raw(",") }
            w.string(e.key)
            w.raw(":[")
            let s = e.split
            for (m, amount) in [s.coinsurance, s.medicareBeforeSequestration, s.sequestration, s.medicarePaid].enumerated() {
                if m > 0 { w.raw(",") }
                w.string(amount.moneyText)
            }
            w.raw("]")
        }
        w.raw("};\n")
        return OutputFile(path: folder + name + ".js", bytes: w.bytes)
    }
}
