// The resources a distribution points at that are not part of its DistributionConfig, declared
// in the same file as top-level maps (`cache-policies:`, `origin-access-controls:`, …) and
// named by their keys. Each is the API's own config structure (CloudFront 2020-05-31), with the
// same naming rules as the distribution's members.

/// The kinds of companion resource a cfc file may declare.
public enum CompanionKind: String, CaseIterable, Hashable, Sendable, Comparable {
    case cachePolicy = "cache-policies"
    case originRequestPolicy = "origin-request-policies"
    case responseHeadersPolicy = "response-headers-policies"
    case originAccessControl = "origin-access-controls"
    // Before key groups: a key group lists public keys.
    case publicKey = "public-keys"
    case keyGroup = "key-groups"
    // Before functions: a function names the key value store it reads.
    case keyValueStore = "key-value-stores"
    case function = "functions"
    case continuousDeploymentPolicy = "continuous-deployment-policies"

    /// The top-level key that declares them (`cache-policies`).
    public var key: String { rawValue }

    /// The word in output file names (`NAME.cache-policy.json`).
    public var fileWord: String {
        switch self {
        case .cachePolicy: "cache-policy"
        case .originRequestPolicy: "origin-request-policy"
        case .responseHeadersPolicy: "response-headers-policy"
        case .originAccessControl: "origin-access-control"
        case .publicKey: "public-key"
        case .keyGroup: "key-group"
        case .keyValueStore: "key-value-store"
        case .function: "function"
        case .continuousDeploymentPolicy: "continuous-deployment-policy"
        }
    }

    /// What one is called in messages ("cache policy").
    public var noun: String {
        switch self {
        case .cachePolicy: "cache policy"
        case .originRequestPolicy: "origin request policy"
        case .responseHeadersPolicy: "response headers policy"
        case .originAccessControl: "origin access control"
        case .publicKey: "public key"
        case .keyGroup: "key group"
        case .keyValueStore: "key value store"
        case .function: "function"
        case .continuousDeploymentPolicy: "continuous deployment policy"
        }
    }

    /// The API structure its document holds (`CachePolicyConfig`).
    public var apiRoot: String {
        switch self {
        case .cachePolicy: "CachePolicyConfig"
        case .originRequestPolicy: "OriginRequestPolicyConfig"
        case .responseHeadersPolicy: "ResponseHeadersPolicyConfig"
        case .originAccessControl: "OriginAccessControlConfig"
        case .publicKey: "PublicKeyConfig"
        case .keyGroup: "KeyGroupConfig"
        // The API has no config structure for a store: its document is the create request,
        // which `aws cloudfront create-key-value-store --cli-input-json` takes as it is.
        case .keyValueStore: "CreateKeyValueStoreRequest"
        case .function: "FunctionConfig"
        case .continuousDeploymentPolicy: "ContinuousDeploymentPolicyConfig"
        }
    }

    /// The file an output document is written to, such as `static.cache-policy.json`.
    public func logicalPath(forName name: String, fileExtension: String) -> String { "\(name).\(fileWord).\(fileExtension)" }

    /// Whether CloudFront knows one by its name (functions, key value stores: the API's calls
    /// take the name, distributions and functions name it by ARN, and its name follows the
    /// API's `[a-zA-Z0-9-_]{1,64}`) rather than by an id it gives.
    public var isKnownByName: Bool { self == .function || self == .keyValueStore }

    /// The file a function's code is written to beside its config document (`NAME.function.js`).
    public func codePath(forName name: String) -> String { logicalPath(forName: name, fileExtension: "js") }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One declared companion resource.
public enum Companion: Hashable, Sendable {
    case cachePolicy(CachePolicyConfig)
    case originRequestPolicy(OriginRequestPolicyConfig)
    case responseHeadersPolicy(ResponseHeadersPolicyConfig)
    case originAccessControl(OriginAccessControlConfig)
    case publicKey(PublicKeyConfig)
    case keyGroup(KeyGroupConfig)
    case keyValueStore(KeyValueStoreConfig)
    case function(FunctionConfig)
    case continuousDeploymentPolicy(ContinuousDeploymentPolicyConfig)

    /// Its kind.
    public var kind: CompanionKind {
        switch self {
        case .cachePolicy: .cachePolicy
        case .originRequestPolicy: .originRequestPolicy
        case .responseHeadersPolicy: .responseHeadersPolicy
        case .originAccessControl: .originAccessControl
        case .publicKey: .publicKey
        case .keyGroup: .keyGroup
        case .keyValueStore: .keyValueStore
        case .function: .function
        case .continuousDeploymentPolicy: .continuousDeploymentPolicy
        }
    }

