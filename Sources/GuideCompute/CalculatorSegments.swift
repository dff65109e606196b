import SiteContent
import CodingRules

/// The date segments of the calculator data: maximal ranges of dates of service whose signature
/// (`CalculatorTables.signature`) is the same on every day, found from the rules' change dates instead of by
/// evaluating every covered day. The work grows with the number of rule changes, not with the days covered.
///
/// Between two change dates every rule lookup is constant, and the sentences come from
/// `RulesText.placeholders`, where the date of service is always `{date}` (a date a sentence quotes stays as
/// written): so a day's signature equals its stretch's first day's. Each stretch is evaluated once, on its
/// first day, and equal neighbours are merged. The result equals grouping equal consecutive days (tested).
package enum CalculatorSegments {
    struct Range: Equatable, CustomStringConvertible {
        var from: CalendarDate
        var through: CalendarDate
        var description: String { "\(from)…\(through)" }
    }

    /// The segments from `first` through `last`, and how many pieces were evaluated to find them.
    static func ranges(_ tables: CalculatorTables, first: CalendarDate, last: CalendarDate) -> (ranges: [Range], evaluated: Int) {
        guard first <= last else { return ([], 0) }
        let starts = [first] + tables.rules.changeDates(after: first, through: last)
        let pieces = starts.map { (start: $0, signature: tables.signature($0)) }
        var out: [Range] = []
        var current: CalculatorTables.Signature? = nil
        for (i, p) in pieces.enumerated() {
            let end = i + 1 < pieces.count ? pieces[i + 1].start.adding(days: -1) : last
            if let c = current, c == p.signature, !out.isEmpty {
                out[out.count - 1].through = end
            } else {
                out.append(Range(from: p.start, through: end))
                current = p.signature
            }
        }
        return (out, pieces.count)
    }
}
