import CodingRules

/// Rules data built in code (the same figures as Content/data), so these tests need no file I/O.
enum Fixture {
    static func d(_ s: String) -> CalendarDate { CalendarDate(parsing: s)! }
    static func n(_ s: String) -> DecimalValue { DecimalValue(parsing: s)! }
    static func dated<V>(_ from: String, _ through: String?, _ v: V, _ summary: String = "s") -> Dated<V> {
        Dated(range: DateRange(from: d(from), through: through.map(d)), value: v, source: "src", summary: summary)
    }
    static func rvu(_ w: String?, _ nf: String?, _ f: String?, _ mp: String?) -> RVUSet {
        RVUSet(work: w.map(n), peNonfacility: nf.map(n), peFacility: f.map(n), mp: mp.map(n), source: "src")
    }

    static let families = [
        CodeFamily(id: "functional", name: "Functional performance", initialCode: "97550", addOnCode: "97551",
                   groupCode: "97552", validFrom: d("2024-01-01"), source: "src"),
        CodeFamily(id: "direct-care", name: "Direct care", initialCode: "G0541", addOnCode: "G0542",
                   groupCode: "G0543", validFrom: d("2025-01-01"), source: "src"),
        CodeFamily(id: "behavior", name: "Behavior", initialCode: "G0539", addOnCode: "G0540", groupCode: nil,
                   noGroupReason: "no group code in this family", validFrom: d("2025-01-01"), source: "src"),
    ]

    static let r24: [String: RVUSet] = [
        "97550": rvu("1.00", "0.56", "0.33", "0.03"), "97551": rvu("0.54", "0.24", "0.18", "0.01"),
        "97552": rvu("0.23", "0.43", "0.08", "0.01"),
    ]
    static let r25: [String: RVUSet] = {
        let i = rvu("1.00", "0.58", "0.35", "0.03"), a = rvu("0.54", "0.24", "0.19", "0.01"), g = rvu("0.23", "0.44", "0.08", "0.01")
        return ["97550": i, "97551": a, "97552": g, "G0539": i, "G0540": a, "G0541": i, "G0542": a, "G0543": g]
    }()
    static let r26: [String: RVUSet] = [
        "97550": rvu("1.00", nil, nil, nil), "97551": rvu(nil, nil, nil, nil), "97552": rvu("0.23", nil, nil, nil),
        "G0539": rvu(nil, nil, nil, nil), "G0540": rvu("0.54", nil, nil, nil), "G0541": rvu("1.00", nil, nil, nil),
        "G0542": rvu(nil, nil, nil, nil), "G0543": rvu("0.23", nil, nil, nil),
    ]
    static func cf(_ v: String, id: String = "standard", isDefault: Bool = true) -> ConversionFactorOption {
        ConversionFactorOption(id: id, label: id, value: n(v), isDefault: isDefault, source: "cf-src")
    }

    static let periods = [
        FeePeriod(range: DateRange(from: d("2024-01-01"), through: d("2024-03-08")), label: "CY2024a",
                  conversionFactors: [cf("32.7442")], gpciTable: "2024", rvus: r24, source: "src"),
        FeePeriod(range: DateRange(from: d("2024-03-09"), through: d("2024-12-31")), label: "CY2024b",
                  conversionFactors: [cf("33.2875")], gpciTable: "2024", rvus: r24, source: "src"),
        FeePeriod(range: DateRange(from: d("2025-01-01"), through: d("2025-12-31")), label: "CY2025",
                  conversionFactors: [cf("32.3465")], gpciTable: "2025", rvus: r25, source: "src"),
        FeePeriod(range: DateRange(from: d("2026-01-01"), through: d("2026-12-31")), label: "CY2026",
                  conversionFactors: [cf("33.4009", id: "non-qp"), cf("33.5675", id: "qp", isDefault: false)],
                  gpciTable: nil, gpciMissingNote: "CY2026 GPCI table", rvus: r26,
                  missingNotes: ["PE and MP RVUs for 2026"], source: "src"),
    ]