    /// Its name: the key it is declared under, and the API's `Name`.
    public var name: String {
        switch self {
        case .cachePolicy(let config): config.name
        case .originRequestPolicy(let config): config.name
        case .responseHeadersPolicy(let config): config.name
        case .originAccessControl(let config): config.name
        case .publicKey(let config): config.name
        case .keyGroup(let config): config.name
        case .keyValueStore(let config): config.name
        case .function(let definition): definition.name
        case .continuousDeploymentPolicy(let config): config.name
        }
    }

    /// The companions it names (a function its key value store), with the ids known when it
    /// was lowered: what it waits for until they exist.
    public var companionReferences: [CompanionReference] {
        get {
            switch self {
            case .function(let definition): definition.companionReferences
            case .keyGroup(let config): config.companionReferences
            default: []
            }
        }
        set {
            switch self {
            case .function(var definition):
                definition.companionReferences = newValue
                self = .function(definition)
            case .keyGroup(var config):
                config.companionReferences = newValue
                self = .keyGroup(config)
            default:
                break
            }
        }
    }

    /// A function's code; nil for the other kinds.
    public var code: [UInt8]? {
        if case .function(let definition) = self { return definition.code }
        return nil
    }

    /// Where it is declared (`cache-policies.static`).
    public var path: ConfigPath { ConfigPath([.key(kind.key), .key(name)]) }
}

/// A reference from a distribution to a companion it names (`cache-policy: static`), with where
/// it is written; the id it stands for is known once the companion exists in CloudFront.
public struct CompanionReference: Hashable, Sendable {
    /// The kind named.
    public var kind: CompanionKind
    /// The name written.
    public var name: String
    /// Where it is written.
    public var path: ConfigPath
    /// The id, from the state file, when the companion has been created.
    public var id: String?

    /// What the member holds while the companion does not exist: words, not an id, so that no
    /// check mistakes it for one and a plan shows it as what it is. Never sent: a
    /// distribution with a reference without an id is not emitted.
    public var placeholder: String { Self.placeholder(kind: kind, name: name) }

    /// The placeholder for `kind` named `name`.
    public static func placeholder(kind: CompanionKind, name: String) -> String {
        "(\(kind.noun) '\(name)', known after apply)"
    }

    /// Whether `value` is a placeholder (no CloudFront id starts with a parenthesis).
    public static func isPlaceholder(_ value: String) -> Bool { value.hasPrefix("(") }

    /// Creates a reference.
    public init(kind: CompanionKind, name: String, path: ConfigPath, id: String?) {
        self.kind = kind
        self.name = name
        self.path = path
        self.id = id
    }
}

/// The ids of the companions that exist in CloudFront, by kind and name (from the state file),
/// for lowering references to them.
public struct CompanionIDs: Hashable, Sendable {
    /// The ids.
    public var byKind: [CompanionKind: [String: String]]

    /// Creates the table.
    public init(_ byKind: [CompanionKind: [String: String]] = [:]) {
        self.byKind = byKind
    }

    /// The id of `kind` named `name`, if it exists.
    public func id(of kind: CompanionKind, named name: String) -> String? { byKind[kind]?[name] }
}

extension Distribution {
    /// The companions it names that `ids` has no id for: what keeps it from being sent.
    public func unresolvedCompanions(_ ids: CompanionIDs) -> [CompanionReference] {
        companionReferences.filter { ids.id(of: $0.kind, named: $0.name) == nil }
    }

