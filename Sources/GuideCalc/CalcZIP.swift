import SiteContent
import GuideData
import CodingRules

/// `calc --zip`: the locality a ZIP code is priced in, and how `calc` reports it. The look-up itself is
/// `ZIPLocalityTable.lookup` (pure); this file turns its answer into option errors, a JSON object and text.
package struct CalcZIP: Sendable, Hashable {
    var zip: String
    var locality: Locality
    var split: Bool
    var quarterLabel: String

    /// The plain note for a ZIP code CMS splits by ZIP+4 (the same sentence the site shows).
    var note: String? { split ? ZIPWording.splitNote(zip: zip, locality: locality) : nil }

    /// Checks the option's form before any data is read.
    static func checkForm(_ o: CalcOptions) throws {
        guard let raw = o.zip else { return }
        if o.locality != nil {
            throw CalcRunner.InputFailure("zip", "give either --zip or --locality, not both")
        }
        guard ZIPLocalityTable.number(raw.trimmingCharacters(in: .whitespaces)) != nil else {
            throw CalcRunner.InputFailure("zip", "expected a ZIP code of \(ZIPLocalityTable.digits) digits such as 10001, got '\(raw)'")
        }
    }

    /// The ZIP code's locality in the loaded data; unknown ZIP codes and a missing table are option errors.
    static func resolve(_ raw: String, data: SiteData) throws -> CalcZIP {
        let zip = raw.trimmingCharacters(in: .whitespaces)
        guard let codes = data.zipCodes else {
            throw CalcRunner.InputFailure("zip", "the guide's data has no ZIP code table (data/\(ZIPCodesFile.name)); use --locality")
        }
        switch codes.table.lookup(zip) {
        case .malformed:
            throw CalcRunner.InputFailure("zip", "expected a ZIP code of \(ZIPLocalityTable.digits) digits such as 10001, got '\(raw)'")
        case .unknown:
            throw CalcRunner.InputFailure("zip", "ZIP code \(zip) is not in CMS's ZIP code list (\(codes.quarterLabel)); use --locality")
        case .found(let id, let split):
            guard let locality = data.rules.allLocalities.first(where: { $0.id == id }) else {
                throw CalcRunner.InputFailure("zip", "ZIP code \(zip) maps to locality \(id), which no GPCI table has")
            }
            return CalcZIP(zip: zip, locality: locality, split: split, quarterLabel: codes.quarterLabel)
        }
    }

    package var text: String {
        var s = "ZIP code \(zip): \(ZIPWording.name(locality)) (CMS ZIP code list, \(quarterLabel))\n"
        if let note { s += "Note: \(note)\n" }
        return s
    }
}

/// Reader-facing wording about ZIP codes, shared by `calc` and the pages' generated data.
package enum ZIPWording {
    package static func name(_ l: Locality) -> String { "\(l.name), \(l.state) (\(l.id))" }

    package static func splitNote(zip: String, locality: Locality) -> String {
        splitNote(zip: zip, localityName: name(locality))
    }

    /// The same with the locality already named (the page passes the placeholder `{locality}`).
    package static func splitNote(zip: String, localityName: String) -> String {
        "Medicare splits ZIP code \(zip) between payment localities by ZIP+4. These amounts use \(localityName), "
            + "the locality listed for the five-digit ZIP code; check the ZIP+4 of the practice address with your "
            + "Medicare contractor."
    }
}
