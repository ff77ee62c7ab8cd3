import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags Origin Shield switched on without a Region, or in a Region that does not offer it.
struct OriginShieldRegionRule: Rule {
    static let description = RuleDescription(
        id: "origins.origin_shield_region", name: "Origin Shield Region", category: .origins, severity: .warning,
        summary: "Origin Shield is on without a Region (an error), or in a Region not known to offer it.",
        fix: "Set origin-shield-region to the Origin Shield Region closest to the origin, or turn Origin Shield off.",
        rationale: """
            Origin Shield needs an AWS Region code (us-east-1, not "US East"), best the one closest to \
            the origin. AWS documents it in us-east-1, us-east-2, us-west-2, ap-south-1, \
            ap-northeast-1, ap-northeast-2, ap-southeast-1, ap-southeast-2, eu-central-1, eu-west-1, \
            eu-west-2 and sa-east-1; a Region added since is reported as a warning, not an error.
            """,
        sources: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/origin-shield.html"],
        passingExamples: [
            """
            origins:
              app:
                domain-name: app.example.com
                custom-origin-config: {origin-protocol-policy: https-only}
                origin-shield: {origin-shield-region: eu-west-1}
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
                origin-shield: {origin-shield-region: ↓eu-north-1}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: redirect-to-https
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            """,
            """
            origins:
              app:
                domain-name: app.example.com
                custom-origin-config: {origin-protocol-policy: https-only}
                origin-shield: ↓{enabled: true}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: redirect-to-https
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            """,
        ])

    static let regions: Set<String> = [
        "us-east-1", "us-east-2", "us-west-2", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1",
        "ap-southeast-2", "eu-central-1", "eu-west-1", "eu-west-2", "sa-east-1",
    ]

    func check(_ context: CheckContext) {
        for origin in context.config.origins where origin.originShield.enabled {
            let path = context.distribution.path.appending("origins").appending(origin.id).appending("origin-shield")
            guard let region = origin.originShield.originShieldRegion else {
                // "When you enable CloudFront Origin Shield, you must specify the Amazon Web
                // Services Region for Origin Shield" (OriginShield.OriginShieldRegion): an error.
                context.report(
                    "Origin Shield is on for '\(origin.id)' but has no Region", at: path,
                    hint: "add origin-shield-region, the Region closest to the origin", severity: .error)
                continue
            }
            if !Self.regions.contains(region) {
                context.report(
                    "Origin Shield is not documented in \(region)", at: path.appending("origin-shield-region"),
                    hint: "use the nearest of: " + Self.regions.sorted().joined(separator: ", "))
            }
        }
    }
}