    /// The distribution with every companion it names set to the id `ids` has for it, as
    /// `cfc apply` sends it once it has created the companions (or made again one deleted
    /// outside cfc). A placeholder names its kind and companion, and ids are unique, so each
    /// value stands for one companion wherever it is written.
    public func resolvingCompanions(_ ids: CompanionIDs) -> Distribution {
        var replacements: [String: String] = [:]
        var resolved = self
        for (index, reference) in companionReferences.enumerated() {
            guard let id = ids.id(of: reference.kind, named: reference.name), id != reference.id else { continue }
            replacements[reference.id ?? reference.placeholder] = id
            resolved.companionReferences[index].id = id
        }
        guard !replacements.isEmpty else { return self }
        func resolve(_ value: inout String?) {
            if let current = value, let id = replacements[current] { value = id }
        }
        func resolve(_ behavior: inout CacheBehavior) {
            resolve(&behavior.cachePolicyId)
            resolve(&behavior.originRequestPolicyId)
            resolve(&behavior.responseHeadersPolicyId)
            for index in behavior.trustedKeyGroups.indices {
                if let id = replacements[behavior.trustedKeyGroups[index]] { behavior.trustedKeyGroups[index] = id }
            }
            for index in behavior.functionAssociations.indices {
                if let arn = replacements[behavior.functionAssociations[index].functionARN] {
                    behavior.functionAssociations[index].functionARN = arn
                }
            }
        }
        resolve(&resolved.config.continuousDeploymentPolicyId)
        resolve(&resolved.config.defaultCacheBehavior)
        if resolved.config.sentCacheBehaviors != nil {
            for index in resolved.config.cacheBehaviors.indices { resolve(&resolved.config.cacheBehaviors[index]) }
        }
        for index in resolved.config.origins.indices { resolve(&resolved.config.origins[index].sentOriginAccessControlId) }
        return resolved
    }
}

// MARK: - Cache policies

/// `CachePolicyConfig`: a cache key and TTLs that behaviors share.
public struct CachePolicyConfig: Hashable, Sendable {
    public var comment: String?
    public var name: String = ""
    public var defaultTTL: Int64?
    public var maxTTL: Int64?
    public var minTTL: Int64 = 0
    public var parametersInCacheKeyAndForwardedToOrigin = ParametersInCacheKeyAndForwardedToOrigin()

    public init() {}
}

/// `ParametersInCacheKeyAndForwardedToOrigin`: what of a request is in the cache key.
public struct ParametersInCacheKeyAndForwardedToOrigin: Hashable, Sendable {
    public var enableAcceptEncodingGzip = false
    public var enableAcceptEncodingBrotli: Bool?
    public var headersConfig = CachePolicyHeadersConfig()
    public var cookiesConfig = CachePolicyCookiesConfig()
    public var queryStringsConfig = CachePolicyQueryStringsConfig()

    public init() {}
}

/// `CachePolicyHeadersConfig`.
public struct CachePolicyHeadersConfig: Hashable, Sendable {
    public var headerBehavior: CachePolicyHeaderBehavior = .none
    public var headers: [String]?

    public init() {}
}

/// `CachePolicyCookiesConfig`.
public struct CachePolicyCookiesConfig: Hashable, Sendable {
    public var cookieBehavior: PolicyItemBehavior = .none
    public var cookies: [String]?

    public init() {}
}

/// `CachePolicyQueryStringsConfig`.
public struct CachePolicyQueryStringsConfig: Hashable, Sendable {
    public var queryStringBehavior: PolicyItemBehavior = .none
    public var queryStrings: [String]?

    public init() {}
}

/// `CachePolicyHeaderBehavior`.
public enum CachePolicyHeaderBehavior: String, CaseIterable, Hashable, Sendable {
    case none
    case whitelist
}

/// Which cookies or query strings a policy takes: `CachePolicyCookieBehavior`,
/// `CachePolicyQueryStringBehavior`, `OriginRequestPolicyCookieBehavior` and
/// `OriginRequestPolicyQueryStringBehavior` (the same four values).
public enum PolicyItemBehavior: String, CaseIterable, Hashable, Sendable {
    case none
    case whitelist
    case allExcept
    case all
}

// MARK: - Origin request policies

/// `OriginRequestPolicyConfig`: what CloudFront forwards to the origin beyond the cache key.
public struct OriginRequestPolicyConfig: Hashable, Sendable {
    public var comment: String?
    public var name: String = ""
    public var headersConfig = OriginRequestPolicyHeadersConfig()
    public var cookiesConfig = OriginRequestPolicyCookiesConfig()
    public var queryStringsConfig = OriginRequestPolicyQueryStringsConfig()

    public init() {}
}

/// `OriginRequestPolicyHeadersConfig`.
public struct OriginRequestPolicyHeadersConfig: Hashable, Sendable {
    public var headerBehavior: OriginRequestPolicyHeaderBehavior = .none
    public var headers: [String]?

    public init() {}
}

/// `OriginRequestPolicyCookiesConfig`.
public struct OriginRequestPolicyCookiesConfig: Hashable, Sendable {
    public var cookieBehavior: PolicyItemBehavior = .none
    public var cookies: [String]?

