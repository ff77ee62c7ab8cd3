import DistributionIR
import YAMLSyntax

extension Origin: CatalogStructure {
    public static var blank: Origin { Origin() }

    public static let catalog = Catalog<Origin>(
        "origin",
        [
            .value(nil, \.id, api: "Id", StringCodec(), "The origin's id: its key in the `origins:` mapping."),
            .value(
                "domain-name", \.domainName, api: "DomainName", StringCodec(), required: true,
                "The origin's DNS name: an S3 bucket endpoint, a load balancer, or any web server."),
            .omittable(
                "origin-path", \.sentOriginPath, api: "OriginPath", StringCodec(),
                "A directory at the origin that CloudFront prefixes to every request path, such as `/production` (leading `/`, no trailing `/`)."
            ),
            .omittable(
                "custom-headers", \.sentCustomHeaders, api: "CustomHeaders",
                KeyedListCodec<OriginCustomHeader>(
                    "OriginCustomHeader", key: \.headerName, keyDescription: "header name",
                    entry: .sensitiveScalar(\.headerValue)),
                "Headers CloudFront adds to every request it sends to the origin: a mapping from header name to value. The values are sensitive (AWS's model marks them so: one is often a secret the origin checks): `diff`, `plan` and `drift` show them as `(sensitive value)`."
            ),
            .optional(
                "s3-origin-config", \.s3OriginConfig, api: "S3OriginConfig", StructureCodec<S3OriginConfig>(),
                "Settings for an S3 REST endpoint origin. Implied (with no origin access identity) when the domain name is an S3 REST endpoint and no other origin type is written."
            ),
            .optional(
                "custom-origin-config", \.customOriginConfig, api: "CustomOriginConfig",
                StructureCodec<CustomOriginConfig>(),
                "Settings for any other origin: a web server, a load balancer, or an S3 website endpoint."),
            .optional(
                "vpc-origin-config", \.vpcOriginConfig, api: "VpcOriginConfig", StructureCodec<VPCOriginConfig>(),
                "Settings for an origin in a private VPC subnet."),
            .omittable(
                "connection-attempts", \.sentConnectionAttempts, api: "ConnectionAttempts", IntegerCodec<Int>(1...3),
                "How many times CloudFront tries to connect to the origin. Default: `3`."),
            .omittable(
                "connection-timeout", \.sentConnectionTimeout, api: "ConnectionTimeout", IntegerCodec<Int>(1...10),
                "Seconds CloudFront waits for a connection to the origin. Default: `10`."),
            .optional(
                "response-completion-timeout", \.responseCompletionTimeout, api: "ResponseCompletionTimeout",
                IntegerCodec<Int>(1...Int64(Int32.max)),
                "Seconds a request to the origin may take in all, retries included."),
            .omittable(
                "origin-shield", \.sentOriginShield, api: "OriginShield", StructureCodec<OriginShield>(),
                "An extra caching layer in front of the origin. Default: off."),
            .omittable(
                "origin-access-control-id", \.sentOriginAccessControlId, api: "OriginAccessControlId", StringCodec(),
                "The origin access control that signs requests to an S3 (or other AWS) origin, by id."),
            .companionName(
                .originAccessControl, key: "origin-access-control", \.sentOriginAccessControlId,
                "cfc's own key, not sent: the origin access control by its name under `origin-access-controls:`; sets `OriginAccessControlId` to its id once it exists."
            ),
        ])

    /// An origin needs exactly one origin type; an S3 REST endpoint without one gets an S3
    /// origin config with no origin access identity.
    public static func applyContextualDefaults(_ value: inout Origin) {
        if value.s3OriginConfig == nil, value.customOriginConfig == nil, value.vpcOriginConfig == nil,
            OriginDomains.isS3RESTEndpoint(value.domainName)
        {
            value.s3OriginConfig = S3OriginConfig()
        }
    }

