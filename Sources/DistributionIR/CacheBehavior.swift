/// A cache behavior: which requests it takes (`pathPattern`) and how it serves them.
/// The same type describes the `DefaultCacheBehavior` (pattern `*`, not sent).
///
/// As in `DistributionConfig`, a `sent…` field is nil when its member is not sent, and the
/// field with the plain name says what the member means either way.
///
/// ```yaml
/// cache-behaviors:
///   - path-pattern: /api/*
///     target-origin-id: app
///     viewer-protocol-policy: https-only
///     allowed-methods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE]
///     cache-policy-id: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
/// ```
public struct CacheBehavior: Equatable, Hashable, Sendable {
    /// `PathPattern`; `*` for the default behavior.
    public var pathPattern: String = ""
    /// `TargetOriginId`: an origin or origin group id.
    public var targetOriginId: String = ""
    /// `TrustedSigners`: AWS account numbers allowed to sign URLs (empty means disabled), or nil
    /// when the member is not sent.
    public var sentTrustedSigners: [String]? = []
    /// `TrustedKeyGroups`: key group ids allowed to sign URLs (empty means disabled), or nil when
    /// the member is not sent.
    public var sentTrustedKeyGroups: [String]? = []
    /// `ViewerProtocolPolicy`.
    public var viewerProtocolPolicy: ViewerProtocolPolicy = .allowAll
    /// `AllowedMethods.Items`, or nil when `AllowedMethods` is not sent.
    public var sentAllowedMethods: [HTTPMethod]? = CacheBehavior.defaultMethods
    /// `AllowedMethods.CachedMethods.Items`, or nil when `CachedMethods` is not sent (it cannot
    /// be sent without `AllowedMethods`).
    public var sentCachedMethods: [HTTPMethod]? = CacheBehavior.defaultMethods
    /// `SmoothStreaming`, or nil when the member is not sent.
    public var sentSmoothStreaming: Bool? = false
    /// `Compress`, or nil when the member is not sent.
    public var sentCompress: Bool? = CacheBehavior.defaultCompress
    /// `LambdaFunctionAssociations`, or nil when the member is not sent.
    public var sentLambdaFunctionAssociations: [LambdaFunctionAssociation]? = []
    /// `FunctionAssociations`: CloudFront Functions, or nil when the member is not sent.
    public var sentFunctionAssociations: [FunctionAssociation]? = []
    /// `FieldLevelEncryptionId`, or nil when the member is not sent.
    public var sentFieldLevelEncryptionId: String? = ""
    /// `RealtimeLogConfigArn`.
    public var realtimeLogConfigArn: String? = nil
    /// `CachePolicyId`.
    public var cachePolicyId: String? = nil
    /// `OriginRequestPolicyId`.
    public var originRequestPolicyId: String? = nil
    /// `ResponseHeadersPolicyId`.
    public var responseHeadersPolicyId: String? = nil
    /// `GrpcConfig.Enabled`.
    public var grpcConfig: GRPCConfig? = nil
    /// `ForwardedValues`: the legacy cache settings, instead of a cache policy.
    public var forwardedValues: ForwardedValues? = nil
    /// `MinTTL`, seconds, or nil when the member is not sent.
    public var sentMinTTL: Int64? = nil
    /// `DefaultTTL`, seconds, or nil when the member is not sent.
    public var sentDefaultTTL: Int64? = nil
    /// `MaxTTL`, seconds, or nil when the member is not sent.
    public var sentMaxTTL: Int64? = nil
    /// Rule ids whose findings on this behavior are suppressed (cfc's own, not sent).
    public var ignore: [String] = []

    /// Creates a behavior with cfc's defaults.
    public init() {}

    /// Creates a behavior for `pathPattern`.
    public init(pathPattern: String) {
        self.pathPattern = pathPattern
    }

    // MARK: - What members mean whether sent or not

    /// Whether Smooth Streaming media is served; `false` when `SmoothStreaming` is not sent.
    @inlinable
    public var smoothStreaming: Bool {
        get { sentSmoothStreaming ?? false }
        set { sentSmoothStreaming = newValue }
    }

    /// Whether CloudFront compresses responses; cfc's default `true` when `Compress` is not sent.
    /// The API reference names no default, and tools built on it (Terraform, Pulumi) document
    /// `false`; no check reads this, so cfc keeps one default for "not written" and "not sent".
    @inlinable
    public var compress: Bool {
        get { sentCompress ?? Self.defaultCompress }
        set { sentCompress = newValue }
    }

    /// The field-level encryption configuration; none when `FieldLevelEncryptionId` is not sent.
    @inlinable
    public var fieldLevelEncryptionId: String {
        get { sentFieldLevelEncryptionId ?? "" }
        set { sentFieldLevelEncryptionId = newValue }
    }

