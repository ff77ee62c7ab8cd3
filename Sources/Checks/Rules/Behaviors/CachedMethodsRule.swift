import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a `cached-methods` list that is not `[GET, HEAD]` or `[GET, HEAD, OPTIONS]`, or that
/// caches a method the behavior does not allow.
struct CachedMethodsRule: Rule {
    static let description = RuleDescription(
        id: "behaviors.cached_methods", name: "Cached Methods Set", category: .behaviors, severity: .error,
        summary: "cached-methods is not [GET, HEAD] or [GET, HEAD, OPTIONS], or caches a method that is not allowed.",
        fix: "Set cached-methods to [GET, HEAD], or to [GET, HEAD, OPTIONS] when allowed-methods includes OPTIONS.",
        rationale: """
            CloudFront caches responses to GET and HEAD, or to GET, HEAD and OPTIONS; no other set is \
            accepted. Caching OPTIONS needs OPTIONS among the allowed methods.
            """,
        sources: ["https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachedMethods.html"],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                    allowed-methods: [GET, HEAD, OPTIONS]
                    cached-methods: [GET, HEAD, OPTIONS]
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
                    cached-methods: ↓[GET, HEAD, OPTIONS]
                """),
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                    allowed-methods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE]
                    cached-methods: ↓[GET, HEAD, POST]
                """),
        ],
        rejectedByAPI: true)

    static let sets: [UInt8] = [HTTPMethod.mask([.get, .head]), HTTPMethod.mask([.get, .head, .options])]

    func check(_ context: CheckContext) {
        for behavior in context.routing.behaviors {
            let cached = behavior.behavior.cachedMethods
            let mask = HTTPMethod.mask(cached)
            let allowed = HTTPMethod.mask(behavior.behavior.allowedMethods)
            if Self.sets.contains(mask) && mask.nonzeroBitCount == cached.count && mask & allowed == mask { continue }
            let path = behavior.path.appending("cached-methods")
            let list = cached.map(\.rawValue).joined(separator: ", ")
            if !Self.sets.contains(mask) || mask.nonzeroBitCount != cached.count {
                context.report(
                    "cached-methods [\(list)] is not a set CloudFront accepts", at: path,
                    hint: "use [GET, HEAD] or [GET, HEAD, OPTIONS]")
            } else {
                context.report(
                    "cached-methods [\(list)] caches a method that allowed-methods does not allow", at: path,
                    hint: "add OPTIONS to allowed-methods, or cache [GET, HEAD]")
            }
        }
    }
}
