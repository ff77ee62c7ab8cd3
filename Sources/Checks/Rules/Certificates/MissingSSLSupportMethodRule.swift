import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags an ACM or IAM certificate without `ssl-support-method`.
struct MissingSSLSupportMethodRule: Rule {
    static let description = RuleDescription(
        id: "certificates.missing_ssl_support_method", name: "Missing SSL Support Method", category: .certificates,
        severity: .error,
        summary: "A certificate of yours is given without ssl-support-method.",
        fix: "Add ssl-support-method: sni-only.",
        rationale: """
            With an ACM or IAM certificate, the API requires SSLSupportMethod: sni-only (what every \
            modern client supports, at no extra cost), vip (dedicated IP addresses, with a monthly \
            fee), or static-ip.
            """,
        sources: ["https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html"],
        passingExamples: [
            RuleExample.with(
                """
                aliases: [www.example.com]
                viewer-certificate:
                  acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
                  ssl-support-method: sni-only
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                aliases: [www.example.com]
                viewer-certificate:
                  acm-certificate-arn: ↓arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
                """)
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        let certificate = context.config.viewerCertificate
        guard !certificate.usesCloudFrontDefault, certificate.sslSupportMethod == nil else { return }
        let key = certificate.acmCertificateArn != nil ? "acm-certificate-arn" : "iam-certificate-id"
        context.report(
            "the certificate needs ssl-support-method",
            at: context.distribution.path.appending("viewer-certificate").appending(key),
            hint: "add ssl-support-method: sni-only")
    }
}