    public init() {}
}

/// `OriginRequestPolicyQueryStringsConfig`.
public struct OriginRequestPolicyQueryStringsConfig: Hashable, Sendable {
    public var queryStringBehavior: PolicyItemBehavior = .none
    public var queryStrings: [String]?

    public init() {}
}

/// `OriginRequestPolicyHeaderBehavior`.
public enum OriginRequestPolicyHeaderBehavior: String, CaseIterable, Hashable, Sendable {
    case none
    case whitelist
    case allViewer
    case allViewerAndWhitelistCloudFront
    case allExcept
}

// MARK: - Response headers policies

/// `ResponseHeadersPolicyConfig`: headers CloudFront adds to (or removes from) responses.
public struct ResponseHeadersPolicyConfig: Hashable, Sendable {
    public var comment: String?
    public var name: String = ""
    public var corsConfig: ResponseHeadersPolicyCorsConfig?
    public var securityHeadersConfig: ResponseHeadersPolicySecurityHeadersConfig?
    public var serverTimingHeadersConfig: ResponseHeadersPolicyServerTimingHeadersConfig?
    public var customHeadersConfig: [ResponseHeadersPolicyCustomHeader]?
    /// The names of the headers removed (each a `ResponseHeadersPolicyRemoveHeader`).
    public var removeHeadersConfig: [String]?

    public init() {}
}

/// `ResponseHeadersPolicyCorsConfig`.
public struct ResponseHeadersPolicyCorsConfig: Hashable, Sendable {
    public var accessControlAllowOrigins: [String] = []
    public var accessControlAllowHeaders: [String] = []
    public var accessControlAllowMethods: [ResponseHeadersPolicyAccessControlAllowMethodsValues] = []
    public var accessControlAllowCredentials = false
    public var accessControlExposeHeaders: [String]?
    public var accessControlMaxAgeSec: Int?
    public var originOverride = true

    public init() {}
}

/// `ResponseHeadersPolicyAccessControlAllowMethodsValues`.
public enum ResponseHeadersPolicyAccessControlAllowMethodsValues: String, CaseIterable, Hashable, Sendable {
    case get = "GET"
    case post = "POST"
    case options = "OPTIONS"
    case put = "PUT"
    case delete = "DELETE"
    case patch = "PATCH"
    case head = "HEAD"
    case all = "ALL"
}

/// `ResponseHeadersPolicySecurityHeadersConfig`.
public struct ResponseHeadersPolicySecurityHeadersConfig: Hashable, Sendable {
    public var xssProtection: ResponseHeadersPolicyXSSProtection?
    public var frameOptions: ResponseHeadersPolicyFrameOptions?
    public var referrerPolicy: ResponseHeadersPolicyReferrerPolicy?
    public var contentSecurityPolicy: ResponseHeadersPolicyContentSecurityPolicy?
    public var contentTypeOptions: ResponseHeadersPolicyContentTypeOptions?
    public var strictTransportSecurity: ResponseHeadersPolicyStrictTransportSecurity?

    public init() {}
}

/// `ResponseHeadersPolicyXSSProtection`.
public struct ResponseHeadersPolicyXSSProtection: Hashable, Sendable {
    public var override = true
    public var protection = true
    public var modeBlock: Bool?
    public var reportUri: String?

    public init() {}
}

/// `ResponseHeadersPolicyFrameOptions`.
public struct ResponseHeadersPolicyFrameOptions: Hashable, Sendable {
    public var override = true
    public var frameOption: FrameOption = .deny

    public init() {}
}

/// `FrameOptionsList`.
public enum FrameOption: String, CaseIterable, Hashable, Sendable {
    case deny = "DENY"
    case sameOrigin = "SAMEORIGIN"
}

/// `ResponseHeadersPolicyReferrerPolicy`.
public struct ResponseHeadersPolicyReferrerPolicy: Hashable, Sendable {
    public var override = true
    public var referrerPolicy: ReferrerPolicy = .strictOriginWhenCrossOrigin

    public init() {}
}

/// `ReferrerPolicyList`.
public enum ReferrerPolicy: String, CaseIterable, Hashable, Sendable {
    case noReferrer = "no-referrer"
    case noReferrerWhenDowngrade = "no-referrer-when-downgrade"
    case origin
    case originWhenCrossOrigin = "origin-when-cross-origin"
    case sameOrigin = "same-origin"
    case strictOrigin = "strict-origin"
    case strictOriginWhenCrossOrigin = "strict-origin-when-cross-origin"
    case unsafeURL = "unsafe-url"
}

/// `ResponseHeadersPolicyContentSecurityPolicy`.
public struct ResponseHeadersPolicyContentSecurityPolicy: Hashable, Sendable {
    public var override = true
    public var contentSecurityPolicy = ""

