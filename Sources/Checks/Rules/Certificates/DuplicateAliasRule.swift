import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags an alias that two distributions of one file both claim.
///
/// A rule about the file, not one distribution (see `FileRules`): `check(_:)` has nothing to do.
public struct DuplicateAliasRule: Rule {
    public static let description = RuleDescription(
        id: "certificates.duplicate_alias", name: "Alias on Two Distributions", category: .certificates, severity: .error,
        summary: "Two distributions of the file have the same alias (CNAME).",
        fix: "Keep the alias on one distribution; to move it, follow AWS's procedure for moving an alternate domain name.",
        rationale: """
            An alternate domain name belongs to one distribution: CloudFront refuses a CNAME that \
            another distribution already has ("CNAMEAlreadyExists: One or more of the CNAMEs you \
            provided are already associated with a different resource"), so the second create or \
            update of the file fails halfway through an apply. Names are compared as CloudFront \
            compares them, without regard to case.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/alternate-domain-names-move.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateDistribution.html",
        ],
        passingExamples: [
            """
            version: 1
            distributions:
              www:
                aliases: [www.example.com]
                viewer-certificate: {acm-certificate-arn: "arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab", ssl-support-method: sni-only}
                origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}
                default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
              api:
                aliases: [api.example.com]
                viewer-certificate: {acm-certificate-arn: "arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab", ssl-support-method: sni-only}
                origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}
                default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
            """
        ],
        failingExamples: [
            """
            version: 1
            distributions:
              www:
                aliases: [www.example.com]
                viewer-certificate: {acm-certificate-arn: "arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab", ssl-support-method: sni-only}
                origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}
                default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
              www-next:
                aliases: [↓www.example.com]
                viewer-certificate: {acm-certificate-arn: "arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab", ssl-support-method: sni-only}
                origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}
                default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
            """
        ],
        rejectedByAPI: true)

    public init() {}

    public func check(_ context: CheckContext) {}

    /// The most findings one file gets; the rest are counted in one more. A file that copies
    /// one distribution with a thousand aliases 230 times (an anchor) claims 229,000 aliases
    /// twice, and a diagnostic each cost more memory than the whole compile.
    public static let findingLimit = 100

    /// An error at every alias a later distribution of the file claims again, with a note at
    /// the first claim (at most `findingLimit`, then one that counts the rest).
    public static func findings(_ claims: [DistributionFacts], baselinesAPIRejections: Bool) -> [Diagnostic] {
        var first: [String: (distribution: String, range: SourceRange?)] = [:]
        var diagnostics: [Diagnostic] = []
        var omitted = 0
        var lastRange: SourceRange? = nil
        for claim in claims {
            for (alias, range) in claim.aliases {
                let key = alias.lowercased()
                guard let earlier = first[key] else {
                    first[key] = (claim.distribution, range)
                    continue
                }
                guard earlier.distribution != claim.distribution else { continue }
                guard diagnostics.count < findingLimit else {
                    if !(claim.ignores(description) && baselinesAPIRejections) { omitted += 1 }
                    lastRange = range ?? lastRange
                    continue
                }
                diagnostics.append(
                    Diagnostic(
                        id: description.id, severity: description.severity,
                        summary:
                            "alias \(alias) is also on distribution '\(earlier.distribution)': CloudFront gives a CNAME to one distribution only",
                        hint: "keep it on one distribution; to move it between distributions, follow AWS's alias move procedure",
                        range: range,
                        notes: [DiagnosticNote("distribution '\(earlier.distribution)' has it here", at: earlier.range)],
                        isSuppressed: claim.ignores(description) && baselinesAPIRejections))
            }
        }
        if omitted > 0 {
            diagnostics.append(
                Diagnostic(
                    id: description.id, severity: description.severity,
                    summary: "\(omitted) more alias\(omitted == 1 ? " is" : "es are") claimed by more than one distribution of the file",
                    hint: "each alias belongs to one distribution", range: lastRange))
        }
        return diagnostics
    }
}
