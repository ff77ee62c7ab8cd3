import APIDocument
import DistributionIR
import YAMLSyntax

extension CacheBehavior: CatalogStructure {
    public static var blank: CacheBehavior { CacheBehavior() }

    static let methods = ListCodec("Method", EnumCodec<HTTPMethod>(), wrapper: .quantityItems(itemsRequired: true))
    static let allowedMethodsName = MemberName.named("AllowedMethods")
    static let cachedMethodsName = MemberName.named("CachedMethods")

    public static let catalog = Catalog<CacheBehavior>(
        "cache behavior",
        [
            .value(
                "path-pattern", \.pathPattern, api: "PathPattern", StringCodec(), required: true,
                "The request paths this behavior serves, such as `/images/*.jpg`: case-sensitive, `*` for any characters, `?` for one."),
            .value(
                "target-origin-id", \.targetOriginId, api: "TargetOriginId", StringCodec(), required: true,
                "The origin or origin group that serves these requests."),
            .omittable(
                "trusted-signers", \.sentTrustedSigners, api: "TrustedSigners",
                ListCodec("AwsAccountNumber", StringCodec(), wrapper: .enabledQuantityItems),
                "AWS account numbers whose CloudFront key pairs may sign URLs (legacy; prefer trusted key groups). Empty: signed URLs are not required."
            ),
            .omittable(
                "trusted-key-groups", \.sentTrustedKeyGroups, api: "TrustedKeyGroups",
                ListCodec("KeyGroup", StringCodec(), wrapper: .enabledQuantityItems),
                "Key group ids whose keys may sign URLs and cookies (or `trusted-key-group-names`). Empty: signed URLs are not required."),
            .trustedKeyGroupNames(
                "cfc's own key, not sent: key groups declared under `key-groups:`, by name; their ids join `TrustedKeyGroups` once they exist."
            ),
            .value(
                "viewer-protocol-policy", \.viewerProtocolPolicy, api: "ViewerProtocolPolicy",
                EnumCodec<ViewerProtocolPolicy>(), required: true,
                "How viewers may connect: `allow-all` (HTTP and HTTPS), `redirect-to-https` (HTTP gets a redirect), `https-only` (HTTP gets 403)."
            ),
            .custom(
                "allowed-methods", \.sentAllowedMethods, methods, api: "AllowedMethods", reads: ["AllowedMethods"],
                "The methods CloudFront forwards: `[GET, HEAD]`, `[GET, HEAD, OPTIONS]`, or all seven. Default: `[GET, HEAD]`; `null` leaves `AllowedMethods` out (CloudFront then allows `GET` and `HEAD`).",
                emit: { root, document in
                    // The API nests CachedMethods inside AllowedMethods; cfc writes them side by side.
                    // (The behavior is read in place, not copied.)
                    guard let allowed = root.sentAllowedMethods else { return }
                    document.beginStructure(allowedMethodsName)
                    document.integer(.quantity, Int64(allowed.count))
                    methods.emitItems(allowed, named: .items, into: &document)
                    if let cached = root.sentCachedMethods { methods.emit(cached, named: cachedMethodsName, into: &document) }
                    document.end()
                },
                read: { root, parent, context in
                    guard let node = parent.member("AllowedMethods") else {
                        root.sentAllowedMethods = nil
                        root.sentCachedMethods = nil
                        return
                    }
                    context.within("AllowedMethods") { context in
                        if let items = readWrappedAllowingCachedMethods(node, &context) { root.sentAllowedMethods = items }
                        if let cached = node.member("CachedMethods") {
                            if let value = context.within("CachedMethods", { methods.read(cached, &$0) }) { root.sentCachedMethods = value }
                        } else {
                            root.sentCachedMethods = nil
                        }
                    }
                }),
            .custom(
                "cached-methods", \.sentCachedMethods, methods, api: "AllowedMethods.CachedMethods", reads: [],
                "The methods whose responses CloudFront caches: `[GET, HEAD]` or `[GET, HEAD, OPTIONS]`. Default: `[GET, HEAD]`; `null` leaves `CachedMethods` out (CloudFront then caches `GET` and `HEAD`). (The API nests this inside `AllowedMethods`, so it is not sent when `allowed-methods` is `null`.)",
                emit: { _, _ in }, read: { _, _, _ in }),
            .omittable(
                "smooth-streaming", \.sentSmoothStreaming, api: "SmoothStreaming", BooleanCodec(),
                "Whether to serve Microsoft Smooth Streaming media. Default: `false`."),
            .omittable(
                "compress", \.sentCompress, api: "Compress", BooleanCodec(),
                "Whether CloudFront compresses suitable responses (gzip, Brotli). Default: `true`, as in the console."),
            .omittable(
                "lambda-function-associations", \.sentLambdaFunctionAssociations, api: "LambdaFunctionAssociations",
                ListCodec("LambdaFunctionAssociation", StructureCodec<LambdaFunctionAssociation>()),
                "Lambda@Edge functions to run, at most one per event type."),
            .omittable(
                "function-associations", \.sentFunctionAssociations, api: "FunctionAssociations",
                ListCodec("FunctionAssociation", StructureCodec<FunctionAssociation>()),
                "CloudFront Functions to run, on viewer events only, at most one per event type."),
            .omittable(
                "field-level-encryption-id", \.sentFieldLevelEncryptionId, api: "FieldLevelEncryptionId", StringCodec(),
                "The field-level encryption configuration to apply."),
            .optional(
                "realtime-log-config-arn", \.realtimeLogConfigArn, api: "RealtimeLogConfigArn", StringCodec(),
                "The real-time log configuration to send this behavior's requests to."),
            .policyID(
                .cache, \.cachePolicyId, api: "CachePolicyId",
                "The id of the cache policy (managed or your own) that sets the cache key and TTLs. Use this, `cache-policy`, or `forwarded-values`."
            ),
            .policyName(
                .cache, \.cachePolicyId,
                "An AWS managed cache policy, by name (`CachingOptimized`, or `Managed-CachingOptimized` as the console shows it): cfc sends its id. See docs/managed-policies.md."
            ),
            .policyID(
                .originRequest, \.originRequestPolicyId, api: "OriginRequestPolicyId",
                "The id of the origin request policy: what CloudFront forwards to the origin beyond the cache key."),
            .policyName(
                .originRequest, \.originRequestPolicyId,
                "An AWS managed origin request policy, by name (`AllViewerExceptHostHeader`): cfc sends its id."),
            .policyID(
                .responseHeaders, \.responseHeadersPolicyId, api: "ResponseHeadersPolicyId",
                "The id of the response headers policy: headers CloudFront adds to responses."),
            .policyName(
                .responseHeaders, \.responseHeadersPolicyId,
                "An AWS managed response headers policy, by name (`SecurityHeadersPolicy`): cfc sends its id."),
            .optional(
                "grpc-config", \.grpcConfig, api: "GrpcConfig", StructureCodec<GRPCConfig>(),
                "Whether gRPC requests are proxied to the origin."),
            .optional(
                "forwarded-values", \.forwardedValues, api: "ForwardedValues", StructureCodec<ForwardedValues>(),
                "Legacy cache settings (query strings, cookies, headers) instead of a cache policy."),
            .omittable(
                "min-ttl", \.sentMinTTL, api: "MinTTL", IntegerCodec<Int64>(0...Int64.max),
                default: { $0.forwardedValues == nil ? nil : CacheBehavior.defaultMinTTL },
                defaultDescription: "`0` with `forwarded-values`, else unset",
                "Legacy: the least time, in seconds, objects stay cached. Default with `forwarded-values`: `0`."),
            .omittable(
                "default-ttl", \.sentDefaultTTL, api: "DefaultTTL", IntegerCodec<Int64>(0...Int64.max),
                default: { $0.forwardedValues == nil ? nil : CacheBehavior.legacyDefaultTTL(minTTL: $0.minTTL) },
                defaultDescription: "`86400` (or `min-ttl` when longer) with `forwarded-values`, else unset",
                "Legacy: seconds objects stay cached when the origin sends no cache headers. Default with `forwarded-values`: `86400`, or `min-ttl` when that is longer."
            ),
            .omittable(
                "max-ttl", \.sentMaxTTL, api: "MaxTTL", IntegerCodec<Int64>(0...Int64.max),
                default: { $0.forwardedValues == nil ? nil : CacheBehavior.legacyMaxTTL(minTTL: $0.minTTL, defaultTTL: $0.defaultTTL) },
                defaultDescription: "`31536000` (or `default-ttl` when a TTL is longer) with `forwarded-values`, else unset",
                "Legacy: the most time, in seconds, objects stay cached. Default with `forwarded-values`: `31536000`, or `default-ttl` when `min-ttl` or `default-ttl` is longer than that."
            ),
            .value(
                "ignore", \.ignore, api: nil, ListCodec("RuleId", StringCodec()),
                "cfc policy, not sent: rule ids whose findings on this behavior are suppressed."),
        ])

