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

    /// Parses `METHOD URL` into a request.
    /// - Throws: `RouteError` when the URL is not an absolute http(s) URL.
    public init(method: String, url: String, httpVersion: ViewerHTTPVersion = .http1_1) throws(RouteError) {
        self.method = method.uppercased()
        self.httpVersion = httpVersion
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
        guard method.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }), !method.isEmpty else { throw RouteError("'\(method)' is not an HTTP method") }
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

    /// Whether `host` is served by the distribution: an alias (a wildcard alias covers every
    /// name under it), or a CloudFront domain.
    public func serves(host: String) -> Bool {
        if host.hasSuffix(".cloudfront.net") { return true }
        return distribution.config.aliases.contains { alias in
            alias.hasPrefix("*.") ? host.hasSuffix(alias.dropFirst(1)) : alias == host
        }
    }

    /// What CloudFront does with `request`.
    public func route(_ request: SimulatedRequest) -> RouteAnswer {
        let position = routing.route(request.path)
        let routed = routing.behaviors[position]
        let behavior = routed.behavior
        var answer = RouteAnswer(
            behaviorIndex: routed.index, pathPattern: routed.isDefault ? "*" : behavior.pathPattern, action: .forward,
            status: nil, location: nil, origin: nil, originProtocol: nil, notes: [])

        if !serves(host: request.host) {
            answer.notes.append("host \(request.host) is neither an alias of this distribution nor a CloudFront domain: CloudFront does not route it here (a request that reaches an edge with this Host gets 403)")
            answer.action = .forbidden
            answer.status = 403
            return answer
        }
        if request.host.hasSuffix(".cloudfront.net") {
            answer.notes.append("\(request.host) is taken to be this distribution's CloudFront domain")
        }

        let allowed = behavior.allowedMethods.map(\.rawValue)
        if !allowed.contains(request.method) {
            answer.action = .forbidden
            answer.status = 403
            answer.notes.append("\(request.method) is not in allowed-methods [\(allowed.joined(separator: ", "))]: CloudFront answers 403 (invalid method)")
            return answer
        }

        if request.scheme == "http" {
            switch behavior.viewerProtocolPolicy {
            case .allowAll:
                break
            case .httpsOnly:
                answer.action = .forbidden
                answer.status = 403
                answer.notes.append("viewer-protocol-policy is https-only: CloudFront answers HTTP requests with 403 and does not return the object")
                return answer
            case .redirectToHTTPS:
                if request.method == "GET" || request.method == "HEAD" {
                    answer.action = .redirect
                    answer.status = 301
                } else if request.httpVersion.isAtLeast1_1 {
                    answer.action = .redirect
                    answer.status = 307
                    answer.notes.append("\(request.method) over HTTP/\(request.httpVersion.rawValue) is redirected with 307, so the client sends the same method and body again to the HTTPS URL")
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

        let config = distribution.config
        var originID = behavior.targetOriginId
        if let group = config.originGroups.first(where: { $0.id == originID }), let primary = group.members.first {
            let codes = group.failoverCriteria.statusCodes.map(String.init).joined(separator: ", ")
            answer.notes.append("origin group '\(group.id)': primary '\(primary)'" + (group.members.count > 1 ? ", failing over to '\(group.members[1])' on \(codes)" : ""))
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
