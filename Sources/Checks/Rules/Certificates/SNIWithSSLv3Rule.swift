import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags `sni-only` with minimum protocol version `SSLv3`.
struct SNIWithSSLv3Rule: Rule {
    static let description = RuleDescription(
        id: "certificates.sni_sslv3", name: "SNI With SSLv3", category: .certificates, severity: .error,
        summary: "sni-only is combined with minimum protocol version SSLv3.",
        fix: "Use minimum-protocol-version TLSv1.2_2021 (SSLv3 works only with vip, and is insecure).",
        rationale: "SSLv3 clients do not send Server Name Indication; with sni-only the API requires TLSv1 or higher.",
        sources: ["https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html"],
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
                  minimum-protocol-version: ↓SSLv3
                ignore: [certificates.weak_minimum_protocol]
                """)
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        let certificate = context.config.viewerCertificate
        guard certificate.sslSupportMethod == .sniOnly, certificate.minimumProtocolVersion == .sslV3 else { return }
        context.report(
            "sni-only cannot serve SSLv3 clients",
            at: context.distribution.path.appending("viewer-certificate").appending("minimum-protocol-version"),
            hint: "use TLSv1.2_2021")
    }
}
