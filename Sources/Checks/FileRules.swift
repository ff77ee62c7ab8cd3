import CFCDiagnostics
import DistributionIR

/// What the rules about a whole file know of one of its distributions.
///
/// The compiler checks distributions one at a time, in parallel, and a streamed compile keeps
/// nothing of a distribution once its documents are written; the few rules that compare
/// distributions with each other (an alias on two of them, one certificate used two ways) run
/// when the file is settled, over these facts, which each distribution's unit keeps.
public struct DistributionFacts: Sendable {
    /// The distribution's name.
    public var distribution: String
    /// Each alias, and where it is written.
    public var aliases: [(alias: String, range: SourceRange?)]
    /// The ACM certificate ARN or IAM certificate id, and where it is written; nil for the
    /// CloudFront default certificate.
    public var certificate: (id: String, range: SourceRange?)?
    /// The HTTP versions served, and where `http-version` is written (nil when it is not).
    public var httpVersion: (value: HTTPVersion, range: SourceRange?)
    /// The rule ids the distribution's `ignore:` lists.
    public var ignore: [String]

    /// The facts of `distribution`, with positions from `locator`.
    public init(_ distribution: Distribution, locator: (any SourceLocator)?) {
        let config = distribution.config
        let path = distribution.path
        self.distribution = distribution.name
        aliases = config.aliases.enumerated().map {
            ($0.element, locator?.valueRange(of: path.appending("aliases").appending(index: $0.offset)))
        }
        let certificatePath = path.appending("viewer-certificate")
        if let arn = config.viewerCertificate.acmCertificateArn {
            certificate = (arn, locator?.valueRange(of: certificatePath.appending("acm-certificate-arn")))
        } else if let id = config.viewerCertificate.iamCertificateId {
            certificate = (id, locator?.valueRange(of: certificatePath.appending("iam-certificate-id")))
        } else {
            certificate = nil
        }
        httpVersion = (config.httpVersion, locator?.valueRange(of: path.appending("http-version")))
        ignore = distribution.policy.ignore
    }

    /// Facts given directly (for tests).
    public init(
        distribution: String, aliases: [(alias: String, range: SourceRange?)], certificate: (id: String, range: SourceRange?)? = nil,
        httpVersion: HTTPVersion = .http2, ignore: [String] = []
    ) {
        self.distribution = distribution
        self.aliases = aliases
        self.certificate = certificate
        self.httpVersion = (httpVersion, nil)
        self.ignore = ignore
    }

    /// Whether the distribution's `ignore:` lists `rule`.
    public func ignores(_ rule: RuleDescription) -> Bool { ignore.contains(rule.id.rawValue) }

    /// Whether any file rule could find something in facts like these (so that a distribution
    /// without aliases or a certificate of its own keeps nothing).
    public var isRelevant: Bool { !aliases.isEmpty || certificate != nil }
}

/// The rules about a whole file, run once its distributions are known.
public enum FileRules {
    /// Every finding of the file rules, in rule order. With `baselinesAPIRejections` (check),
    /// `ignore:` silences rules CloudFront's API enforces too; otherwise only the others.
    public static func findings(_ facts: [DistributionFacts], baselinesAPIRejections: Bool) -> [Diagnostic] {
        guard facts.count > 1 else { return [] }
        return DuplicateAliasRule.findings(facts, baselinesAPIRejections: baselinesAPIRejections)
            + SharedCertificateHTTPVersionsRule.findings(facts)
    }
}
