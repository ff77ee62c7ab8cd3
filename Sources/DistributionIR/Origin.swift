/// Where CloudFront fetches content from: `Origin`.
///
/// Origins are written as a mapping from id to origin; the id is the key.
///
/// ```yaml
/// origins:
///   app:
///     domain-name: app.example.com
///     custom-origin-config: {origin-protocol-policy: https-only}
///   assets:
///     domain-name: assets.s3.us-east-1.amazonaws.com   # an S3 REST endpoint: s3-origin-config implied
///     origin-access-control-id: E2QWRUHAPOMQZL
/// ```
public struct Origin: Equatable, Hashable, Sendable {
    /// `Id`: unique within the distribution; behaviors target it.
    public var id: String = ""
    /// `DomainName`.
    public var domainName: String = ""
    /// `OriginPath`: a directory prefix at the origin (`/production`), or empty; nil when the
    /// member is not sent.
    public var sentOriginPath: String? = ""
    /// `CustomHeaders`: headers CloudFront adds to every request to the origin, or nil when the
    /// member is not sent.
    public var sentCustomHeaders: [OriginCustomHeader]? = []
    /// `S3OriginConfig`: set for an S3 REST endpoint origin.
    public var s3OriginConfig: S3OriginConfig? = nil
    /// `CustomOriginConfig`: set for any other web server (S3 website endpoints included).
    public var customOriginConfig: CustomOriginConfig? = nil
    /// `VpcOriginConfig`: set for an origin in a VPC.
    public var vpcOriginConfig: VPCOriginConfig? = nil
    /// `ConnectionAttempts` (1 to 3), or nil when the member is not sent.
    public var sentConnectionAttempts: Int? = Origin.defaultConnectionAttempts
    /// `ConnectionTimeout` (seconds, 1 to 10), or nil when the member is not sent.
    public var sentConnectionTimeout: Int? = Origin.defaultConnectionTimeout
    /// `ResponseCompletionTimeout`: seconds.
    public var responseCompletionTimeout: Int? = nil
    /// `OriginShield`, or nil when the member is not sent.
    public var sentOriginShield: OriginShield? = OriginShield()
    /// `OriginAccessControlId`: for S3 origins using origin access control; nil when the member
    /// is not sent.
    public var sentOriginAccessControlId: String? = ""

    /// `ConnectionAttempts` when not sent (the API reference's default).
    public static let defaultConnectionAttempts = 3
    /// `ConnectionTimeout` when not sent, in seconds (the API reference's default).
    public static let defaultConnectionTimeout = 10

    /// Creates an origin with no id or domain.
    public init() {}

    /// Creates an origin with an id and domain, everything else at its default.
    public init(id: String, domainName: String) {
        self.id = id
        self.domainName = domainName
    }

    /// The directory prefix at the origin; none when `OriginPath` is not sent.
    @inlinable
    public var originPath: String {
        get { sentOriginPath ?? "" }
        set { sentOriginPath = newValue }
    }

    /// How many times CloudFront tries to connect; the API reference's default of 3 when
    /// `ConnectionAttempts` is not sent.
    @inlinable
    public var connectionAttempts: Int {
        get { sentConnectionAttempts ?? Self.defaultConnectionAttempts }
        set { sentConnectionAttempts = newValue }
    }

    /// Seconds CloudFront waits for a connection; the API reference's default of 10 when
    /// `ConnectionTimeout` is not sent.
    @inlinable
    public var connectionTimeout: Int {
        get { sentConnectionTimeout ?? Self.defaultConnectionTimeout }
        set { sentConnectionTimeout = newValue }
    }

    /// The origin access control; none when `OriginAccessControlId` is not sent.
    @inlinable
    public var originAccessControlId: String {
        get { sentOriginAccessControlId ?? "" }
        set { sentOriginAccessControlId = newValue }
    }