    // The legacy TTLs mean something only beside `ForwardedValues`; there, one that is not sent
    // reads as CloudFront's default (0 seconds, one day, one year), which is also what cfc sends
    // for a key that is not written. Without forwarded values they are nil unless sent.

    /// The least time objects stay cached, in seconds: `MinTTL`, or 0 beside forwarded values.
    @inlinable
    public var minTTL: Int64? {
        get { sentMinTTL ?? (forwardedValues == nil ? nil : Self.defaultMinTTL) }
        set { sentMinTTL = newValue }
    }

    /// Seconds objects stay cached without cache headers: `DefaultTTL`, or 86400 beside
    /// forwarded values.
    @inlinable
    public var defaultTTL: Int64? {
        get { sentDefaultTTL ?? (forwardedValues == nil ? nil : Self.legacyDefaultTTL(minTTL: minTTL)) }
        set { sentDefaultTTL = newValue }
    }

    /// The most time objects stay cached, in seconds: `MaxTTL`, or 31536000 beside forwarded
    /// values.
    @inlinable
    public var maxTTL: Int64? {
        get { sentMaxTTL ?? (forwardedValues == nil ? nil : Self.legacyMaxTTL(minTTL: minTTL, defaultTTL: defaultTTL)) }
        set { sentMaxTTL = newValue }
    }

    /// CloudFront's `DefaultTTL` when none is given: one day, or the minimum TTL when that is
    /// longer. AWS: "If you change the value of Minimum TTL to more than 86400 seconds, then the
    /// default value of Default TTL changes to the value of Minimum TTL."
    /// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesDefaultTTL
    public static func legacyDefaultTTL(minTTL: Int64?) -> Int64 {
        max(defaultDefaultTTL, minTTL ?? defaultMinTTL)
    }

    /// CloudFront's `MaxTTL` when none is given: one year, or the default TTL when the minimum
    /// or default TTL is longer than a year. AWS: "If you change the value of Minimum TTL or
    /// Default TTL to more than 31536000 seconds, then the default value of Maximum TTL changes
    /// to the value of Default TTL." So a default TTL above a year with no maximum is valid.
    /// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesMaxTTL
    public static func legacyMaxTTL(minTTL: Int64?, defaultTTL: Int64?) -> Int64 {
        let defaultTTL = defaultTTL ?? legacyDefaultTTL(minTTL: minTTL)
        return (minTTL ?? defaultMinTTL) > defaultMaxTTL || defaultTTL > defaultMaxTTL ? defaultTTL : defaultMaxTTL
    }

    /// The allowed and cached methods when none are given: `GET` and `HEAD`.
    public static let defaultMethods: [HTTPMethod] = [.get, .head]
    /// Whether CloudFront compresses when `Compress` is not given: cfc sends `true`, as the
    /// console does.
    public static let defaultCompress = true

    /// CloudFront's `MinTTL` for legacy forwarded values when none is given.
    public static let defaultMinTTL: Int64 = 0
    /// CloudFront's `DefaultTTL` for legacy forwarded values when none is given: one day.
    public static let defaultDefaultTTL: Int64 = 86400
    /// CloudFront's `MaxTTL` for legacy forwarded values when none is given: one year.
    public static let defaultMaxTTL: Int64 = 31_536_000

    /// The trusted signers; none (signed URLs not required) when `TrustedSigners` is not sent.
    @inlinable
    public var trustedSigners: [String] {
        get { sentTrustedSigners ?? [] }
        set { sentTrustedSigners = newValue }
    }

    /// The trusted key groups; none when `TrustedKeyGroups` is not sent.
    @inlinable
    public var trustedKeyGroups: [String] {
        get { sentTrustedKeyGroups ?? [] }
        set { sentTrustedKeyGroups = newValue }
    }

    /// The methods CloudFront forwards; `GET` and `HEAD` when `AllowedMethods` is not sent.
    @inlinable
    public var allowedMethods: [HTTPMethod] {
        get { sentAllowedMethods ?? Self.defaultMethods }
        set { sentAllowedMethods = newValue }
    }

    /// The methods whose responses CloudFront caches; `GET` and `HEAD` when `CachedMethods` is
    /// not sent.
    @inlinable
    public var cachedMethods: [HTTPMethod] {
        get { sentCachedMethods ?? Self.defaultMethods }
        set { sentCachedMethods = newValue }
    }

    /// The Lambda@Edge functions; none when `LambdaFunctionAssociations` is not sent.
    @inlinable
    public var lambdaFunctionAssociations: [LambdaFunctionAssociation] {
        get { sentLambdaFunctionAssociations ?? [] }
        set { sentLambdaFunctionAssociations = newValue }
    }

    /// The CloudFront Functions; none when `FunctionAssociations` is not sent.
    @inlinable
    public var functionAssociations: [FunctionAssociation] {
        get { sentFunctionAssociations ?? [] }
        set { sentFunctionAssociations = newValue }
    }

