/// An exact decimal number: an integer significand and a count of fractional digits (`significand / 10^scale`).
///
/// Money, RVUs, GPCIs, conversion factors and percentages are all held as `DecimalValue`, so no binary
/// floating point is ever involved. Addition aligns scales; multiplication adds them; nothing rounds unless
/// `rounded(toPlaces:)` is called, which rounds half away from zero.
public struct DecimalValue: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The digits as an integer (for twelve and 34 hundredths: `1234`).
    public let significand: Int
    /// How many of those digits are after the decimal point (for the example above: `2`).
    public let scale: Int

    /// The largest scale kept. A product with more fractional digits is rounded (half away from zero) to this
    /// many; loaded data is bounded so that never happens for real values (see the loaders' digit limits).
    static let maxScale = 18

    /// A value from its significand and scale (`DecimalValue(significand: 85, scale: 2)` is 85 hundredths).
    /// Never traps: a negative scale counts as 0 and a scale above `maxScale` is rounded down to it.
    public init(significand: Int, scale: Int = 0) {
        var v = significand, s = max(0, scale)
        if s > DecimalValue.maxScale {
            (v, s) = DecimalValue.roundedDown(v, scale: s, to: DecimalValue.maxScale)
        }
        self.significand = v
        self.scale = s
    }

    /// A whole number.
    public init(_ integer: Int) { self.init(significand: integer, scale: 0) }

    /// Zero.
    public static let zero = DecimalValue(0)

    /// The most significant digits `init(parsing:)` accepts before and after the point.
    static let maxParsedDigits = (whole: 15, fraction: 12)

    /// Parses plain decimal text: an optional sign, digits, and an optional `.fraction` (`-5`, `17`, or digits, a point and more digits).
    /// Returns nil for anything else (exponents, grouping separators, spaces, empty parts), or when the value
    /// would not fit (more than 15 significant integer digits or 12 significant fractional digits). Leading
    /// zeros before the point and trailing zeros after it are not significant: a figure written with a long run
    /// of trailing zeros (as spreadsheets write them) is the same value, kept with at most 12 fractional digits.
    public init?(parsing text: String) {
        var body = Substring(text)
        let negative = body.first == "-"
        if negative || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = parts.count == 2 ? parts[1] : ""
        let isDigits = { (s: Substring) in s.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
        guard !parts[0].isEmpty, parts.count == 1 || !fraction.isEmpty, isDigits(parts[0]), isDigits(fraction) else {
            return nil
        }
        let whole = parts[0].drop { $0 == "0" }
        // Trailing zeros are kept (they may say how a figure is written) up to the fractional limit.
        let kept = fraction.prefix(Self.maxParsedDigits.fraction)
        guard whole.count <= Self.maxParsedDigits.whole, fraction.dropFirst(kept.count).allSatisfy({ $0 == "0" }) else {
            return nil
        }
        let digits = whole + kept
        guard let magnitude = digits.isEmpty ? 0 : Int(digits) else { return nil }
        self.init(significand: negative ? -magnitude : magnitude, scale: kept.count)
    }

    /// 10^n for 0 ≤ n ≤ 18 (the largest power of ten an `Int` holds); n is clamped to that range.
    static func power10(_ n: Int) -> Int {
        var r = 1
        for _ in 0..<min(max(n, 0), 18) { r *= 10 }
        return r
    }

    /// `v / 10^(scale - to)` rounded half away from zero, with its new scale (`to`, or more if the drop is beyond
    /// 18 digits, which leaves 0).
    static func roundedDown(_ v: Int, scale: Int, to: Int) -> (Int, Int) {
        var v = v, s = scale
        while s > to {
            let step = min(s - to, 18)
            let d = power10(step)
            let q = v / d, r = v % d
            // |r| < d ≤ 10^18, so |r| compared with d - |r| cannot overflow.
            v = q + (r.magnitude >= UInt(d) - r.magnitude ? (v < 0 ? -1 : 1) : 0)
            s -= step
        }
        return (v, s)
    }

    /// The number of significant fractional digits (trailing zeros after the point not counted).
    public var significantFractionDigits: Int { trimmed(keeping: 0).scale }

    /// The number of digits before the point (a value below 10 has 1).
    public var integerDigits: Int { String(wholePart.magnitude).count }

    /// The same value written with `places` fractional digits, or nil when that does not fit in an `Int`.
    func widenedChecked(to places: Int) -> DecimalValue? {
        guard places > scale else { return self }
        guard places <= DecimalValue.maxScale else { return nil }
        let (v, overflow) = significand.multipliedReportingOverflow(by: DecimalValue.power10(places - scale))
        return overflow ? nil : DecimalValue(significand: v, scale: places)
    }

    /// The same value with `places` fractional digits (only ever widens). Saturates instead of trapping when it
    /// does not fit; `rounded(toPlaces:)` and the arithmetic below use the checked form.
    func widened(to places: Int) -> DecimalValue {
        widenedChecked(to: places) ?? DecimalValue(significand: significand < 0 ? Int.min : Int.max, scale: scale)
    }

    /// `a + b`, or nil when the exact sum does not fit (after dropping fractional digits beyond what both carry
    /// would not help: the sum is exact or it is nil).
    public func addingChecked(_ b: DecimalValue) -> DecimalValue? {
        let s = max(scale, b.scale)
        guard let x = widenedChecked(to: s), let y = b.widenedChecked(to: s) else { return nil }
        let (v, o) = x.significand.addingReportingOverflow(y.significand)
        return o ? nil : DecimalValue(significand: v, scale: s)
    }

    /// `a × b`, or nil when even the whole part of the product does not fit. Fractional digits beyond what fits
    /// (or beyond `maxScale`) are rounded half away from zero; with the loaders' digit limits that never happens.
    public func multipliedChecked(by b: DecimalValue) -> DecimalValue? {
        var x = self, y = b
        while true {
            let (v, o) = x.significand.multipliedReportingOverflow(by: y.significand)
            if !o {
                return DecimalValue(significand: v, scale: x.scale + y.scale).trimmed(keeping: max(scale, b.scale))
            }
            // Drop one fractional digit from the operand with more of them, then try again.
            if x.scale == 0 && y.scale == 0 { return nil }
            if x.scale >= y.scale {
                x = x.rounded(toPlaces: x.scale - 1)
            } else {
                y = y.rounded(toPlaces: y.scale - 1)
            }
        }
    }

    /// The largest (or, when `negative`, the smallest) value there is: what the operators give on overflow.
    static func saturated(negative: Bool) -> DecimalValue {
        DecimalValue(significand: negative ? Int.min + 1 : Int.max, scale: 0)
    }

    /// Never traps: on overflow the result saturates (use `addingChecked` to be told). Loaded values are bounded
    /// so that real sums never come near.
    public static func + (a: DecimalValue, b: DecimalValue) -> DecimalValue {
        a.addingChecked(b) ?? saturated(negative: a.isNegative)
    }

    public static func - (a: DecimalValue, b: DecimalValue) -> DecimalValue {
        a + DecimalValue(significand: b.significand == Int.min ? Int.max : -b.significand, scale: b.scale)
    }

    /// Never traps: on overflow the result saturates (use `multipliedChecked` to be told).
    public static func * (a: DecimalValue, b: DecimalValue) -> DecimalValue {
        a.multipliedChecked(by: b) ?? saturated(negative: a.isNegative != b.isNegative)
    }

    /// Multiplies by a whole number (units × unit amount).
    public static func * (a: DecimalValue, b: Int) -> DecimalValue { a * DecimalValue(b) }

    /// Drops trailing fractional zeros, but keeps at least `keeping` places. Exact.
    func trimmed(keeping: Int) -> DecimalValue {
        var v = significand, s = scale
        while s > keeping && v % 10 == 0 {
            v /= 10
            s -= 1
        }
        return DecimalValue(significand: v, scale: s)
    }

    /// This value read as a percentage: 85 becomes 85 hundredths.
    public var percentAsFactor: DecimalValue {
        DecimalValue(significand: significand, scale: scale + 2)
    }

    /// Rounds to `places` fractional digits, half away from zero (a trailing 5 rounds up in magnitude, for
    /// negative values too).
    public func rounded(toPlaces places: Int) -> DecimalValue {
        guard scale > places else { return widened(to: places) }
        let (v, s) = DecimalValue.roundedDown(significand, scale: scale, to: places)
        return DecimalValue(significand: v, scale: s)
    }

    /// Rounded to cents, half away from zero (rules.md's `round2`).
    public var roundedToCents: DecimalValue { rounded(toPlaces: 2) }

    /// The integer part, toward zero.
    public var wholePart: Int { significand / DecimalValue.power10(scale) }

    public var isNegative: Bool { significand < 0 }

    /// Compared by whole part, then by fraction (each fits in an `Int` at any scale up to 18), so comparing
    /// never overflows.
    public static func < (a: DecimalValue, b: DecimalValue) -> Bool {
        let s = max(a.scale, b.scale)
        let (qa, qb) = (a.wholePart, b.wholePart)
        if qa != qb { return qa < qb }
        let fa = (a.significand % power10(a.scale)) * power10(s - a.scale)
        let fb = (b.significand % power10(b.scale)) * power10(s - b.scale)
        return fa < fb
    }

    public static func == (a: DecimalValue, b: DecimalValue) -> Bool { !(a < b) && !(b < a) }

    public func hash(into hasher: inout Hasher) {
        let t = trimmed(keeping: 0)
        hasher.combine(t.significand)
        hasher.combine(t.scale)
    }

    /// Text with exactly `places` fractional digits; rounds half away from zero if needed.
    /// (Written digit by digit into the string's own buffer: a guide build formats about 150,000 figures, and a
    /// version built from string pieces took three to four times as long per figure.)
    public func formatted(places: Int) -> String {
        let r = rounded(toPlaces: places)
        var magnitude = r.significand.magnitude
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let fraction = max(places, 0)
        // At least one digit before the point: zeros pad the front when the value is below 1.
        let shown = max(digits, fraction + 1)
        let negative = r.significand < 0
        let count = (negative ? 1 : 0) + shown + (fraction > 0 ? 1 : 0)
        return String(unsafeUninitializedCapacity: count) { out in
            var i = count
            var written = 0
            while i > (negative ? 1 : 0) {
                if fraction > 0 && written == fraction {
                    i -= 1
                    out[i] = UInt8(ascii: ".")
                    written += 1
                    continue
                }
                i -= 1
                out[i] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                written += 1
            }
            if negative { out[0] = UInt8(ascii: "-") }
            return count
        }
    }

    /// Money text: two decimals.
    public var moneyText: String { formatted(places: 2) }

    /// The value with its own scale (as many fractional digits as it carries).
    public var description: String { formatted(places: scale) }
}
