import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags `ssl-support-method: vip`, which costs a monthly fee.
struct VIPCostRule: Rule {
    static let description = RuleDescription(
        id: "certificates.vip_cost", name: "Dedicated IP SSL Cost", category: .certificates, severity: .warning,
        summary: "ssl-support-method is vip, which costs USD 600 a month per certificate.",
        fix: "Use ssl-support-method: sni-only unless you must serve viewers without SNI support; every modern client sends SNI.",
        rationale: """
            vip serves HTTPS from dedicated IP addresses at every edge location, for clients that do \
            not send SNI. AWS charges USD 600 per month for each such certificate, prorated by the \
            hour. Every current browser and HTTP library supports SNI, which costs nothing extra.
            """,
        sources: ["https://docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/cloudfront.html"],
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
                  ssl-support-method: ↓vip
                  minimum-protocol-version: TLSv1
                """)
        ])

    func check(_ context: CheckContext) {
        // With the default certificate vip buys nothing: certificates.default_certificate_vip says so.
        let certificate = context.config.viewerCertificate
        guard certificate.sslSupportMethod == .vip, !certificate.usesCloudFrontDefault else { return }
        context.report(
            "ssl-support-method vip costs USD 600 a month per certificate",
            at: context.distribution.path.appending("viewer-certificate").appending("ssl-support-method"),
            hint: "use sni-only unless clients without SNI must be served")
    }
}
