import DistributionIR
import DistributionLanguage

/// Puts a config in the form CloudFront holds it, so that a config compiled from YAML and the
/// same config read back from the API compare equal: no phantom diffs.
///
/// What makes two spellings the same is data about CloudFront, kept in one table
/// (`equivalences`, then `sets`), each row with the member, what CloudFront does, and where AWS
/// says so (or where live outputs show it); `docs/normalization.md` is generated from it, and
/// both sides of every comparison (plan, diff) go through `normalize(_:)`, which applies the rows
/// in order. Lists not in `sets` keep their order; `orderedLists` says why each matters.
public enum APINormalization {
    /// One way CloudFront makes two values of a member mean the same.
    public struct Equivalence: Sendable {
        /// The API member(s), as a path such as `Origins[].S3OriginConfig.OriginReadTimeout`.
        public var member: String
        /// What is the same as what.
        public var rule: String
        /// Where AWS documents it, or where a live output shows it.
        public var source: String
        let apply: @Sendable (inout DistributionConfig) -> Void
    }

    /// A list whose order CloudFront does not use: compared as a set (sorted on both sides).
    public struct SetList: Sendable {
        /// The API member.
        public var member: String
        /// Why it is a set.
        public var reason: String
        /// The source.
        public var source: String
        let apply: @Sendable (inout DistributionConfig) -> Void
    }

    /// A list whose order CloudFront uses: never reordered.
    public struct OrderedList: Sendable {
        /// The API member.
        public var member: String
        /// What the order means.
        public var reason: String
        /// The source.
        public var source: String
    }

    /// The normalized config: every row of `equivalences`, then of `sets`, applied in order.
    public static func normalize(_ config: DistributionConfig) -> DistributionConfig {
        var config = config.withoutCFCFields
        for row in equivalences { row.apply(&config) }
        for row in sets { row.apply(&config) }
        return config
    }

    private static let apiReference = "https://docs.aws.amazon.com/cloudfront/latest/APIReference"
    private static let cliExamples =
        "aws CLI examples, awscli/examples/cloudfront (get-distribution-config, create-distribution, list-distributions outputs)"

