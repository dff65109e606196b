import Testing
@testable import CodingRules

/// `DecimalValue(parsing:)` limits significant digits, not characters.
@Suite struct DecimalParsingTests {
    @Test func trailingAndLeadingZerosAreNotSignificant() {
        let v = DecimalValue(parsing: "32.3465000000000000")
        #expect(v?.significand == 32_346_500_000_000 && v?.scale == 12)
        #expect(v?.significantFractionDigits == 4)
        #expect(DecimalValue(parsing: "0000000000000000032.5") == DecimalValue(significand: 325, scale: 1))
        #expect(DecimalValue(parsing: "1.50")?.scale == 2)  // zeros within the limit are kept as written
        #expect(DecimalValue(parsing: "-0.000000000000000000") == DecimalValue.zero)
        #expect(DecimalValue(parsing: "0.0") == DecimalValue.zero)
    }

    @Test func significantDigitsAreStillLimited() {
        #expect(DecimalValue(parsing: "1.0000000000001") == nil)  // 13 significant decimals
        #expect(DecimalValue(parsing: "1.0000000000001000") == nil)
        #expect(DecimalValue(parsing: "1234567890123456") == nil)  // 16 integer digits
        #expect(DecimalValue(parsing: "000123456789012345") != nil)  // 15 significant
        #expect(DecimalValue(parsing: "1.") == nil)
        #expect(DecimalValue(parsing: ".5") == nil)
        #expect(DecimalValue(parsing: "") == nil)
    }
}
