/// The configuration of a distribution, as CloudFront's `DistributionConfig` (API 2020-05-31).
///
/// Every member of the API shape has a field here; values are fully resolved (cfc's defaults
/// applied), so an IR value says exactly what is sent. Lists replace the API's
/// `Quantity`/`Items` wrappers.
///
/// ```yaml
/// www:
///   aliases: [www.example.com]
///   origins: { app: { domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only} } }
///   default-cache-behavior: { target-origin-id: app, viewer-protocol-policy: redirect-to-https, cache-policy-id: … }
/// ```
public struct DistributionConfig: Equatable, Hashable, Sendable, Codable {
    /// `CallerReference`: makes the create request idempotent.
    public var callerReference: String = ""
    /// `Aliases`: the alternate domain names (CNAMEs).
    public var aliases: [String] = []
    /// `DefaultRootObject`: the object served for `/`.
    public var defaultRootObject: String = ""
    /// `Origins`, in order.
    public var origins: [Origin] = []
    /// `OriginGroups`, in order.
    public var originGroups: [OriginGroup] = []
    /// `DefaultCacheBehavior`: serves every request no cache behavior matches. Its
    /// `pathPattern` is `*` and is not sent.
    public var defaultCacheBehavior: CacheBehavior = CacheBehavior(pathPattern: "*")
    /// `CacheBehaviors`, in CloudFront's evaluation order.
    public var cacheBehaviors: [CacheBehavior] = []
    /// `CustomErrorResponses`.
    public var customErrorResponses: [CustomErrorResponse] = []
    /// `Comment` (at most 128 characters).
    public var comment: String = ""
    /// `Logging`: standard (access) logs.
    public var logging: LoggingConfig = .disabled
    /// `PriceClass`.
    public var priceClass: PriceClass = .priceClassAll
    /// `Enabled`.
    public var enabled: Bool = true
    /// `ViewerCertificate`.
    public var viewerCertificate: ViewerCertificate = .cloudFrontDefault
    /// `Restrictions`.
    public var restrictions: Restrictions = Restrictions()
    /// `WebACLId`: an AWS WAF web ACL (ARN for WAFv2, id for WAF Classic).
    public var webACLId: String = ""
    /// `HttpVersion`.
    public var httpVersion: HTTPVersion = .http2
    /// `IsIPV6Enabled`.
    public var isIPV6Enabled: Bool = true
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

    /// All behaviors in evaluation order: the cache behaviors, then the default behavior.
    public var behaviorsInOrder: [CacheBehavior] { cacheBehaviors + [defaultCacheBehavior] }

    /// The config as the API sees it: cfc's own per-behavior `ignore` lists cleared, so that a
    /// config read back from CloudFront compares equal to the one compiled.
    public var withoutCFCFields: DistributionConfig {
        var config = self
        config.defaultCacheBehavior.ignore = []
        for index in config.cacheBehaviors.indices { config.cacheBehaviors[index].ignore = [] }
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
public struct CustomErrorResponse: Equatable, Hashable, Sendable, Codable {
    /// `ErrorCode`: the origin's HTTP status code (4xx or 5xx).
    public var errorCode: Int = 0
    /// `ResponsePagePath`.
    public var responsePagePath: String? = nil
    /// `ResponseCode`: the status code returned to the viewer (a string in the API).
    public var responseCode: String? = nil
    /// `ErrorCachingMinTTL`, in seconds (CloudFront's default is 10).
    public var errorCachingMinTTL: Int64 = 10

    /// Creates an empty response.
    public init() {}
}

/// Standard logging: `LoggingConfig`.
///
/// ```yaml
/// logging: {bucket: logs.s3.amazonaws.com, prefix: www/, include-cookies: false}
/// ```
public struct LoggingConfig: Equatable, Hashable, Sendable, Codable {
    /// `Enabled`: true when a `logging:` block is written.
    public var enabled: Bool = true
    /// `IncludeCookies`.
    public var includeCookies: Bool = false
    /// `Bucket`: `bucket-name.s3.amazonaws.com`.
    public var bucket: String = ""
    /// `Prefix`.
    public var prefix: String = ""

    /// Creates an enabled logging config without a bucket.
    public init() {}

    /// Logging switched off, as CloudFront reports it.
    public static var disabled: LoggingConfig {
        var config = LoggingConfig()
        config.enabled = false
        return config
    }
}

/// `Restrictions`: who may be served.
public struct Restrictions: Equatable, Hashable, Sendable, Codable {
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
public struct GeoRestriction: Equatable, Hashable, Sendable, Codable {
    /// `RestrictionType`.
    public var restrictionType: GeoRestrictionType = .none
    /// `Items`: ISO 3166-1 alpha-2 country codes.
    public var locations: [String] = []

    /// Creates a config without restriction.
    public init() {}
}

/// `TenantConfig`: the parameters tenants of a multi-tenant distribution fill in.
public struct TenantConfig: Equatable, Hashable, Sendable, Codable {
    /// `ParameterDefinitions`.
    public var parameterDefinitions: [ParameterDefinition] = []

    /// Creates an empty tenant config.
    public init() {}
}

/// `ParameterDefinition`: one tenant parameter.
///
/// ```yaml
/// tenant-config:
///   parameter-definitions:
///     - name: tenantName
///       definition: {string-schema: {required: true, comment: shown to tenants}}
/// ```
public struct ParameterDefinition: Equatable, Hashable, Sendable, Codable {
    /// `Name`.
    public var name: String = ""
    /// `Definition`.
    public var definition: ParameterDefinitionSchema = ParameterDefinitionSchema()

    /// Creates an empty definition.
    public init() {}
}

/// `ParameterDefinitionSchema`: the type of a tenant parameter.
public struct ParameterDefinitionSchema: Equatable, Hashable, Sendable, Codable {
    /// `StringSchema`.
    public var stringSchema: StringSchemaConfig? = nil

    /// Creates a schema with no type.
    public init() {}
}

/// `StringSchemaConfig`: a string-valued tenant parameter.
public struct StringSchemaConfig: Equatable, Hashable, Sendable, Codable {
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
public struct ConnectionFunctionAssociation: Equatable, Hashable, Sendable, Codable {
    /// `Id`.
    public var id: String = ""

    /// Creates an association with no id.
    public init() {}
}

/// `CacheTagConfig`: the origin response header that carries cache tags.
public struct CacheTagConfig: Equatable, Hashable, Sendable, Codable {
    /// `HeaderName`.
    public var headerName: String = ""

    /// Creates a config with no header.
    public init() {}
}