    /// `CachedMethods` lives inside `AllowedMethods`, so it is not sent without it. (The legacy
    /// TTLs' defaults depend on `forwarded-values` too, but apply only to keys not written, so
    /// their members fill them in: see `Member.omittable(_:_:api:_:default:defaultDescription:_:)`.)
    public static func applyContextualDefaults(_ value: inout CacheBehavior) {
        if value.sentAllowedMethods == nil { value.sentCachedMethods = nil }
    }

    /// `cached-methods` has nowhere to go without `AllowedMethods`: say so rather than drop it.
    /// A policy is given by name or by id, not both (they set the same member).
    public static func validate(_ value: CacheBehavior, node: YAMLNode, _ context: inout LoweringContext) {
        for kind in PolicyKind.all {
            if let name = node.value(forKey: kind.nameKey), let id = node.value(forKey: kind.idKey), !name.isNull, !id.isNull {
                context.emit(LanguageMessages.policyNamedTwice(kind, name: name, id: id))
            }
        }
        guard value.sentAllowedMethods == nil, let cached = node.value(forKey: "cached-methods"), !cached.isNull else { return }
        context.emit(LanguageMessages.cachedMethodsWithoutAllowedMethods(at: cached))
    }
}

/// Reads `AllowedMethods`, whose members are `Quantity`, `Items` and `CachedMethods`.
private func readWrappedAllowingCachedMethods(_ node: APINode, _ context: inout ReadingContext) -> [HTTPMethod]? {
    readWrapped(node, itemName: "Method", otherMembers: ["CachedMethods"], &context) {
        CacheBehavior.methods.readItems($0, &$1)
    }
}

