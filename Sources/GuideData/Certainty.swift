import SiteContent
/// How sure the guide is of each fact it states (`Content/data/facts.yaml`). A fact carries a grade — the grade
/// of the research notes behind the guide (H, M, L–M, L, or nothing found) — and the sources that say it. The
/// marker a reader sees after a statement comes from the grade of the facts it cites, never from the kind of
/// source (see `CertaintyCheck`).
public struct CertaintyGrade: Sendable, Hashable {
    /// `h`, `m-h`, `m`, `l-m`, `l`, `none`: also the anchor (`grade-ID`) of its explanation on the grades page.
    public var id: String
    /// The compact marker shown after a statement resting on a fact of this grade ("M · reported").
    public var badge: String
    /// What the grade means, one sentence (the marker's tooltip and the grades page).
    public var meaning: String
    /// Whether a statement resting on a fact of this grade must carry the marker (false for H only).
    public var marked: Bool
    /// Strength, 0 = strongest: a statement citing several facts takes the weakest one's marker.
    public var rank: Int
}

/// One graded fact: a short wording, its grade, the sources that say it and where the research notes grade it.
public struct FactRecord: Sendable, Hashable {
    public var id: String
    public var says: String
    public var grade: String
    public var sources: [String]
    /// Where the research notes give the grade, e.g. "facts.md §8".
    public var ref: String
    /// The data files cite this fact by its sources (`in_data: true`): a directive's statement citing only
    /// secondary sources takes its marker from such a fact (`Certainty.fact(citing:)`).
    public var inData: Bool = false
    /// Sources the data files cite beside this fact without saying it (`cited_with:`, e.g. the page whose wrong
    /// claim a known-errors row corrects): matched by `Certainty.fact(citing:)`, never shown as its sources.
    public var citedWith: [String] = []
    public var location: SourceLocation
}

/// The grades and facts of `facts.yaml`, and the page that explains the grades (`grades_page`, a content path).
public struct Certainty: Sendable {
    public var grades: [CertaintyGrade] = []
    public var facts: [FactRecord] = []
    public var gradesPage: String?
    /// Where `grades_page` is given (its value), for the check that it names a page.
    public var gradesPageLocation: SourceLocation?

    public func fact(_ id: String) -> FactRecord? { facts.first { $0.id == id } }
    public func grade(_ id: String) -> CertaintyGrade? { grades.first { $0.id == id } }
    /// The grade of a fact.
    public func grade(of fact: FactRecord) -> CertaintyGrade? { grade(fact.grade) }

    /// The fact a data-driven statement rests on when it cites these sources and names no fact: among the facts
    /// the data files state (`inData`), the weakest whose sources (with those it is `citedWith`) include every one
    /// of them (nil when none does).
    public func fact(citing ids: [String]) -> FactRecord? {
        let wanted = Set(ids.filter { !$0.isEmpty })
        guard !wanted.isEmpty else { return nil }
        return facts.filter { $0.inData && wanted.isSubset(of: Set($0.sources + $0.citedWith)) }
            .max { (grade(of: $0)?.rank ?? 0) < (grade(of: $1)?.rank ?? 0) }
    }

    /// Statements cite a fact with this prefix among their source ids (`fact:ID`).
    public static let citationPrefix = "fact:"
}
