import CFCDiagnostics
import DistributionIR
import YAMLSyntax

// The companion resources' catalogs: each declared under its top-level map, named by its key
// (the API's `Name`), with the API's members in kebab-case as everywhere else. Defaults are the
// API's where it documents one, and otherwise the value the CloudFront console starts from.

extension CachePolicyConfig: CatalogStructure {
    public static var blank: CachePolicyConfig { CachePolicyConfig() }

    public static let catalog = Catalog<CachePolicyConfig>(
        "cache policy",
        [
            .optional("comment", \.comment, api: "Comment", StringCodec(), "A comment about the policy (up to 128 characters)."),
            .value(nil, \.name, api: "Name", StringCodec(), "The policy's name: its key in `cache-policies:`."),
            .optional(
                "default-ttl", \.defaultTTL, api: "DefaultTTL", IntegerCodec<Int64>(0...Int64.max),
                "Seconds an object stays cached when the origin sends no Cache-Control or Expires. Unset: CloudFront uses 86400, or min-ttl when that is longer."
            ),
            .optional(
                "max-ttl", \.maxTTL, api: "MaxTTL", IntegerCodec<Int64>(0...Int64.max),
                "The most seconds an object stays cached, whatever the origin says. Unset: CloudFront uses 31536000, or default-ttl when that is longer."
            ),
            .value(
                "min-ttl", \.minTTL, api: "MinTTL", IntegerCodec<Int64>(0...Int64.max), required: true,
                "The fewest seconds an object stays cached, whatever the origin says."),
            .value(
                "parameters-in-cache-key-and-forwarded-to-origin", \.parametersInCacheKeyAndForwardedToOrigin,
                api: "ParametersInCacheKeyAndForwardedToOrigin", StructureCodec<ParametersInCacheKeyAndForwardedToOrigin>(),
                "What of a request is in the cache key (and so also sent to the origin). Default: nothing but the URL path, no compression."
            ),
        ])
}

extension ParametersInCacheKeyAndForwardedToOrigin: CatalogStructure {
    public static var blank: ParametersInCacheKeyAndForwardedToOrigin { ParametersInCacheKeyAndForwardedToOrigin() }

    public static let catalog = Catalog<ParametersInCacheKeyAndForwardedToOrigin>(
        "cache key parameters",
        [
            .value(
                "enable-accept-encoding-gzip", \.enableAcceptEncodingGzip, api: "EnableAcceptEncodingGzip", BooleanCodec(),
                "Whether gzip-compressed objects are cached and served (the normalized Accept-Encoding joins the cache key). Default: `false`."
            ),
            .optional(
                "enable-accept-encoding-brotli", \.enableAcceptEncodingBrotli, api: "EnableAcceptEncodingBrotli", BooleanCodec(),
                "Whether Brotli-compressed objects are cached and served."),
            .value(
                "headers-config", \.headersConfig, api: "HeadersConfig", StructureCodec<CachePolicyHeadersConfig>(),
                "Which headers are in the cache key. Default: none."),
            .value(
                "cookies-config", \.cookiesConfig, api: "CookiesConfig", StructureCodec<CachePolicyCookiesConfig>(),
                "Which cookies are in the cache key. Default: none."),
            .value(
                "query-strings-config", \.queryStringsConfig, api: "QueryStringsConfig", StructureCodec<CachePolicyQueryStringsConfig>(),
                "Which query strings are in the cache key. Default: none."),
        ])
}

extension CachePolicyHeadersConfig: CatalogStructure {
    public static var blank: CachePolicyHeadersConfig { CachePolicyHeadersConfig() }

    public static let catalog = Catalog<CachePolicyHeadersConfig>(
        "cache policy headers config",
        [
            .value(
                "header-behavior", \.headerBehavior, api: "HeaderBehavior", EnumCodec<CachePolicyHeaderBehavior>(),
                "`none`, or `whitelist` (the headers in `headers`). Default: `none`."),
            .optional("headers", \.headers, api: "Headers", ListCodec("Name", StringCodec()), "The header names."),
        ])
}

extension CachePolicyCookiesConfig: CatalogStructure {
    public static var blank: CachePolicyCookiesConfig { CachePolicyCookiesConfig() }

