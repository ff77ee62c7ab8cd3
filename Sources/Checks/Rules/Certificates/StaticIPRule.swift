import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags `ssl-support-method: static-ip`, which AWS must enable for the account first.
struct StaticIPRule: Rule {
    static let description = RuleDescription(
        id: "certificates.static_ip", name: "Static IP Needs Enablement", category: .certificates, severity: .warning,
        summary: "ssl-support-method is static-ip, which works only after the CloudFront team enables it.",
        fix: "Use sni-only, unless AWS has enabled static IPs for this distribution.",
        rationale: """
            "static-ip - Do not specify this value unless your distribution has been enabled for this \
            feature by the CloudFront team. If you have a use case that requires static IP addresses \
            for a distribution, contact CloudFront through the Amazon Web Services Support Center."
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
                  acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
                  ssl-support-method: ↓static-ip
                """)
        ])

    func check(_ context: CheckContext) {
        let certificate = context.config.viewerCertificate
        guard certificate.sslSupportMethod == .staticIP, !certificate.usesCloudFrontDefault else { return }
        context.report(
            "ssl-support-method static-ip works only after the CloudFront team enables it for the distribution",
            at: context.distribution.path.appending("viewer-certificate").appending("ssl-support-method"),
            hint: "use sni-only, or ask AWS Support to enable static IPs (then add certificates.static_ip to ignore:)")
    }
}
