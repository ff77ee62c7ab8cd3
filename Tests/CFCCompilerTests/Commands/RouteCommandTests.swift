import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Foundation
import Routing
import Testing

/// `cfc route` as a process: the exact output people and pipelines read, and the exit status.
///
/// The config puts a narrow pattern before a broader one on the same origin, an allow-all
/// behavior after them, and a default behavior that redirects, so one file shows every action.
private let shop = """
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
        cache-behaviors:
          - {path-pattern: /api/v2/*, target-origin-id: api, viewer-protocol-policy: https-only, allowed-methods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE], cache-policy: CachingOptimized}
          - {path-pattern: /api/*, target-origin-id: api, viewer-protocol-policy: redirect-to-https, allowed-methods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE], cache-policy: CachingOptimized}
          - {path-pattern: /img/*, target-origin-id: web, viewer-protocol-policy: allow-all, cache-policy: CachingOptimized, ignore: [https.allow_all_without_policy]}
        default-cache-behavior: {target-origin-id: web, viewer-protocol-policy: redirect-to-https, cache-policy: CachingOptimized}

    """

/// A temporary directory holding `shop.yaml`; tests run the process with it as the working
/// directory and name files relatively, so diagnostics carry no machine-specific path.
private func workspace(_ files: [String: String] = [:]) throws -> URL {
    let directory = TestPaths.makeTemporaryDirectory()
    try shop.write(to: directory.appendingPathComponent("shop.yaml"), atomically: true, encoding: .utf8)
    for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    return directory
}

private func route(_ arguments: [String], files: [String: String] = [:]) throws -> ProcessResult {
    try Processes.cfc(["route", "shop.yaml"] + arguments + ["--color", "never"], currentDirectory: try workspace(files))
}

/// One invocation and the exact standard output it must print.
struct RouteGolden: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var expected: String
    var testDescription: String { name }
}

@Suite struct RouteCommandTests {
    @Test(arguments: [
        RouteGolden(
            name: "allow-all forwards over the viewer's protocol", arguments: ["GET", "http://shop.example.com/img/a.png?x=1"],
            expected: """
                GET http://shop.example.com/img/a.png?x=1 (HTTP/1.1)
                  matched by behavior 3 '/img/*' (line 14)
                  forwarded to origin 'web' over HTTP
                  - served over plain HTTP (viewer-protocol-policy allow-all)

                """),
        RouteGolden(
            name: "GET over HTTP is redirected with 301", arguments: ["GET", "http://shop.example.com/api/cart?id=7"],
            expected: """
                GET http://shop.example.com/api/cart?id=7 (HTTP/1.1)
                  matched by behavior 2 '/api/*' (line 13)
                  301 Moved Permanently to https://shop.example.com/api/cart?id=7
                  - CloudFront charges for both requests: the HTTP one (request and headers) and the HTTPS one

                """),
        RouteGolden(
            name: "POST over HTTP/1.0 cannot be redirected",
            arguments: ["POST", "http://shop.example.com/api/cart", "--http-version", "1.0"],
            expected: """
                POST http://shop.example.com/api/cart (HTTP/1.0)
                  matched by behavior 2 '/api/*' (line 13)
                  403 Forbidden
                  - POST below HTTP/1.1 cannot be redirected: CloudFront answers 403

                """),
        RouteGolden(
            name: "POST over HTTP/2 gets 307", arguments: ["POST", "http://shop.example.com/api/cart", "--http-version", "2"],
            expected: """
                POST http://shop.example.com/api/cart (HTTP/2)
                  matched by behavior 2 '/api/*' (line 13)
                  307 Temporary Redirect to https://shop.example.com/api/cart
                  - POST over HTTP/2 is redirected with 307, so the client sends the same method and body again to the HTTPS URL
                  - CloudFront charges for both requests: the HTTP one (request and headers) and the HTTPS one

                """),
        RouteGolden(
            name: "the narrower pattern listed first takes the request", arguments: ["DELETE", "https://shop.example.com/api/v2/item"],
            expected: """
                DELETE https://shop.example.com/api/v2/item (HTTP/1.1)
                  matched by behavior 1 '/api/v2/*' (line 12)
                  forwarded to origin 'api' over HTTPS

                """),
        RouteGolden(
            name: "the default behavior", arguments: ["GET", "https://shop.example.com/"],
            expected: """
                GET https://shop.example.com/ (HTTP/1.1)
                  matched by the default behavior (line 15)
                  forwarded to origin 'web' over HTTPS

                """),
        RouteGolden(
            name: "json for one request", arguments: ["GET", "http://shop.example.com/api/v2/x", "--format", "json"],
            expected: """
                {"behavior": {"index": 0, "position": 1, "path-pattern": "/api/v2/*", "line": 12}, "action": "forbidden", "status": 403, "location": null, "origin": null, "origin-protocol": null, "notes": ["viewer-protocol-policy is https-only: CloudFront answers HTTP requests with 403 and does not return the object"]}

                """),
        RouteGolden(
            name: "json for the default behavior",
            arguments: ["PUT", "https://shop.example.com/upload", "--format", "json", "--http-version", "3"],
            expected: """
                {"behavior": {"index": null, "position": null, "path-pattern": "*", "line": 15}, "action": "forbidden", "status": 403, "location": null, "origin": null, "origin-protocol": null, "notes": ["PUT is not in allowed-methods [GET, HEAD]: CloudFront answers 403 (invalid method)"]}

                """),
    ])
    func golden(_ golden: RouteGolden) throws {
        let result = try route(golden.arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        if result.stdout != golden.expected {
            Issue.record(
                Comment(rawValue: UnifiedDiff.render(old: golden.expected, new: result.stdout, oldName: "expected", newName: "actual")))
        }
    }

    /// The JSON `position` is the number the text shows after "behavior", and `index` is one
    /// less, for every behavior including the default (where both are null).
    @Test(arguments: ["/api/v2/a", "/api/a", "/img/a", "/other"])
    func jsonPositionAgreesWithTheText(path: String) throws {
        let text = try route(["GET", "https://shop.example.com\(path)"]).stdout
        let json = try route(["GET", "https://shop.example.com\(path)", "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let behavior = try #require(object["behavior"] as? [String: Any])
        if let position = behavior["position"] as? Int {
            #expect(text.contains("matched by behavior \(position) '"), "\(text)")
            #expect(behavior["index"] as? Int == position - 1)
        } else {
            #expect(text.contains("matched by the default behavior"), "\(text)")
            #expect(behavior["position"] is NSNull && behavior["index"] is NSNull)
        }
    }

    @Test func helpDocumentsBothCountingConventions() throws {
        let help = try Processes.cfc(["route", "--help"]).stdout
        let flattened = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flattened.contains("behavior.index counts cache behaviors from 0 and behavior.position from 1"), "\(help)")
    }

    /// Each malformed batch line is an input error at its line and column (exit 1), not a
    /// usage error (exit 64), and no request of the batch is answered.
    @Test func malformedBatchLinesAreInputErrors() throws {
        let batch = """
            # requests that must stay on HTTPS
            GET https://shop.example.com/api/v2/x
            GET
            GET https://shop.example.com/img/a.png HTTP/7
            POST https://shop.example.com/api/x 1.1 extra
            GET ftp://shop.example.com/x

            """
        let result = try route(["--batch", "requests.txt"], files: ["requests.txt": batch])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty, "no request is answered when a line is malformed")
        let headers = result.stderr.split(separator: "\n").filter { $0.hasPrefix("requests.txt:") }
        #expect(
            headers == [
                "requests.txt:3:1: error: expected 'METHOD URL [HTTP-VERSION]', found 1 field [route.batch_line]",
                "requests.txt:4:40: error: HTTP version 'HTTP/7' is not 1.0, 1.1, 2 or 3 [route.batch_line]",
                "requests.txt:5:1: error: expected 'METHOD URL [HTTP-VERSION]', found 4 fields [route.batch_line]",
                "requests.txt:6:1: error: 'ftp' is not http or https [route.request]",
            ], "\(result.stderr)")
        #expect(!result.stderr.contains("Usage:"))
    }

