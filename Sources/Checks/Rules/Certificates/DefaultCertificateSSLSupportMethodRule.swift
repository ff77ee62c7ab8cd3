import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags `ssl-support-method: vip` (or `static-ip`) with the CloudFront default certificate.
struct DefaultCertificateSSLSupportMethodRule: Rule {
    static let description = RuleDescription(
        id: "certificates.default_certificate_vip", name: "Dedicated IP With the Default Certificate", category: .certificates,
        severity: .error,
        summary: "ssl-support-method is vip or static-ip, but the distribution uses the CloudFront default certificate.",
        fix: "Remove ssl-support-method (the default certificate needs none), or give a certificate of your own.",
        rationale: """
            "If the distribution uses the CloudFront domain name such as d111111abcdef8.cloudfront.net, \
            don't set a value for this field." Dedicated IP addresses (vip) and static IPs belong to \
            a certificate of yours; with the default certificate CloudFront serves *.cloudfront.net \
            by SNI and ignores the value, so writing vip states something that does not happen. \
            CloudFront itself reports vip or sni-only for some default-certificate distributions, so \
            cfc import records such a value with this finding as a baseline.
            """,
        sources: ["https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html"],
        passingExamples: [
            RuleExample.with(
                """
                viewer-certificate: {cloudfront-default-certificate: true}
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                viewer-certificate:
                  cloudfront-default-certificate: true
                  ssl-support-method: ↓vip
                """)
        ])

    func check(_ context: CheckContext) {
        let certificate = context.config.viewerCertificate
        guard certificate.usesCloudFrontDefault, let method = certificate.sslSupportMethod, method != .sniOnly else { return }
        context.report(
            "ssl-support-method \(method.rawValue) has no meaning with the CloudFront default certificate",
            at: context.distribution.path.appending("viewer-certificate").appending("ssl-support-method"),
            hint: "remove it; dedicated or static IP addresses need a certificate of your own (acm-certificate-arn)")
    }
}
