import CFCTestSupport
import Foundation
import Testing

/// Every machine-readable output of every command is one valid JSON document (or, for
/// `route`, one per line) whatever the file names and config values hold: quotes, backslashes,
/// control characters and non-ASCII text. The strings a tool reads back are the ones that went in.
@Suite struct JSONOutputTests {
    /// A name no shell or JSON writer can take for granted.
    static let hostileStem = "we\"ird\\na\u{1}me-é☃\u{2028}"
    /// A value for the config (a YAML double-quoted scalar) with quotes, a backslash, a tab,
    /// non-ASCII text and U+2028. Control characters other than tab cannot reach CloudFront
    /// (XML 1.0 cannot carry them), so they appear only in the file names.
    static let hostileValue = "say \\\"hi\\\"\\\\ \\t tab é☃ \\u2028"

    /// Two distributions, the first with values full of specials; when `broken`, its behaviors
    /// are in an order that shadows one and its default behavior targets no origin (errors).
    static func config(headerValue: String, broken: Bool) -> String {
        let patterns = broken ? ["/api/*", "/api/v2/*"] : ["/api/v2/*", "/api/*"]
        return """
            version: 1
            distributions:
              www:
                comment: "\(headerValue)"
                origins:
                  app:
                    domain-name: app.example.com
                    custom-origin-config: {origin-protocol-policy: https-only}
                    custom-headers: {X-Note: "\(headerValue)"}
                cache-behaviors:
                  - path-pattern: \(patterns[0])
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
                  - path-pattern: \(patterns[1])
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
                default-cache-behavior:
                  target-origin-id: \(broken ? "nowhere" : "app")
                  viewer-protocol-policy: redirect-to-https
                  cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            \(docs)
            """
    }

    /// A second, plain distribution (also compiled alone, as the API JSON side of a diff).
    static let docs = """
          docs:
            origins:
              site: {domain-name: docs.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            default-cache-behavior: {target-origin-id: site, viewer-protocol-policy: redirect-to-https, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}

        """

    struct Fixture {
        var directory: URL
        var good: URL
        var broken: URL
        var changed: URL
        var apiJSON: URL
        var unparsable: URL
    }

    /// The files, named after `hostileStem`.
    static func makeFixture() throws -> Fixture {
        let directory = TestPaths.makeTemporaryDirectory()
        let good = directory.appendingPathComponent(hostileStem + ".yaml")
        let broken = directory.appendingPathComponent(hostileStem + "-broken.yaml")
        let changed = directory.appendingPathComponent(hostileStem + "-changed.yaml")
        try config(headerValue: hostileValue, broken: false).write(to: good, atomically: true, encoding: .utf8)
        try config(headerValue: hostileValue, broken: true).write(to: broken, atomically: true, encoding: .utf8)
        try config(headerValue: hostileValue + " (changed)", broken: false).write(to: changed, atomically: true, encoding: .utf8)
        // One distribution as the API's JSON, named by the file's stem, which is hostile too.
        let single = directory.appendingPathComponent("single.yaml")
        try ("version: 1\ndistributions:\n" + docs).write(to: single, atomically: true, encoding: .utf8)
        let compiled = try Processes.cfc(["compile", single.path])
        try #require(compiled.status == 0, "\(compiled.stderr)")
        let apiJSON = directory.appendingPathComponent(hostileStem + ".json")
        try compiled.stdout.write(to: apiJSON, atomically: true, encoding: .utf8)
        let unparsable = directory.appendingPathComponent(hostileStem + "-unparsable.yaml")
        try "version: 1\ndistributions: [\n".write(to: unparsable, atomically: true, encoding: .utf8)
        return Fixture(directory: directory, good: good, broken: broken, changed: changed, apiJSON: apiJSON, unparsable: unparsable)
    }

