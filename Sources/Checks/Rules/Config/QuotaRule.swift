import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// CloudFront's per-distribution quotas that a config can exceed, as one dated table.
///
/// Values from the CloudFront Developer Guide's Quotas page, read 2026-11. A quota that AWS
/// can raise is a warning (request the increase before applying); one that it cannot is an
/// error.
public enum CloudFrontQuotas {
    /// When the table was last checked against AWS's page.
    public static let asOf = "2026-11"
    /// Where the values come from.
    public static let source = "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html"

    /// One quota.
    public struct Quota: Sendable {
        /// What is counted, as the Quotas page names it.
        public var name: String
        /// The quota.
        public var limit: Int
        /// Whether AWS raises it on request.
        public var isAdjustable: Bool
    }

    public static let cacheBehaviors = Quota(name: "cache behaviors per distribution", limit: 75, isAdjustable: true)
    public static let aliases = Quota(name: "alternate domain names (CNAMEs) per distribution", limit: 100, isAdjustable: true)
    public static let origins = Quota(name: "origins per distribution", limit: 100, isAdjustable: true)
    public static let originGroups = Quota(name: "origin groups per distribution", limit: 10, isAdjustable: true)
    public static let customHeaders = Quota(name: "custom headers CloudFront adds to origin requests", limit: 30, isAdjustable: true)
    public static let keyGroups = Quota(name: "key groups per cache behavior", limit: 4, isAdjustable: true)
    public static let legacyHeaders = Quota(name: "headers per cache behavior (legacy cache settings)", limit: 10, isAdjustable: true)
    public static let legacyCookies = Quota(name: "cookies per cache behavior (legacy cache settings)", limit: 10, isAdjustable: true)
    public static let legacyQueryStrings = Quota(
        name: "query strings per cache behavior (legacy cache settings)", limit: 10, isAdjustable: true)

    public static let legacyCookieNameBytes = Quota(
        name: "bytes in the cookie names of a cache behavior, minus the number of cookies (legacy cache settings)",
        limit: 512, isAdjustable: false)
    public static let legacyQueryStringNameLength = Quota(
        name: "characters in a query string name (legacy cache settings)", limit: 128, isAdjustable: false)
    /// Every quota, for the docs.
    public static let all = [
        cacheBehaviors, aliases, origins, originGroups, customHeaders, keyGroups,
        legacyHeaders, legacyCookies, legacyQueryStrings, legacyCookieNameBytes,
        legacyQueryStringNameLength,
    ]
}

/// Flags a count above one of CloudFront's quotas.
struct QuotaRule: Rule {
    static let description = RuleDescription(
        id: "config.quota", name: "CloudFront Quota", category: .config, severity: .warning,
        summary: "A distribution has more of something than CloudFront's quota allows.",
        fix:
            "Stay within the quota, or request an increase in Service Quotas before deploying (for quotas AWS can raise) and add the rule to ignore: once it is granted.",
        rationale: """
            CloudFront limits how many cache behaviors (75), aliases (100), origins (100), origin \
            groups (10) and origin custom headers (30) a distribution has, how many key groups a \
            behavior trusts (4), and how many headers, cookies and query strings the legacy cache \
            settings forward (10 each). These quotas can be raised on request, so exceeding one is a \
            warning: ask for the increase before applying. Two cannot be raised, and exceeding them is \
            an error: the cookie names a legacy behavior forwards may total 512 bytes minus the number \
            of cookies, and a query string name 128 characters. (Values as of \(CloudFrontQuotas.asOf).)
            """,
        sources: [CloudFrontQuotas.source],
        passingExamples: [
            RuleExample.with(
                """
                aliases: [a.example.com, b.example.com]
                viewer-certificate:
                  acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
                  ssl-support-method: sni-only
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /a/*
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                    trusted-key-groups: ↓[k1, k2, k3, k4, k5]
                """),
            RuleExample.withOrigin(
                """
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  forwarded-values:
                    query-string: true
                    query-string-cache-keys: ↓[qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq]
                """),
        ])

    func check(_ context: CheckContext) {
        let config = context.config
        let base = context.distribution.path
        // Paths are made only for a count that is reported: this runs for every behavior.
        func check(_ quota: CloudFrontQuotas.Quota, _ count: Int, at path: @autoclosure () -> ConfigPath) {
            guard count > quota.limit else { return }
            context.report(
                "\(count) \(quota.name) exceed the quota of \(quota.limit)", at: path(),
                hint: quota.isAdjustable ? "request a quota increase in Service Quotas before applying" : "this quota cannot be raised",
                severity: quota.isAdjustable ? .warning : .error)
        }
        check(CloudFrontQuotas.cacheBehaviors, config.cacheBehaviors.count, at: base.appending("cache-behaviors"))
        check(CloudFrontQuotas.aliases, config.aliases.count, at: base.appending("aliases"))
        check(CloudFrontQuotas.origins, config.origins.count, at: base.appending("origins"))
        check(CloudFrontQuotas.originGroups, config.originGroups.count, at: base.appending("origin-groups"))
        for origin in config.origins {
            check(
                CloudFrontQuotas.customHeaders, origin.customHeaders.count,
                at: base.appending("origins").appending(origin.id).appending("custom-headers"))
        }
        for behavior in context.routing.behaviors {
            check(CloudFrontQuotas.keyGroups, behavior.behavior.trustedKeyGroups.count, at: behavior.path.appending("trusted-key-groups"))
            guard let forwarded = behavior.behavior.forwardedValues else { continue }
            func path() -> ConfigPath { behavior.path.appending("forwarded-values") }
            if !forwarded.headers.contains("*") {
                check(CloudFrontQuotas.legacyHeaders, forwarded.headers.count, at: path().appending("headers"))
            }
            check(
                CloudFrontQuotas.legacyCookies, forwarded.cookies.whitelistedNames.count,
                at: path().appending("cookies").appending("whitelisted-names"))
            check(
                CloudFrontQuotas.legacyQueryStrings, forwarded.queryStringCacheKeys.count, at: path().appending("query-string-cache-keys"))
            let names = forwarded.cookies.whitelistedNames
            check(
                CloudFrontQuotas.legacyCookieNameBytes, names.reduce(0) { $0 + $1.utf8.count } + names.count,
                at: path().appending("cookies").appending("whitelisted-names"))
            if let longest = forwarded.queryStringCacheKeys.map(\.count).max() {
                check(CloudFrontQuotas.legacyQueryStringNameLength, longest, at: path().appending("query-string-cache-keys"))
            }
        }
    }
}
