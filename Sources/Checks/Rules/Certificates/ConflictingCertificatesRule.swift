import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a viewer certificate that names more than one certificate source.
struct ConflictingCertificatesRule: Rule {
    static let description = RuleDescription(
        id: "certificates.conflicting_certificates", name: "Conflicting Certificates", category: .certificates,
        severity: .error,
        summary: "The viewer certificate sets more than one of the default certificate, an ACM certificate and an IAM certificate.",
        fix: "Keep exactly one of cloudfront-default-certificate, acm-certificate-arn and iam-certificate-id in viewer-certificate.",
        rationale: """
            A distribution has one certificate: either CloudFrontDefaultCertificate is true, or one \
            of ACMCertificateArn and IAMCertificateId is given (one, not both). The API rejects a \
            combination.
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
                  cloudfront-default-certificate: ↓true
                  acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
                  ssl-support-method: sni-only
                """)
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        let certificate = context.config.viewerCertificate
        let path = context.distribution.path.appending("viewer-certificate")
        if certificate.acmCertificateArn != nil && certificate.iamCertificateId != nil {
            context.report(
                "the viewer certificate sets both acm-certificate-arn and iam-certificate-id",
                at: path.appending("iam-certificate-id"), hint: "keep one of them")
        }
        if certificate.cloudFrontDefaultCertificate && !certificate.usesCloudFrontDefault {
            context.report(
                "cloudfront-default-certificate is true but a certificate of yours is also given",
                at: path.appending("cloudfront-default-certificate"),
                hint: "remove cloudfront-default-certificate; cfc sets it to false when you give a certificate")
        }
    }
}