    /// The behavior with every member whose value means "nothing" spelt as cfc spells it by
    /// default (see `DistributionConfig.withAbsentMembersNormalized`).
    public var withAbsentMembersNormalized: CacheBehavior {
        var behavior = self
        behavior.trustedSigners = trustedSigners
        behavior.trustedKeyGroups = trustedKeyGroups
        behavior.allowedMethods = allowedMethods
        behavior.cachedMethods = cachedMethods
        behavior.smoothStreaming = smoothStreaming
        behavior.compress = compress
        behavior.lambdaFunctionAssociations = lambdaFunctionAssociations.map { association in
            var association = association
            association.includeBody = association.includeBody
            return association
        }
        behavior.functionAssociations = functionAssociations
        behavior.fieldLevelEncryptionId = fieldLevelEncryptionId
        behavior.minTTL = minTTL
        behavior.defaultTTL = defaultTTL
        behavior.maxTTL = maxTTL
        if var forwarded = behavior.forwardedValues {
            forwarded.headers = forwarded.headers
            forwarded.queryStringCacheKeys = forwarded.queryStringCacheKeys
            if forwarded.cookies.whitelistedNames.isEmpty { forwarded.cookies.sentWhitelistedNames = nil }
            behavior.forwardedValues = forwarded
        }
        return behavior
    }
}

/// `LambdaFunctionAssociation`: a Lambda@Edge function.
///
/// ```yaml
/// lambda-function-associations:
///   - {event-type: origin-request, lambda-function-arn: "arn:aws:lambda:us-east-1:111122223333:function:rewrite:7"}
/// ```
public struct LambdaFunctionAssociation: Equatable, Hashable, Sendable {
    /// `LambdaFunctionARN`: a numbered version in us-east-1.
    public var lambdaFunctionARN: String = ""
    /// `EventType`.
    public var eventType: EventType = .viewerRequest
    /// `IncludeBody`, or nil when the member is not sent.
    public var sentIncludeBody: Bool? = false

    /// Creates an association.
    public init() {}

    /// Whether the function sees the request body; `false` when `IncludeBody` is not sent.
    @inlinable
    public var includeBody: Bool {
        get { sentIncludeBody ?? false }
        set { sentIncludeBody = newValue }
    }
}

/// `FunctionAssociation`: a CloudFront Function.
///
/// ```yaml
/// function-associations:
///   - {event-type: viewer-request, function-arn: "arn:aws:cloudfront::111122223333:function/add-index"}
/// ```
public struct FunctionAssociation: Equatable, Hashable, Sendable {
    /// `FunctionARN`.
    public var functionARN: String = ""
    /// `EventType`: viewer events only.
    public var eventType: EventType = .viewerRequest

    /// Creates an association.
    public init() {}
}

/// `GrpcConfig`.
public struct GRPCConfig: Equatable, Hashable, Sendable {
    /// `Enabled`.
    public var enabled: Bool = false

    /// Creates a disabled config.
    public init() {}
}

/// `ForwardedValues`: legacy cache key and origin request settings.
///
/// ```yaml
/// forwarded-values:
///   query-string: true
///   cookies: {forward: whitelist, whitelisted-names: [session]}
///   headers: [Host]
/// ```
public struct ForwardedValues: Equatable, Hashable, Sendable {
    /// `QueryString`.
    public var queryString: Bool = false
    /// `Cookies`.
    public var cookies: CookiePreference = CookiePreference()
    /// `Headers`, or nil when the member is not sent.
    public var sentHeaders: [String]? = []
    /// `QueryStringCacheKeys`, or nil when the member is not sent.
    public var sentQueryStringCacheKeys: [String]? = []

    /// Creates settings that forward nothing.
    public init() {}

    /// The headers forwarded; none when `Headers` is not sent.
    @inlinable
    public var headers: [String] {
        get { sentHeaders ?? [] }
        set { sentHeaders = newValue }
    }

    /// The query string parameters in the cache key; none when `QueryStringCacheKeys` is not sent.
    @inlinable
    public var queryStringCacheKeys: [String] {
        get { sentQueryStringCacheKeys ?? [] }
        set { sentQueryStringCacheKeys = newValue }
    }
}

/// `CookiePreference`.
public struct CookiePreference: Equatable, Hashable, Sendable {
    /// `Forward`.
    public var forward: ItemSelection = .none
    /// `WhitelistedNames`, or nil when the member is not sent: CloudFront leaves it out unless
    /// cookies are forwarded by name, so cfc does too unless names are given.
    public var sentWhitelistedNames: [String]? = nil

    /// Creates a preference that forwards no cookies.
    public init() {}

    /// The cookies forwarded by name; none when `WhitelistedNames` is not sent.
    @inlinable
    public var whitelistedNames: [String] {
        get { sentWhitelistedNames ?? [] }
        set { sentWhitelistedNames = newValue }
    }
}
