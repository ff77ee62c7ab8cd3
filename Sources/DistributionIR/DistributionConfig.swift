/// The configuration of a distribution, as CloudFront's `DistributionConfig` (API 2020-05-31).
///
/// Every member of the API shape has a field here; values are fully resolved (cfc's defaults
/// applied), so an IR value says exactly what is sent. Lists replace the API's
/// `Quantity`/`Items` wrappers.
///
/// Every member the API lets a config leave out but cfc sends by default, in the form CloudFront
/// returns it (an empty `Aliases` wrapper, a disabled `Logging`, `PriceClass_All`, `Compress`),
/// is kept in a `sent…` field that is nil when the member is not sent at all, so a config read
/// from the API compiles back member for member ("not sent" and "sent as the default" stay
/// apart). A computed field with the plain name says what the member means either way: the
/// sent value, or, when it is not sent, the default cfc uses (which is CloudFront's documented
/// default where the API reference names one). Checks read the plain names; setting one sends
/// the member.
///
/// ```yaml
/// www:
///   aliases: [www.example.com]
///   origins: { app: { domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only} } }
///   default-cache-behavior: { target-origin-id: app, viewer-protocol-policy: redirect-to-https, cache-policy-id: … }
/// ```
public struct DistributionConfig: Equatable, Hashable, Sendable {
    /// `CallerReference`: makes the create request idempotent.
    public var callerReference: String = ""
    /// `Aliases`: the alternate domain names (CNAMEs), or nil when the member is not sent.
    public var sentAliases: [String]? = []
    /// `DefaultRootObject`: the object served for `/`, or nil when the member is not sent.
    public var sentDefaultRootObject: String? = ""
    /// `Origins`, in order.
    public var origins: [Origin] = []
    /// `OriginGroups`, in order, or nil when the member is not sent.
    public var sentOriginGroups: [OriginGroup]? = []
    /// `DefaultCacheBehavior`: serves every request no cache behavior matches. Its
    /// `pathPattern` is `*` and is not sent.
    public var defaultCacheBehavior: CacheBehavior = CacheBehavior(pathPattern: "*")
    /// `CacheBehaviors`, in CloudFront's evaluation order, or nil when the member is not sent.
    public var sentCacheBehaviors: [CacheBehavior]? = []
    /// `CustomErrorResponses`, or nil when the member is not sent.
    public var sentCustomErrorResponses: [CustomErrorResponse]? = []
    /// `Comment` (at most 128 characters).
    public var comment: String = ""
    /// `Logging`: standard (access) logs, or nil when the member is not sent.
    public var sentLogging: LoggingConfig? = .disabled
    /// `PriceClass`, or nil when the member is not sent.
    public var sentPriceClass: PriceClass? = DistributionConfig.defaultPriceClass
    /// `Enabled`.
    public var enabled: Bool = true
    /// `ViewerCertificate`, or nil when the member is not sent.
    public var sentViewerCertificate: ViewerCertificate? = .cloudFrontDefault
    /// `Restrictions`, or nil when the member is not sent.
    public var sentRestrictions: Restrictions? = Restrictions()
    /// `WebACLId`: an AWS WAF web ACL (ARN for WAFv2, id for WAF Classic), or nil when the member
    /// is not sent.
    public var sentWebACLId: String? = ""
    /// `HttpVersion`, or nil when the member is not sent.
    public var sentHTTPVersion: HTTPVersion? = DistributionConfig.defaultHTTPVersion
    /// `IsIPV6Enabled`, or nil when the member is not sent.
    public var sentIsIPV6Enabled: Bool? = DistributionConfig.defaultIsIPV6Enabled
    /// `ContinuousDeploymentPolicyId`.
    public var continuousDeploymentPolicyId: String? = nil
    /// `Staging`: whether this is a staging distribution.
    public var staging: Bool? = nil
    /// `AnycastIpListId`.
    public var anycastIPListId: String? = nil
    /// `TenantConfig`: parameters of a multi-tenant distribution.
    public var tenantConfig: TenantConfig? = nil
    /// `ConnectionMode`.
    public var connectionMode: ConnectionMode? = nil
    /// `ViewerMtlsConfig`: mutual TLS with viewers.
    public var viewerMTLSConfig: ViewerMTLSConfig? = nil
    /// `ConnectionFunctionAssociation`.
    public var connectionFunctionAssociation: ConnectionFunctionAssociation? = nil
    /// `CacheTagConfig`.
    public var cacheTagConfig: CacheTagConfig? = nil

