import DistributionIR
import DistributionLanguage

/// Puts a config in the form CloudFront holds it, so that a config compiled from YAML and the
/// same config read back from the API compare equal: no phantom diffs.
///
/// CloudFront fills in values it was not sent (an empty `ContinuousDeploymentPolicyId`,
/// `Staging: false`, the deprecated `Certificate`/`CertificateSource` pair, `SSLSupportMethod`
/// beside the default certificate) and ignores others (a security policy beside the default
/// certificate, where it applies `TLSv1`).
/// Both sides of every comparison go through this one function.
public enum APINormalization {
    /// The normalized config.
    public static func normalize(_ config: DistributionConfig) -> DistributionConfig {
        // A member that is not sent means what CloudFront takes its absence to mean: no phantom
        // diff between a live config without `Aliases` and a compiled one with an empty list.
        var config = config.withoutCFCFields.withAbsentMembersNormalized
        applyIgnoredValues(&config)
        if config.continuousDeploymentPolicyId == "" { config.continuousDeploymentPolicyId = nil }
        if config.anycastIPListId == "" { config.anycastIPListId = nil }
        if config.staging == false { config.staging = nil }
        if config.connectionMode == .direct { config.connectionMode = nil }
        normalizeCertificate(&config.viewerCertificate)
        // Lists whose order CloudFront does not use compare as sets (see `normalize(behavior)`
        // for the methods): aliases are the set of CNAMEs the distribution answers to (the
        // routing is by exact name, then wildcard, never by position).
        if config.sentAliases != nil { config.aliases = config.aliases.sorted() }
        // An origin group fails over on any of its status codes (API_StatusCodes): a set. Its
        // members are ordered (the first is the primary), and so are cache behaviors (matched
        // first to last). Custom error responses are one per error code
        // (API_CustomErrorResponse), a map by code; geo restriction locations are a set of
        // country codes (API_GeoRestriction).
        config.originGroups = config.originGroups.map { group in
            var group = group
            group.failoverCriteria.statusCodes = group.failoverCriteria.statusCodes.sorted()
            return group
        }
        config.defaultCacheBehavior = normalize(config.defaultCacheBehavior)
        config.cacheBehaviors = config.cacheBehaviors.map(normalize)
        config.customErrorResponses = config.customErrorResponses.map { response in
            var response = response
            if response.responsePagePath == "" { response.responsePagePath = nil }
            if response.responseCode == "" { response.responseCode = nil }
            return response
        }.sorted { $0.errorCode < $1.errorCode }
        if config.sentRestrictions != nil {
            config.restrictions.geoRestriction.locations = config.restrictions.geoRestriction.locations.sorted()
        }
        return config
    }

    static func normalize(_ behavior: CacheBehavior) -> CacheBehavior {
        var behavior = behavior
        for keyPath in [\CacheBehavior.realtimeLogConfigArn, \.cachePolicyId, \.originRequestPolicyId, \.responseHeadersPolicyId]
        where behavior[keyPath: keyPath] == "" {
            behavior[keyPath: keyPath] = nil
        }
        if behavior.grpcConfig?.enabled == false { behavior.grpcConfig = nil }
        // Allowed and cached methods are sets: the API takes one of three combinations
        // (API_AllowedMethods), and live outputs list them as they were sent, `HEAD` before
        // `GET` as often as not; a reordering is no change.
        behavior.allowedMethods = behavior.allowedMethods.sorted()
        behavior.cachedMethods = behavior.cachedMethods.sorted()
        // The legacy cache key's name lists are sets of names (API_ForwardedValues,
        // API_CookieNames, API_Headers, API_QueryStringCacheKeys: which headers, cookies and
        // query strings are forwarded and cached on; nothing is said of an order, and none is
        // used).
        if var forwarded = behavior.forwardedValues {
            forwarded.sentHeaders = forwarded.sentHeaders?.sorted()
            forwarded.sentQueryStringCacheKeys = forwarded.sentQueryStringCacheKeys?.sorted()
            forwarded.cookies.sentWhitelistedNames = forwarded.cookies.sentWhitelistedNames?.sorted()
            behavior.forwardedValues = forwarded
        }
        // With a cache policy the legacy TTLs do nothing; CloudFront may or may not echo them.
        if behavior.cachePolicyId != nil && behavior.forwardedValues == nil {
            behavior.minTTL = nil
            behavior.defaultTTL = nil
            behavior.maxTTL = nil
        }
        return behavior
    }

    static func normalizeCertificate(_ certificate: inout ViewerCertificate) {
        if certificate.usesCloudFrontDefault {
            certificate.cloudFrontDefaultCertificate = true
            certificate.sslSupportMethod = nil
            if certificate.certificateSource == .cloudfront { certificate.certificateSource = nil }
            if certificate.certificate == nil || certificate.certificate == "" { certificate.certificate = nil }
        } else {
            // `CloudFrontDefaultCertificate` not sent already reads as `false` here: `normalize`
            // spells every member that is not sent as what it means first.
            let own = certificate.acmCertificateArn ?? certificate.iamCertificateId
            if certificate.certificate == own { certificate.certificate = nil }
            if certificate.certificateSource == .acm && certificate.acmCertificateArn != nil { certificate.certificateSource = nil }
            if certificate.certificateSource == .iam && certificate.iamCertificateId != nil { certificate.certificateSource = nil }
        }
    }
}
