import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a custom origin port outside 80, 443 and 1024–65535.
struct OriginPortRule: Rule {
    static let description = RuleDescription(
        id: "origins.port", name: "Origin Port", category: .origins, severity: .error,
        summary: "A custom origin's HTTP or HTTPS port is not 80, 443, or 1024–65535.",
        fix: "Use port 80 or 443, or a port from 1024 to 65535.",
        rationale: "CloudFront connects to custom origins only on ports 80, 443, and 1024 to 65535; the API rejects other ports.",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#DownloadDistValuesHTTPPort"
        ],
        passingExamples: [
            """
            origins:
              app:
                domain-name: app.example.com
                custom-origin-config: {origin-protocol-policy: https-only, https-port: 8443}
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
                custom-origin-config: {origin-protocol-policy: https-only, https-port: ↓993}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: redirect-to-https
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            """
        ],
        rejectedByAPI: true)

    static func isAllowed(_ port: Int) -> Bool { port == 80 || port == 443 || (1024...65535).contains(port) }

    func check(_ context: CheckContext) {
        for origin in context.config.origins {
            guard let custom = origin.customOriginConfig else { continue }
            let path = context.distribution.path.appending("origins").appending(origin.id).appending("custom-origin-config")
            for (key, port) in [("http-port", custom.httpPort), ("https-port", custom.httpsPort)] where !Self.isAllowed(port) {
                context.report(
                    "\(key) \(port) is not allowed", at: path.appending(key), hint: "CloudFront connects on 80, 443, or 1024–65535")
            }
        }
    }
}
