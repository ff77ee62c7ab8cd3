import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags an origin read or keep-alive timeout above 60 seconds, which needs a quota increase.
struct OriginTimeoutQuotaRule: Rule {
    static let description = RuleDescription(
        id: "origins.timeout_quota", name: "Origin Timeout Quota", category: .origins, severity: .warning,
        summary: "An origin read or keep-alive timeout is above 60 seconds, which needs a quota increase.",
        fix: "Lower the timeout to 60 seconds, or request the quota increase before deploying and then ignore the rule.",
        rationale: """
            The response (read) and keep-alive timeouts accept 1 to 60 seconds by default (the \
            CustomOriginConfig reference); higher values need a quota increase first, or the update \
            is rejected. The sources disagree on how high an increase goes (120 seconds on the \
            current Quotas page, 180 in AWS support answers and the AWS CDK), so cfc accepts up to \
            180 and warns above 60.
            """,
        sources: [
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CustomOriginConfig.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html",
        ],
        passingExamples: [
            """
            origins:
              app:
                domain-name: app.example.com
                custom-origin-config: {origin-protocol-policy: https-only, origin-read-timeout: 60}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: redirect-to-https
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            """
        ],
        failingExamples: [
            """
            origins:
              app:
                domain-name: app.example.com
                custom-origin-config: {origin-protocol-policy: https-only, origin-read-timeout: ↓90}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: redirect-to-https
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            """
        ])

    func check(_ context: CheckContext) {
        for origin in context.config.origins {
            // Where each timeout is, as keys under the origin; the path is built only for a
            // finding (this runs for every origin).
            var values: [(section: String, key: String, seconds: Int)] = []
            if let custom = origin.customOriginConfig {
                values.append(("custom-origin-config", "origin-read-timeout", custom.originReadTimeout))
                values.append(("custom-origin-config", "origin-keepalive-timeout", custom.originKeepaliveTimeout))
            }
            if let vpc = origin.vpcOriginConfig {
                if let read = vpc.originReadTimeout { values.append(("vpc-origin-config", "origin-read-timeout", read)) }
                if let keep = vpc.originKeepaliveTimeout { values.append(("vpc-origin-config", "origin-keepalive-timeout", keep)) }
            }
            if let read = origin.s3OriginConfig?.originReadTimeout {
                values.append(("s3-origin-config", "origin-read-timeout", read))
            }
            for (section, key, seconds) in values where seconds > 60 {
                let path = context.distribution.path.appending("origins").appending(origin.id).appending(section).appending(key)
                context.report(
                    "\(key) of \(seconds) seconds needs a CloudFront quota increase (the default maximum is 60)",
                    at: path, hint: "request the increase in Service Quotas before applying, or lower the timeout")
            }
        }
    }
}
