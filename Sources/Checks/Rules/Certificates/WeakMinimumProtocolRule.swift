import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a minimum protocol version below `TLSv1.2_2021` with a certificate of yours.
struct WeakMinimumProtocolRule: Rule {
    static let description = RuleDescription(
        id: "certificates.weak_minimum_protocol", name: "Weak Minimum Protocol Version", category: .certificates,
        severity: .warning,
        summary: "The minimum protocol version allows TLS versions or ciphers older than TLSv1.2_2021.",
        fix: "Set minimum-protocol-version to TLSv1.2_2021 (or newer) unless old clients must still connect.",
        rationale: """
            The security policy sets the oldest TLS version and ciphers viewers may negotiate. \
            Policies before TLSv1.2_2021 allow TLS 1.0/1.1 or weak ciphers that current guidance \
            retires; AWS recommends TLSv1.2_2021 (the console default) unless old clients must be served.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html"
        ],
        passingExamples: [
            RuleExample.with(
                """
                aliases: [www.example.com]
                viewer-certificate:
                  acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
                  ssl-support-method: sni-only
                  minimum-protocol-version: TLSv1.2_2021
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                aliases: [www.example.com]
                viewer-certificate:
                  acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
                  ssl-support-method: sni-only
                  minimum-protocol-version: ↓TLSv1.1_2016
                """)
        ])

    static let weak: Set<MinimumProtocolVersion> = [.sslV3, .tlsV1, .tlsV1_2016, .tlsV1_1_2016, .tlsV1_2_2018, .tlsV1_2_2019]

    func check(_ context: CheckContext) {
        let certificate = context.config.viewerCertificate
        let version = certificate.minimumProtocolVersion
        guard !certificate.usesCloudFrontDefault, Self.weak.contains(version) else { return }
        // vip with its two legacy policies has a rule of its own.
        if certificate.sslSupportMethod == .vip { return }
        context.report(
            "minimum protocol version \(version.rawValue) allows old TLS versions or weak ciphers",
            at: context.distribution.path.appending("viewer-certificate").appending("minimum-protocol-version"),
            hint: "use TLSv1.2_2021")
    }
}
