import DistributionIR
import PathPatterns

/// A request to simulate: `POST http://shop.example.com/cart` over HTTP/1.1.
public struct SimulatedRequest: Sendable, Equatable {
    /// The HTTP method, upper-case.
    public var method: String
    /// `http` or `https`.
    public var scheme: String
    /// The Host, lower-case, without port.
    public var host: String
    /// The path, starting with `/` (what CloudFront matches).
    public var path: String
    /// The query string without `?`, or nil.
    public var query: String?
    /// The viewer's HTTP version.
    public var httpVersion: ViewerHTTPVersion
    /// Whether the request carries a valid signed URL or signed cookie (cfc cannot check a
    /// signature; `cfc route --signed` says to assume one).
    public var signed: Bool

    /// Parses `METHOD URL` into a request.
    /// - Throws: `RouteError` when the URL is not an absolute http(s) URL.
    public init(method: String, url: String, httpVersion: ViewerHTTPVersion = .http1_1, signed: Bool = false) throws(RouteError) {
        self.method = method.uppercased()
        self.httpVersion = httpVersion
        self.signed = signed
        guard let schemeEnd = url.firstRange(of: "://") else { throw RouteError("'\(url)' is not an absolute URL (http://host/path)") }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { throw RouteError("'\(scheme)' is not http or https") }
        self.scheme = scheme
        var rest = url[schemeEnd.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let pathStart = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var authority = rest[..<pathStart]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") { authority = authority[..<colon] }
        guard !authority.isEmpty else { throw RouteError("'\(url)' has no host") }
        host = authority.lowercased()
        var pathAndQuery = rest[pathStart...]
        if pathAndQuery.hasPrefix("?") { pathAndQuery = "/" + pathAndQuery }
        if let question = pathAndQuery.firstIndex(of: "?") {
            path = String(pathAndQuery[..<question])
            query = String(pathAndQuery[pathAndQuery.index(after: question)...])
        } else {
            path = pathAndQuery.isEmpty ? "/" : String(pathAndQuery)
            query = nil
        }
        guard method.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }), !method.isEmpty else {
            throw RouteError("'\(method)' is not an HTTP method")
        }
    }
}

/// The viewer's HTTP version, which decides redirects of methods with a body.
public enum ViewerHTTPVersion: String, Sendable, CaseIterable {
    case http1_0 = "1.0"
    case http1_1 = "1.1"
    case http2 = "2"
    case http3 = "3"

    /// Whether the version is HTTP/1.1 or later.
    public var isAtLeast1_1: Bool { self != .http1_0 }
}

/// A request that cannot be simulated.
public struct RouteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// How a request's host reaches a distribution.
public enum HostMatch: Sendable, Equatable {
    /// An alias that names the host exactly.
    case alias(String)
    /// A wildcard alias (`*.example.com`) that covers the host.
    case wildcardAlias(String)
    /// The distribution's CloudFront domain (`d111111abcdef8.cloudfront.net`).
    case cloudFrontDomain
}

/// What CloudFront does with a request, following AWS's documented behavior.
public struct RouteAnswer: Sendable, Equatable {
    /// What CloudFront does.
    public enum Action: String, Sendable {
        /// Sends the request on to the origin (or serves it from cache).
        case forward
        /// Answers with a redirect to HTTPS.
        case redirect
        /// Answers 403.
        case forbidden
    }

    /// The serving behavior's position in `cache-behaviors` (from 0), or nil for the default.
    public var behaviorIndex: Int?
    /// Its path pattern (`*` for the default behavior).
    public var pathPattern: String
    /// What happens.
    public var action: Action
    /// The status CloudFront answers itself with (301, 307, 403), or nil when it forwards.
    public var status: Int?
    /// The redirect's `Location`.
    public var location: String?
    /// The origin id CloudFront fetches from (for a group, its primary).
    public var origin: String?
    /// `http` or `https` towards the origin, or nil when unknown or not forwarded.
    public var originProtocol: String?
    /// Everything else worth knowing, in sentences.
    public var notes: [String]
}

/// Simulates CloudFront's handling of a request, on the same matcher and routing table as the
/// checks, so the simulator and the ordering rules cannot disagree.
public struct RouteSimulator: Sendable {
    /// The distribution.
    public let distribution: Distribution
    /// Its routing table.
    public let routing: RoutingTable

    /// Creates a simulator for `distribution`.
    public init(_ distribution: Distribution) {
        self.distribution = distribution
        self.routing = RoutingTable(distribution)
    }

    /// Whether `host` is served by the distribution: one of its aliases covers it (see
    /// `hostMatch(_:)`), or it is a CloudFront domain.
    public func serves(host: String) -> Bool {
        hostMatch(host) != nil
    }

