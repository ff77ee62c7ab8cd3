import DistributionIR
import YAMLSyntax

extension Distribution: CatalogStructure {
    public static var blank: Distribution { Distribution(name: "") }

    /// A distribution's keys: the `DistributionConfig` members in the API's order, then cfc's
    /// own policy keys.
    public static let catalog = Catalog<Distribution>(
        "distribution",
        [
            .value(
                "caller-reference", \.config.callerReference, api: "CallerReference", StringCodec(), defaultText: "cfc-NAME",
                fixedAfterCreate: true,
                "A unique value that makes the create request idempotent. Default: `cfc-NAME`, NAME being the distribution's name, so re-running a pipeline never creates a second distribution."
            ),
            .omittable(
                "aliases", \.config.sentAliases, api: "Aliases", ListCodec("CNAME", StringCodec()),
                default: { $0.config.connectionMode == .tenantOnly ? nil : [] },
                defaultDescription: "none (sent as an empty list; not sent for `connection-mode: tenant-only`)",
                "Alternate domain names (CNAMEs) the distribution serves, such as `www.example.com`. Each needs a certificate that covers it. Not for multi-tenant distributions (their tenants have the domains)."
            ),
            .omittable(
                "default-root-object", \.config.sentDefaultRootObject, api: "DefaultRootObject", StringCodec(),
                "The object CloudFront returns for a request to the root URL (`index.html`), without a leading `/`."),
            .value(
                "origins", \.config.origins, api: "Origins",
                KeyedListCodec<Origin>("Origin", key: \.id, keyDescription: "origin id", itemsRequired: true),
                required: true, "Where CloudFront gets content: a mapping from origin id to origin."),
            .omittable(
                "origin-groups", \.config.sentOriginGroups, api: "OriginGroups",
                KeyedListCodec<OriginGroup>("OriginGroup", key: \.id, keyDescription: "origin group id"),
                "Pairs of origins with failover: a mapping from origin group id to group."),
            .value(
                "default-cache-behavior", \.config.defaultCacheBehavior, api: "DefaultCacheBehavior",
                StructureCodec<CacheBehavior>(excluding: ["path-pattern"]), required: true,
                "The behavior for every request that no cache behavior matches."),
            .omittable(
                "cache-behaviors", \.config.sentCacheBehaviors, api: "CacheBehaviors",
                ListCodec("CacheBehavior", StructureCodec<CacheBehavior>()),
                "Behaviors for specific path patterns, in the order CloudFront evaluates them: the first match wins."),
            .omittable(
                "custom-error-responses", \.config.sentCustomErrorResponses, api: "CustomErrorResponses",
                ListCodec("CustomErrorResponse", StructureCodec<CustomErrorResponse>()),
                "Custom error pages and error caching times per HTTP status code."),
            .value(
                "comment", \.config.comment, api: "Comment", StringCodec(),
                "A description of the distribution, at most 128 characters."),
            .omittable(
                "logging", \.config.sentLogging, api: "Logging", StructureCodec<LoggingConfig>(),
                "Standard (access) logs to an S3 bucket. Absent: logging is off (sent as a disabled `Logging`)."),
            .omittable(
                "price-class", \.config.sentPriceClass, api: "PriceClass", EnumCodec<PriceClass>(),
                default: { $0.config.connectionMode == .tenantOnly ? nil : .priceClassAll },
                defaultDescription: "`PriceClass_All` (not sent for `connection-mode: tenant-only`)",
                "Which edge locations serve the distribution, by price. Default: `PriceClass_All`. Not for multi-tenant distributions."),
            .value(
                "enabled", \.config.enabled, api: "Enabled", BooleanCodec(),
                "Whether the distribution accepts requests. Default: `true`."),
            .omittable(
                "viewer-certificate", \.config.sentViewerCertificate, api: "ViewerCertificate",
                StructureCodec<ViewerCertificate>(), defaultText: "{cloudfront-default-certificate: true}",
                "The certificate viewers see for HTTPS. Default: the CloudFront certificate for `*.cloudfront.net`."),
            .omittable(
                "restrictions", \.config.sentRestrictions, api: "Restrictions", StructureCodec<Restrictions>(),
                "Geographic restrictions. Default: none."),
            .omittable(
                "web-acl-id", \.config.sentWebACLId, api: "WebACLId", StringCodec(),
                "The AWS WAF web ACL to associate: an ARN for WAFv2, an id for WAF Classic."),
            .omittable(
                "http-version", \.config.sentHTTPVersion, api: "HttpVersion", EnumCodec<HTTPVersion>(),
                "The highest HTTP version viewers may use. Default: `http2`."),
            .omittable(
                "is-ipv6-enabled", \.config.sentIsIPV6Enabled, api: "IsIPV6Enabled", BooleanCodec(),
                default: { $0.config.connectionMode == .tenantOnly ? nil : true },
                defaultDescription: "`true` (not sent for `connection-mode: tenant-only`, whose connection group sets it)",
                "Whether CloudFront answers DNS queries for IPv6 addresses. Default: `true`. Not for multi-tenant distributions (set it on the connection group)."
            ),
            .optional(
                "continuous-deployment-policy-id", \.config.continuousDeploymentPolicyId,
                api: "ContinuousDeploymentPolicyId", StringCodec(),
                "The continuous deployment policy that routes some traffic to a staging distribution, by id."),
            .companionName(
                .continuousDeploymentPolicy, key: "continuous-deployment-policy", \.config.continuousDeploymentPolicyId,
                "cfc's own key, not sent: the policy by its name under `continuous-deployment-policies:`; sets `ContinuousDeploymentPolicyId` to its id once it exists."
            ),
            .optional(
                "staging", \.config.staging, api: "Staging", BooleanCodec(),
                "Whether this is a staging distribution of a continuous deployment."),
            .optional(
                "anycast-ip-list-id", \.config.anycastIPListId, api: "AnycastIpListId", StringCodec(),
                "The Anycast static IP list to serve from."),
            .optional(
                "tenant-config", \.config.tenantConfig, api: "TenantConfig", StructureCodec<TenantConfig>(),
                "The parameters that tenants of a multi-tenant distribution provide."),
            .optional(
                "connection-mode", \.config.connectionMode, api: "ConnectionMode", EnumCodec<ConnectionMode>(),
                "Whether the distribution serves directly (`direct`) or only through its tenants (`tenant-only`)."),
            .optional(
                "viewer-mtls-config", \.config.viewerMTLSConfig, api: "ViewerMtlsConfig",
                StructureCodec<ViewerMTLSConfig>(), "Mutual TLS authentication of viewers."),
            .optional(
                "connection-function-association", \.config.connectionFunctionAssociation,
                api: "ConnectionFunctionAssociation", StructureCodec<ConnectionFunctionAssociation>(),
                "A connection function that runs when a viewer connects."),
            .optional(
                "cache-tag-config", \.config.cacheTagConfig, api: "CacheTagConfig", StructureCodec<CacheTagConfig>(),
                "The origin response header whose value tags cached objects for invalidation by tag."),

            .value(
                "require-https", \.policy.requireHTTPS, api: nil, ListCodec("PathPattern", StringCodec()),
                "cfc policy, not sent: path patterns (or `\"*\"`) whose requests must never be served over plain HTTP by any behavior, the default one included."
            ),
            .value(
                "require-origin-https", \.policy.requireOriginHTTPS, api: nil, BooleanCodec(),
                "cfc policy, not sent: every origin must be reached over HTTPS, so content is encrypted end to end. Default: `false`."),
            .value(
                "ignore", \.policy.ignore, api: nil, ListCodec("RuleId", StringCodec()),
                "cfc policy, not sent: rule ids whose findings are suppressed for this distribution (reported as suppressed in JSON output)."
            ),
            .value(
                "pattern-search-steps", \.policy.patternSearchSteps, api: nil,
                IntegerCodec<Int>(1...1_000_000_000_000),
                "cfc policy, not sent: how many automaton steps the checks of this distribution together may spend deciding questions about the path patterns (overlap, reachability, examples) before they give up and report `ordering.pattern_search_budget`. Default and most: `5000000` (a file can lower it; only `--max-pattern-search-steps` raises the most), and never more than 1,000,000 plus 1,000 per byte of the distribution."
            ),
        ])