    public static let catalog = Catalog<CachePolicyCookiesConfig>(
        "cache policy cookies config",
        [
            .value(
                "cookie-behavior", \.cookieBehavior, api: "CookieBehavior", EnumCodec<PolicyItemBehavior>(),
                "`none`, `whitelist` (the cookies in `cookies`), `allExcept` (all but those), or `all`. Default: `none`."),
            .optional("cookies", \.cookies, api: "Cookies", ListCodec("Name", StringCodec()), "The cookie names."),
        ])
}

extension CachePolicyQueryStringsConfig: CatalogStructure {
    public static var blank: CachePolicyQueryStringsConfig { CachePolicyQueryStringsConfig() }

    public static let catalog = Catalog<CachePolicyQueryStringsConfig>(
        "cache policy query strings config",
        [
            .value(
                "query-string-behavior", \.queryStringBehavior, api: "QueryStringBehavior", EnumCodec<PolicyItemBehavior>(),
                "`none`, `whitelist` (the names in `query-strings`), `allExcept` (all but those), or `all`. Default: `none`."),
            .optional("query-strings", \.queryStrings, api: "QueryStrings", ListCodec("Name", StringCodec()), "The query string names."),
        ])
}

extension OriginRequestPolicyConfig: CatalogStructure {
    public static var blank: OriginRequestPolicyConfig { OriginRequestPolicyConfig() }

    public static let catalog = Catalog<OriginRequestPolicyConfig>(
        "origin request policy",
        [
            .optional("comment", \.comment, api: "Comment", StringCodec(), "A comment about the policy (up to 128 characters)."),
            .value(nil, \.name, api: "Name", StringCodec(), "The policy's name: its key in `origin-request-policies:`."),
            .value(
                "headers-config", \.headersConfig, api: "HeadersConfig", StructureCodec<OriginRequestPolicyHeadersConfig>(),
                "Which headers are sent to the origin (beyond the cache key's). Default: none."),
            .value(
                "cookies-config", \.cookiesConfig, api: "CookiesConfig", StructureCodec<OriginRequestPolicyCookiesConfig>(),
                "Which cookies are sent to the origin. Default: none."),
            .value(
                "query-strings-config", \.queryStringsConfig, api: "QueryStringsConfig",
                StructureCodec<OriginRequestPolicyQueryStringsConfig>(), "Which query strings are sent to the origin. Default: none."),
        ])
}

extension OriginRequestPolicyHeadersConfig: CatalogStructure {
    public static var blank: OriginRequestPolicyHeadersConfig { OriginRequestPolicyHeadersConfig() }

    public static let catalog = Catalog<OriginRequestPolicyHeadersConfig>(
        "origin request policy headers config",
        [
            .value(
                "header-behavior", \.headerBehavior, api: "HeaderBehavior", EnumCodec<OriginRequestPolicyHeaderBehavior>(),
                "`none`, `whitelist` (the headers in `headers`), `allViewer`, `allViewerAndWhitelistCloudFront` (the viewer's and these CloudFront headers), or `allExcept`. Default: `none`."
            ),
            .optional("headers", \.headers, api: "Headers", ListCodec("Name", StringCodec()), "The header names."),
        ])
}

extension OriginRequestPolicyCookiesConfig: CatalogStructure {
    public static var blank: OriginRequestPolicyCookiesConfig { OriginRequestPolicyCookiesConfig() }

    public static let catalog = Catalog<OriginRequestPolicyCookiesConfig>(
        "origin request policy cookies config",
        [
            .value(
                "cookie-behavior", \.cookieBehavior, api: "CookieBehavior", EnumCodec<PolicyItemBehavior>(),
                "`none`, `whitelist`, `allExcept`, or `all`. Default: `none`."),
            .optional("cookies", \.cookies, api: "Cookies", ListCodec("Name", StringCodec()), "The cookie names."),
        ])
}

extension OriginRequestPolicyQueryStringsConfig: CatalogStructure {
    public static var blank: OriginRequestPolicyQueryStringsConfig { OriginRequestPolicyQueryStringsConfig() }

    public static let catalog = Catalog<OriginRequestPolicyQueryStringsConfig>(
        "origin request policy query strings config",
        [
            .value(
                "query-string-behavior", \.queryStringBehavior, api: "QueryStringBehavior", EnumCodec<PolicyItemBehavior>(),
                "`none`, `whitelist`, `allExcept`, or `all`. Default: `none`."),
            .optional("query-strings", \.queryStrings, api: "QueryStrings", ListCodec("Name", StringCodec()), "The query string names."),
        ])
}