    public init() {}
}

/// `ResponseHeadersPolicyContentTypeOptions` (`X-Content-Type-Options: nosniff`).
public struct ResponseHeadersPolicyContentTypeOptions: Hashable, Sendable {
    public var override = true

    public init() {}
}

/// `ResponseHeadersPolicyStrictTransportSecurity`.
public struct ResponseHeadersPolicyStrictTransportSecurity: Hashable, Sendable {
    public var override = true
    public var includeSubdomains: Bool?
    public var preload: Bool?
    public var accessControlMaxAgeSec = 0

    public init() {}
}

/// `ResponseHeadersPolicyServerTimingHeadersConfig`.
public struct ResponseHeadersPolicyServerTimingHeadersConfig: Hashable, Sendable {
    public var enabled = true
    /// A percentage, 0 to 100, with up to four decimal places.
    public var samplingRate: Double?

    public init() {}
}

/// `ResponseHeadersPolicyCustomHeader`.
public struct ResponseHeadersPolicyCustomHeader: Hashable, Sendable {
    public var header = ""
    public var value = ""
    public var override = true

    public init() {}
}

// MARK: - Origin access controls

/// `OriginAccessControlConfig`: how CloudFront signs its requests to an AWS origin.
public struct OriginAccessControlConfig: Hashable, Sendable {
    public var name: String = ""
    public var description: String?
    public var signingProtocol: OriginAccessControlSigningProtocol = .sigv4
    public var signingBehavior: OriginAccessControlSigningBehavior = .always
    public var originAccessControlOriginType: OriginAccessControlOriginType = .s3

    public init() {}
}

/// `OriginAccessControlSigningProtocols`.
public enum OriginAccessControlSigningProtocol: String, CaseIterable, Hashable, Sendable {
    case sigv4
}

/// `OriginAccessControlSigningBehaviors`.
public enum OriginAccessControlSigningBehavior: String, CaseIterable, Hashable, Sendable {
    case never
    case always
    case noOverride = "no-override"
}

/// `OriginAccessControlOriginTypes`.
public enum OriginAccessControlOriginType: String, CaseIterable, Hashable, Sendable {
    case s3
    case mediastore
    case mediapackagev2
    case lambda
}

// MARK: - CloudFront Functions

/// A CloudFront Function: the API's `FunctionConfig`, with the two things `CreateFunction`
/// takes beside it, the name and the code (which cfc reads from a file beside the config).
/// CloudFront knows a function by its name; distributions name it by its ARN, which is what
/// the state file records as its id.
public struct FunctionConfig: Hashable, Sendable {
    /// The function's name (its key under `functions:`), the API's `Name` request parameter.
    public var name: String = ""
    /// `Comment`: required by the API, empty by default.
    public var comment: String = ""
    /// `Runtime`.
    public var runtime: FunctionRuntime = .cloudfrontJS2
    /// `KeyValueStoreAssociations`: at most one key value store's ARN.
    public var keyValueStoreAssociations: [KeyValueStoreAssociation]?
    /// The code file as written, relative to the config's directory.
    public var codeFile: String = ""
    /// The code's bytes (`FunctionCode`, at most 40,960 bytes).
    public var code: [UInt8] = []
    /// The key value stores it names by name, set by lowering.
    public var companionReferences: [CompanionReference] = []

    public init() {}
}

/// `FunctionRuntime`.
public enum FunctionRuntime: String, CaseIterable, Hashable, Sendable {
    case cloudfrontJS1 = "cloudfront-js-1.0"
    case cloudfrontJS2 = "cloudfront-js-2.0"
}

/// `KeyValueStoreAssociation`.
public struct KeyValueStoreAssociation: Hashable, Sendable {
    /// `KeyValueStoreARN`.
    public var keyValueStoreARN: String = ""

    public init() {}
}

// MARK: - Key value stores

/// A CloudFront KeyValueStore, as `CreateKeyValueStore` takes it: the data a function reads at
/// the edge. Its keys and values are data, not configuration: cfc creates the store (from an S3
/// object once, if given) and leaves its contents to the tools made for them. CloudFront knows a
/// store by its name; functions name it by ARN, which the state file records as its id.
public struct KeyValueStoreConfig: Hashable, Sendable {
    /// `Name`: its key under `key-value-stores:`.
    public var name: String = ""
    /// `Comment`.
    public var comment: String?
    /// `ImportSource`: the S3 object the store is filled from when it is created.
    public var importSource: KeyValueStoreImportSource?