    /// The command, which stream holds its JSON, and the exit statuses it may end with.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: @Sendable (Fixture) -> [String]
        var onStandardError = false
        var statuses: Set<Int32>
        var jsonLines = false
        /// A string the output must contain once decoded (proves the hostile text came through intact).
        var mustContain: @Sendable (Fixture) -> String? = { _ in nil }
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "check --format json", arguments: { ["check", "--format", "json", $0.broken.path] }, statuses: [1],
            mustContain: { $0.broken.path }),
        Case(
            name: "check --format json --suggest-order", arguments: { ["check", "--format", "json", "--suggest-order", $0.broken.path] },
            statuses: [1], mustContain: { _ in "/api/v2/*" }),
        Case(name: "check --format sarif", arguments: { ["check", "--format", "sarif", $0.broken.path] }, statuses: [1]),
        Case(
            name: "compile --diagnostics-format json", arguments: { ["compile", "--diagnostics-format", "json", $0.broken.path] },
            onStandardError: true, statuses: [1], mustContain: { $0.broken.path }),
        Case(
            name: "diff --format json (YAML and API JSON)", arguments: { ["diff", "--format", "json", $0.good.path, $0.apiJSON.path] },
            statuses: [1], mustContain: { _ in hostileStem }),
        Case(
            name: "diff --format json (changed values)", arguments: { ["diff", "--format", "json", $0.good.path, $0.changed.path] },
            statuses: [1], mustContain: { _ in "tab é☃ \u{2028} (changed)" }),
        Case(
            name: "plan --format json", arguments: { ["plan", "--format", "json", "--previous", $0.good.path, $0.changed.path] },
            statuses: [0, 2], mustContain: { _ in "tab é☃ \u{2028} (changed)" }),
        Case(
            name: "plan --diagnostics-format json", arguments: { ["plan", "--diagnostics-format", "json", $0.broken.path] },
            onStandardError: true, statuses: [1], mustContain: { $0.broken.path }),
        Case(
            name: "route --format json",
            arguments: {
                [
                    "route", "--format", "json", "--distribution", "www", $0.good.path, "GET",
                    "https://d111111abcdef8.cloudfront.net/api/a\"b\\c%22é",
                ]
            },
            statuses: [0], jsonLines: true, mustContain: { _ in "/api/a" }),
        Case(
            name: "import --diagnostics-format json", arguments: { ["import", "--diagnostics-format", "json", $0.unparsable.path] },
            onStandardError: true, statuses: [1], mustContain: { $0.unparsable.path }),
        Case(
            name: "fmt --diagnostics-format json", arguments: { ["fmt", "--check", "--diagnostics-format", "json", $0.unparsable.path] },
            onStandardError: true, statuses: [1], mustContain: { $0.unparsable.path }),
        Case(name: "schema", arguments: { _ in ["schema"] }, statuses: [0]),
    ]

    @Test(arguments: cases)
    func outputIsValidJSON(_ testCase: Case) throws {
        let fixture = try Self.makeFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let result = try Processes.cfc(testCase.arguments(fixture), currentDirectory: fixture.directory)
        #expect(testCase.statuses.contains(result.status), "exit status \(result.status):\n\(result.stderr)")
        let text = testCase.onStandardError ? result.stderr : result.stdout
        try #require(!text.isEmpty, "no output; stderr:\n\(result.stderr)")
        let documents = testCase.jsonLines ? text.split(separator: "\n").map(String.init) : [text]
        var decoded: [Any] = []
        for document in documents {
            do {
                decoded.append(try JSONSerialization.jsonObject(with: Data(document.utf8), options: [.fragmentsAllowed]))
            } catch {
                Issue.record("not valid JSON (\(error)):\n\(document.prefix(2000))")
            }
        }
        if let expected = testCase.mustContain(fixture) {
            let strings = decoded.flatMap(Self.strings(in:))
            // Diagnostics show paths relative to the working directory; compare the file's name.
            let name = expected.hasPrefix("/") ? (expected as NSString).lastPathComponent : expected
            #expect(strings.contains { $0.contains(name) }, "no decoded string holds \(name.debugDescription)")
        }
    }

    /// Every string in a decoded JSON value, keys included.
    static func strings(in value: Any) -> [String] {
        switch value {
        case let string as String: [string]
        case let array as [Any]: array.flatMap(strings(in:))
        case let object as [String: Any]: object.keys + object.values.flatMap(strings(in:))
        default: []
        }
    }
}
