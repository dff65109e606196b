import CodingRules
import Testing

/// Arithmetic on exact decimals and calendar dates never traps: checked forms report overflow, the operators
/// saturate, and comparisons of values far apart in size and scale are right.
@Suite struct NoTrapTests {
    let big = DecimalValue(parsing: "999999999999999")!  // 15 integer digits, the most parsing accepts
    let fine = DecimalValue(parsing: "0.000000000001")!  // 12 fractional digits

    @Test func checkedSumReportsOverflow() {
        #expect(big.addingChecked(fine) == nil)  // needs 27 digits
        #expect(DecimalValue(Int.max).addingChecked(DecimalValue(1)) == nil)
        #expect(DecimalValue(2).addingChecked(DecimalValue(3)) == DecimalValue(5))
    }

    @Test func checkedProductDropsOnlyDigitsBeyondWhatFits() {
        #expect(big.multipliedChecked(by: big) == nil)  // 30 integer digits cannot fit
        // 12 + 12 fractional digits: more than the 18 kept, rounded half away from zero, no trap.
        let p = fine.multipliedChecked(by: fine)
        #expect(p == DecimalValue.zero)
        let q = DecimalValue(parsing: "1.000000000001")!.multipliedChecked(by: DecimalValue(parsing: "3.000000000001")!)
        #expect(q?.rounded(toPlaces: 6) == DecimalValue(parsing: "3.000000")!)
    }

    @Test func operatorsSaturateInsteadOfTrapping() {
        #expect((big * big) > big)
        #expect((DecimalValue(Int.max) + DecimalValue(1)) > big)
        #expect((DecimalValue(-Int.max) - DecimalValue(2)) < DecimalValue(0))
        #expect((fine * fine * fine).isNegative == false)
    }

    @Test func comparisonsAcrossScalesDoNotOverflow() {
        #expect(fine < big)
        #expect(big > fine)
        #expect(!(big == fine))
        #expect(DecimalValue(parsing: "-999999999999999")! < DecimalValue(parsing: "-0.000000000001")!)
        #expect(DecimalValue(parsing: "1.500000000000")! == DecimalValue(parsing: "1.5")!)
    }

    @Test func trailingZerosAreNotSignificant() {
        #expect(DecimalValue(parsing: "32.346500000000")!.significantFractionDigits == 4)
        #expect(DecimalValue(parsing: "1000")!.integerDigits == 4)
        #expect(DecimalValue(parsing: "0.5")!.integerDigits == 1)
    }

    @Test func formattingExtremesDoesNotTrap() {
        #expect(DecimalValue(significand: Int.min, scale: 0).formatted(places: 2).hasPrefix("-"))
        #expect(DecimalValue(significand: 5, scale: 40).scale == 18)  // scale beyond 18 is rounded, not a trap
    }

    @Test func datesStayInRange() {
        let last = CalendarDate(parsing: "9999-12-31")!
        let first = CalendarDate(parsing: "0001-01-01")!
        #expect(last.addingChecked(days: 1) == nil)
        #expect(first.addingChecked(days: -1) == nil)
        #expect(last.adding(days: 1) == last)
        #expect(first.adding(days: Int.min) == first)
        #expect(last.addingChecked(days: Int.max) == nil)
        #expect(CalendarDate(parsing: "2024-02-28")!.addingChecked(days: 1) == CalendarDate(parsing: "2024-02-29"))
    }
}
