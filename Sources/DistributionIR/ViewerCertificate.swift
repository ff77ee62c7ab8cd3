/// `ViewerCertificate`: how CloudFront serves HTTPS to viewers.
///
/// ```yaml
/// viewer-certificate:
///   acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/…
///   ssl-support-method: sni-only
///   minimum-protocol-version: TLSv1.2_2021
/// ```
public struct ViewerCertificate: Equatable, Hashable, Sendable {
    /// `CloudFrontDefaultCertificate` (the `*.cloudfront.net` certificate), or nil when the
    /// member is not sent.
    public var sentCloudFrontDefaultCertificate: Bool? = nil
    /// `IAMCertificateId`.
    public var iamCertificateId: String? = nil
    /// `ACMCertificateArn`.
    public var acmCertificateArn: String? = nil
    /// `SSLSupportMethod`.
    public var sslSupportMethod: SSLSupportMethod? = nil
    /// `MinimumProtocolVersion`, or nil when the member is not sent.
    public var sentMinimumProtocolVersion: MinimumProtocolVersion? = nil
    /// `Certificate` (deprecated).
    public var certificate: String? = nil
    /// `CertificateSource` (deprecated).
    public var certificateSource: CertificateSource? = nil

    /// Creates a certificate config with nothing set.
    public init() {}

    /// The CloudFront default certificate, with no security policy: CloudFront serves its own
    /// certificate with its own policy (`TLSv1`) whatever is sent, so cfc sends none unless one
    /// is written, and keeps the one a live config carries (`SSLv3` on older distributions,
    /// `TLSv1.2_2021` on others).
    public static var cloudFrontDefault: ViewerCertificate {
        var certificate = ViewerCertificate()
        certificate.cloudFrontDefaultCertificate = true
        return certificate
    }

    /// Whether this is the CloudFront default certificate rather than one of yours.
    public var usesCloudFrontDefault: Bool {
        acmCertificateArn == nil && iamCertificateId == nil
    }

    // MARK: - What members mean whether sent or not

    /// Whether the `*.cloudfront.net` certificate is used: `CloudFrontDefaultCertificate`, or,
    /// when it is not sent, whether no certificate of yours is given (cfc's default).
    @inlinable
    public var cloudFrontDefaultCertificate: Bool {
        get { sentCloudFrontDefaultCertificate ?? usesCloudFrontDefault }
        set { sentCloudFrontDefaultCertificate = newValue }
    }

    /// The security policy: `MinimumProtocolVersion`, or, when it is not sent, `TLSv1` with the
    /// CloudFront certificate (which the API reference says CloudFront sets whatever is sent)
    /// and cfc's default `TLSv1.2_2021` with yours (the API reference names no default).
    @inlinable
    public var minimumProtocolVersion: MinimumProtocolVersion {
        get { sentMinimumProtocolVersion ?? Self.defaultMinimumProtocolVersion(usesCloudFrontDefault: usesCloudFrontDefault) }
        set { sentMinimumProtocolVersion = newValue }
    }

    /// What `MinimumProtocolVersion` means when none is sent: the policy CloudFront applies to
    /// its own certificate, and cfc's recommended policy with yours.
    public static func defaultMinimumProtocolVersion(usesCloudFrontDefault: Bool) -> MinimumProtocolVersion {
        usesCloudFrontDefault ? .tlsV1 : .tlsV1_2_2021
    }

    /// The `MinimumProtocolVersion` cfc sends when none is written: none with the CloudFront
    /// certificate (which ignores it), the recommended policy with yours.
    public static func sentDefaultMinimumProtocolVersion(usesCloudFrontDefault: Bool) -> MinimumProtocolVersion? {
        usesCloudFrontDefault ? nil : .tlsV1_2_2021
    }

    /// The certificate with every member cfc sends by default that is not sent set to what it
    /// means (see `DistributionConfig.withAbsentMembersNormalized`).
    public var withAbsentMembersNormalized: ViewerCertificate {
        var certificate = self
        certificate.cloudFrontDefaultCertificate = cloudFrontDefaultCertificate
        certificate.minimumProtocolVersion = minimumProtocolVersion
        return certificate
    }
}

/// `ViewerMtlsConfig`: mutual TLS towards viewers.
///
/// ```yaml
/// viewer-mtls-config: {mode: required, trust-store-config: {trust-store-id: ts-123}}
/// ```
public struct ViewerMTLSConfig: Equatable, Hashable, Sendable {
    /// `Mode`.
    public var mode: ViewerMTLSMode? = nil
    /// `TrustStoreConfig`.
    public var trustStoreConfig: TrustStoreConfig? = nil

    /// Creates an empty config.
    public init() {}
}

/// `TrustStoreConfig`.
public struct TrustStoreConfig: Equatable, Hashable, Sendable {
    /// `TrustStoreId`.
    public var trustStoreId: String = ""
    /// `AdvertiseTrustStoreCaNames`.
    public var advertiseTrustStoreCaNames: Bool? = nil
    /// `IgnoreCertificateExpiry`.
    public var ignoreCertificateExpiry: Bool? = nil

    /// Creates a config with no trust store.
    public init() {}
}
