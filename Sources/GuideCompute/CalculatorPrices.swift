import CodingRules

/// One entry of a price table: its key (`code|setting|provider`), the national amount and the amounts of every
/// locality choice (comma-separated, in `options.locality` order; empty where unpriced), and the same amounts in
/// cents for the splits' totals (`CalculatorSplits`).
struct PriceRow: Sendable {
    var key: String, national: String, amounts: String
    var cents: [Int?]
}

extension CalculatorTables {
    /// The calculator's locality choices as the rules name them.
    var localityChoices: [LocalityChoice] {
        localities.map { $0.value == "national" ? .national : .locality(id: $0.value) }
    }

    /// What a price table depends on besides the data: the fee period of the date and the assistant
    /// differential in force on it (`priceBreakdown` reads the date for nothing else), and the conversion-factor
    /// option when it is not the period's default.
    func priceKey(_ period: FeePeriod, on date: CalendarDate, conversionFactor: String? = nil) -> String {
        let pct = rules.policies.assistantPercent.entry(on: date)?.value
        return "\(period.range.from)|\(pct.map { "\($0.significand)e-\($0.scale)" } ?? "none")"
            + (conversionFactor.map { "|cf:" + $0 } ?? "")
    }

    /// The price rows of a date (nil when no fee period covers it), computed once per `priceKey`: every code of
    /// every family × setting × provider, priced in every locality choice; with `conversionFactor`, at that
    /// option of the period instead of its default.
    func priceRows(on date: CalendarDate, conversionFactor: String? = nil) -> [PriceRow]? {
        guard let period = rules.period(on: date) else { return nil }
        let key = priceKey(period, on: date, conversionFactor: conversionFactor)
        if let rows = priceRowCache[key] { return rows }
        let localities = localityChoices
        var rows: [PriceRow] = []
        for code in rules.families.flatMap(\.codes) {
            for s in Setting.allCases {
                for p in Provider.allCases {
                    let amounts = rules.priceBreakdowns(
                        code: code, period: period, setting: s, provider: p, localities: localities,
                        conversionFactor: conversionFactor, assistantPercentDate: date
                    ).map { $0.amount?.roundedToCents }
                    let cells = amounts.map { $0?.moneyText ?? "" }
                    rows.append(
                        PriceRow(key: "\(code)|\(s.rawValue)|\(p.rawValue)", national: cells.first ?? "",
                                 amounts: cells.joined(separator: ","), cents: amounts.map { $0?.significand }))
                }
            }
        }
        priceRowCache[key] = rows
        return rows
    }
}
