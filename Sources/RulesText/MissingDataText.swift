import CodingRules

extension RulesText {
    /// What data is missing to price a line (for maintainers).
    public func missing(_ m: MissingData) -> String {
        switch m {
        case .conversionFactor(let id, let label):
            return "conversion factor '\(id ?? "")' for \(label)"
        case .rvuComponents(let parts, let code, let label):
            return "\(parts.map(component).joined(separator: ", ")) RVU for \(code) in \(label)"
        case .rvus(let code, let label):
            return "RVUs for \(code) in \(label)"
        case .gpciRow(let locality, let table):
            return "GPCI for locality \(locality) in table \(table)"
        case .gpciTable(let label, let note):
            return note ?? "GPCI table for \(label)"
        case .periodNote(let note):
            return note
        case .assistantPercent(let date):
            return "assistant payment percentage on \(date)"
        }
    }

    /// An RVU component as the CMS files name it.
    public func component(_ c: RVUComponent) -> String {
        switch c {
        case .work: return "work"
        case .peNonfacility: return "PE non-facility"
        case .peFacility: return "PE facility"
        case .mp: return "MP"
        }
    }

    /// A discipline as a reader names it.
    public func discipline(_ d: Discipline) -> String {
        switch d {
        case .pt: return "physical therapy"
        case .ot: return "occupational therapy"
        case .slp: return "speech-language pathology"
        }
    }

    /// What changed on a timeline date.
    public func timeline(_ c: TimelineChange) -> String {
        switch c {
        case .codesAvailable(let family, let codes):
            return "\(family) codes available: \(codes.joined(separator: ", "))"
        case .feeSchedule(let label, let cf, let options):
            return "\(label): conversion factor \(cf)" + options.map { "; \($0.label): \($0.value)" }.joined()
        case .policy(let summary):
            return summary
        }
    }

    /// The beneficiary split as `calc` prints it (one line).
    public func splitLine(_ s: BeneficiarySplit) -> String {
        "Split (Part B deductible met): patient \(s.coinsurancePercent)% coinsurance \(s.coinsurance.moneyText); "
            + "Medicare \(s.medicareBeforeSequestration.moneyText) less \(s.sequestrationPercent)% sequestration "
            + "\(s.sequestration.moneyText) = \(s.medicarePaid.moneyText)"
    }

    /// Who pays, in general terms (the calculator page shows the amounts beside it).
    public func splitSummary(_ s: BeneficiarySplit) -> String {
        "Who pays (Part B deductible met): the patient owes \(s.coinsurancePercent)% coinsurance; "
            + "Medicare pays the rest less \(s.sequestrationPercent)% sequestration."
    }

    /// What the split assumes.
    public var splitAssumption: String { "Part B deductible already met" }
}
