import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags aliases on a distribution that uses the CloudFront default certificate.
struct AliasesNeedCertificateRule: Rule {
    static let description = RuleDescription(
        id: "certificates.aliases_need_certificate", name: "Aliases Need a Certificate", category: .certificates,
        severity: .error,
        summary: "The distribution has aliases but uses the CloudFront default certificate.",
        fix: "Set viewer-certificate.acm-certificate-arn (with ssl-support-method: sni-only) to a certificate that covers every alias.",
        rationale: """
            The default certificate covers only *.cloudfront.net. To serve your own domain names, \
            CloudFront needs a certificate (from ACM in us-east-1, or IAM) that covers every alias; \
            the API rejects aliases without one.
            """,
        sources: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html"],
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
                aliases: ↓[www.example.com]
                """)
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        guard !context.config.aliases.isEmpty, context.config.viewerCertificate.usesCloudFrontDefault else { return }
        context.report(
            "aliases \(context.config.aliases.joined(separator: ", ")) need a certificate, but the distribution uses the CloudFront default certificate",
            at: context.distribution.path.appending("aliases"),
            hint:
                "add viewer-certificate with the acm-certificate-arn of a us-east-1 certificate that covers every alias, and ssl-support-method: sni-only"
        )
    }
}