    /// How `host` reaches this distribution, or nil when CloudFront would not route it here.
    public func hostMatch(_ host: String) -> HostMatch? {
        if let alias = Self.mostSpecificAlias(covering: host, in: distribution.config.aliases) {
            return alias.hasPrefix("*.") ? .wildcardAlias(alias) : .alias(alias)
        }
        // A distribution's own domain is one generated label under cloudfront.net
        // (d111111abcdef8.cloudfront.net); which one is not in the config, so any such name is
        // taken to be it.
        if host.hasSuffix(".cloudfront.net") {
            let label = host.dropLast(".cloudfront.net".count)
            if !label.isEmpty && !label.contains(".") { return .cloudFrontDomain }
        }
        return nil
    }

    /// Whether `alias` covers `host`, as CloudFront routes it.
    ///
    /// An exact alias covers only itself. A wildcard alias `*.example.com` covers every name
    /// that ends with `.example.com`, at any depth, but not `example.com` itself. AWS, "Use
    /// wildcards in alternate domain names": "with an alternate domain name of *.example.com,
    /// you can use any domain name that ends with example.com in your URLs, such as
    /// www.example.com, product-name.example.com, marketing.product-name.example.com"; and the
    /// apex is a separate alternate domain name ("*.example.com, can include another alternate
    /// domain name that's in use, such as example.com").
    /// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/alternate-domain-names-wildcard.html
    ///
    /// The labels the wildcard stands for must be real labels: `.example.com` or
    /// `a..example.com` are not domain names, so no alias covers them.
    public static func alias(_ alias: String, covers host: String) -> Bool {
        guard alias.hasPrefix("*.") else { return alias == host }
        let base = alias.dropFirst(2)
        guard !base.isEmpty, host.count > base.count + 1, host.hasSuffix("." + base) else { return false }
        let covered = host.dropLast(base.count + 1)
        return covered.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty }
    }

    /// The alias among `aliases` that covers `host` most specifically, or nil.
    ///
    /// CloudFront sends a request to the most specific matching alternate domain name: an
    /// exact name before any wildcard, and (as "marketing.domain.com is more specific than
    /// *.domain.com") a longer wildcard before a shorter one. AWS, "Restrictions on using
    /// alternate domain names":
    /// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html#alternate-domain-names-restrictions
    public static func mostSpecificAlias(covering host: String, in aliases: [String]) -> String? {
        if aliases.contains(host) { return host }
        return aliases.filter { $0.hasPrefix("*.") && alias($0, covers: host) }.max { $0.count < $1.count }
    }

    /// What CloudFront does with `request`.
    public func route(_ request: SimulatedRequest) -> RouteAnswer {
        let position = routing.route(request.path)
        let routed = routing.behaviors[position]
        let behavior = routed.behavior
        var answer = RouteAnswer(
            behaviorIndex: routed.index, pathPattern: routed.isDefault ? "*" : behavior.pathPattern, action: .forward,
            status: nil, location: nil, origin: nil, originProtocol: nil, notes: [])

        // A disabled distribution keeps its configuration but serves nothing: "Enabled: From this
        // field, you can enable or disable the selected distribution"; a disabled one only waits
        // to be enabled again or deleted (DeleteDistribution requires it). Its behaviors are still
        // shown, for what the request would get once it is enabled.
        // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html
        guard distribution.config.enabled else {
            answer.action = .forbidden
            answer.status = 403
            answer.notes.append(
                "the distribution is disabled (enabled: false): CloudFront does not serve it, and viewers get an error (403) until it is enabled; the behavior shown is the one that would serve the request once enabled"
            )
            return answer
        }

        guard let matched = hostMatch(request.host) else {
            answer.notes.append(
                "host \(request.host) is neither an alias of this distribution nor a CloudFront domain: CloudFront does not route it here (a request that reaches an edge with this Host gets 403)"
            )
            answer.action = .forbidden
            answer.status = 403
            return answer
        }
        switch matched {
        case .alias:
            break
        case .cloudFrontDomain:
            answer.notes.append("\(request.host) is taken to be this distribution's CloudFront domain")
        case .wildcardAlias(let alias):
            answer.notes.append("\(request.host) is served through the wildcard alias \(alias)")
            // Routing covers any depth, but TLS name checks (RFC 6125 §6.4.3) let a certificate's
            // *.example.com stand for one label only, so a deeper name needs a name of its own
            // on the certificate, which cfc cannot see.
            let coveredLabels = request.host.dropLast(alias.count - 1).split(separator: ".")
            if request.scheme == "https" && coveredLabels.count > 1 {
                let parent = request.host.split(separator: ".", maxSplits: 1)[1]
                answer.notes.append(
                    "the certificate name \(alias) covers one level only: HTTPS viewers of \(request.host) need a certificate that names it (or *.\(parent))"
                )
            }
        }

        let allowed = behavior.allowedMethods.map(\.rawValue)
        if !allowed.contains(request.method) {
            answer.action = .forbidden
            answer.status = 403
            answer.notes.append(
                "\(request.method) is not in allowed-methods [\(allowed.joined(separator: ", "))]: CloudFront answers 403 (invalid method)")
            return answer
        }

        if request.scheme == "http" {
            switch behavior.viewerProtocolPolicy {
            case .allowAll:
                break
            case .httpsOnly:
                answer.action = .forbidden
                answer.status = 403
                answer.notes.append(
                    "viewer-protocol-policy is https-only: CloudFront answers HTTP requests with 403 and does not return the object")
                return answer
            case .redirectToHTTPS:
                if request.method == "GET" || request.method == "HEAD" {
                    answer.action = .redirect
                    answer.status = 301
                } else if request.httpVersion.isAtLeast1_1 {
                    answer.action = .redirect
                    answer.status = 307
                    answer.notes.append(
                        "\(request.method) over HTTP/\(request.httpVersion.rawValue) is redirected with 307, so the client sends the same method and body again to the HTTPS URL"
                    )
                } else {
                    answer.action = .forbidden
                    answer.status = 403
                    answer.notes.append("\(request.method) below HTTP/1.1 cannot be redirected: CloudFront answers 403")
                    return answer
                }
                answer.location = "https://\(request.host)\(request.path)" + (request.query.map { "?" + $0 } ?? "")
                answer.notes.append("CloudFront charges for both requests: the HTTP one (request and headers) and the HTTPS one")
                return answer
            }
        }

        // "When a cache behavior contains trusted signers, CloudFront requires signed URLs or
        // signed cookies for all requests that match the cache behavior" (CacheBehavior.
        // TrustedKeyGroups / TrustedSigners in the API reference); an unsigned one gets 403
        // ("Missing Key-Pair-Id query parameter or cookie value").
        // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html
        let signers = behavior.trustedKeyGroups.map { "key group \($0)" } + behavior.trustedSigners.map { "account \($0)" }
        if !signers.isEmpty {
            if !request.signed {
                answer.action = .forbidden
                answer.status = 403
                answer.notes.append(
                    "the behavior requires a signed URL or signed cookie (trusted \(signers.joined(separator: ", "))): an unsigned request gets 403 Missing Key-Pair-Id query parameter or cookie value (--signed simulates a valid signature)"
                )
                return answer
            }
            answer.notes.append(
                "signed request: assumed to carry a valid signature by one of the trusted \(signers.joined(separator: ", "))")
        }

        // Viewer-request functions run before the cache and the origin, and can answer the
        // request themselves or rewrite it; cfc does not run them, so the answer holds only for
        // the request as they pass it on. Origin-request functions run on a cache miss, before
        // the origin. https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-cloudfront-trigger-events.html
        for association in behavior.functionAssociations where association.eventType == .viewerRequest {
            answer.notes.append(
                "viewer-request CloudFront Function \(association.functionARN) runs first: it can answer the request itself or rewrite it (cfc does not run it)"
            )
        }
        for association in behavior.lambdaFunctionAssociations where association.eventType == .viewerRequest {
            answer.notes.append(
                "viewer-request Lambda@Edge function \(association.lambdaFunctionARN) runs first: it can answer the request itself or rewrite it (cfc does not run it)"
            )
        }
        for association in behavior.lambdaFunctionAssociations where association.eventType == .originRequest {
            answer.notes.append(
                "origin-request Lambda@Edge function \(association.lambdaFunctionARN) runs on a cache miss before the origin: it can answer or change the origin request"
            )
        }

        let config = distribution.config
        var originID = behavior.targetOriginId
        if let group = config.originGroups.first(where: { $0.id == originID }), let primary = group.members.first {
            let codes = group.failoverCriteria.statusCodes.map(String.init).joined(separator: ", ")
            answer.notes.append(
                "origin group '\(group.id)': primary '\(primary)'"
                    + (group.members.count > 1 ? ", failing over to '\(group.members[1])' on \(codes)" : ""))
            originID = primary
        }
        answer.origin = originID
        if let origin = config.origin(withID: originID) {
            if let custom = origin.customOriginConfig {
                switch custom.originProtocolPolicy {
                case .httpOnly: answer.originProtocol = "http"
                case .httpsOnly: answer.originProtocol = "https"
                case .matchViewer: answer.originProtocol = request.scheme
                }
            } else if origin.s3OriginConfig != nil {
                answer.originProtocol = request.scheme
                answer.notes.append("CloudFront fetches from an S3 REST origin with the viewer's protocol")
            } else {
                answer.notes.append("a VPC origin's protocol is set on the VPC origin itself")
            }
            if answer.originProtocol == "http" && request.scheme == "https" {
                answer.notes.append("the viewer uses HTTPS but CloudFront fetches over plain HTTP")
            }
        }
        if request.scheme == "http" {
            answer.notes.append("served over plain HTTP (viewer-protocol-policy allow-all)")
        }
        return answer
    }
}