    public static func validate(_ value: Distribution, node: YAMLNode, _ context: inout LoweringContext) {
        if let name = node.value(forKey: "continuous-deployment-policy"), let id = node.value(forKey: "continuous-deployment-policy-id"),
            !name.isNull, !id.isNull
        {
            context.emit(
                LanguageMessages.namedTwice(
                    noun: "continuous deployment policy", nameKey: "continuous-deployment-policy",
                    idKey: "continuous-deployment-policy-id", name: name, id: id))
        }
    }

    public static func applyContextualDefaults(_ value: inout Distribution) {
        value.config.defaultCacheBehavior.pathPattern = "*"
        if value.config.callerReference.isEmpty, !value.name.isEmpty {
            value.config.callerReference = "cfc-" + value.name
            value.policy.callerReferenceIsDerived = true
        }
        // A multi-tenant distribution cannot be sent the legacy members the API reserves for
        // standard distributions; those cfc would send as their defaults are left out (a value
        // written is kept, and config.tenant_only_members reports it).
        if value.config.connectionMode == .tenantOnly {
            func leaveOutDefaults(_ behavior: inout CacheBehavior) {
                if behavior.sentTrustedSigners == [] { behavior.sentTrustedSigners = nil }
                if behavior.sentSmoothStreaming == false { behavior.sentSmoothStreaming = nil }
            }
            leaveOutDefaults(&value.config.defaultCacheBehavior)
            if var behaviors = value.config.sentCacheBehaviors {
                for index in behaviors.indices { leaveOutDefaults(&behaviors[index]) }
                value.config.sentCacheBehaviors = behaviors
            }
        }
    }
}

