import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Foundation
import Testing

/// Golden imports of realistic `get-distribution-config` outputs: `Fixtures/<case>/input.json`
/// gives `expected.yaml` (`UPDATE_GOLDENS=1 swift test --filter ImportGoldenTests` rewrites it).
/// `input.xml` beside it is the same DistributionConfig as the API's XML carries it (botocore's
/// REST-XML serialization of `input.json`, pretty-printed).
@Suite struct ImportGoldenTests {
    static let root = TestPaths.packageRoot.appendingPathComponent("Tests/CFCImportTests/Fixtures")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
    }

    @Test(arguments: cases)
    func importsAsRecorded(_ name: String) throws {
        let directory = Self.root.appendingPathComponent(name)
        let outcome = ImportCommand.run(directory.appendingPathComponent("input.json").path, name: name)
        let yaml = try #require(outcome.yaml, "\(outcome.diagnostics.map(\.summary))")
        // The header names the input file; make it independent of the checkout's location.
        let text = String(decoding: yaml, as: UTF8.self).replacingOccurrences(of: directory.path + "/", with: "")
        if let failure = Golden.compare(Array(text.utf8), with: directory.appendingPathComponent("expected.yaml")) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    /// `input.xml` (the same config as the API carries it) imports to the recorded YAML too; only
    /// the header differs, since XML has no ETag.
    @Test(arguments: cases)
    func importFromXMLMatchesTheRecordedImport(_ name: String) throws {
        let directory = Self.root.appendingPathComponent(name)
        let fromXML = ImportCommand.run(directory.appendingPathComponent("input.xml").path, name: name)
        #expect(fromXML.diagnostics.isEmpty, "\(fromXML.diagnostics.map(\.summary))")
        func body(_ bytes: [UInt8]?) -> String {
            String(decoding: bytes ?? [], as: UTF8.self).split(separator: "\n").drop { $0.hasPrefix("#") }.joined(separator: "\n")
        }
        let expected = try [UInt8](Data(contentsOf: directory.appendingPathComponent("expected.yaml")))
        #expect(!body(fromXML.yaml).isEmpty)
        #expect(body(fromXML.yaml) == body(expected))
    }

    @Test func importCommandLine() throws {
        let input = Self.root.appendingPathComponent("api-with-edge-functions/input.json").path
        let output = TestPaths.makeTemporaryDirectory().appendingPathComponent("api.yaml")
        let result = try Processes.cfc(["import", input, "--name", "api", "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("as a baseline"))
        #expect(result.stderr.contains("[functions.lambda_arn]"))
        #expect(result.stderr.contains("2 of them CloudFront's API would reject"), "\(result.stderr)")
        // The baseline quiets check; compile still refuses the $LATEST ARN, which the API rejects.
        let checked = try Processes.cfc(["check", output.path])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        let compiled = try Processes.cfc(["compile", output.path])
        #expect(compiled.status == 1, "\(compiled.stderr)")
        #expect(compiled.stderr.contains("[functions.lambda_arn]") && compiled.stderr.contains("cfc check only"), "\(compiled.stderr)")
        // Removing a baseline entry brings its finding back to check.
        let text = try String(contentsOf: output, encoding: .utf8)
            .replacingOccurrences(of: "- ordering.unreachable_behavior", with: "- origins.unused_origin")
        try text.write(to: output, atomically: true, encoding: .utf8)
        let failing = try Processes.cfc(["check", output.path])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("[ordering.unreachable_behavior]") || failing.stderr.contains("[ordering.unreachable_behavior]"))
        #expect(try Processes.cfc(["import", TestPaths.examples.appendingPathComponent("default-domain.yaml").path]).status == 1)
    }
}
