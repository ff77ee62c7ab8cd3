import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionIR
import Foundation
import Routing
import Testing

/// What a request gets before any origin is involved: a disabled distribution, a behavior that
/// requires signed URLs, and the edge functions that run first.
private func simulator(_ body: String) -> RouteSimulator {
    let result = TestCompiler.compile("version: 1\ndistributions:\n  site:\n" + body)
    guard let distribution = result.model?.distributions.first, !result.hasErrors else {
        fatalError("the test config does not compile: \(result.diagnostics.map(\.summary))")
    }
    return RouteSimulator(distribution)
}

private let origins = """
        origins:
          web: {domain-name: web.example.com, custom-origin-config: {origin-protocol-policy: https-only}}

    """

@Suite struct RouteAccessTests {
    @Test func aDisabledDistributionServesNothing() throws {
        let site = simulator(
            "    enabled: false\n" + origins + """
                    default-cache-behavior: {target-origin-id: web, viewer-protocol-policy: redirect-to-https, cache-policy: CachingOptimized}

                """)
        let answer = site.route(try SimulatedRequest(method: "GET", url: "https://d111111abcdef8.cloudfront.net/index.html"))
        #expect(answer.action == .forbidden)
        #expect(answer.status == 403)
        #expect(answer.origin == nil)
        #expect(answer.notes.contains { $0.contains("disabled") })
    }

    /// Trusted key groups and trusted signers both make a behavior private; other behaviors of
    /// the same distribution stay public.
    @Test(arguments: ["trusted-key-groups: [K2JCJMDEHXQW5F]", "trusted-signers: [self]"])
    func signedBehaviorsAnswerUnsignedRequestsWith403(_ signers: String) throws {
        let site = simulator(
            origins + """
                    cache-behaviors:
                      - {path-pattern: /private/*, target-origin-id: web, viewer-protocol-policy: https-only, cache-policy: CachingOptimized, \(signers)}
                    default-cache-behavior: {target-origin-id: web, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}

                """)
        let unsigned = site.route(try SimulatedRequest(method: "GET", url: "https://d111111abcdef8.cloudfront.net/private/a.pdf"))
        #expect(unsigned.action == .forbidden && unsigned.status == 403)
        #expect(unsigned.notes.contains { $0.contains("signed URL or signed cookie") })
        let signed = site.route(
            try SimulatedRequest(method: "GET", url: "https://d111111abcdef8.cloudfront.net/private/a.pdf", signed: true))
        #expect(signed.action == .forward && signed.origin == "web")
        let open = site.route(try SimulatedRequest(method: "GET", url: "https://d111111abcdef8.cloudfront.net/public/a.pdf"))
        #expect(open.action == .forward)
    }

    @Test func viewerRequestFunctionsAreNamed() throws {
        let site = simulator(
            origins + """
                    default-cache-behavior:
                      target-origin-id: web
                      viewer-protocol-policy: https-only
                      cache-policy: CachingOptimized
                      function-associations:
                        - {event-type: viewer-request, function-arn: "arn:aws:cloudfront::111122223333:function/add-index"}
                      lambda-function-associations:
                        - {event-type: origin-request, lambda-function-arn: "arn:aws:lambda:us-east-1:111122223333:function:route:3"}

                """)
        let answer = site.route(try SimulatedRequest(method: "GET", url: "https://d111111abcdef8.cloudfront.net/docs/"))
        #expect(answer.action == .forward)
        #expect(
            answer.notes.contains {
                $0.hasPrefix("viewer-request CloudFront Function arn:aws:cloudfront::111122223333:function/add-index runs first")
            })
        #expect(
            answer.notes.contains {
                $0.hasPrefix("origin-request Lambda@Edge function arn:aws:lambda:us-east-1:111122223333:function:route:3")
            })
    }

    /// The flag reaches the simulator from the command line and from a batch.
    @Test func signedFlagOnTheCommandLine() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try
            ("version: 1\ndistributions:\n  site:\n" + origins + """
                    default-cache-behavior: {target-origin-id: web, viewer-protocol-policy: https-only, cache-policy: CachingOptimized, trusted-key-groups: [K2JCJMDEHXQW5F]}

                """).write(to: directory.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        let url = "https://d111111abcdef8.cloudfront.net/a"
        let unsigned = try Processes.cfc(["route", "site.yaml", "GET", url], currentDirectory: directory)
        #expect(unsigned.status == 0 && unsigned.stdout.contains("403 Forbidden"), "\(unsigned.stdout)\(unsigned.stderr)")
        let signed = try Processes.cfc(["route", "site.yaml", "GET", url, "--signed"], currentDirectory: directory)
        #expect(signed.stdout.contains("forwarded to origin 'web'"), "\(signed.stdout)\(signed.stderr)")
        try "GET \(url)\n".write(to: directory.appendingPathComponent("batch.txt"), atomically: true, encoding: .utf8)
        let batch = try Processes.cfc(["route", "site.yaml", "--batch", "batch.txt", "--signed"], currentDirectory: directory)
        #expect(batch.stdout.contains("\"action\": \"forward\""), "\(batch.stdout)\(batch.stderr)")
    }
}
