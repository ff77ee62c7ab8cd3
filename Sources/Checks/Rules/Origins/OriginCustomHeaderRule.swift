import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags an origin custom header CloudFront will not add: a header it manages itself, or a
/// name or value longer than allowed.
struct OriginCustomHeaderRule: Rule {
    static let description = RuleDescription(
        id: "origins.custom_header", name: "Origin Custom Header", category: .origins, severity: .error,
        summary: "An origin custom header is one CloudFront does not allow, or is too long.",
        fix:
            "Remove headers CloudFront sets itself (Host, Authorization, X-Amz-*, …) and keep names and values within CloudFront's limits.",
        rationale: """
            CloudFront refuses to add headers it controls (Host, Cache-Control, Connection, \
            Content-Length, Cookie, the If-* headers, Range, Via, X-Amz-* and X-Edge-*, among \
            others). A header name may have 256 characters, a value 1,783, and all names and values \
            of an origin together 10,240; these limits cannot be raised.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/add-origin-custom-headers.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html",
        ],
        passingExamples: [
            """
            origins:
              app:
                domain-name: app.example.com
                custom-origin-config: {origin-protocol-policy: https-only}
                custom-headers: {X-Origin-Verify: secret}
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
                custom-origin-config: {origin-protocol-policy: https-only}
                custom-headers: {↓Host: origin.example.com, ↓X-Amz-Date: now}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: redirect-to-https
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            """
        ],
        rejectedByAPI: true)

    static let forbidden: Set<String> = [
        "cache-control", "connection", "content-length", "cookie", "host", "if-match", "if-modified-since",
        "if-none-match", "if-range", "if-unmodified-since", "max-forwards", "pragma", "proxy-authorization",
        "proxy-connection", "range", "request-range", "te", "trailer", "transfer-encoding", "upgrade", "via", "x-real-ip",
    ]

    func check(_ context: CheckContext) {
        for origin in context.config.origins {
            // Paths are built only for a finding: this runs for every origin and header.
            func base() -> ConfigPath { context.distribution.path.appending("origins").appending(origin.id).appending("custom-headers") }
            var total = 0
            for header in origin.customHeaders {
                func path() -> ConfigPath { base().appending(header.headerName) }
                let lowered = header.headerName.lowercased()
                total += header.headerName.count + header.headerValue.count
                if Self.forbidden.contains(lowered) || lowered.hasPrefix("x-amz-") || lowered.hasPrefix("x-edge-") {
                    context.report(
                        "CloudFront does not add the header '\(header.headerName)' to origin requests", at: path(), pointAtKey: true,
                        hint: "CloudFront sets this header itself; use an origin request policy to forward the viewer's")
                } else if header.headerName.count > 256 {
                    context.report(
                        "header name '\(header.headerName.prefix(32))…' is longer than 256 characters", at: path(), pointAtKey: true)
                } else if header.headerValue.count > 1783 {
                    context.report("the value of '\(header.headerName)' is longer than 1,783 characters", at: path())
                }
            }
            if total > 10_240 {
                context.report(
                    "the custom headers of origin '\(origin.id)' are \(total) characters together; the limit is 10,240", at: base())
            }
        }
    }
}
