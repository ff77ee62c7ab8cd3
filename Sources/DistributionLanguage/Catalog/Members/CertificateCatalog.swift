import DistributionIR

extension ViewerCertificate: CatalogStructure {
    public static var blank: ViewerCertificate { ViewerCertificate() }

    public static let catalog = Catalog<ViewerCertificate>(
        "viewer certificate",
        [
            .omittable(
                "cloudfront-default-certificate", \.sentCloudFrontDefaultCertificate,
                api: "CloudFrontDefaultCertificate", BooleanCodec(),
                default: { $0.usesCloudFrontDefault },
                defaultDescription: "`true` without `acm-certificate-arn` or `iam-certificate-id`, else `false`",
                "Whether to use the `*.cloudfront.net` certificate; only for distributions without aliases. Default: `true` when no ACM or IAM certificate is given."
            ),
            .optional(
                "iam-certificate-id", \.iamCertificateId, api: "IAMCertificateId", StringCodec(),
                "The id of a certificate in IAM (prefer ACM)."),
            .optional(
                "acm-certificate-arn", \.acmCertificateArn, api: "ACMCertificateArn", StringCodec(),
                "The ARN of an ACM certificate in us-east-1 that covers every alias."),
            .optional(
                "ssl-support-method", \.sslSupportMethod, api: "SSLSupportMethod", EnumCodec<SSLSupportMethod>(),
                "How HTTPS is served for your certificate: `sni-only` (every modern client), `vip` (dedicated IPs, monthly fee) or `static-ip`."
            ),
            .omittable(
                "minimum-protocol-version", \.sentMinimumProtocolVersion, api: "MinimumProtocolVersion",
                EnumCodec<MinimumProtocolVersion>(),
                default: { ViewerCertificate.sentDefaultMinimumProtocolVersion(usesCloudFrontDefault: $0.usesCloudFrontDefault) },
                defaultDescription: "`TLSv1.2_2021` with your certificate; not sent with the CloudFront certificate",
                "The oldest TLS version and ciphers viewers may use. Default: `TLSv1.2_2021` with your certificate; with its own, CloudFront applies `TLSv1` whatever is sent, so none is sent unless written."
            ),
            .optional(
                "certificate", \.certificate, api: "Certificate", StringCodec(),
                "Deprecated: the certificate, as CloudFront reports it. Use `acm-certificate-arn` or `iam-certificate-id`."),
            .optional(
                "certificate-source", \.certificateSource, api: "CertificateSource", EnumCodec<CertificateSource>(),
                "Deprecated: where the certificate comes from, as CloudFront reports it."),
        ])
}

extension ViewerMTLSConfig: CatalogStructure {
    public static var blank: ViewerMTLSConfig { ViewerMTLSConfig() }

    public static let catalog = Catalog<ViewerMTLSConfig>(
        "viewer mTLS config",
        [
            .optional(
                "mode", \.mode, api: "Mode", EnumCodec<ViewerMTLSMode>(),
                "`required`, `optional` or `passthrough` client certificates."),
            .optional(
                "trust-store-config", \.trustStoreConfig, api: "TrustStoreConfig", StructureCodec<TrustStoreConfig>(),
                "The trust store that validates client certificates."),
        ])
}

extension TrustStoreConfig: CatalogStructure {
    public static var blank: TrustStoreConfig { TrustStoreConfig() }

    public static let catalog = Catalog<TrustStoreConfig>(
        "trust store config",
        [
            .value(
                "trust-store-id", \.trustStoreId, api: "TrustStoreId", StringCodec(), required: true,
                "The trust store's id."),
            .optional(
                "advertise-trust-store-ca-names", \.advertiseTrustStoreCaNames, api: "AdvertiseTrustStoreCaNames",
                BooleanCodec(), "Whether CloudFront sends the trust store's CA names to viewers."),
            .optional(
                "ignore-certificate-expiry", \.ignoreCertificateExpiry, api: "IgnoreCertificateExpiry",
                BooleanCodec(), "Whether expired client certificates are accepted."),
        ])
}
