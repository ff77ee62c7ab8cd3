import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a certificate of yours on a distribution with no aliases.
struct CertificateWithoutAliasRule: Rule {
    static let description = RuleDescription(
        id: "certificates.certificate_without_alias", name: "Certificate Without an Alias", category: .certificates,
        severity: .error,
        summary: "The distribution has a certificate of yours (ACM or IAM) but no alias for it to serve.",
        fix: "Add the domain names the certificate is for to aliases, or use the CloudFront default certificate.",
        rationale: """
            A certificate of yours is for serving your own domain names: "Each distribution must \
            include one or more alternate domain names that also appear in the Common Name field or \
            the Subject Alternative Names field in the certificate." Without an alias the certificate \
            serves nothing, while the distribution pays for its settings (and for vip, dedicated IP \
            addresses). The one documented use is the target of an alias move, which is set up with \
            the certificate before the alias moves to it: add this id to ignore: for that step.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-limits.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/alternate-domain-names-move.html",
        ],
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
                viewer-certificate:
                  acm-certificate-arn: ↓arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
                  ssl-support-method: sni-only
                """)
        ])

    func check(_ context: CheckContext) {
        let certificate = context.config.viewerCertificate
        guard !certificate.usesCloudFrontDefault, context.config.aliases.isEmpty,
            context.config.connectionMode != .tenantOnly
        else { return }
        let key = certificate.acmCertificateArn != nil ? "acm-certificate-arn" : "iam-certificate-id"
        context.report(
            "the distribution has a certificate of its own but no aliases for it to serve",
            at: context.distribution.path.appending("viewer-certificate").appending(key),
            hint: "add the certificate's domain names to aliases, or remove viewer-certificate to use the default certificate")
    }
}
