import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags an IAM certificate id that does not have the shape of one.
struct IAMCertificateIDRule: Rule {
    static let description = RuleDescription(
        id: "certificates.iam_certificate_id", name: "IAM Certificate ID", category: .certificates, severity: .error,
        summary: "iam-certificate-id does not look like an IAM server certificate id.",
        fix:
            "Use the server certificate's id from `aws iam list-server-certificates` (21 characters starting with ASCA), or move the certificate to ACM.",
        rationale: """
            IAMCertificateId takes the certificate's id, not its name or ARN: IAM server certificate \
            ids start with ASCA and are 16 to 128 letters and digits.
            """,
        sources: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-prefixes"],
        passingExamples: [
            RuleExample.with(
                """
                aliases: [www.example.com]
                viewer-certificate:
                  iam-certificate-id: ASCAEXAMPLEIAMCERT1234
                  ssl-support-method: sni-only
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                aliases: [www.example.com]
                viewer-certificate:
                  iam-certificate-id: ↓arn:aws:iam::111122223333:server-certificate/cloudfront/www
                  ssl-support-method: sni-only
                """)
        ])

    func check(_ context: CheckContext) {
        guard let id = context.config.viewerCertificate.iamCertificateId else { return }
        let alphanumeric = id.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        guard !(id.hasPrefix("ASCA") && alphanumeric && (16...128).contains(id.count)) else { return }
        context.report(
            "'\(id)' is not an IAM server certificate id",
            at: context.distribution.path.appending("viewer-certificate").appending("iam-certificate-id"),
            hint: "use the ServerCertificateId that 'aws iam get-server-certificate' prints (ASCA…), not the name or ARN")
    }
}