extension LambdaFunctionAssociation: CatalogStructure {
    public static var blank: LambdaFunctionAssociation { LambdaFunctionAssociation() }

    public static let catalog = Catalog<LambdaFunctionAssociation>(
        "Lambda function association",
        [
            .value(
                "lambda-function-arn", \.lambdaFunctionARN, api: "LambdaFunctionARN", StringCodec(), required: true,
                "The ARN of a numbered version of a Lambda function in us-east-1 (not `$LATEST`, not an alias)."),
            .value(
                "event-type", \.eventType, api: "EventType", EnumCodec<EventType>(), required: true,
                "When the function runs: `viewer-request`, `viewer-response`, `origin-request` or `origin-response`."),
            .omittable(
                "include-body", \.sentIncludeBody, api: "IncludeBody", BooleanCodec(),
                "Whether the function sees the request body (request events only). Default: `false`."),
        ])
}

extension FunctionAssociation: CatalogStructure {
    public static var blank: FunctionAssociation { FunctionAssociation() }

    public static let catalog = Catalog<FunctionAssociation>(
        "function association",
        [
            .value(
                "function-arn", \.functionARN, api: "FunctionARN", StringCodec(),
                "The ARN of the CloudFront Function (or `function`)."),
            .companionReference(
                .function, key: "function", \.functionARN,
                "cfc's own key, not sent: the function by its name under `functions:`; sets `FunctionARN` to its ARN once it exists."),
            .value(
                "event-type", \.eventType, api: "EventType", EnumCodec<EventType>(), required: true,
                "When the function runs: `viewer-request` or `viewer-response`."),
        ])

    public static func validate(_ value: FunctionAssociation, node: YAMLNode, _ context: inout LoweringContext) {
        let name = node.value(forKey: "function")
        let arn = node.value(forKey: "function-arn")
        if let name, let arn {
            context.emit(LanguageMessages.namedTwice(noun: "function", nameKey: "function", idKey: "function-arn", name: name, id: arn))
        } else if name == nil, arn == nil {
            context.emit(LanguageMessages.missingKey("function", in: "function association (or 'function-arn')", at: node, context))
        }
    }
}

extension GRPCConfig: CatalogStructure {
    public static var blank: GRPCConfig { GRPCConfig() }

    public static let catalog = Catalog<GRPCConfig>(
        "gRPC config",
        [
            .value("enabled", \.enabled, api: "Enabled", BooleanCodec(), required: true, "Whether gRPC is enabled.")
        ])
}

extension ForwardedValues: CatalogStructure {
    public static var blank: ForwardedValues { ForwardedValues() }

    public static let catalog = Catalog<ForwardedValues>(
        "forwarded values",
        [
            .value(
                "query-string", \.queryString, api: "QueryString", BooleanCodec(), required: true,
                "Whether query strings are forwarded to the origin (and part of the cache key)."),
            .value(
                "cookies", \.cookies, api: "Cookies", StructureCodec<CookiePreference>(),
                "Which cookies are forwarded. Default: none."),
            .omittable(
                "headers", \.sentHeaders, api: "Headers", ListCodec("Name", StringCodec()),
                "Headers forwarded and cached on (`*` for all)."),
            .omittable(
                "query-string-cache-keys", \.sentQueryStringCacheKeys, api: "QueryStringCacheKeys",
                ListCodec("Name", StringCodec()), "The query string parameters that are part of the cache key."),
        ])
}

extension CookiePreference: CatalogStructure {
    public static var blank: CookiePreference { CookiePreference() }

    public static let catalog = Catalog<CookiePreference>(
        "cookie preference",
        [
            .value(
                "forward", \.forward, api: "Forward", EnumCodec<ItemSelection>(), required: true,
                "`none`, `all`, or `whitelist` (the names in `whitelisted-names`)."),
            .optional(
                "whitelisted-names", \.sentWhitelistedNames, api: "WhitelistedNames", ListCodec("Name", StringCodec()),
                "The cookies forwarded when `forward` is `whitelist`. Unset: `WhitelistedNames` is not sent, as CloudFront returns it when cookies are not forwarded by name; `[]` sends it empty."
            ),
        ])
}
