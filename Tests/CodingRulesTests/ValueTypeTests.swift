@testable import CodingRules
import Testing

@Suite struct ValueTypeTests {
    @Test(arguments: [("2.345", "2.35"), ("-2.345", "-2.35"), ("2.3449", "2.34"), ("0.005", "0.01"), ("0.004", "0.00"),
                      ("52.077865", "52.08"), ("44.26618525", "44.27"), ("7", "7.00")])
    func roundHalfAwayFromZero(input: String, expected: String) {
        #expect(DecimalValue(parsing: input)!.roundedToCents.moneyText == expected)
    }

    /// `formatted(places:)` writes digits straight into the string; it must give what the former text-built
    /// version gave (kept here as the reference) for every sign, scale and number of places.
    @Test func formattedEqualsTheTextBuiltReference() {
        func reference(_ d: DecimalValue, _ places: Int) -> String {
            let r = d.rounded(toPlaces: places)
            let digits = String(r.significand.magnitude)
            let sign = r.significand < 0 ? "-" : ""
            guard places > 0 else { return sign + digits }
            let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
            let cut = padded.index(padded.endIndex, offsetBy: -places)
            return sign + padded[..<cut] + "." + padded[cut...]
        }
        var significands = [0, 1, -1, 5, -5, 9, 10, 99, 100, 101, 4_999, 5_000, -5_005, 123_456_789, Int.max, Int.min + 1, Int.min]
        for p in 0...18 { significands += [DecimalValue.power10(p), DecimalValue.power10(p) - 1, -DecimalValue.power10(p) + 1] }
        var compared = 0
        for v in significands {
            for scale in [0, 1, 2, 3, 6, 12, 18] {
                for places in [-1, 0, 1, 2, 3, 4, 8, 18] {
                    let d = DecimalValue(significand: v, scale: scale)
                    #expect(d.formatted(places: places) == reference(d, places), "\(v) scale \(scale) places \(places)")
                    compared += 1
                }
            }
        }
        #expect(compared == 74 * 7 * 8)
        #expect(DecimalValue(significand: -5, scale: 3).formatted(places: 3) == "-0.005")
        #expect(DecimalValue(significand: 120, scale: 2).moneyText == "1.20")
    }

    /// `init(parsing:)` must accept and reject exactly what the former character-based parser did (kept here as
    /// the reference).
    @Test func parsingEqualsTheCharacterBasedReference() {
        func reference(_ text: String) -> DecimalValue? {
            var chars = Substring(text)
            var negative = false
            if chars.first == "-" || chars.first == "+" {
                negative = chars.first == "-"
                chars = chars.dropFirst()
            }
            let parts = chars.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 1 || parts.count == 2 else { return nil }
            let intPart = parts[0], fracPart = parts.count == 2 ? parts[1] : ""
            guard !intPart.isEmpty, intPart.count <= 15, fracPart.count <= 12 else { return nil }
            if parts.count == 2 && fracPart.isEmpty { return nil }
            guard (intPart + fracPart).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            guard let magnitude = Int(intPart + fracPart) else { return nil }
            return DecimalValue(significand: negative ? -magnitude : magnitude, scale: fracPart.count)
        }
        let texts = [
            "0", "-0", "+0", "7", "-5", "+17", "1.5", "1.50", "0.001", "-0.5", "32.3465", "00012.3400", "1.", ".5", "-.5",
            "+", "-", "", ".", "1..2", "1.2.3", "--1", "+-1", "1-", "1e5", "1,000", " 1", "1 ", "١٢", "1\u{301}", "-\u{301}1",
            "123456789012345", "1234567890123456", "1.123456789012", "1.1234567890123", "999999999999999.999999999999",
            "9223372036.854775807", "9223372036.854775808", "-9223372036.854775808", "12a", "a12", "1.2a", "½", "٣.٥",
        ]
        for t in texts {
            let fast = DecimalValue(parsing: t), slow = reference(t)
            #expect(fast?.significand == slow?.significand && fast?.scale == slow?.scale, "'\(t)'")
        }
        #expect(DecimalValue(parsing: "-0.50").map { ($0.significand, $0.scale) } ?? (0, 0) == (-50, 2))
        #expect(DecimalValue(parsing: "9223372036.854775808") == nil)  // 19 digits beyond Int: rejected, not wrapped
    }

    @Test func arithmeticIsExact() {
        let a = DecimalValue(parsing: "0.1")!, b = DecimalValue(parsing: "0.2")!
        #expect(a + b == DecimalValue(parsing: "0.3")!)
        #expect((DecimalValue(parsing: "1.61")! * DecimalValue(parsing: "32.3465")!).description == "52.077865")
        #expect(DecimalValue(parsing: "1.50")! == DecimalValue(parsing: "1.5")!)
        #expect(DecimalValue(85).percentAsFactor == DecimalValue(parsing: "0.85")!)
    }

    @Test(arguments: ["", "1e5", "1,000", " 1", "1.", ".5", "--1", "abc", "1234567890123456"])
    func decimalRejects(text: String) { #expect(DecimalValue(parsing: text) == nil) }

    @Test(arguments: ["2025-02-30", "2025-13-01", "2025-00-10", "2023-02-29", "25-01-01", "2025-1-01", "2025/01/01", "", "2025-01-01x"])
    func dateRejects(text: String) { #expect(CalendarDate(parsing: text) == nil) }

    @Test func dateParsesAndCounts() {
        let d = CalendarDate(parsing: "2024-02-29")!
        #expect(d.description == "2024-02-29")
        #expect(d.adding(days: 1).description == "2024-03-01")
        #expect(CalendarDate(parsing: "2024-12-31")!.adding(days: 1).description == "2025-01-01")
        #expect(CalendarDate(parsing: "2024-03-09")!.adding(days: -1).description == "2024-03-08")
        #expect(CalendarDate(parsing: "2024-03-08")! < CalendarDate(parsing: "2024-03-09")!)
    }
}
