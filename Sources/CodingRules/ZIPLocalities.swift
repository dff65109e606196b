/// A run of consecutive ZIP codes (numbers `from...through`, every one of them listed by CMS) that CMS places
/// in one payment locality. `split` marks ZIP codes CMS divides between localities by ZIP+4: the locality is
/// the one CMS's five-digit list gives, which may not be the one of every address in the ZIP code.
public struct ZIPRun: Sendable, Hashable {
    public var from: Int
    public var through: Int
    public var localityID: String
    public var split: Bool

    public init(from: Int, through: Int, localityID: String, split: Bool) {
        self.from = from
        self.through = through
        self.localityID = localityID
        self.split = split
    }
}

/// What a ZIP code look-up found.
public enum ZIPLookup: Sendable, Hashable {
    /// The ZIP code is in the table: its locality id (`MAC-LOCALITY`) and whether CMS splits it by ZIP+4.
    case found(localityID: String, split: Bool)
    /// Well formed (five digits) but not in the table.
    case unknown
    /// Not five digits.
    case malformed
}

/// The ZIP code → payment locality table of one CMS ZIP file, as sorted, non-overlapping runs. Pure data and
/// look-up; reading and checking the files is the importer's and loader's job.
public struct ZIPLocalityTable: Sendable, Hashable {
    /// Digits of a ZIP code.
    public static let digits = 5
    /// CMS's `YEAR/QTR` of the file (`YYYYQ`).
    public var yearQuarter: String
    /// Id of the GPCI table whose localities the runs name.
    public var gpciTable: String
    /// Sorted by `from`; runs do not overlap.
    public private(set) var runs: [ZIPRun]

    /// `runs` in any order; they are sorted here. Overlaps are the caller's error to report (see `overlaps`).
    public init(yearQuarter: String, gpciTable: String, runs: [ZIPRun]) {
        self.yearQuarter = yearQuarter
        self.gpciTable = gpciTable
        self.runs = runs.sorted { ($0.from, $0.through) < ($1.from, $1.through) }
    }

    /// Pairs of runs (in sorted order) that share a ZIP code.
    public var overlaps: [(ZIPRun, ZIPRun)] { Self.overlaps(runs).map { a, b in (runs[a], runs[b]) } }

    /// Pairs of `runs` (in any order, identical runs included) that share a ZIP code, as indexes into `runs`: the
    /// walk over them sorted by `from` and `through`, equal runs in their given order.
    public static func overlaps(_ runs: [ZIPRun]) -> [(Int, Int)] {
        let order = runs.indices.sorted { (runs[$0].from, runs[$0].through, $0) < (runs[$1].from, runs[$1].through, $1) }
        var out: [(Int, Int)] = []
        var widest: Int?
        for i in order {
            if let w = widest, runs[i].from <= runs[w].through { out.append((w, i)) }
            if widest.map({ runs[i].through > runs[$0].through }) ?? true { widest = i }
        }
        return out
    }

    /// The number of ZIP codes in the table.
    public var count: Int { runs.reduce(0) { $0 + $1.through - $1.from + 1 } }

    /// Five ASCII digits as a number, or nil.
    public static func number(_ zip: String) -> Int? {
        guard zip.utf8.count == digits, zip.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int(zip)
    }

    /// A ZIP code number written with its leading zeros.
    public static func text(_ number: Int) -> String {
        let s = String(number)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }

    /// The locality of a ZIP code (surrounding spaces and tabs ignored).
    public func lookup(_ zip: String) -> ZIPLookup {
        let words = zip.split { $0 == " " || $0 == "\t" }
        guard words.count == 1, let n = Self.number(String(words[0])) else { return .malformed }
        var lo = 0, hi = runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[mid].through < n { lo = mid + 1 } else { hi = mid }
        }
        guard lo < runs.count, runs[lo].from <= n else { return .unknown }
        return .found(localityID: runs[lo].localityID, split: runs[lo].split)
    }

    /// Builds runs from single ZIP codes (number → locality id, split): consecutive numbers with the same
    /// locality and split flag become one run. Deterministic for a given mapping.
    public static func runs(from zips: [Int: (localityID: String, split: Bool)]) -> [ZIPRun] {
        var out: [ZIPRun] = []
        for n in zips.keys.sorted() {
            let z = zips[n]!
            if var last = out.last, last.through == n - 1, last.localityID == z.localityID, last.split == z.split {
                last.through = n
                out[out.count - 1] = last
            } else {
                out.append(ZIPRun(from: n, through: n, localityID: z.localityID, split: z.split))
            }
        }
        return out
    }
}