    @Test func batchDiagnosticsInJSONNameTheLine() throws {
        let result = try route(
            ["--batch", "requests.txt", "--diagnostics-format", "json"], files: ["requests.txt": "GET https://shop.example.com/\n\nGET\n"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["file"] as? String == "requests.txt")
        #expect(diagnostics.first?["line"] as? Int == 3)
        #expect(diagnostics.first?["column"] as? Int == 1)
        #expect(diagnostics.first?["rule"] as? String == "route.batch_line")
    }

    @Test func anUnreadableBatchFileIsAnInputError() throws {
        let result = try route(["--batch", "missing.txt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing.txt: error: cannot read the file"), "\(result.stderr)")
        #expect(!result.stderr.contains("Usage:"))
    }

    @Test func aGoodBatchAnswersEveryLineInOrder() throws {
        let batch =
            "GET http://shop.example.com/img/a\n# a comment\n\nPOST http://shop.example.com/api/x 1.0\nPOST http://shop.example.com/api/x HTTP/1.1\n"
        let result = try route(["--batch", "requests.txt"], files: ["requests.txt": batch])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["status"] as? Int } == [nil, 403, 307])
        #expect(objects.map { ($0["behavior"] as? [String: Any])?["position"] as? Int } == [3, 2, 2])
        #expect(objects.map { ($0["request"] as? [String: Any])?["http-version"] as? String } == ["1.1", "1.0", "1.1"])
    }

    @Test func usageErrorsExit64() throws {
        #expect(try route([]).status == 64)  // neither a request nor --batch
        #expect(try route(["GET", "https://shop.example.com/", "--batch", "x"]).status == 64)  // both
        #expect(try route(["GET", "https://shop.example.com/", "--http-version", "1.2"]).status == 64)
        #expect(try route(["GET", "https://shop.example.com/", "--format", "xml"]).status == 64)
    }

    @Test func aRequestThatCannotBeSimulatedExits1() throws {
        let result = try route(["GET", "shop.example.com/x"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: 'shop.example.com/x' is not an absolute URL"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
