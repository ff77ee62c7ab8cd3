import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionIR
import Foundation
import Routing
import Testing

/// A distribution with one behavior per viewer protocol policy, each allowing all seven methods.
private let config = """
    version: 1
    distributions:
      shop:
        aliases: [shop.example.com, "*.cdn.example.com"]
        viewer-certificate:
          acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/11111111-2222-3333-4444-555555555555
          ssl-support-method: sni-only
        origins:
          web: {domain-name: web.example.com, custom-origin-config: {origin-protocol-policy: match-viewer}}
          api: {domain-name: api.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
          legacy: {domain-name: legacy.example.com, custom-origin-config: {origin-protocol-policy: http-only}}
        cache-behaviors:
          - {path-pattern: /allow/*, target-origin-id: web, viewer-protocol-policy: allow-all, allowed-methods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE], cache-policy: CachingOptimized}
          - {path-pattern: /redirect/*, target-origin-id: api, viewer-protocol-policy: redirect-to-https, allowed-methods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE], cache-policy: CachingOptimized}
          - {path-pattern: /https/*, target-origin-id: legacy, viewer-protocol-policy: https-only, allowed-methods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE], cache-policy: CachingOptimized}
          - {path-pattern: /Case/*, target-origin-id: api, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}
          - {path-pattern: /img/*, target-origin-id: web, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}
          - {path-pattern: "*.jpg", target-origin-id: api, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}
          - {path-pattern: /a?c, target-origin-id: api, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}
        default-cache-behavior: {target-origin-id: web, viewer-protocol-policy: redirect-to-https, cache-policy: CachingOptimized}

    """

private let simulator: RouteSimulator = {
    let result = TestCompiler.compile(config)
    guard let distribution = result.model?.distributions.first else { fatalError("the test config does not compile") }
    return RouteSimulator(distribution)
}()

/// One row of the seed page's rules: policy × method × HTTP version × scheme.
struct SeedRow: CustomTestStringConvertible, Sendable {
    var policy: ViewerProtocolPolicy
    var method: String
    var version: ViewerHTTPVersion
    var scheme: String
    var testDescription: String { "\(policy.rawValue) \(method) HTTP/\(version.rawValue) \(scheme)" }

    static var all: [SeedRow] {
        var rows: [SeedRow] = []
        for policy in ViewerProtocolPolicy.allCases {
            for method in ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
                for version in [ViewerHTTPVersion.http1_0, .http1_1, .http2] {
                    for scheme in ["http", "https"] {
                        rows.append(SeedRow(policy: policy, method: method, version: version, scheme: scheme))
                    }
                }
            }
        }
        return rows
    }

    /// What the AWS page says happens, written out independently of the simulator.
    var expected: (action: RouteAnswer.Action, status: Int?) {
        if scheme == "https" { return (.forward, nil) }
        switch policy {
        case .allowAll: return (.forward, nil)
        case .httpsOnly: return (.forbidden, 403)
        case .redirectToHTTPS:
            if method == "GET" || method == "HEAD" { return (.redirect, 301) }
            return version == .http1_0 ? (.forbidden, 403) : (.redirect, 307)
        }
    }
}

@Suite struct RouteSimulatorTests {
    @Test(arguments: SeedRow.all)
    func seedPageRule(_ row: SeedRow) throws {
        let prefix = row.policy == .allowAll ? "allow" : row.policy == .httpsOnly ? "https" : "redirect"
        let request = try SimulatedRequest(
            method: row.method, url: "\(row.scheme)://shop.example.com/\(prefix)/thing?q=1", httpVersion: row.version)
        let answer = simulator.route(request)
        #expect(answer.pathPattern == "/\(prefix)/*")
        #expect(answer.action == row.expected.action)
        #expect(answer.status == row.expected.status)
        if answer.action == .redirect {
            #expect(answer.location == "https://shop.example.com/\(prefix)/thing?q=1")
            #expect(answer.notes.contains { $0.contains("charges for both requests") })
        } else {
            #expect(answer.location == nil)
        }
        if answer.action != .forward {
            #expect(answer.origin == nil, "CloudFront answers itself and contacts no origin")
        }
        if answer.action == .forward {
            // Each policy's behavior targets its own origin (see the config), so a wrong
            // behavior or a wrong origin lookup shows here.
            #expect(answer.origin == (row.policy == .allowAll ? "web" : row.policy == .httpsOnly ? "legacy" : "api"))
            let expectedProtocol = row.policy == .allowAll ? row.scheme : (row.policy == .httpsOnly ? "http" : "https")
            #expect(answer.originProtocol == expectedProtocol)
        }
    }

