/// A cache behavior: which requests it takes (`pathPattern`) and how it serves them.
/// The same type describes the `DefaultCacheBehavior` (pattern `*`, not sent).
///
/// ```yaml
/// cache-behaviors:
///   - path-pattern: /api/*
///     target-origin-id: app
///     viewer-protocol-policy: https-only
///     allowed-methods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE]
///     cache-policy-id: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
/// ```
public struct CacheBehavior: Equatable, Hashable, Sendable, Codable {
    /// `PathPattern`; `*` for the default behavior.
    public var pathPattern: String = ""
    /// `TargetOriginId`: an origin or origin group id.
    public var targetOriginId: String = ""
    /// `TrustedSigners`: AWS account numbers allowed to sign URLs; empty means disabled.
    public var trustedSigners: [String] = []
    /// `TrustedKeyGroups`: key group ids allowed to sign URLs; empty means disabled.
    public var trustedKeyGroups: [String] = []
    /// `ViewerProtocolPolicy`.
    public var viewerProtocolPolicy: ViewerProtocolPolicy = .allowAll
    /// `AllowedMethods.Items`.
    public var allowedMethods: [HTTPMethod] = [.get, .head]
    /// `AllowedMethods.CachedMethods.Items`.
    public var cachedMethods: [HTTPMethod] = [.get, .head]
    /// `SmoothStreaming`.
    public var smoothStreaming: Bool = false
    /// `Compress`.
    public var compress: Bool = true
    /// `LambdaFunctionAssociations`.
    public var lambdaFunctionAssociations: [LambdaFunctionAssociation] = []
    /// `FunctionAssociations`: CloudFront Functions.
    public var functionAssociations: [FunctionAssociation] = []
    /// `FieldLevelEncryptionId`.
    public var fieldLevelEncryptionId: String = ""
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
    /// `MinTTL`, seconds.
    public var minTTL: Int64? = nil
    /// `DefaultTTL`, seconds.
    public var defaultTTL: Int64? = nil
    /// `MaxTTL`, seconds.
    public var maxTTL: Int64? = nil
    /// Rule ids whose findings on this behavior are suppressed (cfc's own, not sent).
    public var ignore: [String] = []

    /// Creates a behavior with cfc's defaults.
    public init() {}

    /// Creates a behavior for `pathPattern`.
    public init(pathPattern: String) {
        self.pathPattern = pathPattern
    }
}

/// `LambdaFunctionAssociation`: a Lambda@Edge function.
///
/// ```yaml
/// lambda-function-associations:
///   - {event-type: origin-request, lambda-function-arn: "arn:aws:lambda:us-east-1:111122223333:function:rewrite:7"}
/// ```
public struct LambdaFunctionAssociation: Equatable, Hashable, Sendable, Codable {
    /// `LambdaFunctionARN`: a numbered version in us-east-1.
    public var lambdaFunctionARN: String = ""
    /// `EventType`.
    public var eventType: EventType = .viewerRequest
    /// `IncludeBody`.
    public var includeBody: Bool = false

    /// Creates an association.
    public init() {}
}

/// `FunctionAssociation`: a CloudFront Function.
///
/// ```yaml
/// function-associations:
///   - {event-type: viewer-request, function-arn: "arn:aws:cloudfront::111122223333:function/add-index"}
/// ```
public struct FunctionAssociation: Equatable, Hashable, Sendable, Codable {
    /// `FunctionARN`.
    public var functionARN: String = ""
    /// `EventType`: viewer events only.
    public var eventType: EventType = .viewerRequest

    /// Creates an association.
    public init() {}
}

/// `GrpcConfig`.
public struct GRPCConfig: Equatable, Hashable, Sendable, Codable {
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
public struct ForwardedValues: Equatable, Hashable, Sendable, Codable {
    /// `QueryString`.
    public var queryString: Bool = false
    /// `Cookies`.
    public var cookies: CookiePreference = CookiePreference()
    /// `Headers`.
    public var headers: [String] = []
    /// `QueryStringCacheKeys`.
    public var queryStringCacheKeys: [String] = []

    /// Creates settings that forward nothing.
    public init() {}
}

/// `CookiePreference`.
public struct CookiePreference: Equatable, Hashable, Sendable, Codable {
    /// `Forward`.
    public var forward: ItemSelection = .none
    /// `WhitelistedNames`.
    public var whitelistedNames: [String] = []

    /// Creates a preference that forwards no cookies.
    public init() {}
}
