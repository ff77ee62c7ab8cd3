import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags an ACM certificate outside us-east-1 (or an ARN that is not an ACM certificate ARN).
struct ACMRegionRule: Rule {
    static let description = RuleDescription(
        id: "certificates.acm_region", name: "ACM Certificate Region", category: .certificates, severity: .error,
        summary: "The ACM certificate is not in us-east-1, or the ARN is not an ACM certificate ARN.",
        fix: "Request or import the certificate in ACM in us-east-1 and use that certificate's ARN.",
        rationale: """
            CloudFront only uses ACM certificates requested or imported in US East (N. Virginia), \
            us-east-1, whatever Region the origin is in. A certificate in another Region is rejected.
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
                aliases: [www.example.com]
                viewer-certificate:
                  acm-certificate-arn: ↓arn:aws:acm:eu-west-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
                  ssl-support-method: sni-only
                """)
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        guard let arn = context.config.viewerCertificate.acmCertificateArn else { return }
        let path = context.distribution.path.appending("viewer-certificate").appending("acm-certificate-arn")
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "acm", parts[5].hasPrefix("certificate/") else {
            context.report(
                "'\(arn)' is not an ACM certificate ARN",
                at: path, hint: "the form is arn:aws:acm:us-east-1:ACCOUNT:certificate/ID")
            return
        }
        if parts[3] != "us-east-1" {
            context.report(
                "the ACM certificate is in \(parts[3]); CloudFront uses only certificates in us-east-1",
                at: path, hint: "request or import the certificate in us-east-1 (N. Virginia)")
        }
    }
}