    public static func validate(_ value: Origin, node: YAMLNode, _ context: inout LoweringContext) {
        if let name = node.value(forKey: "origin-access-control"), let id = node.value(forKey: "origin-access-control-id"),
            !name.isNull, !id.isNull
        {
            context.emit(
                LanguageMessages.namedTwice(
                    noun: "origin access control", nameKey: "origin-access-control",
                    idKey: "origin-access-control-id", name: name, id: id))
        }
        let types = [
            value.s3OriginConfig == nil ? nil : "s3-origin-config",
            value.customOriginConfig == nil ? nil : "custom-origin-config",
            value.vpcOriginConfig == nil ? nil : "vpc-origin-config",
        ].compactMap { $0 }
        if types.count > 1 {
            context.emit(LanguageMessages.severalOriginTypes(types, at: node))
        } else if types.isEmpty, !value.domainName.isEmpty, !OriginDomains.isS3RESTEndpoint(value.domainName) {
            context.emit(LanguageMessages.missingOriginType(at: node))
        }
    }
}

extension OriginCustomHeader: CatalogStructure {
    public static var blank: OriginCustomHeader { OriginCustomHeader() }

    public static let catalog = Catalog<OriginCustomHeader>(
        "origin custom header",
        [
            .value(nil, \.headerName, api: "HeaderName", StringCodec(), "The header's name: its key in `custom-headers:`."),
            .value(nil, \.headerValue, api: "HeaderValue", StringCodec(), "The header's value."),
        ])
}

extension S3OriginConfig: CatalogStructure {
    public static var blank: S3OriginConfig { S3OriginConfig() }

    public static let catalog = Catalog<S3OriginConfig>(
        "S3 origin config",
        [
            .value(
                "origin-access-identity", \.originAccessIdentity, api: "OriginAccessIdentity", StringCodec(),
                "A legacy origin access identity, as `origin-access-identity/cloudfront/ID`; empty when origin access control is used. Default: empty."
            ),
            .optional(
                "origin-read-timeout", \.originReadTimeout, api: "OriginReadTimeout", IntegerCodec<Int>(1...180),
                "Seconds CloudFront waits for a response from the bucket."),
        ])
}

extension CustomOriginConfig: CatalogStructure {
    public static var blank: CustomOriginConfig { CustomOriginConfig() }

    public static let catalog = Catalog<CustomOriginConfig>(
        "custom origin config",
        [
            .value(
                "http-port", \.httpPort, api: "HTTPPort", IntegerCodec<Int>(1...65535),
                "The port CloudFront uses for HTTP to the origin: 80, 443, or 1024–65535. Default: `80`."),
            .value(
                "https-port", \.httpsPort, api: "HTTPSPort", IntegerCodec<Int>(1...65535),
                "The port CloudFront uses for HTTPS to the origin: 80, 443, or 1024–65535. Default: `443`."),
            .value(
                "origin-protocol-policy", \.originProtocolPolicy, api: "OriginProtocolPolicy",
                EnumCodec<OriginProtocolPolicy>(), required: true,
                "How CloudFront connects to the origin: `http-only`, `https-only`, or `match-viewer` (the viewer's protocol)."),
            .omittable(
                "origin-ssl-protocols", \.sentOriginSSLProtocols, api: "OriginSslProtocols",
                ListCodec("SslProtocol", EnumCodec<SSLProtocol>(), wrapper: .quantityItems(itemsRequired: true)),
                "The TLS versions CloudFront may use with the origin. Default: `[TLSv1.2]`."),
            .omittable(
                "origin-read-timeout", \.sentOriginReadTimeout, api: "OriginReadTimeout", IntegerCodec<Int>(1...180),
                "Seconds CloudFront waits for a response (and between packets). Default: `30`; above 60 needs a quota increase."),
            .omittable(
                "origin-keepalive-timeout", \.sentOriginKeepaliveTimeout, api: "OriginKeepaliveTimeout",
                IntegerCodec<Int>(1...180),
                "Seconds CloudFront keeps an idle connection to the origin open. Default: `5`; above 60 needs a quota increase."),
            .optional(
                "ip-address-type", \.ipAddressType, api: "IpAddressType", EnumCodec<IPAddressType>(),
                "Which IP versions CloudFront uses to reach the origin."),
            .optional(
                "origin-mtls-config", \.originMTLSConfig, api: "OriginMtlsConfig", StructureCodec<OriginMTLSConfig>(),
                "The client certificate CloudFront presents to the origin (mutual TLS)."),
        ])
}

