import CFCTestSupport
import DistributionIR

/// Builds random valid distributions: every optional member sometimes present and sometimes
/// absent, every enum value sometimes used, every leaf given more than one value, strings chosen
/// to stress YAML quoting. Deterministic for a seed. `GeneratorCoverageTests` checks the reach
/// against botocore's model.
struct ConfigGenerator {
    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func chance(_ percent: Int = 50) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }
    mutating func pickCase<T: CaseIterable>(_ type: T.Type) -> T { pick(Array(T.allCases)) }

    /// Strings that read as something else in YAML, or need escaping in XML and JSON.
    static let awkward = [
        "yes", "no", "NO", "true", "null", "~", "123", "0x1F", "1.5e3", "", " lead", "trail ", "a: b",
        "#hash", "- dash", "*star", "&amp;", "<tag>", "quote \" here", "back\\slash", "ünïcödé ✓",
        "line\nbreak", "tab\there", "[x]", "{y}", "%z", "@at", "`tick`", "plain text",
    ]

    mutating func text(_ prefix: String) -> String {
        chance(30) ? pick(Self.awkward) : "\(prefix)-\(int(0...999))"
    }

    /// Leaves a member the API may omit out, now and then: `value` or nil.
    mutating func sometimesAbsent<T>(_ value: T) -> T? { chance(12) ? nil : value }

    mutating func domain() -> String {
        pick(["app", "api", "img", "static", "origin-\(int(1...99))"]) + "." + pick(["example.com", "example.org", "internal.example.net"])
    }

    mutating func distribution() -> Distribution {
        var config = DistributionConfig()
        config.callerReference = chance(20) ? "" : text("ref")
        config.sentAliases = sometimesAbsent((0..<int(0...3)).map { "www\($0).example.com" })
        if chance() {
            config.defaultRootObject = pick(["index.html", "home/index.htm", ""])
        } else if chance(12) {
            config.sentDefaultRootObject = nil
        }
        let originCount = int(1...4)
        config.origins = (0..<originCount).map { origin(index: $0) }
        let ids = config.origins.map(\.id)
        if originCount >= 2, chance(30) {
            var group = OriginGroup()
            group.id = "group-\(int(0...9))"
            group.members = [ids[0], ids[1]]
            group.failoverCriteria.statusCodes = Array(Set((0..<int(1...4)).map { _ in pick([403, 404, 500, 502, 503, 504]) })).sorted()
            if chance() { group.selectionCriteria = pickCase(OriginGroupSelectionCriteria.self) }
            config.originGroups = [group]
        } else if chance(15) {
            config.sentOriginGroups = nil
        }
        let targets = ids + config.originGroups.map(\.id)
        config.defaultCacheBehavior = behavior(pattern: "*", targets: targets)
        var patterns = Set<String>()
        for _ in 0..<int(0...4) {
            let pattern = pick(["/api/*", "/img/*.jpg", "*.css", "/a?c", "/docs/*", "/v\(int(1...9))/*", "/~user/@me:+$", "/x/'q'/\"y\""])
            guard patterns.insert(PathPatternKey.normalize(pattern)).inserted else { continue }
            config.cacheBehaviors.append(behavior(pattern: pattern, targets: targets))
        }
        if config.cacheBehaviors.isEmpty, chance(40) { config.sentCacheBehaviors = nil }
        config.customErrorResponses = (0..<int(0...2)).map { _ in
            var response = CustomErrorResponse()
            response.errorCode = pick([400, 403, 404, 500, 502, 503, 504])
            // CloudFront reports an unset page and code as empty strings.
            if chance() { response.responsePagePath = pick(["/errors/\(int(1...9)).html", ""]) }
            if chance() { response.responseCode = pick(["200", "404", "503", ""]) }
            response.sentErrorCachingMinTTL = sometimesAbsent(Int64(pick([0, 10, 300, 86400])))
            return response
        }
        if config.customErrorResponses.isEmpty, chance(15) { config.sentCustomErrorResponses = nil }
        config.comment = String(text("comment").prefix(100))
        if chance(30) {
            var logging = LoggingConfig()
            logging.sentEnabled = sometimesAbsent(chance(80))
            logging.sentIncludeCookies = sometimesAbsent(chance())
            logging.sentBucket = sometimesAbsent("logs-\(int(1...9)).s3.amazonaws.com")
            logging.sentPrefix = sometimesAbsent(chance() ? "p/" : "")
            config.logging = logging
        } else if chance(15) {
            config.sentLogging = nil
        }
        config.sentPriceClass = sometimesAbsent(pickCase(PriceClass.self))
        config.enabled = chance(80)
        config.sentViewerCertificate = chance(8) ? nil : viewerCertificate()
        config.restrictions.geoRestriction.restrictionType = pickCase(GeoRestrictionType.self)
        if config.restrictions.geoRestriction.restrictionType != .none {
            config.restrictions.geoRestriction.locations = Array(
                Set((0..<int(1...3)).map { _ in pick(["US", "CA", "NO", "DE", "ON", "YES"]) })
            ).sorted()
        } else if chance(15) {
            config.sentRestrictions = nil
        }
        if chance(30) {
            config.webACLId = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/w/\(int(1...9))"
        } else if chance(12) {
            config.sentWebACLId = nil
        }
        config.sentHTTPVersion = sometimesAbsent(pickCase(HTTPVersion.self))
        config.sentIsIPV6Enabled = sometimesAbsent(chance())
        if chance(20) { config.continuousDeploymentPolicyId = text("cdp") }
        if chance(20) { config.staging = chance() }
        if chance(20) { config.anycastIPListId = "aip-\(int(1...9))" }
        // Rare members are common enough here that GeneratorCoverageTests' sample meets each of
        // their variants with near certainty, whatever the seed.
        if chance(30) {
            var tenant = TenantConfig()
            tenant.sentParameterDefinitions =
                chance(40)
                ? pick([nil, []])
                : (0..<int(1...2)).map { index in
                    var definition = ParameterDefinition()
                    definition.name = "param\(index)"
                    if chance(80) {
                        var schema = StringSchemaConfig()
                        if chance() { schema.comment = text("c") }
                        // The model wants a default value of at least one character.
                        if chance() {
                            let value = text("d")
                            schema.defaultValue = value.isEmpty ? "d" : value
                        }
                        schema.required = chance()
                        definition.definition.stringSchema = schema
                    }
                    return definition
                }
            config.tenantConfig = tenant
        }
        if chance(20) { config.connectionMode = pickCase(ConnectionMode.self) }
        if chance(30) {
            var mtls = ViewerMTLSConfig()
            if chance(80) { mtls.mode = pickCase(ViewerMTLSMode.self) }
            if chance(80) {
                var store = TrustStoreConfig()
                store.trustStoreId = "ts-\(int(1...9))"
                if chance() { store.advertiseTrustStoreCaNames = chance() }
                if chance() { store.ignoreCertificateExpiry = chance() }
                mtls.trustStoreConfig = store
            }
            config.viewerMTLSConfig = mtls
        }
        if chance(15) {
            var association = ConnectionFunctionAssociation()
            association.id = "cf-\(int(1...9))"
            config.connectionFunctionAssociation = association
        }
        if chance(15) {
            var tags = CacheTagConfig()
            tags.headerName = pick(["Cache-Tag", "Surrogate-Key", "X-Tags"])
            config.cacheTagConfig = tags
        }
        return Distribution(name: "generated", config: config)
    }

    mutating func origin(index: Int) -> Origin {
        var origin = Origin(
            id: chance(20) ? pick(["o.1", "origin with space", "ÖRIGIN", "123"]) + "-\(index)" : "origin-\(index)",
            domainName: domain())
        if chance(30) {
            origin.originPath = pick(["/prod", "/v1/app"])
        } else if chance(12) {
            origin.sentOriginPath = nil
        }
        origin.sentCustomHeaders = sometimesAbsent(
            (0..<int(0...2)).map { OriginCustomHeader(headerName: "X-Header-\($0)", headerValue: text("value")) })
        switch int(0...2) {
        case 0:
            origin.domainName = "bucket-\(index).s3.\(pick(["us-east-1", "eu-west-1"])).amazonaws.com"
            var s3 = S3OriginConfig()
            if chance(30) { s3.originAccessIdentity = "origin-access-identity/cloudfront/E\(int(100...999))" }
            if chance(30) { s3.originReadTimeout = int(1...60) }
            origin.s3OriginConfig = s3
            if chance(50) { origin.originAccessControlId = "E\(int(1000...9999))" }
        case 1:
            var custom = CustomOriginConfig()
            custom.httpPort = pick([80, 443, 8080])
            custom.httpsPort = pick([443, 8443])
            custom.originProtocolPolicy = pickCase(OriginProtocolPolicy.self)
            custom.sentOriginSSLProtocols = sometimesAbsent(
                Array(Set((0..<int(1...3)).map { _ in pickCase(SSLProtocol.self) })).sorted { $0.rawValue < $1.rawValue })
            custom.sentOriginReadTimeout = sometimesAbsent(int(1...60))
            custom.sentOriginKeepaliveTimeout = sometimesAbsent(int(1...60))
            if chance(30) { custom.ipAddressType = pickCase(IPAddressType.self) }
            if chance(20) {
                var mtls = OriginMTLSConfig()
                mtls.clientCertificateArn = "arn:aws:acm:us-east-1:111122223333:certificate/c\(int(1...9))"
                custom.originMTLSConfig = mtls
            }
            origin.customOriginConfig = custom
        default:
            var vpc = VPCOriginConfig()
            vpc.vpcOriginId = "vo_\(int(100...999))"
            if chance() { vpc.ownerAccountId = pick(["111122223333", "444455556666"]) }
            if chance() { vpc.originReadTimeout = int(1...60) }
            if chance() { vpc.originKeepaliveTimeout = int(1...60) }
            origin.vpcOriginConfig = vpc
        }
        if origin.originAccessControlId.isEmpty, chance(12) { origin.sentOriginAccessControlId = nil }
        origin.sentConnectionAttempts = sometimesAbsent(int(1...3))
        origin.sentConnectionTimeout = sometimesAbsent(int(1...10))
        if chance(20) { origin.responseCompletionTimeout = int(30...120) }
        if chance(30) {
            origin.originShield.enabled = chance(70)
            if chance(70) { origin.originShield.originShieldRegion = pick(["us-east-1", "eu-west-1"]) }
        } else if chance(15) {
            origin.sentOriginShield = nil
        }
        return origin
    }

    mutating func behavior(pattern: String, targets: [String]) -> CacheBehavior {
        var behavior = CacheBehavior(pathPattern: pattern)
        behavior.targetOriginId = pick(targets)
        if chance(20) { behavior.trustedSigners = [pick(["111122223333", "444455556666", "self"])] }
        if chance(20) { behavior.trustedKeyGroups = ["kg-\(int(1...9))"] }
        if behavior.trustedSigners.isEmpty, chance(12) { behavior.sentTrustedSigners = nil }
        if behavior.trustedKeyGroups.isEmpty, chance(12) { behavior.sentTrustedKeyGroups = nil }
        behavior.viewerProtocolPolicy = pickCase(ViewerProtocolPolicy.self)
        let methodSets: [[HTTPMethod]] = [[.get, .head], [.get, .head, .options], [.get, .head, .options, .put, .post, .patch, .delete]]
        behavior.allowedMethods = pick(methodSets)
        behavior.cachedMethods = behavior.allowedMethods.contains(.options) && chance() ? [.get, .head, .options] : [.get, .head]
        if chance(10) { behavior.sentCachedMethods = nil }
        // CachedMethods lives inside AllowedMethods: without it, neither is sent.
        if chance(8) {
            behavior.sentAllowedMethods = nil
            behavior.sentCachedMethods = nil
        }
        behavior.sentSmoothStreaming = sometimesAbsent(chance(20))
        behavior.sentCompress = sometimesAbsent(chance(70))
        var events = EventType.allCases.shuffled(using: &random)
        for _ in 0..<int(0...2) {
            guard let event = events.popLast() else { break }
            var association = LambdaFunctionAssociation()
            association.eventType = event
            association.lambdaFunctionARN = "arn:aws:lambda:us-east-1:111122223333:function:f\(int(1...9)):\(int(1...20))"
            association.sentIncludeBody = sometimesAbsent(chance(30))
            behavior.lambdaFunctionAssociations.append(association)
        }
        if behavior.lambdaFunctionAssociations.isEmpty, chance(25) { behavior.sentLambdaFunctionAssociations = nil }
        if chance(30) {
            var association = FunctionAssociation()
            association.eventType = pick([.viewerRequest, .viewerResponse])
            association.functionARN = "arn:aws:cloudfront::111122223333:function/fn\(int(1...9))"
            behavior.functionAssociations = [association]
        } else if chance(12) {
            behavior.sentFunctionAssociations = nil
        }
        if chance(20) {
            behavior.fieldLevelEncryptionId = "fle-\(int(1...9))"
        } else if chance(12) {
            behavior.sentFieldLevelEncryptionId = nil
        }
        if chance(20) { behavior.realtimeLogConfigArn = "arn:aws:cloudfront::111122223333:realtime-log-config/r\(int(1...9))" }
        if chance(70) {
            behavior.cachePolicyId = pick(["658327ea-f89d-4fab-a63d-7e88639e58f6", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"])
            if chance() {
                behavior.originRequestPolicyId = pick(["b689b0a8-53d0-40ab-baf2-68738e2966ac", "216adef6-5c7f-47e4-b989-5492eafa07d3"])
            }
            if chance() {
                behavior.responseHeadersPolicyId = pick(["67f7725c-6f97-4210-82d7-5512b31e9d03", "5cc3b908-e619-4b99-88e5-2cf7f45965bd"])
            }
        } else {
            var forwarded = ForwardedValues()
            forwarded.queryString = chance()
            forwarded.cookies.forward = pickCase(ItemSelection.self)
            if forwarded.cookies.forward == .whitelist {
                forwarded.cookies.whitelistedNames = Array(["session", "lang", "cart"].prefix(int(1...3)))
            } else if chance(30) {
                // Sent empty, which CloudFront accepts though it returns none.
                forwarded.cookies.sentWhitelistedNames = []
            }
            if chance() {
                forwarded.headers = pick([["Host"], ["Origin", "Accept"], ["*"]])
            } else if chance(40) {
                forwarded.sentHeaders = nil
            }
            if chance() {
                forwarded.queryStringCacheKeys = pick([["v"], ["page", "sort"]])
            } else if chance(40) {
                forwarded.sentQueryStringCacheKeys = nil
            }
            behavior.forwardedValues = forwarded
            // Each TTL on its own: CloudFront's default stands in for one that is not sent.
            let values = [Int64(int(0...100)), Int64(int(100...10_000)), Int64(int(10_000...1_000_000))]
            behavior.sentMinTTL = sometimesAbsent(values[0])
            behavior.sentDefaultTTL = sometimesAbsent(values[1])
            behavior.sentMaxTTL = sometimesAbsent(values[2])
        }
        if chance(15) {
            var grpc = GRPCConfig()
            grpc.enabled = chance()
            behavior.grpcConfig = grpc
        }
        return behavior
    }

    mutating func viewerCertificate() -> ViewerCertificate {
        var certificate = ViewerCertificate()
        switch int(0...2) {
        case 0:
            certificate.sentCloudFrontDefaultCertificate = sometimesAbsent(true)
            // CloudFront sets TLSv1 with its own certificate, whatever is sent.
            certificate.sentMinimumProtocolVersion = sometimesAbsent(.tlsV1)
            // As CloudFront reports some older distributions (see the legacy-website fixture).
            if chance(30) { certificate.certificateSource = .cloudfront }
            if chance(20) { certificate.sslSupportMethod = pickCase(SSLSupportMethod.self) }
        case 1:
            certificate.acmCertificateArn = "arn:aws:acm:us-east-1:111122223333:certificate/\(int(1000...9999))"
            certificate.sentCloudFrontDefaultCertificate = sometimesAbsent(false)
            certificate.sslSupportMethod = pickCase(SSLSupportMethod.self)
            certificate.sentMinimumProtocolVersion = sometimesAbsent(pickCase(MinimumProtocolVersion.self))
            if chance(30) {
                certificate.certificate = certificate.acmCertificateArn
                certificate.certificateSource = .acm
            }
        default:
            certificate.iamCertificateId = "ASCA\(int(100_000_000_000...999_999_999_999))"
            certificate.sentCloudFrontDefaultCertificate = sometimesAbsent(false)
            certificate.sslSupportMethod = pickCase(SSLSupportMethod.self)
            certificate.sentMinimumProtocolVersion = sometimesAbsent(pickCase(MinimumProtocolVersion.self))
            // The deprecated pair, as CloudFront reports it for an IAM certificate.
            if chance(30) {
                certificate.certificate = certificate.iamCertificateId
                certificate.certificateSource = .iam
            }
        }
        return certificate
    }
}

/// Normalizes patterns the way CloudFront compares them, to keep generated patterns unique.
enum PathPatternKey {
    static func normalize(_ pattern: String) -> String { pattern.hasPrefix("/") ? pattern : "/" + pattern }
}
