import CFCCompiler
import CFCTestSupport
import DistributionIR
import Foundation
import Testing

/// `cfc compile` resolves a reference to a companion by name through the state file: the one
/// given with `--state`, else `cfc-state.json` beside the first config.
@Suite struct CompileUsesStateTests {
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
        cache-policies:
          static: {min-ttl: 60}

        """
    private static let policyID = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"

    private func workspace(stateBeside: Bool) throws -> URL {
        let directory = TestPaths.makeTemporaryDirectory()
        try Self.yaml.write(to: directory.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        if stateBeside {
            let state = StateFile(companions: [.cachePolicy: ["static": StateFile.CompanionRecord(id: Self.policyID)]])
            try Data(state.rendered()).write(to: directory.appendingPathComponent(StateFile.defaultFileName))
        }
        return directory
    }

    @Test func theStateBesideTheConfigGivesTheIDToBothDrivers() throws {
        let directory = try workspace(stateBeside: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let printed = try Processes.cfc(["compile", "site.yaml", "--output", "out"], currentDirectory: directory)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stderr.isEmpty, "\(printed.stderr)")
        let document = try String(contentsOf: directory.appendingPathComponent("out/site.distribution.json"), encoding: .utf8)
        #expect(document.contains("\"CachePolicyId\": \"\(Self.policyID)\""))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/static.cache-policy.json").path))
        // From another directory, the state is still the one beside the config.
        let elsewhere = try Processes.cfc([
            "compile", directory.appendingPathComponent("site.yaml").path, "--output",
            directory.appendingPathComponent("out2").path,
        ])
        #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
        #expect(try String(contentsOf: directory.appendingPathComponent("out2/site.distribution.json"), encoding: .utf8) == document)
    }

    @Test func withoutAStateTheDistributionWaits() throws {
        let directory = try workspace(stateBeside: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Processes.cfc(["compile", "site.yaml", "--output", "out"], currentDirectory: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stderr.contains("warning: distribution 'site' is not written") && run.stderr.contains("[compile.waiting_for_ids]"),
            "\(run.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out").path)
        #expect(written == ["static.cache-policy.json"])
    }

    @Test func anExplicitStateMustExistAndBeAStateFile() throws {
        let directory = try workspace(stateBeside: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = try Processes.cfc(["compile", "site.yaml", "--state", "nope.json"], currentDirectory: directory)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nope.json") && missing.stderr.contains("[io.read]"), "\(missing.stderr)")
        try #"{"version": 1, "distributions": {}, "cache-policies": {"static": {"id": "not-a-uuid"}}}"#
            .write(to: directory.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let bad = try Processes.cfc(["compile", "site.yaml", "--state", "bad.json"], currentDirectory: directory)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.json:1:") && bad.stderr.contains("is not a CloudFront policy id"), "\(bad.stderr)")
    }
}
