import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags field-level encryption on a behavior that does not meet its requirements.
struct FieldLevelEncryptionRule: Rule {
    static let description = RuleDescription(
        id: "behaviors.field_level_encryption", name: "Field-Level Encryption Requirements", category: .behaviors,
        severity: .error,
        summary: "A behavior with field-level encryption does not always use HTTPS, or does not allow all seven methods.",
        fix: "Use redirect-to-https or https-only, allow all seven methods, and reach the origin with match-viewer or https-only.",
        rationale: """
            "To link a field-level encryption configuration to a cache behavior, the distribution must \
            be configured to always use HTTPS, and to accept HTTP POST and PUT requests from viewers": \
            ViewerProtocolPolicy redirect-to-https or https-only, AllowedMethods GET, HEAD, OPTIONS, \
            PUT, POST, PATCH, DELETE, and the origin's OriginProtocolPolicy match-viewer or \
            https-only. The API refuses the association otherwise \
            (IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior).
            """,
        sources: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/field-level-encryption.html"],
        passingExamples: [
            RuleExample.withOrigin(
                """
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  allowed-methods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE]
                  cache-policy-id: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
                  field-level-encryption-id: C3KM2WVD605UAY
                """)
        ],
        failingExamples: [
            """
            origins:
              app:
                domain-name: app.example.com
                custom-origin-config: {origin-protocol-policy: ↓http-only}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: ↓allow-all
              allowed-methods: ↓[GET, HEAD]
              cache-policy-id: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
              field-level-encryption-id: C3KM2WVD605UAY
              ignore: [https.allow_all_without_policy, https.origin_not_https]
            """
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        for routed in context.routing.behaviors where !routed.behavior.fieldLevelEncryptionId.isEmpty {
            let behavior = routed.behavior
            let name = context.describe(routed)
            if behavior.viewerProtocolPolicy == .allowAll {
                context.report(
                    "\(name) uses field-level encryption but accepts plain HTTP", at: routed.path.appending("viewer-protocol-policy"),
                    hint: "use redirect-to-https or https-only")
            }
            if Set(behavior.allowedMethods) != Set(HTTPMethod.allCases) {
                context.report(
                    "\(name) uses field-level encryption but does not allow all seven methods",
                    at: routed.path.appending("allowed-methods"),
                    hint: "allow GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE")
            }
            if let origin = context.config.origin(withID: behavior.targetOriginId), let custom = origin.customOriginConfig,
                custom.originProtocolPolicy == .httpOnly
            {
                context.report(
                    "origin '\(origin.id)' is reached over HTTP only, but \(name) uses field-level encryption",
                    at: context.distribution.path.appending("origins").appending(origin.id).appending("custom-origin-config")
                        .appending("origin-protocol-policy"),
                    hint: "use https-only or match-viewer",
                    notes: [CheckContext.Note("field-level encryption is set here", at: routed.path.appending("field-level-encryption-id"))]
                )
            }
        }
    }
}
