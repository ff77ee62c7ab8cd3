import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Checks
import Foundation
import Testing

/// `cfc check --format sarif` against the SARIF 2.1.0 JSON schema.
///
/// The machine has no network, so `SARIF/sarif-2.1.0-subset.schema.json` carries the part of
/// OASIS's Draft-07 schema that describes what cfc writes (required properties, enums, minimums,
/// `additionalProperties: false`), and `SARIF/validate_sarif.py` validates with Python's
/// jsonschema, checking URI formats too. A test also proves the schema rejects broken logs, so
/// a schema that accepted everything could not pass.
@Suite struct SARIFSchemaTests {
    /// Validation drives Python's jsonschema; without it those tests are skipped (see `PythonTools`).
    static let hasJSONSchema = PythonTools.available(["jsonschema"])
    static let schema = TestPaths.packageRoot.appendingPathComponent("Tests/ChecksTests/SARIF/sarif-2.1.0-subset.schema.json")
    static let validator = "Tests/ChecksTests/SARIF/validate_sarif.py"

    /// Every kind of result: an error with a related location, a warning, a note, and a
    /// suppressed warning.
    static let findings = """
        version: 1
        distributions:
          shop:
            origins:
              app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            cache-behaviors:
              - {path-pattern: /api/*, target-origin-id: app, viewer-protocol-policy: redirect-to-https, allowed-methods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE], cache-policy: CachingOptimized}
              - {path-pattern: /api/v2/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}
              - {path-pattern: /feed/*, target-origin-id: app, viewer-protocol-policy: allow-all, cache-policy: CachingOptimized, ignore: [https.allow_all_without_policy]}
            default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}

        """
    static let clean = """
        version: 1
        distributions:
          shop:
            origins:
              app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}

        """