extension OriginMTLSConfig: CatalogStructure {
    public static var blank: OriginMTLSConfig { OriginMTLSConfig() }

    public static let catalog = Catalog<OriginMTLSConfig>(
        "origin mTLS config",
        [
            .value(
                "client-certificate-arn", \.clientCertificateArn, api: "ClientCertificateArn", StringCodec(),
                required: true, "The ACM certificate CloudFront presents to the origin.")
        ])
}

extension VPCOriginConfig: CatalogStructure {
    public static var blank: VPCOriginConfig { VPCOriginConfig() }

    public static let catalog = Catalog<VPCOriginConfig>(
        "VPC origin config",
        [
            .value("vpc-origin-id", \.vpcOriginId, api: "VpcOriginId", StringCodec(), required: true, "The VPC origin's id."),
            .optional(
                "owner-account-id", \.ownerAccountId, api: "OwnerAccountId", StringCodec(),
                "The account that owns the VPC origin, when it is shared from another account."),
            .optional(
                "origin-read-timeout", \.originReadTimeout, api: "OriginReadTimeout", IntegerCodec<Int>(1...180),
                "Seconds CloudFront waits for a response."),
            .optional(
                "origin-keepalive-timeout", \.originKeepaliveTimeout, api: "OriginKeepaliveTimeout",
                IntegerCodec<Int>(1...180), "Seconds CloudFront keeps an idle connection open."),
        ])
}

extension OriginShield: CatalogStructure {
    public static var blank: OriginShield {
        var shield = OriginShield()
        shield.enabled = true
        return shield
    }

    public static let catalog = Catalog<OriginShield>(
        "origin shield",
        [
            .value(
                "enabled", \.enabled, api: "Enabled", BooleanCodec(),
                "Whether Origin Shield is on. Default: `true` when an `origin-shield:` block is present."),
            .optional(
                "origin-shield-region", \.originShieldRegion, api: "OriginShieldRegion", StringCodec(),
                "The AWS Region of the Origin Shield, such as `us-east-1`: pick the one closest to the origin."),
        ])
}

extension OriginGroup: CatalogStructure {
    public static var blank: OriginGroup { OriginGroup() }

    public static let catalog = Catalog<OriginGroup>(
        "origin group",
        [
            .value(nil, \.id, api: "Id", StringCodec(), "The group's id: its key in the `origin-groups:` mapping."),
            .value(
                "failover-criteria", \.failoverCriteria, api: "FailoverCriteria", StructureCodec<FailoverCriteria>(),
                required: true, "When CloudFront fails over from the primary origin to the secondary."),
            .value(
                "members", \.members, api: "Members",
                ListCodec(
                    "OriginGroupMember", WrappedStringCodec(memberName: "OriginId"),
                    wrapper: .quantityItems(itemsRequired: true)),
                required: true, "The two origin ids, primary first."),
            .optional(
                "selection-criteria", \.selectionCriteria, api: "SelectionCriteria",
                EnumCodec<OriginGroupSelectionCriteria>(),
                "`default` (failover on status codes) or `media-quality-based`."),
        ])
}

extension FailoverCriteria: CatalogStructure {
    public static var blank: FailoverCriteria { FailoverCriteria() }

    public static let catalog = Catalog<FailoverCriteria>(
        "failover criteria",
        [
            .value(
                "status-codes", \.statusCodes, api: "StatusCodes",
                ListCodec("StatusCode", IntegerCodec<Int>(400...599), wrapper: .quantityItems(itemsRequired: true)),
                required: true, "The origin status codes that trigger failover, such as `[500, 502, 503, 504]`.")
        ])
}