extension ResponseHeadersPolicyConfig: CatalogStructure {
    public static var blank: ResponseHeadersPolicyConfig { ResponseHeadersPolicyConfig() }

    public static let catalog = Catalog<ResponseHeadersPolicyConfig>(
        "response headers policy",
        [
            .optional("comment", \.comment, api: "Comment", StringCodec(), "A comment about the policy (up to 128 characters)."),
            .value(nil, \.name, api: "Name", StringCodec(), "The policy's name: its key in `response-headers-policies:`."),
            .optional(
                "cors-config", \.corsConfig, api: "CorsConfig", StructureCodec<ResponseHeadersPolicyCorsConfig>(),
                "The CORS headers CloudFront adds."),
            .optional(
                "security-headers-config", \.securityHeadersConfig, api: "SecurityHeadersConfig",
                StructureCodec<ResponseHeadersPolicySecurityHeadersConfig>(), "The security headers CloudFront adds."),
            .optional(
                "server-timing-headers-config", \.serverTimingHeadersConfig, api: "ServerTimingHeadersConfig",
                StructureCodec<ResponseHeadersPolicyServerTimingHeadersConfig>(), "Whether CloudFront adds the Server-Timing header."),
            .optional(
                "custom-headers-config", \.customHeadersConfig, api: "CustomHeadersConfig",
                KeyedListCodec<ResponseHeadersPolicyCustomHeader>(
                    "ResponseHeadersPolicyCustomHeader", key: \.header,
                    keyDescription: "header name"),
                "Other headers CloudFront adds: a mapping from header name to `{value, override}`."),
            .optional(
                "remove-headers-config", \.removeHeadersConfig, api: "RemoveHeadersConfig",
                ListCodec("ResponseHeadersPolicyRemoveHeader", WrappedStringCodec(memberName: "Header")),
                "Headers CloudFront removes from the origin's responses: a list of header names."),
        ])
}

extension ResponseHeadersPolicyCorsConfig: CatalogStructure {
    public static var blank: ResponseHeadersPolicyCorsConfig { ResponseHeadersPolicyCorsConfig() }

    public static let catalog = Catalog<ResponseHeadersPolicyCorsConfig>(
        "CORS config",
        [
            .value(
                "access-control-allow-origins", \.accessControlAllowOrigins, api: "AccessControlAllowOrigins",
                ListCodec("Origin", StringCodec(), wrapper: .quantityItems(itemsRequired: true)), required: true,
                "The origins for Access-Control-Allow-Origin (`*` for all)."),
            .value(
                "access-control-allow-headers", \.accessControlAllowHeaders, api: "AccessControlAllowHeaders",
                ListCodec("Header", StringCodec(), wrapper: .quantityItems(itemsRequired: true)), required: true,
                "The headers for Access-Control-Allow-Headers (`*` for all)."),
            .value(
                "access-control-allow-methods", \.accessControlAllowMethods, api: "AccessControlAllowMethods",
                ListCodec(
                    "Method", EnumCodec<ResponseHeadersPolicyAccessControlAllowMethodsValues>(),
                    wrapper: .quantityItems(itemsRequired: true)), required: true,
                "The methods for Access-Control-Allow-Methods (`ALL` for all)."),
            .value(
                "access-control-allow-credentials", \.accessControlAllowCredentials, api: "AccessControlAllowCredentials",
                BooleanCodec(), "Whether Access-Control-Allow-Credentials is `true`. Default: `false`."),
            .optional(
                "access-control-expose-headers", \.accessControlExposeHeaders, api: "AccessControlExposeHeaders",
                ListCodec("Header", StringCodec()), "The headers for Access-Control-Expose-Headers."),
            .optional(
                "access-control-max-age-sec", \.accessControlMaxAgeSec, api: "AccessControlMaxAgeSec",
                IntegerCodec<Int>(0...Int64(Int32.max)), "Seconds for Access-Control-Max-Age."),
            .value(
                "origin-override", \.originOverride, api: "OriginOverride", BooleanCodec(),
                "Whether these headers replace the origin's own CORS headers. Default: `true`."),
        ])
}

extension ResponseHeadersPolicySecurityHeadersConfig: CatalogStructure {
    public static var blank: ResponseHeadersPolicySecurityHeadersConfig { ResponseHeadersPolicySecurityHeadersConfig() }

