import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags an origin path that does not start with `/` or ends with `/`.
struct OriginPathRule: Rule {
    static let description = RuleDescription(
        id: "origins.origin_path", name: "Origin Path Format", category: .origins, severity: .error,
        summary: "An origin path does not start with '/' or ends with '/'.",
        fix: "Start the origin path with '/' and do not end it with '/' (/production).",
        rationale:
            "OriginPath must start with a slash and must not end with one (/production, not production/); CloudFront appends the request path to it.",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#DownloadDistValuesOriginPath"
        ],
        passingExamples: [
            """
            origins:
              app:
                domain-name: app.example.com
                origin-path: /production
                custom-origin-config: {origin-protocol-policy: https-only}
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
                origin-path: ↓production/
                custom-origin-config: {origin-protocol-policy: https-only}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: redirect-to-https
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            """
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        for origin in context.config.origins where !origin.originPath.isEmpty {
            let value = origin.originPath
            guard !value.hasPrefix("/") || value.hasSuffix("/") else { continue }
            var fixed = value
            while fixed.hasSuffix("/") { fixed.removeLast() }
            if !fixed.hasPrefix("/") { fixed = "/" + fixed }
            context.report(
                "origin path '\(value)' must start with '/' and not end with '/'",
                at: context.distribution.path.appending("origins").appending(origin.id).appending("origin-path"),
                hint: fixed == "/" ? "remove origin-path" : "write '\(fixed)'")
        }
    }
}
