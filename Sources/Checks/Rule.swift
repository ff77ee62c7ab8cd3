import CFCDiagnostics

/// A check of a distribution: one kind of mistake, with a permanent id.
///
/// A rule reads only the IR and the routing table (never YAML), and reports findings into the
/// `CheckContext`; the context adds positions, severity and suppression. Each rule lives in its
/// own file under `Rules/<Category>/`, and its `RuleDescription` is at once its documentation
/// (`cfc explain`, `docs/rules.md`) and its test cases.
public protocol Rule: Sendable {
    /// What the rule checks, why, and examples.
    static var description: RuleDescription { get }
    /// Reports every finding for the distribution in `context`.
    func check(_ context: CheckContext)
}

/// A rule's documentation and test cases.
///
/// A class: the checker hands the running rule's description to the context once per rule and
/// distribution, and copying a structure of ten strings and arrays there (reference counts
/// taken and dropped on shared storage by every worker) cost more than many rules' work.
public final class RuleDescription: Sendable {
    /// The permanent id, such as `https.require_https`. Users write it in `ignore:` lists.
    public let id: DiagnosticID
    /// A Title Case name.
    public let name: String
    /// The group the rule belongs to.
    public let category: RuleCategory
    /// How serious a finding is.
    public let severity: Severity
    /// One sentence: what the rule flags.
    public let summary: String
    /// How to fix a finding, in general (each finding's hint says it for its case).
    public let fix: String
    /// Why it matters, citing CloudFront's documented behavior.
    public let rationale: String
    /// Where AWS documents it.
    public let sources: [String]
    /// Distribution bodies (YAML under `distributions.site:`) the rule accepts; a rule about
    /// several distributions gives whole files instead (starting `version: 1`).
    public let passingExamples: [String]
    /// Distribution bodies the rule flags; `↓` marks the place of each finding.
    public let failingExamples: [String]
    /// Whether CloudFront's API refuses a document with this finding (as opposed to accepting
    /// something unwise). An `ignore:` entry silences such a finding for `cfc check` (a baseline),
    /// never for what writes or applies a document: compile must not write what the API rejects.
    public let rejectedByAPI: Bool

    /// Creates a description.
    public init(
        id: DiagnosticID, name: String, category: RuleCategory, severity: Severity, summary: String,
        fix: String, rationale: String, sources: [String], passingExamples: [String], failingExamples: [String],
        rejectedByAPI: Bool = false
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.severity = severity
        self.summary = summary
        self.fix = fix
        self.rationale = rationale
        self.sources = sources
        self.passingExamples = passingExamples
        self.failingExamples = failingExamples
        self.rejectedByAPI = rejectedByAPI
    }

    /// How to silence the rule, for the docs.
    public var suppression: String {
        "add `\(id.rawValue)` to `ignore:` on the distribution" + (category.isPerBehavior ? ", or on the behavior" : "")
            + (rejectedByAPI
                ? " (CloudFront's API rejects such a document, so this silences `cfc check` only: compile and plan still fail)" : "")
    }
}

/// The groups of rules.
public enum RuleCategory: String, Sendable, CaseIterable {
    /// Cache behavior order and path patterns.
    case ordering
    /// Viewer and origin HTTPS.
    case https
    /// Viewer certificates and aliases.
    case certificates
    /// Origins and origin groups.
    case origins
    /// Cache behavior settings.
    case behaviors
    /// Lambda@Edge and CloudFront Functions.
    case functions
    /// Distribution-wide settings and quotas.
    case config

    /// Whether findings of this category are usually about one behavior (so a behavior's
    /// `ignore:` list applies).
    public var isPerBehavior: Bool {
        switch self {
        case .ordering, .https, .behaviors, .functions: true
        case .certificates, .origins, .config: false
        }
    }

    /// The title in the docs.
    public var title: String {
        switch self {
        case .ordering: "Ordering and path patterns"
        case .https: "HTTPS"
        case .certificates: "Certificates and aliases"
        case .origins: "Origins"
        case .behaviors: "Cache behavior settings"
        case .functions: "Edge functions"
        case .config: "Distribution settings and quotas"
        }
    }
}