    /// Runs `cfc check --format sarif` in a directory holding `findings.yaml`, `clean.yaml` and
    /// `with space/é.yaml`.
    static func sarif(_ arguments: [String], input: String? = nil) throws -> (log: String, directory: URL) {
        let directory = TestPaths.makeTemporaryDirectory()
        try findings.write(to: directory.appendingPathComponent("findings.yaml"), atomically: true, encoding: .utf8)
        try clean.write(to: directory.appendingPathComponent("clean.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("with space"), withIntermediateDirectories: true)
        try findings.write(to: directory.appendingPathComponent("with space/é.yaml"), atomically: true, encoding: .utf8)
        let result = try Processes.cfc(
            ["check", "--format", "sarif"] + arguments, input: input.map { Data($0.utf8) }, currentDirectory: directory)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        return (result.stdout, directory)
    }

    /// Validates each log; returns the validator's output and exit status.
    static func validate(_ logs: [String]) throws -> ProcessResult {
        let directory = TestPaths.makeTemporaryDirectory()
        var files: [String] = []
        for (index, log) in logs.enumerated() {
            let file = directory.appendingPathComponent("log-\(index).sarif")
            try log.write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        return try #require(try Processes.python(validator, [schema.path] + files), "python3 is not installed")
    }

    @Test(
        .enabled(if: hasJSONSchema, "needs Python 3 with jsonschema"),
        arguments: [
            ["findings.yaml"], ["clean.yaml"], ["findings.yaml", "clean.yaml"], ["missing.yaml"], ["with space/é.yaml"], ["-"],
        ])
    func everyLogValidates(_ arguments: [String]) throws {
        let (log, _) = try Self.sarif(arguments, input: arguments == ["-"] ? Self.findings : nil)
        let result = try Self.validate([log])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)\n\(log)")
        #expect(result.stdout.hasSuffix("validated 1 logs, 0 problems\n"), "\(result.stdout)")
    }

    /// Paths become URI references: a space, a non-ASCII name or `<stdin>` percent-encoded.
    @Test func pathsAreURIReferences() throws {
        let spaced = try Self.sarif(["with space/é.yaml"]).log
        #expect(spaced.contains("\"uri\": \"with%20space/%C3%A9.yaml\""), "\(spaced)")
        let standardInput = try Self.sarif(["-"], input: Self.findings).log
        #expect(standardInput.contains("\"uri\": \"%3Cstdin%3E\""), "\(standardInput)")
        #expect(SARIFRenderer.uriReference(forPath: "/tmp/cfc-tests/site.yaml") == "/tmp/cfc-tests/site.yaml")
        #expect(SARIFRenderer.uriReference(forPath: "c:site.yaml") == "c%3Asite.yaml")
        #expect(SARIFRenderer.uriReference(forPath: "a#b?c%d.yaml") == "a%23b%3Fc%25d.yaml")
    }

    /// Each mutation breaks one requirement of the standard; the schema must catch every one.
    struct Mutation: CustomTestStringConvertible, Sendable {
        var name: String
        var replace: String
        var with: String
        var testDescription: String { name }
    }

    @Test(
        .enabled(if: hasJSONSchema, "needs Python 3 with jsonschema"),
        arguments: [
            Mutation(name: "version is not 2.1.0", replace: "\"version\": \"2.1.0\"", with: "\"version\": \"2.0.0\""),
            Mutation(
                name: "a level outside the enum", replace: "\"level\": \"error\", \"message\"", with: "\"level\": \"fatal\", \"message\""),
            Mutation(
                name: "a rule's default level outside the enum", replace: "\"defaultConfiguration\": {\"level\": \"warning\"}",
                with: "\"defaultConfiguration\": {\"level\": \"warn\"}"),
            Mutation(name: "a misspelled property", replace: "{\"ruleId\": ", with: "{\"ruleID\": "),
            Mutation(name: "a message without text or id", replace: "\"message\": {\"text\": ", with: "\"message\": {\"txt\": "),
            Mutation(name: "lines count from 1", replace: "\"startLine\": 8,", with: "\"startLine\": 0,"),
            Mutation(name: "a suppression kind outside the enum", replace: "\"kind\": \"inSource\"", with: "\"kind\": \"inline\""),
            Mutation(name: "a driver without a name", replace: "\"name\": \"cfc\",", with: "\"fullName\": \"cfc\","),
            Mutation(
                name: "a physical location without an artifact", replace: "{\"physicalLocation\": {\"artifactLocation\": ",
                with: "{\"physicalLocation\": {\"artifact\": "),
            Mutation(name: "a URI with a space", replace: "\"uri\": \"findings.yaml\"", with: "\"uri\": \"my findings.yaml\""),
            Mutation(name: "a relative informationUri", replace: "\"informationUri\": \"https://", with: "\"informationUri\": \"//"),
        ])
    func theSchemaRejects(_ mutation: Mutation) throws {
        let (log, _) = try Self.sarif(["findings.yaml"])
        #expect(log.contains(mutation.replace), "the log no longer contains \(mutation.replace)")
        let result = try Self.validate([log.replacingOccurrences(of: mutation.replace, with: mutation.with)])
        #expect(result.status == 1, "\(mutation.name) was accepted:\n\(result.stdout)\(result.stderr)")
    }

    /// What the schema cannot say: every result names a rule the driver declares, once each;
    /// exactly the suppressed findings carry a suppression; related locations are the notes.
    @Test func resultsReferToDeclaredRules() throws {
        let (log, _) = try Self.sarif(["findings.yaml"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(log.utf8)) as? [String: Any])
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let ruleIDs = try #require((driver["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
        #expect(Set(ruleIDs).count == ruleIDs.count, "duplicate rule ids")
        #expect(Set(RuleRegistry.rules.map { type(of: $0).description.id.rawValue }).isSubset(of: Set(ruleIDs)))
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(
            results.map { $0["ruleId"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") } == [
                "https.allow_all_without_policy", "https.redirect_billing", "https.redirect_with_body_methods",
                "ordering.unreachable_behavior",
            ])
        for result in results {
            #expect(ruleIDs.contains(result["ruleId"] as? String ?? ""))
            let suppressed = result["ruleId"] as? String == "https.allow_all_without_policy"
            #expect((result["suppressions"] != nil) == suppressed, "\(result)")
        }
        let unreachable = try #require(results.first { $0["ruleId"] as? String == "ordering.unreachable_behavior" })
        let related = try #require(unreachable["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(
            (related.first?["message"] as? [String: Any])?["text"] as? String == "behavior 1 '/api/*' takes /api/v2/x and the like first")
        let region = (related.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        #expect(region?["startLine"] as? Int == 7)
        #expect(region?["startColumn"] as? Int == 24)
    }
}