    public static let catalog = Catalog<ResponseHeadersPolicySecurityHeadersConfig>(
        "security headers config",
        [
            .optional(
                "xss-protection", \.xssProtection, api: "XSSProtection", StructureCodec<ResponseHeadersPolicyXSSProtection>(),
                "The X-XSS-Protection header."),
            .optional(
                "frame-options", \.frameOptions, api: "FrameOptions", StructureCodec<ResponseHeadersPolicyFrameOptions>(),
                "The X-Frame-Options header."),
            .optional(
                "referrer-policy", \.referrerPolicy, api: "ReferrerPolicy", StructureCodec<ResponseHeadersPolicyReferrerPolicy>(),
                "The Referrer-Policy header."),
            .optional(
                "content-security-policy", \.contentSecurityPolicy, api: "ContentSecurityPolicy",
                StructureCodec<ResponseHeadersPolicyContentSecurityPolicy>(), "The Content-Security-Policy header."),
            .optional(
                "content-type-options", \.contentTypeOptions, api: "ContentTypeOptions",
                StructureCodec<ResponseHeadersPolicyContentTypeOptions>(), "The X-Content-Type-Options header (`nosniff`)."),
            .optional(
                "strict-transport-security", \.strictTransportSecurity, api: "StrictTransportSecurity",
                StructureCodec<ResponseHeadersPolicyStrictTransportSecurity>(), "The Strict-Transport-Security header."),
        ])
}

extension ResponseHeadersPolicyXSSProtection: CatalogStructure {
    public static var blank: ResponseHeadersPolicyXSSProtection { ResponseHeadersPolicyXSSProtection() }

    public static let catalog = Catalog<ResponseHeadersPolicyXSSProtection>(
        "X-XSS-Protection",
        [
            .value("override", \.override, api: "Override", BooleanCodec(), "Whether it replaces the origin's header. Default: `true`."),
            .value("protection", \.protection, api: "Protection", BooleanCodec(), "`1` (true) or `0` (false). Default: `true`."),
            .optional("mode-block", \.modeBlock, api: "ModeBlock", BooleanCodec(), "Whether `mode=block` is added."),
            .optional("report-uri", \.reportUri, api: "ReportUri", StringCodec(), "The `report=` URI."),
        ])
}

extension ResponseHeadersPolicyFrameOptions: CatalogStructure {
    public static var blank: ResponseHeadersPolicyFrameOptions { ResponseHeadersPolicyFrameOptions() }

    public static let catalog = Catalog<ResponseHeadersPolicyFrameOptions>(
        "X-Frame-Options",
        [
            .value("override", \.override, api: "Override", BooleanCodec(), "Whether it replaces the origin's header. Default: `true`."),
            .value("frame-option", \.frameOption, api: "FrameOption", EnumCodec<FrameOption>(), required: true, "`DENY` or `SAMEORIGIN`."),
        ])
}

extension ResponseHeadersPolicyReferrerPolicy: CatalogStructure {
    public static var blank: ResponseHeadersPolicyReferrerPolicy { ResponseHeadersPolicyReferrerPolicy() }

    public static let catalog = Catalog<ResponseHeadersPolicyReferrerPolicy>(
        "Referrer-Policy",
        [
            .value("override", \.override, api: "Override", BooleanCodec(), "Whether it replaces the origin's header. Default: `true`."),
            .value(
                "referrer-policy", \.referrerPolicy, api: "ReferrerPolicy", EnumCodec<ReferrerPolicy>(), required: true,
                "The header's value, such as `strict-origin-when-cross-origin`."),
        ])
}

extension ResponseHeadersPolicyContentSecurityPolicy: CatalogStructure {
    public static var blank: ResponseHeadersPolicyContentSecurityPolicy { ResponseHeadersPolicyContentSecurityPolicy() }

    public static let catalog = Catalog<ResponseHeadersPolicyContentSecurityPolicy>(
        "Content-Security-Policy",
        [
            .value("override", \.override, api: "Override", BooleanCodec(), "Whether it replaces the origin's header. Default: `true`."),
            .value(
                "content-security-policy", \.contentSecurityPolicy, api: "ContentSecurityPolicy", StringCodec(), required: true,
                "The policy, such as `default-src 'self'`."),
        ])
}

