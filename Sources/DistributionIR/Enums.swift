// The enumerated values of the CloudFront API (2020-05-31). Each case's raw value is the API's
// own string, so YAML, JSON and XML all spell values exactly as AWS's documentation does. A test
// checks every enum against botocore's service model.

/// How viewers may reach a cache behavior: `ViewerProtocolPolicy`.
public enum ViewerProtocolPolicy: String, CaseIterable, Hashable, Sendable {
    /// HTTP and HTTPS are both served.
    case allowAll = "allow-all"
    /// HTTP requests get 403 Forbidden.
    case httpsOnly = "https-only"
    /// HTTP GET/HEAD get a 301 to HTTPS; other methods a 307 (403 below HTTP/1.1).
    case redirectToHTTPS = "redirect-to-https"
}

/// How CloudFront connects to a custom origin: `OriginProtocolPolicy`.
public enum OriginProtocolPolicy: String, CaseIterable, Hashable, Sendable {
    /// Always HTTP.
    case httpOnly = "http-only"
    /// The protocol the viewer used.
    case matchViewer = "match-viewer"
    /// Always HTTPS.
    case httpsOnly = "https-only"
}

/// A TLS version CloudFront may use towards an origin: `SslProtocol`.
public enum SSLProtocol: String, CaseIterable, Hashable, Sendable {
    case sslV3 = "SSLv3"
    case tlsV1 = "TLSv1"
    case tlsV1_1 = "TLSv1.1"
    case tlsV1_2 = "TLSv1.2"
}

/// Which IP versions CloudFront uses towards a custom origin: `IpAddressType`.
public enum IPAddressType: String, CaseIterable, Hashable, Sendable {
    case ipv4
    case ipv6
    case dualstack
}

/// How an origin group picks its origin: `OriginGroupSelectionCriteria`.
public enum OriginGroupSelectionCriteria: String, CaseIterable, Hashable, Sendable {
    /// Primary first, failover on the configured status codes.
    case `default` = "default"
    /// By media quality score (MediaPackage v2 origins).
    case mediaQualityBased = "media-quality-based"
}

/// An HTTP method in `AllowedMethods`/`CachedMethods`: `Method`.
public enum HTTPMethod: String, CaseIterable, Hashable, Sendable, Comparable {
    case get = "GET"
    case head = "HEAD"
    case post = "POST"
    case put = "PUT"
    case patch = "PATCH"
    case options = "OPTIONS"
    case delete = "DELETE"

    /// Whether the method usually carries a body, which a redirect would have to re-send.
    ///
    /// `OPTIONS` does not: the OPTIONS a browser sends is a CORS preflight, which has no body, so
    /// redirecting it costs a round trip but re-sends nothing.
    public var carriesBody: Bool {
        switch self {
        case .get, .head, .options: false
        default: true
        }
    }

    private var rank: Int {
        switch self {
        case .get: 0
        case .head: 1
        case .post: 2
        case .put: 3
        case .patch: 4
        case .options: 5
        case .delete: 6
        }
    }
    public static func < (lhs: HTTPMethod, rhs: HTTPMethod) -> Bool { lhs.rank < rhs.rank }

    /// A set of methods as a bit mask, for cheap set comparisons. (An array, not any sequence:
    /// the generic version was not specialized across modules and cost a thousand
    /// instructions a call, on every behavior.)
    public static func mask(_ methods: [HTTPMethod]) -> UInt8 {
        var mask: UInt8 = 0
        for method in methods { mask |= 1 << UInt8(method.rank) }
        return mask
    }
}

/// When a Lambda@Edge function or CloudFront Function runs: `EventType`.
public enum EventType: String, CaseIterable, Hashable, Sendable {
    case viewerRequest = "viewer-request"
    case viewerResponse = "viewer-response"
    case originRequest = "origin-request"
    case originResponse = "origin-response"
}

/// Which cookies legacy `forwarded-values` forward: `ItemSelection`.
public enum ItemSelection: String, CaseIterable, Hashable, Sendable {
    case none
    case whitelist
    case all
}

/// Which edge locations serve the distribution: `PriceClass`.
public enum PriceClass: String, CaseIterable, Hashable, Sendable {
    case priceClass100 = "PriceClass_100"
    case priceClass200 = "PriceClass_200"
    case priceClassAll = "PriceClass_All"
    case none = "None"
}

/// How CloudFront serves HTTPS for a custom certificate: `SSLSupportMethod`.
public enum SSLSupportMethod: String, CaseIterable, Hashable, Sendable {
    /// Server Name Indication: what every modern client supports.
    case sniOnly = "sni-only"
    /// A dedicated IP address per edge location (monthly fee).
    case vip
    /// Static IPs (needs AWS to enable it).
    case staticIP = "static-ip"
}

/// The oldest TLS version and cipher set viewers may use: `MinimumProtocolVersion`.
public enum MinimumProtocolVersion: String, CaseIterable, Hashable, Sendable {
    case sslV3 = "SSLv3"
    case tlsV1 = "TLSv1"
    case tlsV1_2016 = "TLSv1_2016"
    case tlsV1_1_2016 = "TLSv1.1_2016"
    case tlsV1_2_2018 = "TLSv1.2_2018"
    case tlsV1_2_2019 = "TLSv1.2_2019"
    case tlsV1_2_2021 = "TLSv1.2_2021"
    case tlsV1_3_2025 = "TLSv1.3_2025"
    case tlsV1_2_2025 = "TLSv1.2_2025"
}

/// Deprecated description of where the certificate comes from: `CertificateSource`.
public enum CertificateSource: String, CaseIterable, Hashable, Sendable {
    case cloudfront
    case iam
    case acm
}

/// Whether a geographic restriction allows or blocks its countries: `GeoRestrictionType`.
public enum GeoRestrictionType: String, CaseIterable, Hashable, Sendable {
    /// The listed countries are blocked.
    case blacklist
    /// Only the listed countries are served.
    case whitelist
    /// No restriction.
    case none
}

/// The highest HTTP version viewers may use: `HttpVersion`.
public enum HTTPVersion: String, CaseIterable, Hashable, Sendable {
    case http1_1 = "http1.1"
    case http2
    case http3
    case http2and3
}

/// Whether a distribution serves directly or only through tenants: `ConnectionMode`.
public enum ConnectionMode: String, CaseIterable, Hashable, Sendable {
    case direct
    case tenantOnly = "tenant-only"
}

/// How viewers present client certificates: `ViewerMtlsMode`.
public enum ViewerMTLSMode: String, CaseIterable, Hashable, Sendable {
    case required
    case optional
    case passthrough
}