    static func gpci(_ year: String) -> GPCITable {
        let rows = [
            LocalityGPCI(locality: Locality(mac: "02102", number: "01", name: "ALASKA", state: "AK"),
                         work: n("1.500"), pe: n("1.081"), mp: n("0.592")),
            LocalityGPCI(locality: Locality(mac: "13202", number: "01", name: "MANHATTAN", state: "NY"),
                         work: n("1.065"), pe: n("1.166"), mp: n("1.656")),
        ]
        return GPCITable(id: year, source: "gpci-src", rows: Dictionary(uniqueKeysWithValues: rows.map { ($0.locality.id, $0) }))
    }

    static let profiles = [
        UnitProfile(id: "ama-midpoint", name: "AMA", summary: "", isCPTRule: true, initialSpan: 30, initialMinimum: 16,
                    addOnSpan: 15, addOnMinimum: 8, source: "src"),
        UnitProfile(id: "full-units", name: "Full", summary: "", isCPTRule: false, initialSpan: 30, initialMinimum: 30,
                    addOnSpan: 15, addOnMinimum: 15, source: "src"),
    ]

    static let policies = Policies(
        telehealthListing: [
            dated("2024-01-01", "2024-12-31", TelehealthListing.notListed, "not on the list in 2024"),
            dated("2025-01-01", "2025-12-31", .provisional, "provisional 2025"),
            dated("2026-01-01", nil, .listed),
        ],
        therapistTelehealth: [
            dated("2024-01-01", "2025-09-30", TherapistTelehealthStatus.authorized),
            dated("2025-10-01", "2025-11-12", .lapsedRestored, "lapse restored"),
            dated("2025-11-13", "2027-12-31", .authorized),
        ],
        consent: [dated("2024-01-01", "2024-12-31", "Consent documented"),
                  dated("2025-01-01", nil, "Consent, verbal allowed, documented")],
        quantityLimits: [dated("2024-01-01", nil, "none")],
        kxThresholds: [dated("2024-01-01", "2024-12-31", KXThreshold(amount: n("2330"))),
                       dated("2025-01-01", "2025-12-31", KXThreshold(amount: n("2410"))),
                       dated("2026-01-01", "2026-12-31", KXThreshold(amount: n("2480")))],
        kxBuckets: [.pt: "PT/SLP", .slp: "PT/SLP", .ot: "OT"],
        assistantPercent: [dated("2022-01-01", nil, n("85"))],
        coinsurancePercent: [dated("2024-01-01", nil, n("20"))],
        sequestrationPercent: [dated("2022-07-01", nil, n("2"))],
        telehealthPlacesOfService: [
            TelehealthPlaceOfService(pos: "10", setting: .nonfacility, summary: "home"),
            TelehealthPlaceOfService(pos: "02", setting: .facility, summary: "elsewhere"),
        ],
        modifiers: ModifierTable(discipline: [.pt: "GP", .ot: "GO", .slp: "GN"], assistant: [.pt: "CQ", .ot: "CO"],
                                 telehealth: "95", kx: "KX", descriptions: [:], source: "src"),
        documentation: [
            DocumentationItem(id: "poc", text: "Plan of care", appliesTo: [.individual, .group], range: nil, source: "src"),
            DocumentationItem(id: "consent", text: "", usesConsentRule: true, appliesTo: [.individual, .group], range: nil, source: "src"),
            DocumentationItem(id: "times", text: "Start and stop times", appliesTo: [.individual], range: nil, source: "src"),
            DocumentationItem(id: "group", text: "Patients and caregivers counted", appliesTo: [.group], range: nil, source: "src"),
        ])

    static let rules = RulesData(
        families: families, codes: [], periods: periods, gpciTables: ["2024": gpci("2024"), "2025": gpci("2025")],
        policies: policies, profiles: profiles, defaultProfileID: "ama-midpoint",
        totalTimeRule: TotalTimeRule(name: "CMS", summary: "", unitMinutes: 15, remainderMinimum: 8, source: "src"))

    static func input(_ minutes: Int, _ date: String = "2025-06-02") -> SessionInput {
        SessionInput(minutes: minutes, date: d(date))
    }
}