extension ResponseHeadersPolicyContentTypeOptions: CatalogStructure {
    public static var blank: ResponseHeadersPolicyContentTypeOptions { ResponseHeadersPolicyContentTypeOptions() }

    public static let catalog = Catalog<ResponseHeadersPolicyContentTypeOptions>(
        "X-Content-Type-Options",
        [
            .value("override", \.override, api: "Override", BooleanCodec(), "Whether it replaces the origin's header. Default: `true`.")
        ])
}

extension ResponseHeadersPolicyStrictTransportSecurity: CatalogStructure {
    public static var blank: ResponseHeadersPolicyStrictTransportSecurity { ResponseHeadersPolicyStrictTransportSecurity() }

    public static let catalog = Catalog<ResponseHeadersPolicyStrictTransportSecurity>(
        "Strict-Transport-Security",
        [
            .value("override", \.override, api: "Override", BooleanCodec(), "Whether it replaces the origin's header. Default: `true`."),
            .optional(
                "include-subdomains", \.includeSubdomains, api: "IncludeSubdomains", BooleanCodec(),
                "Whether `includeSubDomains` is added."),
            .optional("preload", \.preload, api: "Preload", BooleanCodec(), "Whether `preload` is added."),
            .value(
                "access-control-max-age-sec", \.accessControlMaxAgeSec, api: "AccessControlMaxAgeSec",
                IntegerCodec<Int>(0...Int64(Int32.max)), required: true, "The `max-age` in seconds, such as `31536000` (a year)."),
        ])
}

extension ResponseHeadersPolicyServerTimingHeadersConfig: CatalogStructure {
    public static var blank: ResponseHeadersPolicyServerTimingHeadersConfig { ResponseHeadersPolicyServerTimingHeadersConfig() }

    public static let catalog = Catalog<ResponseHeadersPolicyServerTimingHeadersConfig>(
        "Server-Timing config",
        [
            .value(
                "enabled", \.enabled, api: "Enabled", BooleanCodec(),
                "Whether the header is added. Default: `true` when the block is written."),
            .optional(
                "sampling-rate", \.samplingRate, api: "SamplingRate", DecimalCodec(0...100),
                "The percentage of responses that get it, 0 to 100 (up to four decimal places)."),
        ])
}

extension ResponseHeadersPolicyCustomHeader: CatalogStructure {
    public static var blank: ResponseHeadersPolicyCustomHeader { ResponseHeadersPolicyCustomHeader() }

    public static let catalog = Catalog<ResponseHeadersPolicyCustomHeader>(
        "custom response header",
        [
            .value(nil, \.header, api: "Header", StringCodec(), "The header's name: its key in `custom-headers-config:`."),
            .value("value", \.value, api: "Value", StringCodec(), required: true, "The header's value."),
            .value("override", \.override, api: "Override", BooleanCodec(), "Whether it replaces the origin's header. Default: `true`."),
        ])
}

extension OriginAccessControlConfig: CatalogStructure {
    public static var blank: OriginAccessControlConfig { OriginAccessControlConfig() }

    public static let catalog = Catalog<OriginAccessControlConfig>(
        "origin access control",
        [
            .value(nil, \.name, api: "Name", StringCodec(), "The origin access control's name: its key in `origin-access-controls:`."),
            .optional("description", \.description, api: "Description", StringCodec(), "A description (up to 256 characters)."),
            .value(
                "signing-protocol", \.signingProtocol, api: "SigningProtocol", EnumCodec<OriginAccessControlSigningProtocol>(),
                "How requests are signed: `sigv4`. Default: `sigv4`."),
            .value(
                "signing-behavior", \.signingBehavior, api: "SigningBehavior", EnumCodec<OriginAccessControlSigningBehavior>(),
                "`always` (sign every request), `never`, or `no-override` (sign unless the viewer sent Authorization). Default: `always`."),
            .value(
                "origin-access-control-origin-type", \.originAccessControlOriginType, api: "OriginAccessControlOriginType",
                EnumCodec<OriginAccessControlOriginType>(),
                "The kind of origin: `s3`, `mediastore`, `mediapackagev2` or `lambda`. Default: `s3`."),
        ])
}

extension FunctionConfig: CatalogStructure {
    public static var blank: FunctionConfig { FunctionConfig() }

