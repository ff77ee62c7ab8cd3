import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags `vip` with a security policy other than `SSLv3` or `TLSv1`, which AWS must enable.
struct VIPProtocolRule: Rule {
    static let description = RuleDescription(
        id: "certificates.vip_protocol", name: "VIP Security Policy", category: .certificates, severity: .warning,
        summary: "vip is combined with a security policy that AWS enables for vip only on request.",
        fix: "Use sni-only with the security policy, or ask AWS Support to enable it for vip before deploying.",
        rationale: """
            With vip (legacy clients support), the console and API offer only the TLSv1 and SSLv3 \
            security policies; the newer ones need a request to AWS Support. Without it, the update \
            is rejected.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesGeneral.html#DownloadDistValues-security-policy"
        ],
        passingExamples: [
            RuleExample.with(
                """
                aliases: [www.example.com]
                viewer-certificate:
                  acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
                  ssl-support-method: vip
                  minimum-protocol-version: TLSv1
                ignore: [certificates.vip_cost]
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                aliases: [www.example.com]
                viewer-certificate:
                  acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
                  ssl-support-method: vip
                  minimum-protocol-version: ↓TLSv1.2_2021
                ignore: [certificates.vip_cost]
                """)
        ])

    func check(_ context: CheckContext) {
        let certificate = context.config.viewerCertificate
        let version = certificate.minimumProtocolVersion
        guard certificate.sslSupportMethod == .vip, !certificate.usesCloudFrontDefault, version != .tlsV1, version != .sslV3 else { return }
        context.report(
            "vip accepts security policy \(version.rawValue) only after AWS Support enables it",
            at: context.distribution.path.appending("viewer-certificate").appending("minimum-protocol-version"),
            hint: "use sni-only with \(version.rawValue), or ask AWS Support to enable it for vip")
    }
}
