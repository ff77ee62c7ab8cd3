/// AWS's managed cache, origin request and response headers policies: their names, ids, and
/// what they do, as AWS documents them. A behavior may name one (`cache-policy:
/// CachingOptimized`) instead of writing its id, and the checks, `cfc route` and the
/// invalidation planner read what a managed policy means from here.
///
/// The table is data with a date and a source per row: AWS adds managed policies from time to
/// time, and never changes what an existing one does (a changed policy gets a new name, such as
/// `AllViewerAndCloudFrontHeaders-2022-06`). `docs/managed-policies.md` is generated from it.
public enum ManagedPolicies {
    /// When the table was last checked against AWS's documentation.
    public static let checked = "2026-12-04"

    /// Which of a request's headers, cookies or query strings a policy takes.
    public enum Selection: Sendable, Hashable {
        /// None.
        case none
        /// All of them.
        case all
        /// Only these (header names in lower case).
        case only([String])
        /// All but these.
        case allExcept([String])
        /// All the viewer's, and these CloudFront headers (origin request policies only).
        case allViewerAnd([String])

        /// Whether `name` is taken (header names compared case-insensitively).
        public func includes(_ name: String, caseInsensitive: Bool = false) -> Bool {
            func same(_ a: String, _ b: String) -> Bool { caseInsensitive ? a.lowercased() == b.lowercased() : a == b }
            switch self {
            case .none: return false
            case .all, .allViewerAnd: return true
            case .only(let names): return names.contains { same($0, name) }
            case .allExcept(let names): return !names.contains { same($0, name) }
            }
        }

        /// The selection in words, as the docs and `cfc route` show it.
        public var text: String {
            switch self {
            case .none: "none"
            case .all: "all"
            case .only(let names): names.joined(separator: ", ")
            case .allExcept(let names): "all except " + names.joined(separator: ", ")
            case .allViewerAnd(let names): "all viewer headers, and " + names.joined(separator: ", ")
            }
        }
    }

    /// A managed cache policy: the cache key and the TTLs.
    public struct CachePolicy: Sendable, Hashable {
        /// The name (the console shows it as `Managed-` and the name).
        public let name: String
        /// The policy id.
        public let id: String
        /// `MinTTL`, `DefaultTTL`, `MaxTTL`, seconds.
        public let minTTL: Int64, defaultTTL: Int64, maxTTL: Int64
        /// What of the request is in the cache key (and so also sent to the origin).
        public let headers: Selection, cookies: Selection, queryStrings: Selection
        /// Whether the normalized `Accept-Encoding` is in the cache key for gzip and Brotli.
        public let gzip: Bool, brotli: Bool
        /// Whether it is one of Amplify Hosting's own, which AWS recommends against using.
        public var amplifyHostingOnly = false
        /// What it is for, from AWS's page.
        public let purpose: String
        /// The AWS page that documents it.
        public let source: String

        /// The name the API and console give it.
        public var apiName: String { ManagedPolicies.apiName(of: name) }
    }

    /// A managed origin request policy: what is forwarded to the origin beyond the cache key.
    public struct OriginRequestPolicy: Sendable, Hashable {
        /// The name.
        public let name: String
        /// The policy id.
        public let id: String
        /// What is forwarded.
        public let headers: Selection, cookies: Selection, queryStrings: Selection
        /// What it is for, from AWS's page.
        public let purpose: String
        /// The AWS page that documents it.
        public let source: String

        /// The name the API and console give it.
        public var apiName: String { ManagedPolicies.apiName(of: name) }

        /// Whether the viewer's `Host` header reaches the origin.
        public var forwardsHost: Bool { headers.includes("host", caseInsensitive: true) }
    }

    /// A managed response headers policy: the headers CloudFront adds to responses.
    public struct ResponseHeadersPolicy: Sendable, Hashable {
        /// The name.
        public let name: String
        /// The policy id.
        public let id: String
        /// The headers it adds, with their values, as AWS lists them.
        public let headers: [(name: String, value: String)]
        /// What it is for, from AWS's page.
        public let purpose: String
        /// The AWS page that documents it.
        public let source: String

        /// The name the API and console give it.
        public var apiName: String { ManagedPolicies.apiName(of: name) }

        /// Whether it adds `Strict-Transport-Security`.
        public var setsHSTS: Bool { headers.contains { $0.name.lowercased() == "strict-transport-security" } }

        public static func == (a: Self, b: Self) -> Bool { a.id == b.id }
        public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    }

    // MARK: - Lookups

    /// The managed cache policy named `name` (with or without `Managed-`, in any case), or nil.
    public static func cachePolicy(named name: String) -> CachePolicy? {
        let bare = bareName(name)
        return cachePolicies.first { sameName($0.name, bare) }
    }

    /// The managed cache policy with id `id`, or nil.
    public static func cachePolicy(id: String) -> CachePolicy? { cachePolicies.first { $0.id == id } }

    /// The managed origin request policy named `name` (with or without `Managed-`), or nil.
    public static func originRequestPolicy(named name: String) -> OriginRequestPolicy? {
        let bare = bareName(name)
        return originRequestPolicies.first { sameName($0.name, bare) }
    }

    /// The managed origin request policy with id `id`, or nil.
    public static func originRequestPolicy(id: String) -> OriginRequestPolicy? { originRequestPolicies.first { $0.id == id } }

    /// The managed response headers policy named `name` (with or without `Managed-`), or nil.
    public static func responseHeadersPolicy(named name: String) -> ResponseHeadersPolicy? {
        let bare = bareName(name)
        return responseHeadersPolicies.first { sameName($0.name, bare) }
    }

    /// The managed response headers policy with id `id`, or nil.
    public static func responseHeadersPolicy(id: String) -> ResponseHeadersPolicy? { responseHeadersPolicies.first { $0.id == id } }

    /// Whether `text` has the form of a CloudFront policy id: a UUID in hexadecimal (8-4-4-4-12).
    /// CloudFront returns every id in lower case, but AWS's own examples write some in upper
    /// case, and whether the API folds case is not documented: only the form is held to.
    public static func isWellFormedID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
                else { return false }
            }
        }
        return true
    }

    /// The console's prefix for managed policy names.
    public static let consolePrefix = "Managed-"

    /// The name the API (`ListCachePolicies`) and the console give a managed policy: `Managed-`
    /// and the documented name, except for the two UseOriginCacheControlHeaders policies, which
    /// AWS named without it.
    static func apiName(of name: String) -> String {
        name.hasPrefix("UseOriginCacheControlHeaders") ? name : consolePrefix + name
    }

    /// `name` without the console's `Managed-` prefix.
    public static func bareName(_ name: String) -> String {
        name.lowercased().hasPrefix(consolePrefix.lowercased()) ? String(name.dropFirst(consolePrefix.count)) : name
    }

    /// Names compare without regard to case: AWS itself spells one policy
    /// `CORS-with-preflight-and-SecurityHeadersPolicy` beside `CORS-With-Preflight`.
    private static func sameName(_ a: String, _ b: String) -> Bool {
        a.lowercased() == b.lowercased()
    }
}
