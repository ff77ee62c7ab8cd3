import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionIR
import Foundation
import Testing

/// A minimal valid distribution, into which each case splices one mistake.
private func config(distribution body: String, name: String = "www") -> String {
    """
    version: 1
    distributions:
      \(name):
    \(body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
    """
}

private let validBody = """
    origins:
      app:
        domain-name: app.example.com
        custom-origin-config: {origin-protocol-policy: https-only}
    default-cache-behavior:
      target-origin-id: app
      viewer-protocol-policy: https-only
      cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
    """

/// One kind of lowering error: the input, and the diagnostic it must produce.
struct LoweringErrorCase: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var id: String
    var summary: String
    var line: Int
    var column: Int
    var hint: String? = nil
    var testDescription: String { name }
}

@Suite struct LoweringErrorTests {
    static let cases: [LoweringErrorCase] = [
        LoweringErrorCase(
            name: "unknown key with did-you-mean",
            yaml: config(distribution: validBody + "\ncoment: hello"),
            id: "schema.unknown_key", summary: "unknown key 'coment' in distribution", line: 12, column: 5,
            hint: "did you mean 'comment'?"),
        LoweringErrorCase(
            name: "PascalCase API name",
            yaml: config(distribution: validBody + "\nIsIPV6Enabled: true"),
            id: "schema.unknown_key", summary: "unknown key 'IsIPV6Enabled' in distribution", line: 12, column: 5,
            hint: "did you mean 'is-ipv6-enabled'?"),
        LoweringErrorCase(
            name: "wrong type: mapping for a string",
            yaml: config(distribution: validBody + "\ncomment: {a: 1}"),
            id: "schema.type", summary: "expected a string for 'comment', found a mapping", line: 12, column: 14),
        LoweringErrorCase(
            name: "wrong type: scalar for a list",
            yaml: config(distribution: validBody + "\naliases: www.example.com"),
            id: "schema.type", summary: "expected a list for 'aliases', found a string", line: 12, column: 14,
            hint: "write a list, such as [www.example.com]"),
        LoweringErrorCase(
            name: "quoted integer",
            yaml: config(
                distribution: validBody.replacingOccurrences(
                    of: "{origin-protocol-policy: https-only}", with: "{origin-protocol-policy: https-only, http-port: \"8080\"}")),
            id: "schema.type", summary: "expected an integer for 'http-port', found a string", line: 7, column: 79,
            hint: "remove the quotes: a quoted value is a string"),
        LoweringErrorCase(
            name: "float for an integer",
            yaml: config(distribution: validBody + "\ncustom-error-responses: [{error-code: 404.5}]"),
            id: "schema.type", summary: "expected an integer for 'error-code', found a number", line: 12, column: 43),
        LoweringErrorCase(
            name: "yes for a boolean",
            yaml: config(distribution: validBody + "\nenabled: yes"),
            id: "schema.yaml11_boolean", summary: "'yes' is not a boolean in YAML 1.2", line: 12, column: 14,
            hint: "YAML 1.2 has only true and false; write 'true'"),
        LoweringErrorCase(
            name: "off for a boolean",
            yaml: config(distribution: validBody + "\nis-ipv6-enabled: off"),
            id: "schema.yaml11_boolean", summary: "'off' is not a boolean in YAML 1.2", line: 12, column: 22,
            hint: "YAML 1.2 has only true and false; write 'false'"),
        LoweringErrorCase(
            name: "integer out of range",
            yaml: config(
                distribution: validBody.replacingOccurrences(
                    of: "{origin-protocol-policy: https-only}", with: "{origin-protocol-policy: https-only, https-port: 70000}")),
            id: "schema.range", summary: "70000 is out of range for 'https-port'", line: 7, column: 80),
        LoweringErrorCase(
            name: "connection attempts out of range",
            yaml: config(
                distribution: validBody.replacingOccurrences(
                    of: "    domain-name: app.example.com", with: "    domain-name: app.example.com\n    connection-attempts: 4")),
            id: "schema.range", summary: "4 is out of range for 'connection-attempts'", line: 7, column: 30),
        LoweringErrorCase(
            name: "2^63 does not fit a long",
            yaml: config(
                distribution: validBody + "\ncustom-error-responses: [{error-code: 404, error-caching-min-ttl: 9223372036854775808}]"),
            id: "schema.range", summary: "9223372036854775808 is out of range for 'error-caching-min-ttl'", line: 12, column: 71),
        LoweringErrorCase(
            name: "negative TTL",
            yaml: config(distribution: validBody + "\ncustom-error-responses: [{error-code: 404, error-caching-min-ttl: -1}]"),
            id: "schema.range", summary: "-1 is out of range for 'error-caching-min-ttl'", line: 12, column: 71),
        LoweringErrorCase(
            name: "invalid enum value",
            yaml: config(distribution: validBody + "\nprice-class: PriceClass_50"),
            id: "schema.enum", summary: "invalid value 'PriceClass_50' for 'price-class'", line: 12, column: 18),
        LoweringErrorCase(
            name: "enum in the wrong case",
            yaml: config(
                distribution: validBody.replacingOccurrences(
                    of: "viewer-protocol-policy: https-only", with: "viewer-protocol-policy: HTTPS-ONLY")),
            id: "schema.enum", summary: "invalid value 'HTTPS-ONLY' for 'viewer-protocol-policy'", line: 10, column: 31,
            hint: "did you mean 'https-only'? expected one of: allow-all, https-only, redirect-to-https"),
        LoweringErrorCase(
            name: "missing required key",
            yaml: config(distribution: validBody.replacingOccurrences(of: "  viewer-protocol-policy: https-only\n", with: "")),
            id: "schema.missing_key", summary: "missing required key 'viewer-protocol-policy' in cache behavior", line: 8, column: 5),
        LoweringErrorCase(
            name: "missing origins",
            yaml: config(distribution: "default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only}"),
            id: "schema.missing_key", summary: "missing required key 'origins' in distribution", line: 3, column: 3),
        LoweringErrorCase(
            name: "unknown origin reference",
            yaml: config(distribution: validBody.replacingOccurrences(of: "target-origin-id: app", with: "target-origin-id: api")),
            id: "reference.unknown_origin", summary: "'api' is not an origin or origin group of this distribution",
            line: 9, column: 25, hint: "did you mean 'app'? defined: app"),
        LoweringErrorCase(
            name: "origin without a type",
            yaml: config(
                distribution: validBody.replacingOccurrences(
                    of: "    custom-origin-config: {origin-protocol-policy: https-only}\n", with: "")),
            id: "schema.missing_origin_type",
            summary: "the origin needs one of 's3-origin-config', 'custom-origin-config' or 'vpc-origin-config'", line: 6, column: 9),
        LoweringErrorCase(
            name: "path pattern on the default behavior",
            yaml: config(distribution: validBody + "\n  path-pattern: '*'"),
            id: "schema.unknown_key", summary: "'path-pattern' cannot be set on the cache behavior", line: 12, column: 7),
        LoweringErrorCase(
            name: "control character in a string",
            yaml: config(distribution: validBody + "\ncomment: \"bell\\a\""),
            id: "schema.xml_character",
            summary: "the value contains U+0007, which the CloudFront API (XML 1.0) cannot carry", line: 12, column: 14),
        LoweringErrorCase(
            name: "null for a string",
            yaml: config(distribution: validBody + "\ncomment:"),
            id: "schema.type", summary: "'comment' has no value", line: 12, column: 13),
        LoweringErrorCase(
            name: "path traversal as a name",
            yaml: config(distribution: validBody, name: "\"../etc\""),
            id: "schema.distribution_name",
            summary: "distribution name '../etc' cannot name an output file: it contains a path separator", line: 3, column: 3),
        LoweringErrorCase(
            name: "empty name",
            yaml: config(distribution: validBody, name: "\"\""),
            id: "schema.distribution_name", summary: "distribution name '' cannot name an output file: it is empty",
            line: 3, column: 3),
        LoweringErrorCase(
            name: "version 2",
            yaml: config(distribution: validBody).replacingOccurrences(of: "version: 1", with: "version: 2"),
            id: "schema.version", summary: "unsupported version '2'; this cfc reads version 1", line: 1, column: 10),
        LoweringErrorCase(
            name: "sequence root",
            yaml: "- a\n- b\n",
            id: "schema.type",
            summary: "expected a mapping with 'version' and 'distributions' at the top of the file, found a list",
            line: 1, column: 1),
        LoweringErrorCase(
            name: "scalar root",
            yaml: "hello\n",
            id: "schema.type",
            summary: "expected a mapping with 'version' and 'distributions' at the top of the file, found a scalar",
            line: 1, column: 1),
        LoweringErrorCase(
            name: "empty file",
            yaml: "",
            id: "schema.empty_file", summary: "the file holds no configuration", line: 1, column: 1),
        LoweringErrorCase(
            name: "cached-methods without allowed-methods",
            yaml: config(
                distribution: """
                    origins:
                      app:
                        domain-name: app.example.com
                        custom-origin-config: {origin-protocol-policy: https-only}
                    default-cache-behavior:
                      target-origin-id: app
                      viewer-protocol-policy: https-only
                      cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                      allowed-methods: null
                      cached-methods: [GET, HEAD]
                    """),
            id: "schema.cached_methods_without_allowed_methods",
            summary: "'cached-methods' cannot be sent when 'allowed-methods' is null", line: 13, column: 23,
            hint: "the API nests CachedMethods inside AllowedMethods: write allowed-methods, or remove cached-methods"),
        LoweringErrorCase(
            name: "non-scalar key",
            yaml: config(distribution: validBody + "\n? [a, b]\n: 1"),
            id: "schema.type", summary: "a key must be a string, not a list", line: 12, column: 7),
    ]