    /// The values CloudFront fills in or ignores, in the order they are applied.
    public static let equivalences: [Equivalence] = [
        Equivalence(
            member: "ViewerCertificate.ACMCertificateArn, ViewerCertificate.IAMCertificateId",
            rule:
                "\"\" ≡ absent: an empty ARN or id names no certificate (some API emulators, moto among them, return both empty beside the default certificate)",
            source: "\(apiReference)/API_ViewerCertificate.html (\"specify a value for one, not both\")",
            apply: { config in
                guard var certificate = config.sentViewerCertificate else { return }
                if certificate.acmCertificateArn == "" { certificate.acmCertificateArn = nil }
                if certificate.iamCertificateId == "" { certificate.iamCertificateId = nil }
                config.sentViewerCertificate = certificate
            }),
        Equivalence(
            member: "every member with a documented default",
            rule:
                "absent ≡ its default (Aliases none, ConnectionAttempts 3, ConnectionTimeout 10, OriginShield off, custom OriginReadTimeout 30 and OriginKeepaliveTimeout 5, Logging off, PriceClass_All, HttpVersion http2, IsIPV6Enabled true, …: the catalog's defaults)",
            source:
                "\(apiReference)/API_DistributionConfig.html and each member's page; live outputs return them filled in (\(cliExamples))",
            apply: { $0 = $0.withAbsentMembersNormalized }),
        Equivalence(
            member: "ViewerCertificate.MinimumProtocolVersion with CloudFrontDefaultCertificate",
            rule:
                "any value ≡ TLSv1 (\"CloudFront automatically sets the security policy to TLSv1 regardless of the value that you set here\")",
            source: "\(apiReference)/API_ViewerCertificate.html",
            apply: { applyIgnoredValues(&$0) }),
        Equivalence(
            member: "ViewerCertificate.SSLSupportMethod with CloudFrontDefaultCertificate",
            rule:
                "vip ≡ sni-only ≡ absent (\"If the distribution uses the CloudFront domain name … don't set a value for this field\"; live outputs return vip or sni-only)",
            source: "\(apiReference)/API_ViewerCertificate.html; \(cliExamples)",
            apply: { config in
                guard config.viewerCertificate.usesCloudFrontDefault else { return }
                config.viewerCertificate.cloudFrontDefaultCertificate = true
                config.viewerCertificate.sslSupportMethod = nil
            }),
        Equivalence(
            member: "ViewerCertificate.Certificate, ViewerCertificate.CertificateSource",
            rule:
                "any value ≡ absent: deprecated members CloudFront derives from the certificate members and echoes (Certificate is the ACM ARN or IAM id, CertificateSource acm, iam or cloudfront); the certificate in use is what ACMCertificateArn, IAMCertificateId and CloudFrontDefaultCertificate say",
            source:
                "\(apiReference)/API_ViewerCertificate.html (\"This field is deprecated. Use one of the following fields instead\"); create-distribution example 3 output (\(cliExamples))",
            apply: { config in
                guard config.sentViewerCertificate != nil else { return }
                config.viewerCertificate.certificate = nil
                config.viewerCertificate.certificateSource = nil
            }),
        Equivalence(
            member: "ContinuousDeploymentPolicyId, AnycastIpListId",
            rule: "\"\" ≡ absent (no policy, no list)",
            source:
                "\(apiReference)/API_DistributionConfig.html; live get-distribution-config outputs return ContinuousDeploymentPolicyId \"\"",
            apply: { config in
                if config.continuousDeploymentPolicyId == "" { config.continuousDeploymentPolicyId = nil }
                if config.anycastIPListId == "" { config.anycastIPListId = nil }
            }),
        Equivalence(
            member: "Staging, ConnectionMode",
            rule: "Staging false ≡ absent; ConnectionMode direct ≡ absent (a standard distribution)",
            source:
                "\(apiReference)/API_DistributionConfig.html (\"whether the connection mode is through a standard distribution (direct)\")",
            apply: { config in
                if config.staging == false { config.staging = nil }
                if config.connectionMode == .direct { config.connectionMode = nil }
            }),
        Equivalence(
            member: "Origins[].S3OriginConfig.OriginReadTimeout",
            rule: "30 ≡ absent (the default; newer outputs return it on every S3 origin)",
            source:
                "\(apiReference)/API_S3OriginConfig.html (\"the default (if you don't specify otherwise) is 30 seconds\"); live outputs in Tests/CFCImportTests/RealConfigs",
            apply: { config in
                config.origins = config.origins.map { origin in
                    var origin = origin
                    if origin.s3OriginConfig?.originReadTimeout == CustomOriginConfig.defaultOriginReadTimeout {
                        origin.s3OriginConfig?.originReadTimeout = nil
                    }
                    return origin
                }
            }),
        Equivalence(
            member: "CacheBehaviors[].{CachePolicyId, OriginRequestPolicyId, ResponseHeadersPolicyId, RealtimeLogConfigArn}",
            rule: "\"\" ≡ absent (no policy)",
            source: "\(apiReference)/API_CacheBehavior.html",
            apply: {
                forEachBehavior(&$0) { behavior in
                    for keyPath in [
                        \CacheBehavior.realtimeLogConfigArn, \.cachePolicyId, \.originRequestPolicyId, \.responseHeadersPolicyId,
                    ]
                    where behavior[keyPath: keyPath] == "" {
                        behavior[keyPath: keyPath] = nil
                    }
                }
            }),
        Equivalence(
            member: "CacheBehaviors[].GrpcConfig",
            rule: "{Enabled: false} ≡ absent (live outputs return it on every behavior)",
            source: "\(apiReference)/API_GrpcConfig.html; create-distribution example 3 output (\(cliExamples))",
            apply: {
                forEachBehavior(&$0) { behavior in
                    if behavior.grpcConfig?.enabled == false { behavior.grpcConfig = nil }
                }
            }),
        Equivalence(
            member: "CacheBehaviors[].{MinTTL, DefaultTTL, MaxTTL} with a cache policy",
            rule: "any value ≡ absent: with a cache policy the TTLs are the policy's, and CloudFront may or may not echo the legacy ones",
            source:
                "\(apiReference)/API_CacheBehavior.html (\"This field is deprecated. We recommend that you use the … field in a cache policy\")",
            apply: {
                forEachBehavior(&$0) { behavior in
                    if behavior.cachePolicyId != nil && behavior.forwardedValues == nil {
                        behavior.minTTL = nil
                        behavior.defaultTTL = nil
                        behavior.maxTTL = nil
                    }
                }
            }),
        Equivalence(
            member: "CustomErrorResponses[].{ResponsePagePath, ResponseCode}",
            rule: "\"\" ≡ absent (no custom page, the origin's code)",
            source: "\(apiReference)/API_CustomErrorResponse.html; live outputs return \"\"",
            apply: { config in
                config.customErrorResponses = config.customErrorResponses.map { response in
                    var response = response
                    if response.responsePagePath == "" { response.responsePagePath = nil }
                    if response.responseCode == "" { response.responseCode = nil }
                    return response
                }
            }),
    ]

