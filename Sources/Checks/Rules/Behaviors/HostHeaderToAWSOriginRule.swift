import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a behavior that forwards the viewer's `Host` header, through a managed policy, to an
/// API Gateway or Lambda function URL origin: AWS documents that these expect their own domain
/// name in `Host`, and that the viewer's can keep them from working.
struct HostHeaderToAWSOriginRule: Rule {
    static let description = RuleDescription(
        id: "behaviors.host_header_to_aws_origin", name: "Viewer Host Header to an AWS Origin", category: .behaviors,
        severity: .error,
        summary: "A behavior forwards the viewer's Host header to an API Gateway or Lambda function URL origin.",
        fix:
            "Use the managed origin request policy AllViewerExceptHostHeader instead of AllViewer (or AllViewerAndCloudFrontHeaders-2022-06), and a cache policy whose cache key does not include Host.",
        rationale: """
            Of the managed policy AllViewerExceptHostHeader AWS writes: "This policy is intended for \
            use with Amazon API Gateway and AWS Lambda function URL origins. These origins expect \
            the Host header to contain the origin domain name, not the domain name of the \
            CloudFront distribution. Forwarding the Host header from the viewer request to these \
            origins can prevent them from working." The managed origin request policies AllViewer \
            and AllViewerAndCloudFrontHeaders-2022-06 forward the viewer's Host, and so do the \
            managed cache policies whose cache key holds Host (UseOriginCacheControlHeaders, \
            UseOriginCacheControlHeaders-QueryStrings, and the Amplify ones), since every value in \
            the cache key is sent to the origin. An origin reached through a custom domain of its \
            own cannot be recognized, and is not flagged.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html",
        ],
        passingExamples: [
            """
            origins:
              api:
                domain-name: abc123.execute-api.eu-west-1.amazonaws.com
                custom-origin-config: {origin-protocol-policy: https-only}
            default-cache-behavior:
              target-origin-id: api
              viewer-protocol-policy: https-only
              cache-policy: CachingDisabled
              origin-request-policy: AllViewerExceptHostHeader
            """,
            """
            origins:
              app:
                domain-name: app.example.com
                custom-origin-config: {origin-protocol-policy: https-only}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: https-only
              cache-policy: CachingDisabled
              origin-request-policy: AllViewer
            """,
        ],
        failingExamples: [
            """
            origins:
              api:
                domain-name: abc123.execute-api.eu-west-1.amazonaws.com
                custom-origin-config: {origin-protocol-policy: https-only}
            default-cache-behavior:
              target-origin-id: api
              viewer-protocol-policy: https-only
              cache-policy: CachingDisabled
              origin-request-policy: ↓AllViewer
            """,
            """
            origins:
              fn:
                domain-name: abcdefghij.lambda-url.us-east-1.on.aws
                custom-origin-config: {origin-protocol-policy: https-only}
              api:
                domain-name: a1b2c3d4e5.execute-api.us-east-1.amazonaws.com
                custom-origin-config: {origin-protocol-policy: https-only}
            default-cache-behavior:
              target-origin-id: api
              viewer-protocol-policy: https-only
              cache-policy-id: ↓83da9c7e-98b4-4e11-a168-04f0df8e2c65
            cache-behaviors:
              - path-pattern: /fn/*
                target-origin-id: fn
                viewer-protocol-policy: https-only
                cache-policy: CachingDisabled
                origin-request-policy-id: ↓33f36d7e-f396-46d9-90e0-52428a34d9dc
            """,
        ])

    func check(_ context: CheckContext) {
        for routed in context.routing.behaviors {
            let behavior = routed.behavior
            var forwarders: [(key: String, name: String)] = []
            if let id = behavior.cachePolicyId, let policy = ManagedPolicies.cachePolicy(id: id),
                policy.headers.includes("host", caseInsensitive: true)
            {
                forwarders.append(("cache-policy", policy.name))
            }
            if let id = behavior.originRequestPolicyId, let policy = ManagedPolicies.originRequestPolicy(id: id), policy.forwardsHost {
                forwarders.append(("origin-request-policy", policy.name))
            }
            guard !forwarders.isEmpty else { continue }
            let services = RoutingTable.origins(targetedBy: behavior.targetOriginId, in: context.config).compactMap { originID in
                context.config.origins.first { $0.id == originID }.flatMap { origin in
                    OriginDomains.hostRoutedService(origin.domainName).map { (origin: origin, service: $0) }
                }
            }
            guard let first = services.first else { continue }
            let originPath = context.distribution.path.appending("origins").appending(first.origin.id).appending("domain-name")
            for forwarder in forwarders {
                let replacement =
                    forwarder.key == "origin-request-policy"
                    ? "use origin-request-policy: AllViewerExceptHostHeader"
                    : "use a cache policy whose cache key leaves out Host (such as CachingOptimized or CachingDisabled)"
                context.report(
                    "\(context.describe(routed)) forwards the viewer's Host header (\(forwarder.name)) to origin '\(first.origin.id)', \(first.service), which expects its own domain name there",
                    at: context.policyPath(forwarder.key, of: routed), hint: replacement,
                    notes: [CheckContext.Note("'\(first.origin.id)' is \(first.service) by its domain name", at: originPath)])
            }
        }
    }
}
