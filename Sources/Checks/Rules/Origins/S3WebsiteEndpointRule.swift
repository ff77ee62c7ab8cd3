import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags an S3 website endpoint origin that is not a custom origin on `http-only` and port 80:
/// website endpoints speak only HTTP.
struct S3WebsiteEndpointRule: Rule {
    static let description = RuleDescription(
        id: "origins.s3_website_endpoint", name: "S3 Website Endpoint", category: .origins, severity: .error,
        summary: "An S3 website endpoint is not a custom origin using http-only on port 80.",
        fix:
            "Make the origin a custom origin with origin-protocol-policy: http-only (website endpoints serve HTTP only), or use the bucket's REST endpoint with origin access control.",
        rationale: """
            An S3 bucket configured for static website hosting is a custom origin, not an S3 origin, \
            and its website endpoint (bucket.s3-website-region.amazonaws.com or \
            bucket.s3-website.region.amazonaws.com) supports only HTTP on port 80. https-only (or \
            match-viewer with HTTPS viewers) makes every request to it fail.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistS3AndCustomOrigins.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-s3-origin.html",
        ],
        passingExamples: [
            """
            origins:
              site:
                domain-name: example.s3-website-us-east-1.amazonaws.com
                custom-origin-config: {origin-protocol-policy: http-only}
            default-cache-behavior:
              target-origin-id: site
              viewer-protocol-policy: redirect-to-https
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            ignore: [https.origin_http_only]
            """
        ],
        failingExamples: [
            """
            origins:
              site:
                domain-name: example.s3-website.eu-west-1.amazonaws.com
                custom-origin-config: {origin-protocol-policy: ↓https-only}
            default-cache-behavior:
              target-origin-id: site
              viewer-protocol-policy: redirect-to-https
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            """,
            """
            origins:
              site:
                domain-name: ↓example.s3-website-us-east-1.amazonaws.com
                s3-origin-config: {}
            default-cache-behavior:
              target-origin-id: site
              viewer-protocol-policy: redirect-to-https
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            """,
        ])

    func check(_ context: CheckContext) {
        for origin in context.config.origins where OriginDomains.isS3WebsiteEndpoint(origin.domainName) {
            let path = context.distribution.path.appending("origins").appending(origin.id)
            guard let custom = origin.customOriginConfig else {
                context.report(
                    "S3 website endpoint '\(origin.domainName)' must be a custom origin", at: path.appending("domain-name"),
                    hint: "replace s3-origin-config with custom-origin-config: {origin-protocol-policy: http-only}")
                continue
            }
            if custom.originProtocolPolicy != .httpOnly {
                context.report(
                    "S3 website endpoints speak only HTTP; origin-protocol-policy \(custom.originProtocolPolicy.rawValue) makes requests to '\(origin.id)' fail",
                    at: path.appending("custom-origin-config").appending("origin-protocol-policy"),
                    hint: "use http-only, or serve the bucket through its REST endpoint with origin access control for HTTPS")
            }
            if custom.httpPort != 80 {
                context.report(
                    "S3 website endpoints listen only on port 80", at: path.appending("custom-origin-config").appending("http-port"),
                    hint: "remove http-port")
            }
        }
    }
}
