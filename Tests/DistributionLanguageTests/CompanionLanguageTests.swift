import APIDocument
import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionIR
import Foundation
import Testing

/// Companion resources in the language: declared under top-level maps, named by their keys,
/// lowered through the catalog, emitted as their own API documents.
@Suite struct CompanionLanguageTests {
    private static let distribution = """
        distributions:
          site:
            origins:
              app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}

        """

    private func compile(_ companions: String) -> CompileResult {
        TestCompiler.compile("version: 1\n" + Self.distribution + companions, formats: [.json, .xml])
    }

    @Test func eachCompanionIsADocumentNamedByKindAndName() throws {
        let result = compile("""
            cache-policies:
              static: {min-ttl: 60}
            origin-access-controls:
              site-oac: {}
            """)
        #expect(!result.hasErrors, "\(TestCompiler.renderedDiagnostics(result))")
        #expect(result.documents.map(\.logicalPath) == [
            "site.distribution.json", "site.distribution.xml", "static.cache-policy.json", "static.cache-policy.xml",
            "site-oac.origin-access-control.json", "site-oac.origin-access-control.xml",
        ])
        let oac = try #require(result.documents.first { $0.logicalPath == "site-oac.origin-access-control.json" })
        #expect(String(decoding: oac.bytes, as: UTF8.self) == """
            {
              "Name": "site-oac",
              "SigningProtocol": "sigv4",
              "SigningBehavior": "always",
              "OriginAccessControlOriginType": "s3"
            }

            """)
        let policy = try #require(result.documents.first { $0.logicalPath == "static.cache-policy.json" })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(policy.bytes)) as? [String: Any])
        #expect(json["Name"] as? String == "static" && json["MinTTL"] as? Int == 60)
        let parameters = try #require(json["ParametersInCacheKeyAndForwardedToOrigin"] as? [String: Any])
        #expect(parameters["EnableAcceptEncodingGzip"] as? Bool == false)
        #expect((parameters["HeadersConfig"] as? [String: Any])?["HeaderBehavior"] as? String == "none")
        #expect(result.model?.companions.map(\.name) == ["static", "site-oac"])
    }

    @Test func aRequiredMemberIsRequired() throws {
        let result = compile("cache-policies:\n  static: {default-ttl: 60}\n")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.id == "schema.missing_key")
        #expect(error.summary.contains("min-ttl"), "\(error.summary)")
        #expect(result.documents.isEmpty)
    }

    @Test func anUnknownKeySuggestsTheCatalogs() throws {
        let result = compile("origin-access-controls:\n  site-oac: {signing-behaviour: always}\n")
        let error = try #require(result.diagnostics.first { $0.id == "schema.unknown_key" })
        #expect(error.hint == "did you mean 'signing-behavior'?")
        #expect(error.configPath == "origin-access-controls.site-oac")
    }

    @Test func aMisspeltTopLevelKeyNamesTheCompanionKeys() throws {
        let result = TestCompiler.compile("version: 1\n" + Self.distribution + "cache-policys:\n  static: {min-ttl: 1}\n")
        let error = try #require(result.diagnostics.first { $0.id == "schema.unknown_key" })
        #expect(error.hint == "did you mean 'cache-policies'?")
    }

    @Test func aNameThatCannotNameAFileIsAnError() throws {
        let result = compile("cache-policies:\n  'a/b': {min-ttl: 1}\n")
        let error = try #require(result.diagnostics.first { $0.id == "schema.companion_name" })
        #expect(error.summary == "'a/b' cannot name a cache policy: it contains a path separator")
        #expect(error.range?.start.line == 8 && error.range?.start.column == 3)
    }

    @Test func aDeclaredPolicyMayNotTakeAManagedName() throws {
        let result = compile("response-headers-policies:\n  Managed-SimpleCORS: {}\n")
        let error = try #require(result.diagnostics.first { $0.id == "schema.companion_name" })
        #expect(error.summary == "'Managed-SimpleCORS' is the name of an AWS managed response headers policy")
        // Managed names mean nothing for origin access controls.
        #expect(!compile("origin-access-controls:\n  CachingOptimized: {}\n").hasErrors)
    }

    @Test func theMapMustBeAMapping() throws {
        let result = compile("cache-policies: [static]\n")
        let error = try #require(result.diagnostics.first { $0.id == "schema.type" })
        #expect(error.summary.contains("a mapping from name to cache policy"), "\(error.summary)")
    }

    @Test(arguments: [("12.5", true), ("100", true), ("0", true), ("100.5", false), ("-1", false), (".inf", false), ("'12'", false)])
    func theSamplingRateIsAPercentage(_ written: String, _ accepted: Bool) {
        let result = compile("response-headers-policies:\n  timing: {server-timing-headers-config: {sampling-rate: \(written)}}\n")
        #expect(result.hasErrors != accepted, "\(written): \(TestCompiler.renderedDiagnostics(result))")
    }

    @Test func aCompanionErrorKeepsEveryDocumentUnwritten() {
        let result = compile("cache-policies:\n  good: {min-ttl: 1}\n  bad: {min-ttl: -1}\n")
        #expect(result.hasErrors)
        #expect(result.documents.isEmpty)
    }
}

/// A behavior names a declared policy (`cache-policy: static`): its id comes from the state
/// file's table; until the policy exists, the distribution's document waits.
@Suite struct CompanionReferenceTests {
    private static let yaml = """
        version: 1
        distributions:
          site:
            origins:
              app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: https-only
              cache-policy: static
              response-headers-policy: SecurityHeadersPolicy
        cache-policies:
          static: {min-ttl: 60}

        """

    private func compile(_ yaml: String, ids: CompanionIDs = CompanionIDs()) -> CompileResult {
        var options = CompileOptions()
        options.companionIDs = ids
        return Pipeline().compile(source: SourceFile(path: "site.yaml", bytes: Array(yaml.utf8)), options: options)
    }

    @Test func aCreatedPolicyIsReferredToByItsID() throws {
        let id = "0d3ffc3b-8b1f-4e9a-9a42-6a6f1c2e8b7d"
        let result = compile(Self.yaml, ids: CompanionIDs([.cachePolicy: ["static": id]]))
        #expect(result.diagnostics.filter { $0.severity != .note }.isEmpty, "\(TestCompiler.renderedDiagnostics(result))")
        let document = try #require(result.documents.first { $0.logicalPath == "site.distribution.json" })
        #expect(String(decoding: document.bytes, as: UTF8.self).contains("\"CachePolicyId\": \"\(id)\""))
        #expect(result.model?.distributions.first?.companionReferences.map(\.name) == ["static"])
    }

    @Test func aPolicyNotCreatedYetKeepsTheDistributionBackWithAWarning() throws {
        let result = compile(Self.yaml)
        #expect(!result.hasErrors, "\(TestCompiler.renderedDiagnostics(result))")
        let warning = try #require(result.diagnostics.first { $0.id == "compile.waiting_for_ids" })
        #expect(warning.severity == .warning)
        #expect(warning.summary == "distribution 'site' is not written: it names cache policy 'static', which does not exist in CloudFront yet")
        #expect(warning.range?.start.line == 9 && warning.range?.start.column == 21)
        // The policy's own document is written; the distribution's, which needs its id, is not.
        #expect(result.documents.map(\.logicalPath) == ["static.cache-policy.json"])
        // No check mistakes the placeholder for a malformed id.
        #expect(!result.diagnostics.contains { $0.id == "behaviors.policy_id_form" })
    }

    @Test func anUndeclaredNameIsAnErrorWithTheDeclaredOnesSuggested() throws {
        let result = compile(Self.yaml.replacingOccurrences(of: "cache-policy: static", with: "cache-policy: statik"))
        let error = try #require(result.diagnostics.first { $0.id == "reference.unknown_policy" })
        #expect(error.summary == "'statik' is neither an AWS managed cache policy nor one declared under 'cache-policies'")
        #expect(error.hint?.hasPrefix("did you mean 'static'?") == true)
        #expect(error.fixIts.first?.replacement == "static")
        #expect(error.configPath == "distributions.site.default-cache-behavior.cache-policy")
        #expect(result.documents.isEmpty)
    }

    @Test func theStreamedDriverSettlesReferencesAlike() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("site.yaml")
        // Declared after the distribution, which the streamed driver hands off before it has
        // read the declaration.
        try Self.yaml.replacingOccurrences(of: "cache-policy: static", with: "cache-policy: statik").write(to: input, atomically: true, encoding: .utf8)
        var options = CompileOptions()
        options.formats = [.json]
        let streamed = StreamingCompile.run(paths: [input.path], options: options, output: directory.appendingPathComponent("out").path)
        #expect(streamed.outcome.failed)
        #expect(streamed.outcome.diagnostics.contains { $0.id == "reference.unknown_policy" })
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }
}