    // No row for the name: CloudFront takes it beside FunctionConfig, not in it.
    public static let catalog = Catalog<FunctionConfig>(
        "function",
        [
            .value(
                "comment", \.comment, api: "Comment", StringCodec(), "A comment about the function (up to 128 characters). Default: empty."),
            .value(
                "runtime", \.runtime, api: "Runtime", EnumCodec<FunctionRuntime>(),
                "`cloudfront-js-2.0` or `cloudfront-js-1.0`. Default: `cloudfront-js-2.0` (the one that can read a key value store)."),
            .optional(
                "key-value-store-associations", \.keyValueStoreAssociations, api: "KeyValueStoreAssociations",
                ListCodec("KeyValueStoreAssociation", StructureCodec<KeyValueStoreAssociation>()),
                "The key value store the function reads (at most one), by ARN."),
            .functionCode(
                "cfc's own key: the file holding the function's JavaScript (`FunctionCode`, at most 40,960 bytes), relative to the config's directory and inside it."
            ),
        ])
}

extension KeyValueStoreAssociation: CatalogStructure {
    public static var blank: KeyValueStoreAssociation { KeyValueStoreAssociation() }

    public static let catalog = Catalog<KeyValueStoreAssociation>(
        "key value store association",
        [
            .value(
                "key-value-store-arn", \.keyValueStoreARN, api: "KeyValueStoreARN", StringCodec(),
                "The key value store's ARN (`arn:aws:cloudfront::ACCOUNT:key-value-store/ID`), or `key-value-store`."),
            .companionReference(
                .keyValueStore, key: "key-value-store", \.keyValueStoreARN,
                "cfc's own key, not sent: the store by its name under `key-value-stores:`; sets `KeyValueStoreARN` to its ARN once it exists."
            ),
        ])

    public static func validate(_ value: KeyValueStoreAssociation, node: YAMLNode, _ context: inout LoweringContext) {
        let name = node.value(forKey: "key-value-store")
        let arn = node.value(forKey: "key-value-store-arn")
        if let name, let arn {
            context.emit(
                LanguageMessages.namedTwice(
                    noun: "key value store", nameKey: "key-value-store", idKey: "key-value-store-arn",
                    name: name, id: arn))
        } else if name == nil, arn == nil {
            context.emit(
                LanguageMessages.missingKey(
                    "key-value-store", in: "key value store association (or 'key-value-store-arn')",
                    at: node, context))
        }
    }
}

extension KeyValueStoreConfig: CatalogStructure {
    public static var blank: KeyValueStoreConfig { KeyValueStoreConfig() }

    public static let catalog = Catalog<KeyValueStoreConfig>(
        "key value store",
        [
            .value(nil, \.name, api: "Name", StringCodec(), "The store's name: its key in `key-value-stores:`."),
            .optional("comment", \.comment, api: "Comment", StringCodec(), "A comment about the store (up to 128 characters)."),
            .optional(
                "import-source", \.importSource, api: "ImportSource", StructureCodec<KeyValueStoreImportSource>(),
                "An S3 object (JSON, as CloudFront documents it) the store is filled from when it is created; CloudFront reads it only then."
            ),
        ])
}

extension KeyValueStoreImportSource: CatalogStructure {
    public static var blank: KeyValueStoreImportSource { KeyValueStoreImportSource() }

    public static let catalog = Catalog<KeyValueStoreImportSource>(
        "key value store import source",
        [
            .value("source-type", \.sourceType, api: "SourceType", EnumCodec<ImportSourceType>(), "`S3`, the only source. Default: `S3`."),
            .value(
                "source-arn", \.sourceARN, api: "SourceARN", StringCodec(), required: true,
                "The S3 object's ARN (`arn:aws:s3:::BUCKET/KEY`)."),
        ])
}

extension PublicKeyConfig: CatalogStructure {
    public static var blank: PublicKeyConfig { PublicKeyConfig() }

    public static let catalog = Catalog<PublicKeyConfig>(
        "public key",
        [
            .value(
                "caller-reference", \.callerReference, api: "CallerReference", StringCodec(), fixedAfterCreate: true,
                "A unique reference for the create request; cfc writes `cfc-NAME` when it is not given, and CloudFront keeps the one the key was created with."
            ),
            .value(nil, \.name, api: "Name", StringCodec(), "The key's name: its key in `public-keys:`."),
            .value(
                "encoded-key", \.encodedKey, api: "EncodedKey", StringCodec(),
                "The public key in PEM (`-----BEGIN PUBLIC KEY-----` …), written inline; or `encoded-key-file`."),
            .encodedKeyFile(
                "cfc's own key: a PEM file beside the config that holds the key (the same rule as a function's `code`); or `encoded-key`."),
            .optional("comment", \.comment, api: "Comment", StringCodec(), "A comment about the key (up to 128 characters)."),
        ])

