/// The program's version: the one place it is written. `ctsguide --version` prints it and every page names it in
/// `<meta name="generator">`, so a published site says which build made it.
public enum CTSGuideVersion {
    public static let number = "0.25.0"
    /// `ctsguide 0.25.0`: the generator meta tag's content.
    public static var generator: String { "ctsguide " + number }
}
