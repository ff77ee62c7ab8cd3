import CFCTestSupport
import Foundation
import Testing

/// `cfc plan` and `cfc diff` run as built: their exit statuses, bad invocations included, are
/// the ones their help documents (Terraform's -detailed-exitcode for plan, diff(1) for diff),
/// not ArgumentParser's 64.
@Suite struct PlanCommandLineTests {
    static let scenarios = TestPaths.packageRoot.appendingPathComponent("Tests/PlanningTests/Scenarios")
    static func file(_ scenario: String, _ name: String) -> String {
        scenarios.appendingPathComponent(scenario).appendingPathComponent(name).path
    }

    struct Invocation: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var status: Int32
        /// Text that standard error must hold (the usage error, or the diagnostic).
        var stderr: String
        var testDescription: String { "cfc \(arguments.joined(separator: " ")) exits \(status)" }
    }

    static let badInvocations: [Invocation] = [
        Invocation(arguments: ["plan"], status: 1, stderr: "Error: Missing expected argument '<new>'"),
        Invocation(
            arguments: ["plan", "--max-paths", "0", file("behavior-retargeted", "new.yaml")], status: 1,
            stderr: "Error: --max-paths must be between 1 and 3000."),
        Invocation(
            arguments: ["plan", "--free-paths-left=-1", file("behavior-retargeted", "new.yaml")], status: 1,
            stderr: "Error: --free-paths-left cannot be negative."),
        Invocation(
            arguments: ["plan", "--frobnicate", file("behavior-retargeted", "new.yaml")], status: 1,
            stderr: "Error: Unknown option '--frobnicate'"),
        Invocation(
            arguments: ["plan", "--format", "yaml", file("behavior-retargeted", "new.yaml")], status: 1,
            stderr: "Error: The value 'yaml' is invalid for '--format <format>'"),
        Invocation(
            arguments: ["plan", "--previous", "/nonexistent/old.yaml", file("behavior-retargeted", "new.yaml")], status: 1,
            stderr: "/nonexistent/old.yaml: error: cannot read the file"),
        Invocation(arguments: ["diff"], status: 2, stderr: "Error: Missing expected argument '<config> ...'"),
        Invocation(
            arguments: ["diff", file("behavior-retargeted", "old.yaml")], status: 2,
            stderr: "Error: Give two configs, or one config with --env OLD --env NEW to compare its environments."),
        Invocation(
            arguments: ["diff", "--env", "prod", file("behavior-retargeted", "old.yaml")], status: 2,
            stderr: "Error: Give two configs, or one config with --env OLD --env NEW to compare its environments."),
        Invocation(
            arguments: ["diff", "--env", "a", "--env", "b", "--env", "c", file("behavior-retargeted", "old.yaml")], status: 2,
            stderr: "Error: Give --env at most 2 times."),
        Invocation(
            arguments: ["plan", "--env", "a", "--env", "b", file("behavior-retargeted", "new.yaml")], status: 1,
            stderr: "Error: Give --env once: this command reads one environment's values."),
        Invocation(
            arguments: ["diff", "--format", "yaml", file("behavior-retargeted", "old.yaml"), file("behavior-retargeted", "new.yaml")],
            status: 2, stderr: "Error: The value 'yaml' is invalid for '--format <format>'"),
        Invocation(arguments: ["diff", "--frobnicate", "a", "b"], status: 2, stderr: "Error: Unknown option '--frobnicate'"),
        Invocation(
            arguments: ["diff", "/nonexistent/old.yaml", file("behavior-retargeted", "new.yaml")], status: 2,
            stderr: "/nonexistent/old.yaml: error: cannot read the file"),
        // The other commands keep EX_USAGE.
        Invocation(arguments: ["compile"], status: 64, stderr: "Error: Missing expected argument"),
        Invocation(arguments: ["frobnicate"], status: 64, stderr: "Error: Unexpected argument 'frobnicate'"),
    ]

    @Test(arguments: badInvocations)
    func errorsExitWithTheDocumentedStatus(_ invocation: Invocation) throws {
        let result = try Processes.cfc(invocation.arguments)
        #expect(result.status == invocation.status, "\(result.stderr)")
        #expect(result.stderr.contains(invocation.stderr), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// A usage error still shows the command's own usage, as ArgumentParser prints it.
    @Test func usageErrorsShowTheCommandsUsage() throws {
        #expect(try Processes.cfc(["plan"]).stderr.contains("Usage: cfc plan [<options>] <new>"))
        #expect(try Processes.cfc(["diff"]).stderr.contains("Usage: cfc diff <config> ..."))
    }

    static let outcomes: [Invocation] = [
        Invocation(
            arguments: ["plan", "--previous", file("behavior-retargeted", "old.yaml"), file("behavior-retargeted", "new.yaml")],
            status: 2, stderr: ""),
        Invocation(
            arguments: ["plan", "--previous", file("behavior-retargeted", "new.yaml"), file("behavior-retargeted", "new.yaml")],
            status: 0, stderr: ""),
        Invocation(
            arguments: ["diff", file("behavior-retargeted", "old.yaml"), file("behavior-retargeted", "new.yaml")], status: 1, stderr: ""),
        Invocation(
            arguments: ["diff", file("behavior-retargeted", "new.yaml"), file("behavior-retargeted", "new.yaml")], status: 0, stderr: ""),
    ]

    @Test(arguments: outcomes)
    func resultsExitWithTheDocumentedStatus(_ invocation: Invocation) throws {
        let result = try Processes.cfc(invocation.arguments)
        #expect(result.status == invocation.status, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
    }

    @Test(arguments: [
        ("plan", "Exit status (like Terraform's -detailed-exitcode): 0 nothing to do; 2 changes planned; 1 error, a bad invocation"),
        ("diff", "Exit status (like diff): 0 same; 1 different; 2 trouble, a bad invocation"),
    ])
    func helpDocumentsTheExitStatus(_ command: String, _ text: String) throws {
        let result = try Processes.cfc([command, "--help"])
        #expect(result.status == 0)
        // Help is wrapped to the terminal's width: compare with whitespace runs collapsed.
        let flattened = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flattened.contains(text), "\(result.stdout)")
    }
}
