import CFCCompiler
import CFCTestSupport
import Foundation
import Testing

/// `cfc import` records which CloudFront distribution a name is, in the state file beside the
/// YAML, when the input or `--id` says so; and never maps one name to two distributions.
@Suite struct ImportRecordsStateTests {
    static let realConfigs = TestPaths.packageRoot.appendingPathComponent("Tests/CFCImportTests/RealConfigs")

    private func state(_ directory: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("cfc-state.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func getDistributionOutputRecordsItsIdentity() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = Self.realConfigs.appendingPathComponent("gh-majurun-tls13-two-oai-getdistribution.json").path
        let result = try Processes.cfc(["import", input, "--name", "www", "--output", "www.yaml"], currentDirectory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let www = try #require((try state(directory))["distributions"] as? [String: [String: String]])["www"]
        #expect(www?["id"] == "E3119D1YL9VG8H")
        #expect(www?["etag"] == "E1PA6795UKMFR9")
        #expect(www?["domain-name"] == "d2hkk9lw3ztjzg.cloudfront.net")
        #expect(www?["config-sha256"]?.count == 64)
    }

    @Test func getDistributionConfigOutputNeedsAnId() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = Self.realConfigs.appendingPathComponent("awscli-get-distribution-config-output.json").path
        #expect(try Processes.cfc(["import", input, "--name", "cli", "--output", "cli.yaml"], currentDirectory: directory).status == 0)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("cfc-state.json").path))
        let recorded = try Processes.cfc(
            ["import", input, "--name", "cli", "--output", "cli.yaml", "--id", "EDFDVBD6EXAMPLE"],
            currentDirectory: directory)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let cli = try #require((try state(directory))["distributions"] as? [String: [String: String]])["cli"]
        #expect(cli?["id"] == "EDFDVBD6EXAMPLE" && cli?["etag"] == "E2QWRUHEXAMPLE" && cli?["caller-reference"] == "cli-example")
        // A bad id is a usage error, before anything is read.
        #expect(try Processes.cfc(["import", input, "--id", "e1;rm"], currentDirectory: directory).status == 64)
    }

    @Test func oneNameNeverMapsToTwoDistributions() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = Self.realConfigs.appendingPathComponent("awscli-get-distribution-config-output.json").path
        #expect(
            try Processes.cfc(
                ["import", input, "--name", "cli", "--output", "cli.yaml", "--id", "EDFDVBD6EXAMPLE"],
                currentDirectory: directory
            ).status == 0)
        let before = try Data(contentsOf: directory.appendingPathComponent("cfc-state.json"))
        try FileManager.default.removeItem(at: directory.appendingPathComponent("cli.yaml"))
        let again = try Processes.cfc(
            ["import", input, "--name", "cli", "--output", "cli.yaml", "--id", "E2OTHEREXAMPLE"],
            currentDirectory: directory)
        #expect(again.status == 1)
        #expect(again.stderr.contains("[import.state]"), "\(again.stderr)")
        #expect(try Data(contentsOf: directory.appendingPathComponent("cfc-state.json")) == before)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("cli.yaml").path), "nothing written on refusal")
        // An id that contradicts the input's own is refused too.
        let wrapped = Self.realConfigs.appendingPathComponent("gh-majurun-tls13-two-oai-getdistribution.json").path
        let contradicted = try Processes.cfc(
            ["import", wrapped, "--name", "x", "--output", "x.yaml", "--id", "E2OTHEREXAMPLE"],
            currentDirectory: directory)
        #expect(contradicted.status == 1 && contradicted.stderr.contains("[import.id]"), "\(contradicted.stderr)")
    }
}
