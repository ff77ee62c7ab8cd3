/// Everything one cfc file describes: its distributions, in the order written.
///
/// ```yaml
/// version: 1
/// distributions:
///   www: { … }
///   assets: { … }
/// ```
public struct ConfigModel: Equatable, Hashable, Sendable {
    /// The distributions, in file order.
    public var distributions: [Distribution]
    /// The companion resources declared beside them, by kind, then in file order.
    public var companions: [Companion]

    /// Creates a model.
    public init(distributions: [Distribution] = [], companions: [Companion] = []) {
        self.distributions = distributions
        self.companions = companions
    }

    /// The values of members AWS's service model marks sensitive, which no output but the API
    /// documents may show (see `DistributionConfig.sensitiveValues`).
    public var sensitiveValues: [String] {
        distributions.flatMap(\.config.sensitiveValues)
    }

    /// The distribution called `name`, if any.
    public func distribution(named name: String) -> Distribution? {
        distributions.first { $0.name == name }
    }
}

/// One CloudFront distribution: the `DistributionConfig` the API takes, plus cfc's own policy
/// for checking it.
///
/// ```yaml
/// www:                      # the name: names the output files and the default caller reference
///   aliases: [www.example.com]
///   …                       # DistributionConfig members
///   require-https: ["*"]    # policy
/// ```
public struct Distribution: Equatable, Hashable, Sendable {
    /// The name under `distributions:`.
    public var name: String
    /// What is sent to CloudFront.
    public var config: DistributionConfig
    /// What cfc checks beyond the API's own rules.
    public var policy: DistributionPolicy
    /// The companion resources it names (`cache-policy: static`), in the order written. Each
    /// sets its member to the companion's id from the state file, or, while the companion does
    /// not exist yet, to `CompanionReference.placeholder`, which is never sent.
    public var companionReferences: [CompanionReference] = []

    /// Creates a distribution.
    public init(name: String, config: DistributionConfig = DistributionConfig(), policy: DistributionPolicy = DistributionPolicy()) {
        self.name = name
        self.config = config
        self.policy = policy
    }

    /// The config path of this distribution.
    public var path: ConfigPath { .distribution(name) }
}

/// cfc's own requirements for a distribution, checked but never sent to CloudFront.
///
/// ```yaml
/// require-https: [/account/*, /checkout/*]   # or ["*"]
/// require-origin-https: true
/// ignore: [https.allow_all_without_policy]
/// ```
public struct DistributionPolicy: Equatable, Hashable, Sendable {
    /// Path patterns whose requests must never be served over plain HTTP; `*` means all.
    public var requireHTTPS: [String] = []
    /// Whether every origin must be reached over HTTPS, end to end.
    public var requireOriginHTTPS: Bool = false
    /// Rule ids whose findings are suppressed for the whole distribution.
    public var ignore: [String] = []
    /// How many automaton steps the checks together may spend on questions about this
    /// distribution's path patterns before they give up on them (and say so). The compiler
    /// spends at most the allowance `CompileOptions` works out from this, the ceiling and the
    /// distribution's size.
    public var patternSearchSteps: Int = DistributionPolicy.defaultPatternSearchSteps
    /// Whether the caller reference was derived from the name (`cfc-NAME`) because none was
    /// written: then it says nothing about which distribution this is, and comparing it with
    /// another side's is no difference.
    public var callerReferenceIsDerived: Bool = false

    /// The default of `patternSearchSteps`, and the ceiling a file cannot raise: ordinary
    /// configs, a thousand behaviors included, spend none (the literal prefixes and suffixes
    /// of their patterns settle every question); a file written to be slow gets a few tens of
    /// milliseconds.
    public static let defaultPatternSearchSteps = 5_000_000

    /// Creates a policy that requires nothing.
    public init() {}
}
