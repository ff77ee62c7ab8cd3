import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags distributions of one file that share a certificate but serve different HTTP versions.
///
/// A rule about the file, not one distribution (see `FileRules`): `check(_:)` has nothing to do.
public struct SharedCertificateHTTPVersionsRule: Rule {
    public static let description = RuleDescription(
        id: "certificates.shared_certificate_http_versions", name: "Shared Certificate, Different HTTP Versions",
        category: .certificates, severity: .error,
        summary: "Distributions of the file use the same certificate but serve different HTTP versions.",
        fix: "Give the distributions that share a certificate the same http-version, or give each its own certificate.",
        rationale: """
            An HTTP/2 or HTTP/3 client reuses one connection for every host name the server's \
            certificate covers (connection coalescing: RFC 9113 section 9.1.1, RFC 9114 section \
            3.3). Distributions that share a certificate share its names, so a browser that opened \
            a connection to one of them sends requests for the other over it; when the two serve \
            different HTTP versions, CloudFront cannot serve the coalesced request on that \
            connection and answers 421 Misdirected Request, which some clients do not retry. AWS \
            documents that one certificate may serve several distributions, not this interaction, \
            and the API accepts such configs, so the finding can be silenced with ignore: where the \
            names do not overlap in practice.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-limits.html",
            "https://www.rfc-editor.org/rfc/rfc9113#section-9.1.1",
        ],
        passingExamples: [
            """
            version: 1
            distributions:
              www:
                aliases: [www.example.com]
                http-version: http2and3
                viewer-certificate: {acm-certificate-arn: "arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab", ssl-support-method: sni-only}
                origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}
                default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
              api:
                aliases: [api.example.com]
                http-version: http2and3
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
                http-version: http2and3
                viewer-certificate: {acm-certificate-arn: "arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab", ssl-support-method: sni-only}
                origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}
                default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
              api:
                aliases: [api.example.com]
                http-version: ↓http1.1
                viewer-certificate: {acm-certificate-arn: "arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab", ssl-support-method: sni-only}
                origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}
                default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
            """
        ])

    public init() {}

    public func check(_ context: CheckContext) {}

    /// An error at each distribution whose HTTP versions differ from those of the first
    /// distribution of the file with the same certificate, with a note there.
    public static func findings(_ facts: [DistributionFacts]) -> [Diagnostic] {
        var first: [String: DistributionFacts] = [:]
        var diagnostics: [Diagnostic] = []
        for fact in facts {
            guard let certificate = fact.certificate else { continue }
            guard let earlier = first[certificate.id] else {
                first[certificate.id] = fact
                continue
            }
            guard earlier.httpVersion.value != fact.httpVersion.value else { continue }
            diagnostics.append(
                Diagnostic(
                    id: description.id, severity: description.severity,
                    summary:
                        "distribution '\(fact.distribution)' serves \(fact.httpVersion.value.rawValue) but shares its certificate with '\(earlier.distribution)', which serves \(earlier.httpVersion.value.rawValue): coalesced HTTP/2 and HTTP/3 connections get 421 Misdirected Request",
                    hint: "use the same http-version on both, or a certificate for each",
                    range: fact.httpVersion.range ?? certificate.range,
                    notes: [DiagnosticNote("'\(earlier.distribution)' uses the same certificate", at: earlier.certificate?.range)],
                    isSuppressed: fact.ignores(description)))
            if diagnostics.count >= DuplicateAliasRule.findingLimit { break }
        }
        return diagnostics
    }
}
