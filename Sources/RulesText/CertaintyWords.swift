/// The one place where `calc`, the calculator data and the generated page parts word how sure a statement is
/// (facts.md grades: H, M, L, L–M). A statement graded below H carries `marker(_:)`; the wording is kept here
/// only, so it can follow the pages' certainty mechanism when that changes. Pure words, no HTML.
public enum CertaintyWords {
    /// The grade's marker, a parenthesis-free clause: "certainty M: not confirmed by CMS".
    public static func marker(_ grade: String) -> String { "certainty \(grade): not confirmed by CMS" }

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