    /// The origin with every member cfc sends by default that is not sent set to what it means
    /// (see `DistributionConfig.withAbsentMembersNormalized`).
    public var withAbsentMembersNormalized: Origin {
        var origin = self
        origin.originPath = originPath
        origin.customHeaders = customHeaders
        if var custom = origin.customOriginConfig {
            custom.originReadTimeout = custom.originReadTimeout
            custom.originKeepaliveTimeout = custom.originKeepaliveTimeout
            origin.customOriginConfig = custom
        }
        origin.connectionAttempts = connectionAttempts
        origin.connectionTimeout = connectionTimeout
        origin.originShield = originShield
        origin.originAccessControlId = originAccessControlId
        return origin
    }

    /// The custom headers; none when `CustomHeaders` is not sent.
    @inlinable
    public var customHeaders: [OriginCustomHeader] {
        get { sentCustomHeaders ?? [] }
        set { sentCustomHeaders = newValue }
    }

    /// Origin Shield; off when `OriginShield` is not sent.
    @inlinable
    public var originShield: OriginShield {
        get { sentOriginShield ?? OriginShield() }
        set { sentOriginShield = newValue }
    }
}

/// `OriginCustomHeader`, written as one entry of the `custom-headers:` mapping.
///
/// ```yaml
/// custom-headers: {X-Origin-Verify: s3cr3t}
/// ```
extension DistributionConfig {
    /// Whether the config holds a value AWS's service model marks sensitive (an origin's custom
    /// header value, typed `sensitiveStringType`): its documents are then written readable by
    /// their owner only.
    public var holdsSensitiveValues: Bool {
        origins.contains { !$0.customHeaders.isEmpty }
    }

    /// The values AWS's service model marks sensitive (origins' custom header values), which
    /// no output but the API documents may show.
    public var sensitiveValues: [String] {
        origins.flatMap { $0.customHeaders.map(\.headerValue) }
    }
}

public struct OriginCustomHeader: Equatable, Hashable, Sendable {
    /// `HeaderName`.
    public var headerName: String = ""
    /// `HeaderValue`.
    public var headerValue: String = ""

    /// Creates a header.
    public init(headerName: String = "", headerValue: String = "") {
        self.headerName = headerName
        self.headerValue = headerValue
    }
}

/// `S3OriginConfig`.
///
/// ```yaml
/// s3-origin-config: {origin-access-identity: origin-access-identity/cloudfront/E127EXAMPLE51Z}
/// ```
public struct S3OriginConfig: Equatable, Hashable, Sendable {
    /// `OriginAccessIdentity`: empty when origin access control (or nothing) is used.
    public var originAccessIdentity: String = ""
    /// `OriginReadTimeout`: seconds.
    public var originReadTimeout: Int? = nil

    /// Creates a config without an origin access identity.
    public init() {}
}

/// `CustomOriginConfig`: a web server, load balancer, or S3 website endpoint.
///
/// ```yaml
/// custom-origin-config: {origin-protocol-policy: https-only, origin-ssl-protocols: [TLSv1.2]}
/// ```
public struct CustomOriginConfig: Equatable, Hashable, Sendable {
    /// `HTTPPort`.
    public var httpPort: Int = 80
    /// `HTTPSPort`.
    public var httpsPort: Int = 443
    /// `OriginProtocolPolicy`.
    public var originProtocolPolicy: OriginProtocolPolicy = .httpsOnly
    /// `OriginSslProtocols`, or nil when the member is not sent (CloudFront then applies a
    /// default of its own, which the API reference does not name, so no plain-named field
    /// claims one).
    public var sentOriginSSLProtocols: [SSLProtocol]? = [.tlsV1_2]
    /// `OriginReadTimeout` (seconds, 1 to 180; 60 without a quota increase), or nil when the
    /// member is not sent.
    public var sentOriginReadTimeout: Int? = CustomOriginConfig.defaultOriginReadTimeout
    /// `OriginKeepaliveTimeout` (seconds, 1 to 180; 60 without a quota increase), or nil when
    /// the member is not sent.
    public var sentOriginKeepaliveTimeout: Int? = CustomOriginConfig.defaultOriginKeepaliveTimeout
    /// `IpAddressType`.
    public var ipAddressType: IPAddressType? = nil
    /// `OriginMtlsConfig`: the client certificate CloudFront presents to the origin.
    public var originMTLSConfig: OriginMTLSConfig? = nil

