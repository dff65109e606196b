import CodingRules

/// What an import would change in an existing period, one readable line per figure.
package enum FeeChanges {
    static func list(old: FeePeriod?, oldGPCI: GPCITable?, new: ImportedPeriod) -> [String] {
        var out: [String] = []
        func text(_ v: DecimalValue?) -> String { v?.description ?? "missing" }
        if let old {
            for (code, r) in new.rvus {
                guard let o = old.rvus[code] else {
                    out.append("\(code): new code")
                    continue
                }
                for (name, a, b) in [
                    ("work RVU", o.work, r.work), ("PE RVU non-facility", o.peNonfacility, r.peNonfacility),
                    ("PE RVU facility", o.peFacility, r.peFacility), ("MP RVU", o.mp, r.mp),
                ] where a != b {
                    out.append("\(code) \(name): \(text(a)) → \(text(b))")
                }
            }
            for code in old.rvus.keys.sorted() where !new.rvus.contains(where: { $0.code == code }) {
                out.append("\(code): no longer in the period")
            }
            for cf in new.conversionFactors {
                if let o = old.conversionFactors.first(where: { $0.id == cf.id }) {
                    if o.value != cf.value { out.append("conversion factor \(cf.id): \(o.value) → \(cf.value)") }
                    if o.isDefault != cf.isDefault { out.append("conversion factor \(cf.id): default \(o.isDefault) → \(cf.isDefault)") }
                } else {
                    out.append("conversion factor \(cf.id): new, \(cf.value)")
                }
            }
            for o in old.conversionFactors where !new.conversionFactors.contains(where: { $0.id == o.id }) {
                out.append("conversion factor \(o.id): removed (was \(o.value))")
            }
            if old.gpciTable == nil { out.append("GPCI table \(new.gpciID): added (\(new.gpci.count) localities)") }
        }
        guard let oldGPCI else { return out }
        var gpciChanges: [String] = []
        for r in new.gpci {
            guard let o = oldGPCI.rows[r.locality.id] else {
                gpciChanges.append("locality \(r.locality.id) \(r.locality.name): new")
                continue
            }
            for (name, a, b) in [
                ("work", o.work, r.work), ("PE", o.pe, r.pe), ("MP", o.mp, r.mp),
                ("unfloored work", o.workUnfloored, r.workUnfloored),
            ] where a != b {
                gpciChanges.append("locality \(r.locality.id) \(name) GPCI: \(a) → \(b)")
            }
            if o.locality.name != r.locality.name || o.locality.state != r.locality.state {
                gpciChanges.append("locality \(r.locality.id) name: \(o.locality.name) → \(r.locality.name)")
            }
        }
        for id in oldGPCI.rows.keys.sorted() where !new.gpci.contains(where: { $0.locality.id == id }) {
            gpciChanges.append("locality \(id): removed")
        }
        let more = gpciChanges.count > 25 ? ["… and \(gpciChanges.count - 25) more GPCI changes"] : []
        return out + gpciChanges.prefix(25) + more
    }
}
