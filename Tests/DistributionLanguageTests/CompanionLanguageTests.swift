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
        let result = compile(
            """
            cache-policies:
              static: {min-ttl: 60}
            origin-access-controls:
              site-oac: {}
            """)
        #expect(!result.hasErrors, "\(TestCompiler.renderedDiagnostics(result))")
        #expect(
            result.documents.map(\.logicalPath) == [
                "site.distribution.json", "site.distribution.xml", "static.cache-policy.json", "static.cache-policy.xml",
                "site-oac.origin-access-control.json", "site-oac.origin-access-control.xml",
            ])
        let oac = try #require(result.documents.first { $0.logicalPath == "site-oac.origin-access-control.json" })
        #expect(
            String(decoding: oac.bytes, as: UTF8.self) == """
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
        #expect(
            warning.summary == "distribution 'site' is not written: it names cache policy 'static', which does not exist in CloudFront yet")
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
        try Self.yaml.replacingOccurrences(of: "cache-policy: static", with: "cache-policy: statik").write(
            to: input, atomically: true, encoding: .utf8)
        var options = CompileOptions()
        options.formats = [.json]
        let streamed = StreamingCompile.run(paths: [input.path], options: options, output: directory.appendingPathComponent("out").path)
        #expect(streamed.outcome.failed)
        #expect(streamed.outcome.diagnostics.contains { $0.id == "reference.unknown_policy" })
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }

    private static let oacYAML = """
        version: 1
        distributions:
          site:
            origins:
              bucket:
                domain-name: site.s3.us-east-1.amazonaws.com
                origin-access-control: site-oac
            default-cache-behavior:
              target-origin-id: bucket
              viewer-protocol-policy: https-only
              cache-policy: CachingOptimized
        origin-access-controls:
          site-oac: {signing-behavior: always, signing-protocol: sigv4, origin-access-control-origin-type: s3}

        """

    @Test func anOriginNamesItsOriginAccessControl() throws {
        let result = compile(Self.oacYAML, ids: CompanionIDs([.originAccessControl: ["site-oac": "E2QWRUHEXAMPLE"]]))
        #expect(!result.hasErrors, "\(TestCompiler.renderedDiagnostics(result))")
        let document = try #require(result.documents.first { $0.logicalPath == "site.distribution.json" })
        #expect(String(decoding: document.bytes, as: UTF8.self).contains("\"OriginAccessControlId\": \"E2QWRUHEXAMPLE\""))
        let waiting = compile(Self.oacYAML)
        let warning = try #require(waiting.diagnostics.first { $0.id == "compile.waiting_for_ids" })
        #expect(warning.summary.contains("origin access control 'site-oac'"))
        #expect(warning.range?.start.line == 7)
    }

    @Test func anOriginAccessControlGivenTwiceOrUndeclaredIsAnError() throws {
        let twice = compile(
            Self.oacYAML.replacingOccurrences(
                of: "origin-access-control: site-oac",
                with: "origin-access-control: site-oac\n        origin-access-control-id: E2QWRUHEXAMPLE"))
        let both = try #require(twice.diagnostics.first { $0.id == "schema.policy_keys" })
        #expect(both.summary == "the origin access control is given twice: 'origin-access-control' and 'origin-access-control-id'")
        #expect(both.notes.first?.range?.start.line == 7)
        let undeclared = compile(
            Self.oacYAML.replacingOccurrences(of: "origin-access-control: site-oac", with: "origin-access-control: site-oak"))
        let error = try #require(undeclared.diagnostics.first { $0.id == "reference.unknown_policy" })
        #expect(error.summary == "'site-oak' is no origin access control declared under 'origin-access-controls'")
        #expect(error.hint == "did you mean 'site-oac'? declared: site-oac")
        #expect(error.fixIts.first?.replacement == "site-oac")
        let anID = compile(
            Self.oacYAML.replacingOccurrences(of: "origin-access-control: site-oac", with: "origin-access-control: E2QWRUHEXAMPLE"))
        #expect(
            anID.diagnostics.first { $0.id == "reference.unknown_policy" }?.hint?.hasPrefix("an id goes in 'origin-access-control-id'")
                == true)
    }

    /// Resolving a distribution lowered before its companions existed gives the distribution
    /// lowered once they do: what `cfc apply` sends is what `cfc compile` writes afterwards.
    @Test func resolvingPlaceholdersEqualsLoweringWithTheIDs() throws {
        let ids = CompanionIDs([
            .cachePolicy: ["static": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"],
            .originAccessControl: ["site-oac": "E2QWRUHEXAMPLE"],
        ])
        let yaml =
            Self.oacYAML.replacingOccurrences(of: "cache-policy: CachingOptimized", with: "cache-policy: static")
            + "cache-policies:\n  static: {min-ttl: 1}\n"
        let before = try #require(compile(yaml).model?.distributions.first)
        #expect(before.unresolvedCompanions(CompanionIDs()).count == 2)
        let after = try #require(compile(yaml, ids: ids).model?.distributions.first)
        #expect(before.resolvingCompanions(ids) == after)
        #expect(after.unresolvedCompanions(ids).isEmpty)
        // Partly known: only what is known is filled in.
        let partial = before.resolvingCompanions(CompanionIDs([.cachePolicy: ["static": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"]]))
        #expect(partial.config.defaultCacheBehavior.cachePolicyId == "4135ea2d-6df8-44a3-9df3-4b5a84be39ad")
        #expect(partial.config.origins.first?.originAccessControlId == "(origin access control 'site-oac', known after apply)")
    }
}