    /// `OriginReadTimeout` when not sent, in seconds (the API reference's default).
    public static let defaultOriginReadTimeout = 30
    /// `OriginKeepaliveTimeout` when not sent, in seconds (the API reference's default).
    public static let defaultOriginKeepaliveTimeout = 5

    /// Creates a config with cfc's defaults (HTTPS only, TLSv1.2, ports 80/443).
    public init() {}

    /// Seconds CloudFront waits for a response; the API reference's default of 30 when
    /// `OriginReadTimeout` is not sent.
    @inlinable
    public var originReadTimeout: Int {
        get { sentOriginReadTimeout ?? Self.defaultOriginReadTimeout }
        set { sentOriginReadTimeout = newValue }
    }

    /// Seconds CloudFront keeps an idle connection open; the API reference's default of 5 when
    /// `OriginKeepaliveTimeout` is not sent.
    @inlinable
    public var originKeepaliveTimeout: Int {
        get { sentOriginKeepaliveTimeout ?? Self.defaultOriginKeepaliveTimeout }
        set { sentOriginKeepaliveTimeout = newValue }
    }
}

/// `OriginMtlsConfig`.
public struct OriginMTLSConfig: Equatable, Hashable, Sendable {
    /// `ClientCertificateArn`.
    public var clientCertificateArn: String = ""

    /// Creates a config with no certificate.
    public init() {}
}

/// `VpcOriginConfig`.
///
/// ```yaml
/// vpc-origin-config: {vpc-origin-id: vo_abc123, owner-account-id: "111122223333"}
/// ```
public struct VPCOriginConfig: Equatable, Hashable, Sendable {
    /// `VpcOriginId`.
    public var vpcOriginId: String = ""
    /// `OwnerAccountId`.
    public var ownerAccountId: String? = nil
    /// `OriginReadTimeout`: seconds.
    public var originReadTimeout: Int? = nil
    /// `OriginKeepaliveTimeout`: seconds.
    public var originKeepaliveTimeout: Int? = nil

    /// Creates a config with no VPC origin.
    public init() {}
}

/// `OriginShield`.
///
/// ```yaml
/// origin-shield: {enabled: true, origin-shield-region: us-east-1}
/// ```
public struct OriginShield: Equatable, Hashable, Sendable {
    /// `Enabled`.
    public var enabled: Bool = false
    /// `OriginShieldRegion`.
    public var originShieldRegion: String? = nil

    /// Creates a disabled Origin Shield.
    public init() {}
}

/// `OriginGroup`: a primary and a secondary origin with failover.
///
/// ```yaml
/// origin-groups:
///   site:
///     members: [primary, secondary]
///     failover-criteria: {status-codes: [500, 502, 503, 504]}
/// ```
public struct OriginGroup: Equatable, Hashable, Sendable {
    /// `Id`.
    public var id: String = ""
    /// `FailoverCriteria`.
    public var failoverCriteria: FailoverCriteria = FailoverCriteria()
    /// `Members`: origin ids, primary first.
    public var members: [String] = []
    /// `SelectionCriteria`.
    public var selectionCriteria: OriginGroupSelectionCriteria? = nil

    /// Creates an empty group.
    public init() {}
}

/// `OriginGroupFailoverCriteria`: the origin status codes that make CloudFront try the next member.
public struct FailoverCriteria: Equatable, Hashable, Sendable {
    /// `StatusCodes`.
    public var statusCodes: [Int] = []

    /// Creates criteria with no status codes.
    public init() {}
}
