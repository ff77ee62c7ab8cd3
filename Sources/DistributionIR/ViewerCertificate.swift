/// `ViewerCertificate`: how CloudFront serves HTTPS to viewers.
///
/// ```yaml
/// viewer-certificate:
///   acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/…
///   ssl-support-method: sni-only
///   minimum-protocol-version: TLSv1.2_2021
/// ```
public struct ViewerCertificate: Equatable, Hashable, Sendable, Codable {
    /// `CloudFrontDefaultCertificate`: the `*.cloudfront.net` certificate.
    public var cloudFrontDefaultCertificate: Bool? = nil
    /// `IAMCertificateId`.
    public var iamCertificateId: String? = nil
    /// `ACMCertificateArn`.
    public var acmCertificateArn: String? = nil
    /// `SSLSupportMethod`.
    public var sslSupportMethod: SSLSupportMethod? = nil
    /// `MinimumProtocolVersion`.
    public var minimumProtocolVersion: MinimumProtocolVersion? = nil
    /// `Certificate` (deprecated).
    public var certificate: String? = nil
    /// `CertificateSource` (deprecated).
    public var certificateSource: CertificateSource? = nil

    /// Creates a certificate config with nothing set.
    public init() {}

    /// The CloudFront default certificate, as CloudFront reports it (it forces `TLSv1`).
    public static var cloudFrontDefault: ViewerCertificate {
        var certificate = ViewerCertificate()
        certificate.cloudFrontDefaultCertificate = true
        certificate.minimumProtocolVersion = .tlsV1
        return certificate
    }

    /// Whether this is the CloudFront default certificate rather than one of yours.
    public var usesCloudFrontDefault: Bool {
        acmCertificateArn == nil && iamCertificateId == nil
    }
}

/// `ViewerMtlsConfig`: mutual TLS towards viewers.
///
/// ```yaml
/// viewer-mtls-config: {mode: required, trust-store-config: {trust-store-id: ts-123}}
/// ```
public struct ViewerMTLSConfig: Equatable, Hashable, Sendable, Codable {
    /// `Mode`.
    public var mode: ViewerMTLSMode? = nil
    /// `TrustStoreConfig`.
    public var trustStoreConfig: TrustStoreConfig? = nil

    /// Creates an empty config.
    public init() {}
}

/// `TrustStoreConfig`.
public struct TrustStoreConfig: Equatable, Hashable, Sendable, Codable {
    /// `TrustStoreId`.
    public var trustStoreId: String = ""
    /// `AdvertiseTrustStoreCaNames`.
    public var advertiseTrustStoreCaNames: Bool? = nil
    /// `IgnoreCertificateExpiry`.
    public var ignoreCertificateExpiry: Bool? = nil

    /// Creates a config with no trust store.
    public init() {}
}
