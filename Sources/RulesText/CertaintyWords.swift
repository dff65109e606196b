/// The one place where `calc`, the calculator data and the generated page parts word how sure a statement is
/// (facts.md grades: H, M–H, M, L–M, L, or nothing found). The marker is the pages' compact badge text, the same
/// as `Content/data/facts.yaml` gives each grade (a test compares the two), so a reader meets one marker
/// everywhere and the certainty page explains it. Pure words, no HTML.
public enum CertaintyWords {
    /// The grade's compact marker, e.g. "M · reported"; "" for H, which carries none.
    public static func marker(_ grade: String) -> String {
        switch grade {
        case "H": ""
        case "M–H", "M-H": "M–H · reported"
        case "M": "M · reported"
        case "L–M", "L-M": "L–M · inferred"
        case "L": "L · weak"
        default: "— · no answer found"
        }
    }

    /// A statement with its grade: as it is for H, else followed by the marker in parentheses.
    public static func graded(_ text: String, grade: String) -> String {
        grade == "H" ? text : "\(text) (\(marker(grade)))"
    }

    /// How the assistant (CQ/CO) reduction is rounded (rules.md §5, facts D7, graded M).
    public static let assistantRounding =
        "the reduction is taken on the line's fee schedule amount in cents (units × unit fee) and rounded to "
        + "the cent once, as contractors apply payment reductions; the exact rounding step is not quoted in "
        + "CMS text (\(marker("M")))"
}