    /// The lists whose order CloudFront does not use.
    public static let sets: [SetList] = [
        SetList(
            member: "Aliases",
            reason: "the CNAMEs the distribution answers to: routing is by exact name, then most specific wildcard, never by position",
            source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html",
            apply: { config in if config.sentAliases != nil { config.aliases = config.aliases.sorted() } }),
        SetList(
            member: "CacheBehaviors[].AllowedMethods, CachedMethods",
            reason: "one of three method sets; \"These can be specified in any order\", and live outputs list HEAD before GET",
            source:
                "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/field-level-encryption.html; \(apiReference)/API_AllowedMethods.html",
            apply: {
                forEachBehavior(&$0) { behavior in
                    behavior.allowedMethods = behavior.allowedMethods.sorted()
                    behavior.cachedMethods = behavior.cachedMethods.sorted()
                }
            }),
        SetList(
            member: "CacheBehaviors[].ForwardedValues.{Headers, QueryStringCacheKeys, Cookies.WhitelistedNames}",
            reason: "which headers, query strings and cookies are forwarded and cached on: names, no order is said or used",
            source: "\(apiReference)/API_ForwardedValues.html, API_Headers.html, API_CookieNames.html, API_QueryStringCacheKeys.html",
            apply: {
                forEachBehavior(&$0) { behavior in
                    guard var forwarded = behavior.forwardedValues else { return }
                    forwarded.sentHeaders = forwarded.sentHeaders?.sorted()
                    forwarded.sentQueryStringCacheKeys = forwarded.sentQueryStringCacheKeys?.sorted()
                    forwarded.cookies.sentWhitelistedNames = forwarded.cookies.sentWhitelistedNames?.sorted()
                    behavior.forwardedValues = forwarded
                }
            }),
        SetList(
            member: "CacheBehaviors[].{TrustedSigners, TrustedKeyGroups}.Items",
            reason: "any one of the signers may sign: a set of accounts or key groups",
            source: "\(apiReference)/API_TrustedKeyGroups.html",
            apply: {
                forEachBehavior(&$0) { behavior in
                    if behavior.sentTrustedSigners != nil { behavior.trustedSigners = behavior.trustedSigners.sorted() }
                    if behavior.sentTrustedKeyGroups != nil { behavior.trustedKeyGroups = behavior.trustedKeyGroups.sorted() }
                }
            }),
        SetList(
            member: "CacheBehaviors[].{LambdaFunctionAssociations, FunctionAssociations}",
            reason: "one function per event type (\"each EventType can be associated with only one function\"): a map by event type",
            source: "\(apiReference)/API_LambdaFunctionAssociations.html",
            apply: {
                forEachBehavior(&$0) { behavior in
                    if behavior.sentLambdaFunctionAssociations != nil {
                        behavior.lambdaFunctionAssociations = behavior.lambdaFunctionAssociations.sorted {
                            ($0.eventType.rawValue, $0.lambdaFunctionARN) < ($1.eventType.rawValue, $1.lambdaFunctionARN)
                        }
                    }
                    if behavior.sentFunctionAssociations != nil {
                        behavior.functionAssociations = behavior.functionAssociations.sorted {
                            ($0.eventType.rawValue, $0.functionARN) < ($1.eventType.rawValue, $1.functionARN)
                        }
                    }
                }
            }),
        SetList(
            member: "Origins[].CustomOriginConfig.OriginSslProtocols",
            reason: "the protocols CloudFront may use to the origin: a set",
            source: "\(apiReference)/API_OriginSslProtocols.html",
            apply: { config in
                config.origins = config.origins.map { origin in
                    var origin = origin
                    if let protocols = origin.customOriginConfig?.sentOriginSSLProtocols {
                        origin.customOriginConfig?.sentOriginSSLProtocols = protocols.sorted { $0.rawValue < $1.rawValue }
                    }
                    return origin
                }
            }),
        SetList(
            member: "OriginGroups[].FailoverCriteria.StatusCodes",
            reason: "the group fails over on any of them (\"any combination of the following status codes\")",
            source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html",
            apply: { config in
                config.originGroups = config.originGroups.map { group in
                    var group = group
                    group.failoverCriteria.statusCodes = group.failoverCriteria.statusCodes.sorted()
                    return group
                }
            }),
        SetList(
            member: "CustomErrorResponses",
            reason: "one response per error code: a map by ErrorCode",
            source: "\(apiReference)/API_CustomErrorResponse.html",
            apply: { config in config.customErrorResponses = config.customErrorResponses.sorted { $0.errorCode < $1.errorCode } }),
        SetList(
            member: "Restrictions.GeoRestriction.Items",
            reason: "the countries allowed or blocked: a set of country codes",
            source: "\(apiReference)/API_GeoRestriction.html",
            apply: { config in
                if config.sentRestrictions != nil {
                    config.restrictions.geoRestriction.locations = config.restrictions.geoRestriction.locations.sorted()
                }
            }),
        SetList(
            member: "Origins, OriginGroups, Origins[].CustomHeaders",
            reason:
                "keyed by Id (\"must be unique within the distribution\") or by header name: cfc holds them as maps, so their order never counts",
            source: "\(apiReference)/API_Origin.html",
            apply: { _ in }),
    ]

