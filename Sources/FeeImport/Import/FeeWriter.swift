import SiteContent
import GuideData
import Foundation
import CodingRules

/// A fee period as the importer writes it.
package struct ImportedPeriod {
    var effective: CalendarDate
    var through: CalendarDate
    package var label: String
    var gpciID: String
    var source: String
    var rvuProvenance: [ProvenanceEntry]
    var gpciProvenance: ProvenanceEntry
    var conversionFactors: [ConversionFactorOption]
    /// Sorted by code.
    var rvus: [(code: String, rvu: RVUSet)]
    /// In the order of the CMS file.
    var gpci: [LocalityGPCI]
    /// Write the optional `work_gpci_unfloored` column (the file stated the work GPCI before any floor).
    var gpciUnfloored: Bool = false
    /// What the importer decided about the work column (printed after the write), e.g. which of a pair it used.
    var notes: [String] = []
}

/// Writes the fee-period YAML and the GPCI CSV in the exact format the loaders read (docs/data.md). The output
/// depends only on the input: no clock, no host, no path.
package enum FeeWriter {
    static func feeYAML(_ p: ImportedPeriod) -> String {
        var out = "# Fee-schedule period: dates of service, conversion factor(s), RVUs per code. Schema: docs/data.md\n"
        out += "# Written by `ctsguide fees import` from the CMS files named under provenance (see MAINTAINING.md).\n"
        out += "effective: \(p.effective)\nthrough: \(p.through)\nlabel: \(quoted(p.label))\n"
        out += "gpci: \"\(p.gpciID)\"\nsource: \(p.source)\nprovenance:\n  rvu:\n"
        for e in p.rvuProvenance { out += entry(e, indent: "    - ", rest: "      ") }
        out += "  gpci:\n" + entry(p.gpciProvenance, indent: "    ", rest: "    ")
        out += "conversion_factors:\n"
        for cf in p.conversionFactors {
            out += "  - id: \(cf.id)\n    label: \(quoted(cf.label))\n    value: \(number(cf.value, 4))\n"
            out += "    default: \(cf.isDefault)\n    source: \(cf.source)\n"
        }
        out += "rvus:\n"
        for (code, r) in p.rvus {
            let codeText = code.allSatisfy(\.isNumber) ? "\"\(code)\"" : code
            out += "  - code: \(codeText)\n"
            for (key, v) in [("work", r.work), ("pe_nonfacility", r.peNonfacility), ("pe_facility", r.peFacility), ("mp", r.mp)] {
                out += "    \(key): \(v.map { number($0, 2) } ?? "missing")\n"
            }
            out += "    source: \(r.source)\n"
        }
        return out
    }

    static func gpciCSV(_ p: ImportedPeriod) -> String {
        var out = (GPCIReader.extractHeader + (p.gpciUnfloored ? [GPCIReader.extractUnfloored] : [])).joined(separator: ",") + "\n"
        for r in p.gpci {
            let l = r.locality
            out += "\(p.effective.year),\(l.mac),\(l.number),\(csvField(l.name)),\(l.state),\(number(r.work, 3)),\(number(r.pe, 3)),\(number(r.mp, 3))"
            out += p.gpciUnfloored ? ",\(number(r.workUnfloored, 3))\n" : "\n"
        }
        return out
    }

    static func entry(_ e: ProvenanceEntry, indent: String, rest: String) -> String {
        var out = "\(indent)file: \(quoted(e.file))\n"
        if !e.title.isEmpty { out += "\(rest)title: \(quoted(e.title))\n" }
        if let r = e.released, !r.isEmpty { out += "\(rest)released: \(quoted(r))\n" }
        out += "\(rest)sha256: \(e.sha256)\n"
        if let cf = e.conversionFactor { out += "\(rest)conversion_factor: \(cf)\n" }
        return out
    }

    /// At least `places` fractional digits, more if the value has them (never rounds).
    static func number(_ v: DecimalValue, _ places: Int) -> String { v.formatted(places: max(places, v.scale)) }

    /// Plain when YAML reads it back as the same string, double-quoted otherwise.
    static func quoted(_ s: String) -> String {
        let plainOK = !s.isEmpty && s.first!.isLetter && !s.contains(": ") && !s.contains(" #")
            && !s.contains("\"") && !s.hasSuffix(":") && s.allSatisfy({ $0.isASCII && $0 != "\t" })
            && !["true", "false", "null", "yes", "no", "on", "off"].contains(s.lowercased())
        if plainOK { return s }
        return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
