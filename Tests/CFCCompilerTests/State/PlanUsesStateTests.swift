import CFCCompiler
import CFCTestSupport
import Foundation
import Testing

/// `cfc plan` takes distribution ids from the state file (or the previous config's own `Id`),
/// and never plans a create for a distribution the state says exists.
@Suite struct PlanUsesStateTests {
    static let realConfigs = TestPaths.packageRoot.appendingPathComponent("Tests/CFCImportTests/RealConfigs")

    /// A directory with `cli.yaml` imported from the aws CLI's get-distribution-config example
    /// and, when `id` is given, a state file that maps `cli` to it.
    private func workspace(id: String?) throws -> URL {
        let directory = TestPaths.makeTemporaryDirectory()
        let input = Self.realConfigs.appendingPathComponent("awscli-get-distribution-config-output.json").path
        var arguments = ["import", input, "--name", "cli", "--output", "cli.yaml"]
        if let id { arguments += ["--id", id] }
        #expect(try Processes.cfc(arguments, currentDirectory: directory).status == 0)
        return directory
    }

    @Test func aDistributionTheStateKnowsIsNeverPlannedAsACreate() throws {
        let directory = try workspace(id: "EDFDVBD6EXAMPLE")
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = try Processes.cfc(["plan", "cli.yaml"], currentDirectory: directory)
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("[plan.needs_live_config]"), "\(plan.stderr)")
        // At the distribution's name in the config.
        #expect(plan.stderr.hasPrefix("cli.yaml:"), "\(plan.stderr)")
        #expect(plan.stderr.contains("get-distribution-config --id EDFDVBD6EXAMPLE"), "\(plan.stderr)")
        #expect(!plan.stdout.contains("create"), "\(plan.stdout)")
    }

    @Test func theCommandsCarryTheIdFromTheState() throws {
        let directory = try workspace(id: "EDFDVBD6EXAMPLE")
        defer { try? FileManager.default.removeItem(at: directory) }
        let live = Self.realConfigs.appendingPathComponent("awscli-get-distribution-config-output.json").path
        let yaml = directory.appendingPathComponent("cli.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(of: "    enabled: true\n", with: "")
            .replacingOccurrences(of: "distributions:\n  cli:\n", with: "distributions:\n  cli:\n    comment: changed\n")
        try text.write(to: yaml, atomically: true, encoding: .utf8)
        let plan = try Processes.cfc(["plan", "--previous", live, "cli.yaml"], currentDirectory: directory)
        #expect(plan.status == 2, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("update-distribution --id EDFDVBD6EXAMPLE --if-match E2QWRUHEXAMPLE"), "\(plan.stdout)")
        #expect(!plan.stdout.contains("<DISTRIBUTION_ID>"), "\(plan.stdout)")
    }

    @Test func withoutAStateACreateIsPlanned() throws {
        let directory = try workspace(id: nil)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = try Processes.cfc(["plan", "cli.yaml"], currentDirectory: directory)
        #expect(plan.status == 2, "\(plan.stderr)")
        #expect(plan.stdout.contains("distribution cli: create"), "\(plan.stdout)")
    }

    @Test func aPreviousConfigOfAnotherDistributionIsRefused() throws {
        let directory = try workspace(id: "EDFDVBD6EXAMPLE")
        defer { try? FileManager.default.removeItem(at: directory) }
        // get-distribution output carries its own Id, which is not the one the state has.
        let other = Self.realConfigs.appendingPathComponent("gh-majurun-tls13-two-oai-getdistribution.json").path
        let plan = try Processes.cfc(["plan", "--previous", other, "cli.yaml"], currentDirectory: directory)
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("[plan.state_mismatch]"), "\(plan.stderr)")
    }

    @Test func aNamedStateFileMustExist() throws {
        let directory = try workspace(id: nil)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = try Processes.cfc(["plan", "cli.yaml", "--state", "missing.json"], currentDirectory: directory)
        #expect(plan.status == 1 && plan.stderr.contains("[io.read]"), "\(plan.stderr)")
    }
}