extension CustomErrorResponse: CatalogStructure {
    public static var blank: CustomErrorResponse { CustomErrorResponse() }

    public static let catalog = Catalog<CustomErrorResponse>(
        "custom error response",
        [
            .value(
                "error-code", \.errorCode, api: "ErrorCode", IntegerCodec<Int>(400...599), required: true,
                "The HTTP status code from the origin (4xx or 5xx) this entry applies to."),
            .optional(
                "response-page-path", \.responsePagePath, api: "ResponsePagePath", StringCodec(),
                "The page to return instead, such as `/errors/404.html`; a cache behavior must route it."),
            .optional(
                "response-code", \.responseCode, api: "ResponseCode", StringCodec(),
                "The status code to return to the viewer with the custom page (a string in the API; `200` turns errors into successes)."),
            .omittable(
                "error-caching-min-ttl", \.sentErrorCachingMinTTL, api: "ErrorCachingMinTTL", IntegerCodec<Int64>(0...Int64.max),
                "How long, in seconds, CloudFront caches the error before asking the origin again. Default: `10`."),
        ])

}

extension LoggingConfig: CatalogStructure {
    public static var blank: LoggingConfig { LoggingConfig() }

    public static let catalog = Catalog<LoggingConfig>(
        "logging config",
        [
            .omittable(
                "enabled", \.sentEnabled, api: "Enabled", BooleanCodec(),
                "Whether standard logs are written. Default: `true` when a `logging:` block is present."),
            .omittable(
                "include-cookies", \.sentIncludeCookies, api: "IncludeCookies", BooleanCodec(),
                "Whether logs include cookies. Default: `false`."),
            .omittable(
                "bucket", \.sentBucket, api: "Bucket", StringCodec(),
                "The log bucket, as `bucket-name.s3.amazonaws.com`."),
            .omittable(
                "prefix", \.sentPrefix, api: "Prefix", StringCodec(),
                "A prefix for log file names, such as `www/`."),
        ])
}

