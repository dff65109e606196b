import SiteContent
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

    struct Row {
        var code: String, setting: Setting, locality: LocalityGPCI?, cf: ConversionFactorOption, rvu: RVUSet
        var amount: DecimalValue?, assistant: DecimalValue?
    }

    static func rows(_ period: FeePeriod, _ rules: RulesData) -> [Row] {
        let table = period.gpciTable.flatMap { rules.gpciTables[$0] }
        let places: [LocalityGPCI?] = [nil] + (table?.sortedRows ?? []).map(Optional.some)
        let choices: [LocalityChoice] = places.map { place in place.map { .locality(id: $0.locality.id) } ?? .national }
        var out: [Row] = []
        for cf in period.conversionFactors {
            for code in rules.families.flatMap(\.codes) {
                guard let rvu = period.rvus[code] else { continue }
                for setting in Setting.priceColumns {
                    func prices(_ p: Provider) -> [UnitPrice] {
                        rules.unitPrices(code: code, period: period, setting: setting, provider: p, localities: choices, conversionFactor: cf.id)
                    }
                    let therapist = prices(.therapist), assistant = prices(.assistant)
                    for (i, place) in places.enumerated() {
                        out.append(Row(code: code, setting: setting, locality: place, cf: cf, rvu: rvu, amount: therapist[i].amount, assistant: assistant[i].amount))
                    }
                }
            }
        }
        return out
    }

    static func release(_ period: FeePeriod, _ data: SiteData) -> String {
        data.provenance(of: period)?.releaseText ?? data.source(period.source).map { "release dated \($0.date)" } ?? ""
    }

    package static func files(_ data: SiteData) -> [OutputFile] {
        // Periods on all cores; each period's rows are priced once for both files.
        parallelMap(data.rules.periods) { p in
            let rows = rows(p, data.rules)
            return [
                OutputFile(path: path(p, "csv"), text: csv(p, data, rows: rows)),
                OutputFile(path: path(p, "json"), text: json(p, data, rows: rows).rendered() + "\n"),
            ]
        }.flatMap { $0 }
    }

    static func csv(_ p: FeePeriod, _ data: SiteData, rows: [Row]? = nil) -> String {
        func field(_ s: String) -> String {
            containsByte(s, UInt8(ascii: ",")) || containsByte(s, UInt8(ascii: "\""))
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        let gpciSource = p.gpciTable.flatMap { data.rules.gpciTables[$0]?.source } ?? ""
        let release = release(p, data)
        var out = csvColumns.joined(separator: ",") + "\n"
        for r in rows ?? self.rows(p, data.rules) {
            let cells: [String] = [
                p.id, p.range.through?.description ?? "", p.label, release, r.code, r.setting.rawValue,
                r.locality?.locality.id ?? "national", r.locality?.locality.name ?? "", r.locality?.locality.state ?? "",
                r.cf.id, r.cf.value.description, r.rvu.work?.description ?? "", r.rvu.pe(r.setting)?.description ?? "",
                r.rvu.mp?.description ?? "", r.locality?.work.description ?? "1", r.locality?.pe.description ?? "1",
                r.locality?.mp.description ?? "1", r.amount?.moneyText ?? "", r.assistant?.moneyText ?? "", r.rvu.source,
                r.cf.source, r.locality == nil ? "" : gpciSource,
            ]
            out += cells.map(field).joined(separator: ",") + "\n"
        }
        return out
    }

    package static func json(_ p: FeePeriod, _ data: SiteData) -> JSONValue { json(p, data, rows: nil) }

    static func json(_ p: FeePeriod, _ data: SiteData, rows: [Row]?) -> JSONValue {
        let table = p.gpciTable.flatMap { data.rules.gpciTables[$0] }
        func dec(_ v: DecimalValue?) -> JSONValue { .optional(v?.description) }
        return .object([
            "period": .object([
                "effective": .string(p.id), "through": .optional(p.range.through?.description), "label": .string(p.label),
                "cms_release": .string(release(p, data)), "source": .string(p.source),
                "gpci_table": .optional(p.gpciTable), "gpci_source": .optional(table?.source),
            ]),
            "conversion_factors": .array(p.conversionFactors.map {
                .object(["id": .string($0.id), "label": .string($0.label), "value": .string($0.value.description),
                         "default": .bool($0.isDefault), "source": .string($0.source)])
            }),
            "rvus": .object(Dictionary(uniqueKeysWithValues: p.rvus.map { code, r in
                (code, JSONValue.object(["work": dec(r.work), "pe_nonfacility": dec(r.peNonfacility),
                                         "pe_facility": dec(r.peFacility), "mp": dec(r.mp), "source": .string(r.source)]))
            })),
            "localities": .array((table?.sortedRows ?? []).map {
                .object(["id": .string($0.locality.id), "name": .string($0.locality.name), "state": .string($0.locality.state),
                         "work_gpci": .string($0.work.description), "pe_gpci": .string($0.pe.description),
                         "mp_gpci": .string($0.mp.description)])
            }),
            "amounts": .array((rows ?? self.rows(p, data.rules)).map {
                .object(["code": .string($0.code), "setting": .string($0.setting.rawValue),
                         "locality": .string($0.locality?.locality.id ?? "national"), "conversion_factor": .string($0.cf.id),
                         "amount": .optional($0.amount?.moneyText), "assistant_amount": .optional($0.assistant?.moneyText)])
            }),
        ])
    }
}