    struct OrderingCase: CustomTestStringConvertible, Sendable {
        var path: String
        var pattern: String
        var testDescription: String { "\(path) → \(pattern)" }
    }

    @Test(arguments: [
        OrderingCase(path: "/img/photo.jpg", pattern: "/img/*"),  // the earlier broad pattern takes it
        OrderingCase(path: "/other/photo.jpg", pattern: "*.jpg"),
        OrderingCase(path: "/case/x", pattern: "*"),  // patterns are case-sensitive
        OrderingCase(path: "/Case/x", pattern: "/Case/*"),
        OrderingCase(path: "/abc", pattern: "/a?c"),
        OrderingCase(path: "/ac", pattern: "*"),
        OrderingCase(path: "/abbc", pattern: "*"),
        OrderingCase(path: "/", pattern: "*"),
    ])
    func firstMatchWins(_ testCase: OrderingCase) throws {
        let answer = simulator.route(try SimulatedRequest(method: "GET", url: "https://shop.example.com\(testCase.path)?x=/img/"))
        #expect(answer.pathPattern == testCase.pattern)
    }

    @Test func methodsOutsideAllowedMethodsGet403() throws {
        let answer = simulator.route(try SimulatedRequest(method: "POST", url: "https://shop.example.com/img/a"))
        #expect(answer.action == .forbidden)
        #expect(answer.status == 403)
        #expect(answer.notes.first?.contains("not in allowed-methods") == true)
    }

    @Test func hostsNotServedAreSaidSo() throws {
        let answer = simulator.route(try SimulatedRequest(method: "GET", url: "https://evil.example.org/"))
        #expect(answer.action == .forbidden)
        #expect(answer.notes.first?.contains("neither an alias") == true)
        #expect(simulator.serves(host: "a.b.cdn.example.com"))
        #expect(simulator.serves(host: "d111111abcdef8.cloudfront.net"))
        #expect(!simulator.serves(host: "cdn.example.com"))
    }

    @Test func badRequestsAreErrors() {
        #expect(throws: RouteError.self) { try SimulatedRequest(method: "GET", url: "shop.example.com/x") }
        #expect(throws: RouteError.self) { try SimulatedRequest(method: "GET", url: "ftp://shop.example.com/x") }
        #expect(throws: RouteError.self) { try SimulatedRequest(method: "GET", url: "http:///x") }
    }

    @Test func batchParsing() throws {
        let batch = SourceFile(
            path: "requests.txt", bytes: Array("# comment\nGET http://a/x\n\nPOST http://a/y 1.0\r\nPUT\thttp://a/z HTTP/2\n".utf8))
        let (parsed, problems) = RouteCommand.parseBatch(batch, defaultVersion: .http1_1)
        #expect(problems.isEmpty)
        #expect(parsed.map(\.method) == ["GET", "POST", "PUT"])
        #expect(parsed.map(\.url) == ["http://a/x", "http://a/y", "http://a/z"])
        #expect(parsed.map(\.httpVersion) == [.http1_1, .http1_0, .http2])
        #expect(parsed.map { $0.location?.start.line } == [2, 4, 5])

        let bad = RouteCommand.parseBatch(
            SourceFile(path: "bad.txt", bytes: Array("GET\n  GET http://a/x 9\n".utf8)), defaultVersion: .http1_1)
        #expect(bad.requests.isEmpty)
        #expect(
            bad.diagnostics.map { "\($0.range?.start.line ?? 0):\($0.range?.start.column ?? 0) \($0.id)" }
                == ["1:1 route.batch_line", "2:18 route.batch_line"])
    }

    @Test func batchCommandPrintsOneJSONObjectPerLine() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        let file = directory.appendingPathComponent("site.yaml")
        try config.write(to: file, atomically: true, encoding: .utf8)
        let batch = directory.appendingPathComponent("requests.txt")
        try "GET http://shop.example.com/https/x\nPOST http://shop.example.com/redirect/x 1.0\nGET https://shop.example.com/allow/x\n"
            .write(to: batch, atomically: true, encoding: .utf8)
        let result = try Processes.cfc(["route", file.path, "--batch", batch.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects[0]?["status"] as? Int == 403)
        #expect(objects[1]?["status"] as? Int == 403)
        #expect(objects[2]?["action"] as? String == "forward")
        #expect(objects[2]?["origin-protocol"] as? String == "https")
        #expect((objects[0]?["behavior"] as? [String: Any])?["line"] as? Int == 15)
        #expect((objects[0]?["request"] as? [String: Any])?["http-version"] as? String == "1.1")
    }
}