    public init() {}
}

/// `ImportSource`.
public struct KeyValueStoreImportSource: Hashable, Sendable {
    /// `SourceType`: `S3`, the only one.
    public var sourceType: ImportSourceType = .s3
    /// `SourceARN`: the S3 object's ARN.
    public var sourceARN: String = ""

    public init() {}
}

/// `ImportSourceType`.
public enum ImportSourceType: String, CaseIterable, Hashable, Sendable {
    case s3 = "S3"
}

// MARK: - Public keys and key groups

/// `PublicKeyConfig`: a public key whose private key signs URLs and cookies for the
/// behaviors that trust a key group holding it.
public struct PublicKeyConfig: Hashable, Sendable {
    /// `CallerReference`: `cfc-NAME` unless written, and fixed once the key exists.
    public var callerReference: String = ""
    /// `Name`: its key under `public-keys:`.
    public var name: String = ""
    /// `EncodedKey`: the PEM text, written inline or read from `encoded-key-file`.
    public var encodedKey: String = ""
    /// The PEM file as written, when the key is read from one.
    public var encodedKeyFile: String?
    /// `Comment`.
    public var comment: String?

    public init() {}
}

/// `KeyGroupConfig`: the public keys a behavior's `trusted-key-groups` trusts.
public struct KeyGroupConfig: Hashable, Sendable {
    /// `Name`: its key under `key-groups:`.
    public var name: String = ""
    /// `Items`: the public keys' ids (a declared key's placeholder until it exists).
    public var items: [String] = []
    /// `Comment`.
    public var comment: String?
    /// The public keys it names by name, set by lowering.
    public var companionReferences: [CompanionReference] = []

    public init() {}
}

// MARK: - Continuous deployment policies

/// `ContinuousDeploymentPolicyConfig`: which requests a primary distribution sends to its
/// staging distribution. CloudFront gives such a policy no name: cfc's name for it (its key
/// under `continuous-deployment-policies:`) names its files and its state entry only.
public struct ContinuousDeploymentPolicyConfig: Hashable, Sendable {
    /// cfc's name for it; not sent.
    public var name: String = ""
    /// `StagingDistributionDnsNames`: the staging distribution's domain name.
    public var stagingDistributionDnsNames: [String] = []
    /// `Enabled`.
    public var enabled: Bool = true
    /// `TrafficConfig`.
    public var trafficConfig: ContinuousDeploymentTrafficConfig?

    public init() {}
}

/// `TrafficConfig`.
public struct ContinuousDeploymentTrafficConfig: Hashable, Sendable {
    /// `SingleWeightConfig`.
    public var singleWeightConfig: ContinuousDeploymentSingleWeightConfig?
    /// `SingleHeaderConfig`.
    public var singleHeaderConfig: ContinuousDeploymentSingleHeaderConfig?
    /// `Type`.
    public var type: ContinuousDeploymentPolicyType = .singleWeight

    public init() {}
}

/// `ContinuousDeploymentSingleWeightConfig`.
public struct ContinuousDeploymentSingleWeightConfig: Hashable, Sendable {
    /// `Weight`: the share of traffic, 0 to 0.15.
    public var weight: Double = 0
    /// `SessionStickinessConfig`.
    public var sessionStickinessConfig: SessionStickinessConfig?

    public init() {}
}

/// `SessionStickinessConfig`.
public struct SessionStickinessConfig: Hashable, Sendable {
    /// `IdleTTL`, 300–3600 seconds.
    public var idleTTL: Int = 300
    /// `MaximumTTL`, 300–3600 seconds.
    public var maximumTTL: Int = 600

    public init() {}
}

/// `ContinuousDeploymentSingleHeaderConfig`.
public struct ContinuousDeploymentSingleHeaderConfig: Hashable, Sendable {
    /// `Header`: starts with `aws-cf-cd-`.
    public var header: String = ""
    /// `Value`.
    public var value: String = ""

    public init() {}
}

/// `ContinuousDeploymentPolicyType`.
public enum ContinuousDeploymentPolicyType: String, CaseIterable, Hashable, Sendable {
    case singleWeight = "SingleWeight"
    case singleHeader = "SingleHeader"
}
