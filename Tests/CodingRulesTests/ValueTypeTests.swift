import CodingRules
import Testing

@Suite struct ValueTypeTests {
    @Test(arguments: [("2.345", "2.35"), ("-2.345", "-2.35"), ("2.3449", "2.34"), ("0.005", "0.01"), ("0.004", "0.00"),
                      ("52.077865", "52.08"), ("44.26618525", "44.27"), ("7", "7.00")])
    func roundHalfAwayFromZero(input: String, expected: String) {
        #expect(DecimalValue(parsing: input)!.roundedToCents.moneyText == expected)
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