    /// Creates a config with every member at cfc's default.
    public init() {}

    // MARK: - What members mean whether sent or not

    /// The object served for `/`; none when `DefaultRootObject` is not sent.
    @inlinable
    public var defaultRootObject: String {
        get { sentDefaultRootObject ?? "" }
        set { sentDefaultRootObject = newValue }
    }

    /// The price class; `PriceClass_All` when `PriceClass` is not sent (the API reference names
    /// no default; this is cfc's, and the console's).
    @inlinable
    public var priceClass: PriceClass {
        get { sentPriceClass ?? Self.defaultPriceClass }
        set { sentPriceClass = newValue }
    }

    /// The web ACL; none when `WebACLId` is not sent.
    @inlinable
    public var webACLId: String {
        get { sentWebACLId ?? "" }
        set { sentWebACLId = newValue }
    }

    /// The highest HTTP version; `http2` when `HttpVersion` is not sent, the API reference's
    /// default for new distributions.
    @inlinable
    public var httpVersion: HTTPVersion {
        get { sentHTTPVersion ?? Self.defaultHTTPVersion }
        set { sentHTTPVersion = newValue }
    }

    /// Whether IPv6 is enabled; `true` when `IsIPV6Enabled` is not sent (the API reference names
    /// no default; this is cfc's, and the console's).
    @inlinable
    public var isIPV6Enabled: Bool {
        get { sentIsIPV6Enabled ?? Self.defaultIsIPV6Enabled }
        set { sentIsIPV6Enabled = newValue }
    }

    /// The alternate domain names; none when `Aliases` is not sent.
    @inlinable
    public var aliases: [String] {
        get { sentAliases ?? [] }
        set { sentAliases = newValue }
    }

    /// The origin groups; none when `OriginGroups` is not sent.
    @inlinable
    public var originGroups: [OriginGroup] {
        get { sentOriginGroups ?? [] }
        set { sentOriginGroups = newValue }
    }

    /// The cache behaviors; none when `CacheBehaviors` is not sent.
    @inlinable
    public var cacheBehaviors: [CacheBehavior] {
        get { sentCacheBehaviors ?? [] }
        set { sentCacheBehaviors = newValue }
    }

    /// The custom error responses; none when `CustomErrorResponses` is not sent.
    @inlinable
    public var customErrorResponses: [CustomErrorResponse] {
        get { sentCustomErrorResponses ?? [] }
        set { sentCustomErrorResponses = newValue }
    }

    /// Standard logging; off when `Logging` is not sent.
    @inlinable
    public var logging: LoggingConfig {
        get { sentLogging ?? .disabled }
        set { sentLogging = newValue }
    }

    /// The viewer certificate; CloudFront's own when `ViewerCertificate` is not sent.
    @inlinable
    public var viewerCertificate: ViewerCertificate {
        get { sentViewerCertificate ?? .cloudFrontDefault }
        set { sentViewerCertificate = newValue }
    }

    /// The restrictions; none when `Restrictions` is not sent.
    @inlinable
    public var restrictions: Restrictions {
        get { sentRestrictions ?? Restrictions() }
        set { sentRestrictions = newValue }
    }

    /// The price class when `PriceClass` is not sent: every edge location.
    public static let defaultPriceClass = PriceClass.priceClassAll
    /// The HTTP versions when `HttpVersion` is not sent: HTTP/2 (and 1.1).
    public static let defaultHTTPVersion = HTTPVersion.http2
    /// IPv6 when `IsIPV6Enabled` is not sent (the API reference's default).
    public static let defaultIsIPV6Enabled = true