    @Test(arguments: cases)
    func reportsTheError(_ testCase: LoweringErrorCase) throws {
        let result = TestCompiler.compile(testCase.yaml)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(TestCompiler.renderedDiagnostics(result))")
        let error = try #require(errors.first)
        #expect(error.id.rawValue == testCase.id)
        #expect(error.summary == testCase.summary)
        #expect(error.range?.start.line == testCase.line)
        #expect(error.range?.start.column == testCase.column)
        if let hint = testCase.hint { #expect(error.hint == hint) }
        #expect(result.documents.isEmpty)
    }

    @Test func everyProblemIsReportedInOneRun() {
        let yaml = config(
            distribution: """
                aliases: www.example.com
                enabled: yes
                origins:
                  app:
                    domain-name: app.example.com
                    custom-origin-config: {origin-protocol-policy: https_only, http-port: 70000}
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: ap
                    viewer-protocl-policy: https-only
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: redirect-to-https
                """)
        let result = TestCompiler.compile(yaml)
        let ids = result.diagnostics.filter { $0.severity == .error }.map(\.id.rawValue).sorted()
        // The misspelt viewer-protocl-policy is one error (unknown key), not also a missing key.
        #expect(
            ids == [
                "reference.unknown_origin", "schema.enum", "schema.range", "schema.type",
                "schema.unknown_key", "schema.yaml11_boolean",
            ])
    }