    public static func validate(_ value: PublicKeyConfig, node: YAMLNode, _ context: inout LoweringContext) {
        let inline = node.value(forKey: "encoded-key")
        let file = node.value(forKey: "encoded-key-file")
        // Every finding here points at the key's name, never at its text: a snippet must not
        // show a private key pasted where the public one belongs.
        let range = context.keyNode?.range ?? node.range
        let texts = [inline?.text, value.encodedKey].compactMap { $0 }
        if texts.contains(where: { $0.contains("PRIVATE KEY-----") }) {
            context.emit(
                Diagnostic(
                    id: "schema.public_key", severity: .error,
                    summary: "this is a private key; a public key entry takes the public key only",
                    hint:
                        "extract the public key: openssl rsa -pubout -in private_key.pem -out public_key.pem, and keep the private key out of the repository",
                    range: range))
        } else if inline != nil, file != nil {
            context.emit(
                Diagnostic(
                    id: "schema.policy_keys", severity: .error, summary: "the key is given twice: 'encoded-key' and 'encoded-key-file'",
                    hint: "keep one: 'encoded-key' holds the PEM, 'encoded-key-file' names a file beside the config that holds it",
                    range: range))
        } else if inline == nil, file == nil {
            context.emit(LanguageMessages.missingKey("encoded-key-file", in: "public key (or 'encoded-key')", at: node, context))
        } else if !value.encodedKey.isEmpty, !value.encodedKey.hasPrefix("-----BEGIN PUBLIC KEY-----") {
            context.emit(
                Diagnostic(
                    id: "schema.public_key", severity: .error,
                    summary: "the key is not a PEM public key (it does not start with -----BEGIN PUBLIC KEY-----)",
                    hint: "CloudFront takes an RSA or ECDSA public key in PEM, as openssl ... -pubout writes it", range: range))
        }
    }
}

extension KeyGroupConfig: CatalogStructure {
    public static var blank: KeyGroupConfig { KeyGroupConfig() }

    public static let catalog = Catalog<KeyGroupConfig>(
        "key group",
        [
            .value(nil, \.name, api: "Name", StringCodec(), "The key group's name: its key in `key-groups:`."),
            .value(
                "items", \.items, api: "Items", ListCodec("PublicKey", CompanionReferenceCodec(kind: .publicKey), wrapper: .bare),
                required: true,
                "The public keys in the group (up to five): each an id, or the name of one declared under `public-keys:`."),
            .optional("comment", \.comment, api: "Comment", StringCodec(), "A comment about the key group (up to 128 characters)."),
        ])
}

extension ContinuousDeploymentPolicyConfig: CatalogStructure {
    public static var blank: ContinuousDeploymentPolicyConfig { ContinuousDeploymentPolicyConfig() }

    // No row for the name: CloudFront gives these policies none.
    public static let catalog = Catalog<ContinuousDeploymentPolicyConfig>(
        "continuous deployment policy",
        [
            .value(
                "staging-distribution-dns-names", \.stagingDistributionDnsNames, api: "StagingDistributionDnsNames",
                ListCodec("DnsName", StringCodec()), required: true,
                "The staging distribution's CloudFront domain name (`d111111abcdef8.cloudfront.net`)."),
            .value(
                "enabled", \.enabled, api: "Enabled", BooleanCodec(),
                "Whether the primary distribution sends traffic to the staging one. Default: `true`."),
            .optional(
                "traffic-config", \.trafficConfig, api: "TrafficConfig", StructureCodec<ContinuousDeploymentTrafficConfig>(),
                "Which requests go to the staging distribution: a share of them, or those with a header."),
        ])
}

extension ContinuousDeploymentTrafficConfig: CatalogStructure {
    public static var blank: ContinuousDeploymentTrafficConfig { ContinuousDeploymentTrafficConfig() }