    /// The config with every member whose value means "nothing" spelt the one way cfc spells it
    /// by default: a member cfc sends by default that is not sent becomes what its absence means
    /// to CloudFront (no `Aliases` member becomes an empty one), and an empty `WhitelistedNames`,
    /// which cfc does not send by default, becomes unsent. Two configs that differ only in how
    /// they spell "nothing" then compare equal. `OriginSslProtocols` is left as it is: what
    /// CloudFront assumes without it is not documented.
    public var withAbsentMembersNormalized: DistributionConfig {
        var config = self
        config.aliases = aliases
        config.defaultRootObject = defaultRootObject
        config.originGroups = originGroups
        config.customErrorResponses = customErrorResponses.map(\.withAbsentMembersNormalized)
        config.logging = logging.withAbsentMembersNormalized
        config.priceClass = priceClass
        config.viewerCertificate = viewerCertificate.withAbsentMembersNormalized
        config.restrictions = restrictions
        config.webACLId = webACLId
        config.httpVersion = httpVersion
        config.isIPV6Enabled = isIPV6Enabled
        config.origins = origins.map(\.withAbsentMembersNormalized)
        config.defaultCacheBehavior = defaultCacheBehavior.withAbsentMembersNormalized
        config.cacheBehaviors = cacheBehaviors.map(\.withAbsentMembersNormalized)
        if var tenant = config.tenantConfig {
            tenant.parameterDefinitions = tenant.parameterDefinitions
            config.tenantConfig = tenant
        }
        return config
    }

    /// All behaviors in evaluation order: the cache behaviors, then the default behavior.
    public var behaviorsInOrder: [CacheBehavior] { cacheBehaviors + [defaultCacheBehavior] }

    /// The config as the API sees it: cfc's own per-behavior `ignore` lists cleared, so that a
    /// config read back from CloudFront compares equal to the one compiled.
    public var withoutCFCFields: DistributionConfig {
        var config = self
        config.defaultCacheBehavior.ignore = []
        // Edited as one array and set once: `cacheBehaviors` is computed, so an element set
        // through it copied the whole list, every time (4,000 behaviors: 16 million copies).
        if var behaviors = config.sentCacheBehaviors {
            for index in behaviors.indices { behaviors[index].ignore = [] }
            config.sentCacheBehaviors = behaviors
        }
        return config
    }

    /// The origin with id `id`, if any.
    public func origin(withID id: String) -> Origin? {
        origins.first { $0.id == id }
    }
}

/// A custom error page: `CustomErrorResponse`.
///
/// ```yaml
/// custom-error-responses:
///   - {error-code: 404, response-page-path: /404.html, response-code: "404", error-caching-min-ttl: 60}
/// ```
public struct CustomErrorResponse: Equatable, Hashable, Sendable {
    /// `ErrorCode`: the origin's HTTP status code (4xx or 5xx).
    public var errorCode: Int = 0
    /// `ResponsePagePath`.
    public var responsePagePath: String? = nil
    /// `ResponseCode`: the status code returned to the viewer (a string in the API).
    public var responseCode: String? = nil
    /// `ErrorCachingMinTTL`, in seconds, or nil when the member is not sent.
    public var sentErrorCachingMinTTL: Int64? = CustomErrorResponse.defaultErrorCachingMinTTL

    /// Creates an empty response.
    public init() {}

    /// How long errors are cached, in seconds; CloudFront's default of 10 when
    /// `ErrorCachingMinTTL` is not sent.
    @inlinable
    public var errorCachingMinTTL: Int64 {
        get { sentErrorCachingMinTTL ?? Self.defaultErrorCachingMinTTL }
        set { sentErrorCachingMinTTL = newValue }
    }

    /// Seconds CloudFront caches an error when `ErrorCachingMinTTL` is not sent.
    public static let defaultErrorCachingMinTTL: Int64 = 10

    /// The response with every member that is not sent set to what it means.
    public var withAbsentMembersNormalized: CustomErrorResponse {
        var response = self
        response.errorCachingMinTTL = errorCachingMinTTL
        return response
    }
}

/// Standard logging: `LoggingConfig`.
///
/// ```yaml
/// logging: {bucket: logs.s3.amazonaws.com, prefix: www/, include-cookies: false}
/// ```
public struct LoggingConfig: Equatable, Hashable, Sendable {
    /// `Enabled` (true when a `logging:` block is written), or nil when the member is not sent.
    public var sentEnabled: Bool? = true
    /// `IncludeCookies`, or nil when the member is not sent.
    public var sentIncludeCookies: Bool? = false
    /// `Bucket` (`bucket-name.s3.amazonaws.com`), or nil when the member is not sent.
    public var sentBucket: String? = ""
    /// `Prefix`, or nil when the member is not sent.
    public var sentPrefix: String? = ""

    /// Creates an enabled logging config without a bucket.
    public init() {}

    // The API reference names no default for these members (they became optional with
    // CloudFront's newer logging); when one is not sent, cfc reads the default it sends.