extension Restrictions: CatalogStructure {
    public static var blank: Restrictions { Restrictions() }

    public static let catalog = Catalog<Restrictions>(
        "restrictions",
        [
            .value(
                "geo-restriction", \.geoRestriction, api: "GeoRestriction", StructureCodec<GeoRestriction>(), required: true,
                "Which countries may or may not be served.")
        ])
}

extension GeoRestriction: CatalogStructure {
    public static var blank: GeoRestriction { GeoRestriction() }

    public static let catalog = Catalog<GeoRestriction>(
        "geo restriction",
        [
            .value(
                "restriction-type", \.restrictionType, api: "RestrictionType", EnumCodec<GeoRestrictionType>(),
                required: true,
                "`whitelist` serves only the listed countries, `blacklist` serves all but them, `none` serves everyone."),
            .inlineList(
                "locations", \.locations, itemName: "Location", StringCodec(),
                "ISO 3166-1 alpha-2 country codes, such as `US` (the API's `Items`)."),
        ])
}

extension TenantConfig: CatalogStructure {
    public static var blank: TenantConfig { TenantConfig() }

    public static let catalog = Catalog<TenantConfig>(
        "tenant config",
        [
            .omittable(
                "parameter-definitions", \.sentParameterDefinitions, api: "ParameterDefinitions",
                ListCodec("member", StructureCodec<ParameterDefinition>(), wrapper: .bare),
                "The parameters tenants fill in.")
        ])
}

extension ParameterDefinition: CatalogStructure {
    public static var blank: ParameterDefinition { ParameterDefinition() }

    public static let catalog = Catalog<ParameterDefinition>(
        "parameter definition",
        [
            .value("name", \.name, api: "Name", StringCodec(), required: true, "The parameter's name."),
            .value(
                "definition", \.definition, api: "Definition", StructureCodec<ParameterDefinitionSchema>(), required: true,
                "The parameter's type."),
        ])
}

extension ParameterDefinitionSchema: CatalogStructure {
    public static var blank: ParameterDefinitionSchema { ParameterDefinitionSchema() }

    public static let catalog = Catalog<ParameterDefinitionSchema>(
        "parameter definition schema",
        [
            .optional(
                "string-schema", \.stringSchema, api: "StringSchema", StructureCodec<StringSchemaConfig>(),
                "A string parameter.")
        ])
}

extension StringSchemaConfig: CatalogStructure {
    public static var blank: StringSchemaConfig { StringSchemaConfig() }

    public static let catalog = Catalog<StringSchemaConfig>(
        "string schema",
        [
            .optional("comment", \.comment, api: "Comment", StringCodec(), "A description shown to tenants."),
            .optional("default-value", \.defaultValue, api: "DefaultValue", StringCodec(), "The value used when a tenant gives none."),
            .value("required", \.required, api: "Required", BooleanCodec(), required: true, "Whether tenants must give a value."),
        ])
}

extension ConnectionFunctionAssociation: CatalogStructure {
    public static var blank: ConnectionFunctionAssociation { ConnectionFunctionAssociation() }

    public static let catalog = Catalog<ConnectionFunctionAssociation>(
        "connection function association",
        [
            .value("id", \.id, api: "Id", StringCodec(), required: true, "The connection function's id.")
        ])
}

extension CacheTagConfig: CatalogStructure {
    public static var blank: CacheTagConfig { CacheTagConfig() }

    public static let catalog = Catalog<CacheTagConfig>(
        "cache tag config",
        [
            .value(
                "header-name", \.headerName, api: "HeaderName", StringCodec(), required: true,
                "The origin response header that carries cache tags.")
        ])
}
