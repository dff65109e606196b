import SiteContent
import GuideCalc
import CodingRules

/// The date segments of the calculator data: maximal ranges of dates of service whose signature
/// (`CalculatorTables.signature`) is the same on every day, found from the rules' change dates instead of by
/// evaluating every covered day. The work grows with the number of rule changes, not with the days covered.
///
/// Between two change dates every rule lookup is constant, so a day's signature can differ from its
/// neighbours' only where a sentence quotes a date that is also the date of service (the `{date}` placeholder
/// then replaces the quoted date too). Each stretch between change dates is therefore split further at its
/// first day and at every date its sentences quote; every piece is evaluated once, on its first day, and equal
/// neighbours are merged. The result equals grouping equal consecutive days (tested against that).
package enum CalculatorSegments {
    struct Range: Equatable, CustomStringConvertible {
        var from: CalendarDate
        var through: CalendarDate
        var description: String { "\(from)…\(through)" }
    }

    /// The segments from `first` through `last`, and how many pieces were evaluated to find them.
    static func ranges(_ tables: CalculatorTables, first: CalendarDate, last: CalendarDate) -> (ranges: [Range], evaluated: Int) {
        guard first <= last else { return ([], 0) }
        let texts = CalculatorData.Interner()
        let starts = [first] + tables.rules.changeDates(after: first, through: last)
        var pieces: [(start: CalendarDate, signature: JSONValue)] = []
        for (i, s) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1].adding(days: -1) : last
            let sig = tables.signature(s, texts: texts)
            var splits = Set<CalendarDate>()
            for d in [s] + quotedDates(in: sig, texts: texts) where d >= s && d <= end {
                if d > s { splits.insert(d) }
                if d < end { splits.insert(d.adding(days: 1)) }
            }
            pieces.append((s, sig))
            for d in splits.sorted() { pieces.append((d, tables.signature(d, texts: texts))) }
        }
        var out: [Range] = []
        var current: JSONValue? = nil
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

    /// Every date (`YYYY-MM-DD`) written in the sentences and strings of a signature.
    static func quotedDates(in value: JSONValue, texts: CalculatorData.Interner) -> [CalendarDate] {
        var out: [CalendarDate] = []
        func scan(_ s: String) {
            let b = Array(s.utf8)
            guard b.count >= 10 else { return }
            let digit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
            for i in 0...(b.count - 10) {
                let w = b[i..<(i + 10)]
                let ok = w.enumerated().allSatisfy { j, c in j == 4 || j == 7 ? c == 0x2D : digit(c) }
                if ok, let d = CalendarDate(parsing: String(decoding: w, as: UTF8.self)) { out.append(d) }
            }
        }
        func walk(_ v: JSONValue) {
            switch v {
            case .int(let i) where i >= 0 && i < texts.texts.count: scan(texts.texts[i])
            case .string(let s): scan(s)
            case .array(let items): items.forEach(walk)
            case .object(let d): d.values.forEach(walk)
            default: break
            }
        }
        walk(value)
        return out
    }
}