    /// Whether standard logs are written; `true` when `Enabled` is not sent, as in a `logging:`
    /// block that does not say.
    @inlinable
    public var enabled: Bool {
        get { sentEnabled ?? true }
        set { sentEnabled = newValue }
    }

    /// Whether logs include cookies; `false` when `IncludeCookies` is not sent.
    @inlinable
    public var includeCookies: Bool {
        get { sentIncludeCookies ?? false }
        set { sentIncludeCookies = newValue }
    }

    /// The log bucket; none when `Bucket` is not sent.
    @inlinable
    public var bucket: String {
        get { sentBucket ?? "" }
        set { sentBucket = newValue }
    }

    /// The log file name prefix; none when `Prefix` is not sent.
    @inlinable
    public var prefix: String {
        get { sentPrefix ?? "" }
        set { sentPrefix = newValue }
    }

    /// The config with every member that is not sent set to what it means.
    public var withAbsentMembersNormalized: LoggingConfig {
        var config = self
        config.enabled = enabled
        config.includeCookies = includeCookies
        config.bucket = bucket
        config.prefix = prefix
        return config
    }

    /// Logging switched off, as CloudFront reports it.
    public static var disabled: LoggingConfig {
        var config = LoggingConfig()
        config.enabled = false
        return config
    }
}

/// `Restrictions`: who may be served.
public struct Restrictions: Equatable, Hashable, Sendable {
    /// `GeoRestriction`.
    public var geoRestriction: GeoRestriction = GeoRestriction()

    /// Creates restrictions that restrict nothing.
    public init() {}
}

/// `GeoRestriction`: which countries are served.
///
/// ```yaml
/// restrictions:
///   geo-restriction: {restriction-type: whitelist, locations: [US, CA]}
/// ```
public struct GeoRestriction: Equatable, Hashable, Sendable {
    /// `RestrictionType`.
    public var restrictionType: GeoRestrictionType = .none
    /// `Items`: ISO 3166-1 alpha-2 country codes.
    public var locations: [String] = []

    /// Creates a config without restriction.
    public init() {}
}

/// `TenantConfig`: the parameters tenants of a multi-tenant distribution fill in.
public struct TenantConfig: Equatable, Hashable, Sendable {
    /// `ParameterDefinitions`, or nil when the member is not sent.
    public var sentParameterDefinitions: [ParameterDefinition]? = []

    /// Creates an empty tenant config.
    public init() {}

    /// The parameter definitions; none when `ParameterDefinitions` is not sent.
    @inlinable
    public var parameterDefinitions: [ParameterDefinition] {
        get { sentParameterDefinitions ?? [] }
        set { sentParameterDefinitions = newValue }
    }
}

/// `ParameterDefinition`: one tenant parameter.
///
/// ```yaml
/// tenant-config:
///   parameter-definitions:
///     - name: tenantName
///       definition: {string-schema: {required: true, comment: shown to tenants}}
/// ```
public struct ParameterDefinition: Equatable, Hashable, Sendable {
    /// `Name`.
    public var name: String = ""
    /// `Definition`.
    public var definition: ParameterDefinitionSchema = ParameterDefinitionSchema()

    /// Creates an empty definition.
    public init() {}
}

/// `ParameterDefinitionSchema`: the type of a tenant parameter.
public struct ParameterDefinitionSchema: Equatable, Hashable, Sendable {
    /// `StringSchema`.
    public var stringSchema: StringSchemaConfig? = nil

    /// Creates a schema with no type.
    public init() {}
}

/// `StringSchemaConfig`: a string-valued tenant parameter.
public struct StringSchemaConfig: Equatable, Hashable, Sendable {
    /// `Comment`.
    public var comment: String? = nil
    /// `DefaultValue`.
    public var defaultValue: String? = nil
    /// `Required`.
    public var required: Bool = false

    /// Creates an optional parameter schema.
    public init() {}
}

/// `ConnectionFunctionAssociation`: a connection function run when viewers connect.
public struct ConnectionFunctionAssociation: Equatable, Hashable, Sendable {
    /// `Id`.
    public var id: String = ""

    /// Creates an association with no id.
    public init() {}
}

/// `CacheTagConfig`: the origin response header that carries cache tags.
public struct CacheTagConfig: Equatable, Hashable, Sendable {
    /// `HeaderName`.
    public var headerName: String = ""

    /// Creates a config with no header.
    public init() {}
}