    /// The lists whose order CloudFront uses, never reordered.
    public static let orderedLists: [OrderedList] = [
        OrderedList(
            member: "CacheBehaviors",
            reason:
                "\"the requested path is compared with path patterns in the order in which cache behaviors are listed\": the first match serves",
            source: "\(apiReference)/API_CacheBehavior.html"),
        OrderedList(
            member: "OriginGroups[].Members",
            reason: "the first member is the primary origin, the second the one failed over to",
            source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html"),
    ]

    /// The table as Markdown, for `docs/normalization.md`.
    public static func markdown() -> String {
        func cell(_ text: String) -> String { text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
        var text = """
            # What compares equal: the normalization table

            `cfc plan` and `cfc diff` compare configs as CloudFront holds them, so that a config \
            compiled from YAML and the same config read back from the API show no difference. This \
            page is generated from `APINormalization` (Sources/Planning/APINormalization.swift); \
            each row says where AWS documents the behavior or where live outputs show it.

            ## Values CloudFront fills in or ignores

            Applied in this order, to both sides of every comparison.

            | Member | Same | Source |
            | --- | --- | --- |

            """
        for row in equivalences { text += "| \(cell(row.member)) | \(cell(row.rule)) | \(cell(row.source)) |\n" }
        text += "\n## Lists compared as sets\n\n| Member | Why | Source |\n| --- | --- | --- |\n"
        for row in sets { text += "| \(cell(row.member)) | \(cell(row.reason)) | \(cell(row.source)) |\n" }
        text += "\n## Lists whose order counts\n\n| Member | Why | Source |\n| --- | --- | --- |\n"
        for row in orderedLists { text += "| \(cell(row.member)) | \(cell(row.reason)) | \(cell(row.source)) |\n" }
        text += """

            ## What is not normalized

            A changed `CallerReference` is a real difference: it identifies the distribution \
            (CloudFront refuses a second create with the same one), so `cfc diff` and `cfc plan` \
            report it. Members whose meaning when absent AWS does not document (the origin SSL \
            protocols of a custom origin) are compared as written.

            """
        return text
    }

    /// Applies `change` to the default behavior and every cache behavior.
    private static func forEachBehavior(_ config: inout DistributionConfig, _ change: (inout CacheBehavior) -> Void) {
        change(&config.defaultCacheBehavior)
        if var behaviors = config.sentCacheBehaviors {
            for index in behaviors.indices { change(&behaviors[index]) }
            config.sentCacheBehaviors = behaviors
        }
    }
}
