import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags an `allowed-methods` list that is not one of the three sets CloudFront offers.
struct AllowedMethodsRule: Rule {
    static let description = RuleDescription(
        id: "behaviors.allowed_methods", name: "Allowed Methods Set", category: .behaviors, severity: .error,
        summary: "allowed-methods is not one of the three sets CloudFront accepts.",
        fix: "Use one of CloudFront's sets: [GET, HEAD], [GET, HEAD, OPTIONS], or [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE].",
        rationale: """
            CloudFront forwards one of three method sets: GET and HEAD; GET, HEAD and OPTIONS; or all \
            seven (GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE). Any other list is rejected.
            """,
        sources: ["https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_AllowedMethods.html"],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                    allowed-methods: [GET, HEAD, OPTIONS]
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                    allowed-methods: ↓[GET, HEAD, POST]
                """)
        ],
        rejectedByAPI: true)

    /// The accepted sets, as bit masks (see `HTTPMethod.mask`).
    static let sets: [UInt8] = [
        HTTPMethod.mask([.get, .head]), HTTPMethod.mask([.get, .head, .options]), HTTPMethod.mask(HTTPMethod.allCases),
    ]

    func check(_ context: CheckContext) {
        for behavior in context.routing.behaviors {
            let methods = behavior.behavior.allowedMethods
            let mask = HTTPMethod.mask(methods)
            if !Self.sets.contains(mask) || mask.nonzeroBitCount != methods.count {
                context.report(
                    "allowed-methods [\(methods.map(\.rawValue).joined(separator: ", "))] is not a set CloudFront accepts",
                    at: behavior.path.appending("allowed-methods"),
                    hint: "use [GET, HEAD], [GET, HEAD, OPTIONS], or [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE]")
            }
        }
    }
}
