
/// The raw `ctsguide calc` options, as typed (nil when not given). `CalcRunner` validates them.
public struct CalcOptions: Sendable, Hashable {
    public var minutes: String?
    public var patients: String?
    public var date: String?
    public var setting: String?
    public var provider: String?
    public var discipline: String?
    public var telehealth: Bool
    public var locality: String?
    public var profile: String?
    public var family: String?
    public var ytdAmount: String?
    public var conversionFactor: String?
    /// `--zip`: a five-digit ZIP code whose locality prices the session (instead of `--locality`).
    public var zip: String?
    public var content: String
    public var json: Bool

    public init(
        minutes: String? = nil, patients: String? = nil, date: String? = nil, setting: String? = nil,
        provider: String? = nil, discipline: String? = nil, telehealth: Bool = false, locality: String? = nil,
        profile: String? = nil, family: String? = nil, ytdAmount: String? = nil, conversionFactor: String? = nil,
        content: String = "Content", json: Bool = false, zip: String? = nil
    ) {
        self.zip = zip
        self.minutes = minutes
        self.patients = patients
        self.date = date
        self.setting = setting
        self.provider = provider
        self.discipline = discipline
        self.telehealth = telehealth
        self.locality = locality
        self.profile = profile
        self.family = family
        self.ytdAmount = ytdAmount
        self.conversionFactor = conversionFactor
        self.content = content
        self.json = json
    }
}

/// What `ctsguide calc` prints and its exit code.
public struct CalcOutput: Sendable, Hashable {
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
}
