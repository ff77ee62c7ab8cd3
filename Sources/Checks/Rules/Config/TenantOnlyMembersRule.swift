import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags members the API reserves for standard distributions on a multi-tenant one, and
/// tenant members on a standard one.
struct TenantOnlyMembersRule: Rule {
    static let description = RuleDescription(
        id: "config.tenant_only_members", name: "Members of the Wrong Distribution Kind", category: .config, severity: .error,
        summary:
            "A multi-tenant distribution (connection-mode: tenant-only) sets a member only standard distributions take, or a standard one sets tenant-config.",
        fix:
            "Remove the member: set domains, price class and IPv6 on the tenants and the connection group, use trusted key groups, a cache policy and an ACM certificate.",
        rationale: """
            The service model marks members by distribution kind: "This field only supports standard \
            distributions. You can't specify this field for multi-tenant distributions" (Aliases, \
            PriceClass, ContinuousDeploymentPolicyId, Staging, ViewerCertificate.IAMCertificateId, \
            and on cache behaviors TrustedSigners, SmoothStreaming, MinTTL, DefaultTTL, MaxTTL and \
            ForwardedValues); "To use this field for a multi-tenant distribution, use a connection \
            group instead" (IsIPV6Enabled, AnycastIpListId); "Multi-tenant distributions only \
            support WAF V2 web ACLs" (WebACLId); and TenantConfig "only supports multi-tenant \
            distributions". cfc leaves these out of a multi-tenant distribution unless written; a \
            test reads the model so that the list follows it.
            """,
        sources: [
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-config-options.html",
        ],
        passingExamples: [
            RuleExample.withOrigin(
                """
                connection-mode: tenant-only
                tenant-config:
                  parameter-definitions:
                    - {name: tenantName, definition: {string-schema: {required: true}}}
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: redirect-to-https
                  cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                """)
        ],
        failingExamples: [
            RuleExample.withOrigin(
                """
                connection-mode: tenant-only
                aliases: ↓[www.example.com]
                price-class: ↓PriceClass_100
                is-ipv6-enabled: ↓false
                viewer-certificate:
                  acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
                  ssl-support-method: sni-only
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: redirect-to-https
                  smooth-streaming: ↓true
                  forwarded-values: ↓{query-string: false}
                """),
            RuleExample.with(
                """
                tenant-config: ↓{parameter-definitions: []}
                """),
        ],
        rejectedByAPI: true)

    /// The API members the rule enforces, as `Shape.Member`, and the kind the model gives
    /// each (the test compares this with what the model says).
    static let restrictions: [(member: String, kind: String)] = [
        ("CacheBehavior.DefaultTTL", "standard-only"), ("CacheBehavior.ForwardedValues", "standard-only"),
        ("CacheBehavior.MaxTTL", "standard-only"), ("CacheBehavior.MinTTL", "standard-only"),
        ("CacheBehavior.SmoothStreaming", "standard-only"), ("CacheBehavior.TrustedSigners", "standard-only"),
        ("DefaultCacheBehavior.DefaultTTL", "standard-only"), ("DefaultCacheBehavior.ForwardedValues", "standard-only"),
        ("DefaultCacheBehavior.MaxTTL", "standard-only"), ("DefaultCacheBehavior.MinTTL", "standard-only"),
        ("DefaultCacheBehavior.SmoothStreaming", "standard-only"), ("DefaultCacheBehavior.TrustedSigners", "standard-only"),
        ("DistributionConfig.Aliases", "standard-only"), ("DistributionConfig.AnycastIpListId", "use-connection-group"),
        ("DistributionConfig.ContinuousDeploymentPolicyId", "standard-only"), ("DistributionConfig.IsIPV6Enabled", "use-connection-group"),
        ("DistributionConfig.PriceClass", "standard-only"), ("DistributionConfig.Staging", "standard-only"),
        ("DistributionConfig.TenantConfig", "tenant-only"), ("DistributionConfig.WebACLId", "tenant-value-restricted"),
        ("ViewerCertificate.IAMCertificateId", "standard-only"),
    ]

    func check(_ context: CheckContext) {
        let config = context.config
        let path = context.distribution.path
        guard config.connectionMode == .tenantOnly else {
            if config.tenantConfig != nil {
                context.report(
                    "tenant-config is only for multi-tenant distributions (connection-mode: tenant-only)",
                    at: path.appending("tenant-config"),
                    hint: "remove it, or set connection-mode: tenant-only")
            }
            return
        }
        func standardOnly(_ key: String, _ isSet: Bool, hint: String) {
            guard isSet else { return }
            context.report("\(key) cannot be set on a multi-tenant distribution", at: path.appending(key), hint: hint)
        }
        standardOnly("aliases", config.sentAliases != nil, hint: "give each distribution tenant its domains")
        standardOnly("price-class", config.sentPriceClass != nil, hint: "remove it; multi-tenant distributions use every edge location")
        standardOnly("is-ipv6-enabled", config.sentIsIPV6Enabled != nil, hint: "set IPv6 on the connection group")
        standardOnly("anycast-ip-list-id", config.anycastIPListId != nil, hint: "set the Anycast IP list on the connection group")
        standardOnly(
            "continuous-deployment-policy-id", config.continuousDeploymentPolicyId != nil,
            hint: "remove it; continuous deployment is for standard distributions")
        standardOnly("staging", config.staging != nil, hint: "remove it; staging distributions are standard distributions")
        if config.sentViewerCertificate?.iamCertificateId != nil {
            context.report(
                "an IAM certificate cannot be used by a multi-tenant distribution",
                at: path.appending("viewer-certificate").appending("iam-certificate-id"), hint: "use an ACM certificate")
        }
        if let acl = config.sentWebACLId, !acl.isEmpty, !acl.hasPrefix("arn:aws:wafv2:") {
            context.report(
                "multi-tenant distributions only support WAF V2 web ACLs; '\(acl)' is a WAF Classic id",
                at: path.appending("web-acl-id"), hint: "use the ARN of a WAF V2 web ACL (arn:aws:wafv2:…)")
        }
        for routed in context.routing.behaviors {
            let behavior = routed.behavior
            let name = context.describe(routed)
            func member(_ key: String, _ isSet: Bool, hint: String) {
                guard isSet else { return }
                context.report("\(name) sets \(key), which a multi-tenant distribution cannot", at: routed.path.appending(key), hint: hint)
            }
            member("trusted-signers", behavior.sentTrustedSigners != nil, hint: "use trusted-key-groups")
            member("smooth-streaming", behavior.sentSmoothStreaming != nil, hint: "remove it")
            member(
                "forwarded-values", behavior.forwardedValues != nil,
                hint: "use a cache policy (cache-policy-id) and an origin request policy")
            // Beside forwarded values the TTLs are its defaults: one finding, for forwarded-values.
            guard behavior.forwardedValues == nil else { continue }
            member("min-ttl", behavior.sentMinTTL != nil, hint: "set TTLs in the cache policy")
            member("default-ttl", behavior.sentDefaultTTL != nil, hint: "set TTLs in the cache policy")
            member("max-ttl", behavior.sentMaxTTL != nil, hint: "set TTLs in the cache policy")
        }
    }
}