    @Test func validConfigCompilesCleanly() {
        let result = TestCompiler.compile(config(distribution: validBody))
        #expect(result.diagnostics.isEmpty, "\(TestCompiler.renderedDiagnostics(result))")
        #expect(result.documents.count == 1)
    }
}

/// A file with more distributions than an AWS account may have gets one quota warning at the
/// `distributions:` mapping, and still compiles.
@Suite struct DistributionCountTests {
    @Test func moreDistributionsThanAnAccountMayHaveIsAWarning() {
        var yaml = "version: 1\ndistributions:\n"
        for index in 0...500 {
            yaml +=
                "  d\(index): {origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}, "
                + "default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, "
                + "cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}}\n"
        }
        let result = TestCompiler.compile(yaml, file: "many.yaml")
        #expect(result.model?.distributions.count == 501)
        let quota = result.diagnostics.filter { $0.id == "config.quota" }
        #expect(quota.count == 1)
        #expect(quota.first?.severity == .warning)
        #expect(quota.first?.summary == "501 distributions exceed the quota of 500 distributions per AWS account")
        #expect(quota.first?.range?.start.line == 3)
        #expect(!result.hasErrors, "\(TestCompiler.renderedDiagnostics(result))")
        #expect(result.documents.count == 501)
    }
}
