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

    /// The largest scale kept; products beyond it are not expected (money × rates stays far below).
    static let maxScale = 18

    /// A value from its significand and scale (`DecimalValue(significand: 85, scale: 2)` is 85 hundredths).
    public init(significand: Int, scale: Int = 0) {
        precondition(scale >= 0 && scale <= DecimalValue.maxScale, "DecimalValue scale out of range")
        self.significand = significand
        self.scale = scale
    }

    /// A whole number.
    public init(_ integer: Int) { self.init(significand: integer, scale: 0) }

    /// Zero.
    public static let zero = DecimalValue(0)

    /// Parses plain decimal text: an optional sign, digits, and an optional `.fraction` (`-5`, `17`, or digits, a point and more digits).
    /// Returns nil for anything else (exponents, grouping separators, spaces, empty parts), or when the value
    /// would not fit (more than 15 integer digits or 12 fractional digits).
    public init?(parsing text: String) {
        var chars = Substring(text)
        var negative = false
        if chars.first == "-" || chars.first == "+" {
            negative = chars.first == "-"
            chars = chars.dropFirst()
        }
        let parts = chars.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let intPart = parts[0]
        let fracPart = parts.count == 2 ? parts[1] : ""
        guard !intPart.isEmpty, intPart.count <= 15, fracPart.count <= 12 else { return nil }
        if parts.count == 2 && fracPart.isEmpty { return nil }
        guard (intPart + fracPart).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard let magnitude = Int(intPart + fracPart) else { return nil }
        self.init(significand: negative ? -magnitude : magnitude, scale: fracPart.count)
    }

    static func power10(_ n: Int) -> Int {
        var r = 1
        for _ in 0..<n { r *= 10 }
        return r
    }

    /// The same value written with `places` fractional digits (only ever widens, so it is exact).
    func widened(to places: Int) -> DecimalValue {
        guard places > scale else { return self }
        let (v, overflow) = significand.multipliedReportingOverflow(by: DecimalValue.power10(places - scale))
        precondition(!overflow, "DecimalValue overflow")
        return DecimalValue(significand: v, scale: places)
    }

    public static func + (a: DecimalValue, b: DecimalValue) -> DecimalValue {
        let s = max(a.scale, b.scale)
        let (v, o) = a.widened(to: s).significand.addingReportingOverflow(b.widened(to: s).significand)
        precondition(!o, "DecimalValue overflow")
        return DecimalValue(significand: v, scale: s)
    }

    public static func - (a: DecimalValue, b: DecimalValue) -> DecimalValue {
        a + DecimalValue(significand: -b.significand, scale: b.scale)
    }

    public static func * (a: DecimalValue, b: DecimalValue) -> DecimalValue {
        let (v, o) = a.significand.multipliedReportingOverflow(by: b.significand)
        precondition(!o, "DecimalValue overflow")
        return DecimalValue(significand: v, scale: a.scale + b.scale).trimmed(keeping: max(a.scale, b.scale))
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
        let divisor = DecimalValue.power10(scale - places)
        let q = significand / divisor
        let r = significand % divisor
        let adjust = abs(r) * 2 >= divisor ? (significand < 0 ? -1 : 1) : 0
        return DecimalValue(significand: q + adjust, scale: places)
    }

    /// Rounded to cents, half away from zero (rules.md's `round2`).
    public var roundedToCents: DecimalValue { rounded(toPlaces: 2) }

    /// The integer part, toward zero.
    public var wholePart: Int { significand / DecimalValue.power10(scale) }

    public var isNegative: Bool { significand < 0 }

    public static func < (a: DecimalValue, b: DecimalValue) -> Bool {
        let s = max(a.scale, b.scale)
        return a.widened(to: s).significand < b.widened(to: s).significand
    }

    public static func == (a: DecimalValue, b: DecimalValue) -> Bool {
        let s = max(a.scale, b.scale)
        return a.widened(to: s).significand == b.widened(to: s).significand
    }

    public func hash(into hasher: inout Hasher) {
        let t = trimmed(keeping: 0)
        hasher.combine(t.significand)
        hasher.combine(t.scale)
    }

    /// Text with exactly `places` fractional digits; rounds half away from zero if needed.
    public func formatted(places: Int) -> String {
        let r = rounded(toPlaces: places)
        let digits = String(abs(r.significand))
        let sign = r.significand < 0 ? "-" : ""
        guard places > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let cut = padded.index(padded.endIndex, offsetBy: -places)
        return sign + padded[..<cut] + "." + padded[cut...]
    }

    /// Money text: two decimals.
    public var moneyText: String { formatted(places: 2) }

    /// The value with its own scale (as many fractional digits as it carries).
    public var description: String { formatted(places: scale) }
}