    public static let catalog = Catalog<ContinuousDeploymentTrafficConfig>(
        "continuous deployment traffic config",
        [
            .optional(
                "single-weight-config", \.singleWeightConfig, api: "SingleWeightConfig",
                StructureCodec<ContinuousDeploymentSingleWeightConfig>(), "A share of requests (with `type: SingleWeight`)."),
            .optional(
                "single-header-config", \.singleHeaderConfig, api: "SingleHeaderConfig",
                StructureCodec<ContinuousDeploymentSingleHeaderConfig>(), "Requests with a header (with `type: SingleHeader`)."),
            .value(
                "type", \.type, api: "Type", EnumCodec<ContinuousDeploymentPolicyType>(), required: true,
                "`SingleWeight` or `SingleHeader`: which of the two configs applies."),
        ])

    public static func validate(_ value: ContinuousDeploymentTrafficConfig, node: YAMLNode, _ context: inout LoweringContext) {
        // CloudFront reads the config its type names; the other would be sent and ignored.
        let needed = value.type == .singleWeight ? "single-weight-config" : "single-header-config"
        if node.value(forKey: needed) == nil {
            context.emit(LanguageMessages.missingKey(needed, in: "traffic config of type \(value.type.rawValue)", at: node, context))
        }
    }
}

extension ContinuousDeploymentSingleWeightConfig: CatalogStructure {
    public static var blank: ContinuousDeploymentSingleWeightConfig { ContinuousDeploymentSingleWeightConfig() }

    public static let catalog = Catalog<ContinuousDeploymentSingleWeightConfig>(
        "single weight config",
        [
            .value(
                "weight", \.weight, api: "Weight", DecimalCodec(0...0.15), required: true,
                "The share of requests sent to the staging distribution, 0 to 0.15 (0.10 is 10 %)."),
            .optional(
                "session-stickiness-config", \.sessionStickinessConfig, api: "SessionStickinessConfig",
                StructureCodec<SessionStickinessConfig>(), "Keeps a viewer's requests on the distribution that served its first."),
        ])
}

extension SessionStickinessConfig: CatalogStructure {
    public static var blank: SessionStickinessConfig { SessionStickinessConfig() }

    public static let catalog = Catalog<SessionStickinessConfig>(
        "session stickiness config",
        [
            .value(
                "idle-ttl", \.idleTTL, api: "IdleTTL", IntegerCodec<Int>(300...3600), required: true,
                "Seconds without a request after which a session ends, 300 to 3600 (at most `maximum-ttl`)."),
            .value(
                "maximum-ttl", \.maximumTTL, api: "MaximumTTL", IntegerCodec<Int>(300...3600), required: true,
                "The longest a session lasts, in seconds, 300 to 3600."),
        ])

    public static func validate(_ value: SessionStickinessConfig, node: YAMLNode, _ context: inout LoweringContext) {
        if value.idleTTL > value.maximumTTL, let idle = node.value(forKey: "idle-ttl") {
            context.emit(
                Diagnostic(
                    id: "schema.range", severity: .error,
                    summary: "idle-ttl \(value.idleTTL) is longer than maximum-ttl \(value.maximumTTL)",
                    hint: "CloudFront requires idle-ttl to be at most maximum-ttl", range: idle.range))
        }
    }
}

extension ContinuousDeploymentSingleHeaderConfig: CatalogStructure {
    public static var blank: ContinuousDeploymentSingleHeaderConfig { ContinuousDeploymentSingleHeaderConfig() }

    public static let catalog = Catalog<ContinuousDeploymentSingleHeaderConfig>(
        "single header config",
        [
            .value(
                "header", \.header, api: "Header", StringCodec(), required: true,
                "The request header that sends a request to the staging distribution; its name starts with `aws-cf-cd-`."),
            .value("value", \.value, api: "Value", StringCodec(), required: true, "The header's value."),
        ])

    public static func validate(_ value: ContinuousDeploymentSingleHeaderConfig, node: YAMLNode, _ context: inout LoweringContext) {
        if !value.header.lowercased().hasPrefix("aws-cf-cd-"), let header = node.value(forKey: "header") {
            context.emit(
                Diagnostic(
                    id: "schema.staging_header", severity: .error,
                    summary: "header '\(VisibleText.escaped(value.header))' does not start with aws-cf-cd-",
                    hint: "CloudFront routes only on a header whose name starts with aws-cf-cd-, such as aws-cf-cd-staging",
                    range: header.range))
        }
    }
}
