import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags standard logging switched on without a bucket, or with a bucket that is not of the
/// form `bucket-name.s3.amazonaws.com`.
struct LoggingBucketRule: Rule {
    static let description = RuleDescription(
        id: "config.logging_bucket", name: "Logging Bucket", category: .config, severity: .error,
        summary: "Logging is on without a bucket, or the bucket is not written as bucket-name.s3.amazonaws.com.",
        fix: "Set logging.bucket to the bucket's domain name, such as my-logs.s3.amazonaws.com, or turn logging off.",
        rationale: """
            Standard logs go to an S3 bucket named by its domain, such as \
            amzn-s3-demo-bucket.s3.amazonaws.com, not by its bare name, ARN or s3:// URL.
            """,
        sources: ["https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_LoggingConfig.html"],
        passingExamples: [
            RuleExample.with(
                """
                logging: {bucket: example-logs.s3.amazonaws.com, prefix: www/}
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                logging: {bucket: ↓example-logs, prefix: www/}
                """),
            RuleExample.with(
                """
                logging: ↓{prefix: www/}
                """),
        ])

    func check(_ context: CheckContext) {
        let logging = context.config.logging
        guard logging.enabled else { return }
        let path = context.distribution.path.appending("logging")
        if logging.bucket.isEmpty {
            context.report("logging is on but has no bucket", at: path, hint: "add bucket: BUCKET.s3.amazonaws.com")
            return
        }
        let name = logging.bucket.hasSuffix(".s3.amazonaws.com") ? String(logging.bucket.dropLast(".s3.amazonaws.com".count)) : ""
        let validName =
            (3...63).contains(name.count)
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "."
            }
        if !validName {
            let bare = logging.bucket.replacingPrefix("s3://").split(separator: "/").first.map(String.init) ?? logging.bucket
            context.report(
                "logging bucket '\(logging.bucket)' is not of the form BUCKET.s3.amazonaws.com",
                at: path.appending("bucket"), hint: "write '\(bare.hasSuffix(".s3.amazonaws.com") ? bare : bare + ".s3.amazonaws.com")'")
        }
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
