import SiteContent
import GuideData
import Foundation
import CodingRules

/// `downloads/medicare-fees-<effective>.csv` and `.json`: per fee period, the amount of one unit of every code,
/// in both settings, nationally and in every locality, at every conversion factor the period offers, with the
/// RVUs, GPCIs, the CMS release and the source ids — what the tables show, for billing systems to import.
package enum FeeDownloads {
    package static func path(_ period: FeePeriod, _ ext: String) -> String { "downloads/medicare-fees-\(period.id).\(ext)" }

    static let csvColumns = [
        "period_effective", "period_through", "period_label", "cms_release", "code", "setting", "locality",
        "locality_name", "state", "conversion_factor_id", "conversion_factor", "work_rvu", "pe_rvu", "mp_rvu",
        "work_gpci", "pe_gpci", "mp_gpci", "amount", "assistant_amount", "rvu_source", "conversion_factor_source",
        "gpci_source",
    ]

    /// One conversion factor, code and setting of a period: the RVUs and the amounts of every place (in the
    /// order of `PricedPeriod.places`), for a therapist and for an assistant.
    struct Block {
        var cf: ConversionFactorOption, code: String, rvu: RVUSet, setting: Setting
        var amounts: [DecimalValue?], assistant: [DecimalValue?]
    }

    /// A period's rows: every block × every place (national first, then the GPCI table's localities).
    struct PricedPeriod {
        var places: [LocalityGPCI?]
        var blocks: [Block]
        var rowCount: Int { places.count * blocks.count }
    }

    static func priced(_ period: FeePeriod, _ rules: RulesData) -> PricedPeriod {
        let table = period.gpciTable.flatMap { rules.gpciTables[$0] }
        let places: [LocalityGPCI?] = [nil] + (table?.sortedRows ?? []).map(Optional.some)
        let choices: [LocalityChoice] = places.map { place in place.map { .locality(id: $0.locality.id) } ?? .national }
        var blocks: [Block] = []
        for cf in period.conversionFactors {
            for code in rules.families.flatMap(\.codes) {
                guard let rvu = period.rvus[code] else { continue }
                for setting in Setting.priceColumns {
                    func prices(_ p: Provider) -> [DecimalValue?] {
                        rules.priceBreakdowns(code: code, period: period, setting: setting, provider: p, localities: choices, conversionFactor: cf.id)
                            .map(\.amount)
                    }
                    blocks.append(Block(cf: cf, code: code, rvu: rvu, setting: setting, amounts: prices(.therapist), assistant: prices(.assistant)))
                }
            }
        }
        return PricedPeriod(places: places, blocks: blocks)
    }

    package static func files(_ data: SiteData) -> [OutputFile] {
        // Each period's rows are priced once for both files.
        data.rules.periods.flatMap { p in
            let priced = priced(p, data.rules)
            return [
                OutputFile(path: path(p, "csv"), bytes: csv(p, data, priced)),
                OutputFile(path: path(p, "json"), bytes: json(p, data, priced)),
            ]
        }
    }

    /// The CSV file, written into one byte buffer: what is the same for a whole block or place is written once
    /// and copied into each row.
    static func csv(_ p: FeePeriod, _ data: SiteData, _ t: PricedPeriod) -> [UInt8] {
        func field(_ s: String, _ out: inout [UInt8]) { out.append(contentsOf: csvField(s).utf8) }
        /// The cells, each followed by a comma.
        func cells(_ list: [String]) -> [UInt8] {
            var out: [UInt8] = []
            for c in list {
                field(c, &out)
                out.append(UInt8(ascii: ","))
            }
            return out
        }
        let gpciSource = p.gpciTable.flatMap { data.rules.gpciTables[$0]?.source } ?? ""
        let periodCells = cells([p.id, p.range.through?.description ?? "", p.label, data.releaseWording(of: p) ?? ""])
        let placeCells = t.places.map { cells([$0?.locality.id ?? "national", $0?.locality.name ?? "", $0?.locality.state ?? ""]) }
        let gpciCells = t.places.map {
            cells([$0?.work.description ?? "1", $0?.pe.description ?? "1", $0?.mp.description ?? "1"])
        }
        var out = Array((csvColumns.joined(separator: ",") + "\n").utf8)
        out.reserveCapacity(t.rowCount * 200)
        for b in t.blocks {
            let head = periodCells + cells([b.code, b.setting.rawValue])
            let rates = cells([
                b.cf.id, b.cf.value.description, b.rvu.work?.description ?? "", b.rvu.pe(b.setting)?.description ?? "",
                b.rvu.mp?.description ?? "",
            ])
            let sources = cells([b.rvu.source, b.cf.source])
            for (i, place) in t.places.enumerated() {
                out += head
                out += placeCells[i]
                out += rates
                out += gpciCells[i]
                field(b.amounts[i]?.moneyText ?? "", &out)
                out.append(UInt8(ascii: ","))
                field(b.assistant[i]?.moneyText ?? "", &out)
                out.append(UInt8(ascii: ","))
                out += sources
                if place != nil { field(gpciSource, &out) }
                out.append(UInt8(ascii: "\n"))
            }
        }
        return out
    }

    /// The JSON file: pretty-printed, keys sorted, with a final newline.
    static func json(_ p: FeePeriod, _ data: SiteData, _ t: PricedPeriod) -> [UInt8] {
        let table = p.gpciTable.flatMap { data.rules.gpciTables[$0] }
        func dec(_ v: DecimalValue?) -> JSONValue { .optional(v?.description) }
        let amounts: [JSONValue] = t.blocks.flatMap { b in
            t.places.indices.map { i in
                .object([
                    "amount": .optional(b.amounts[i]?.moneyText), "assistant_amount": .optional(b.assistant[i]?.moneyText),
                    "code": .string(b.code), "conversion_factor": .string(b.cf.id),
                    "locality": .string(t.places[i]?.locality.id ?? "national"), "setting": .string(b.setting.rawValue),
                ])
            }
        }
        let file: JSONValue = .object([
            "amounts": .array(amounts),
            "conversion_factors": .array(p.conversionFactors.map {
                .object(["id": .string($0.id), "label": .string($0.label), "value": .string($0.value.description),
                         "default": .bool($0.isDefault), "source": .string($0.source)])
            }),
            "localities": .array(t.places.compactMap { $0 }.map {
                .object(["id": .string($0.locality.id), "name": .string($0.locality.name), "state": .string($0.locality.state),
                         "work_gpci": .string($0.work.description), "pe_gpci": .string($0.pe.description),
                         "mp_gpci": .string($0.mp.description)])
            }),
            "period": .object([
                "effective": .string(p.id), "through": .optional(p.range.through?.description), "label": .string(p.label),
                "cms_release": .string(data.releaseWording(of: p) ?? ""), "source": .string(p.source),
                "gpci_table": .optional(p.gpciTable), "gpci_source": .optional(table?.source),
            ]),
            "rvus": .object(p.rvus.mapValues { r in
                .object(["work": dec(r.work), "pe_nonfacility": dec(r.peNonfacility), "pe_facility": dec(r.peFacility),
                         "mp": dec(r.mp), "source": .string(r.source)])
            }),
        ])
        var w = JSONWriter(forScript: false, capacity: t.rowCount * 200 + 16_384)
        w.value(file, indent: 0)
        w.raw("\n")
        return w.bytes
    }
}
