import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a minimum protocol version other than `TLSv1` with the CloudFront default
/// certificate, which CloudFront ignores.
struct DefaultCertificateProtocolRule: Rule {
    static let description = RuleDescription(
        id: "certificates.default_certificate_protocol", name: "Protocol Version Ignored", category: .certificates,
        severity: .warning,
        summary: "A minimum protocol version is set for the CloudFront default certificate, which forces TLSv1.",
        fix:
            "Remove minimum-protocol-version (CloudFront uses TLSv1 with its default certificate), or use a certificate of your own to choose a stronger policy.",
        rationale: """
            With the CloudFront default certificate (*.cloudfront.net), CloudFront sets the security \
            policy to TLSv1 whatever value is sent ("CloudFront automatically sets the security \
            policy to TLSv1 regardless of the value that you set here"); the value written here has \
            no effect. cfc sends it as written, so that what it sends is what you wrote, and compares \
            it with what CloudFront returns as the same.
            """,
        sources: ["https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html"],
        passingExamples: [
            RuleExample.with(
                """

                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                viewer-certificate:
                  minimum-protocol-version: ↓TLSv1.2_2021
                """)
        ])

    func check(_ context: CheckContext) {
        let certificate = context.config.viewerCertificate
        let version = certificate.minimumProtocolVersion
        guard certificate.usesCloudFrontDefault, version != .tlsV1 else { return }
        context.report(
            "minimum protocol version \(version.rawValue) has no effect with the CloudFront default certificate, which forces TLSv1",
            at: context.distribution.path.appending("viewer-certificate").appending("minimum-protocol-version"),
            hint: "remove it, or use a certificate of your own to choose the security policy")
    }
}
