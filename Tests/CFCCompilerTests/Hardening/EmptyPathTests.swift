import CFCTestSupport
import Foundation
import Testing

/// An empty path is a bad invocation for every path option and argument: an unset variable in
/// a CI step (`--output "$OUT"`) once made `--output ''`, which named the root directory.
@Suite struct EmptyPathTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        /// The command's status for a bad invocation (plan: 1, diff: 2, the rest: 64).
        var status: Int32
        var testDescription: String { arguments.map { $0.isEmpty ? "''" : $0 }.joined(separator: " ") }
    }

    static let example = TestPaths.examples.appendingPathComponent("default-domain.yaml").path

    static let cases: [Case] = [
        Case(arguments: ["compile", "--output", "", example], status: 64),
        Case(arguments: ["compile", ""], status: 64),
        Case(arguments: ["check", ""], status: 64),
        Case(arguments: ["fmt", "--check", ""], status: 64),
        Case(arguments: ["import", ""], status: 64),
        Case(arguments: ["import", "--output", "", example], status: 64),
        Case(arguments: ["route", "", "GET", "https://a/"], status: 64),
        Case(arguments: ["route", example, "--batch", ""], status: 64),
        Case(arguments: ["plan", "--output", "", example], status: 1),
        Case(arguments: ["plan", "--previous", "", example], status: 1),
        Case(arguments: ["plan", "--changed-paths", "", example], status: 1),
        Case(arguments: ["plan", ""], status: 1),
        Case(arguments: ["diff", "", example], status: 2),
        Case(arguments: ["diff", example, ""], status: 2),
    ]

    @Test(arguments: cases)
    func anEmptyPathIsABadInvocation(_ testCase: Case) throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Processes.cfc(testCase.arguments, currentDirectory: directory)
        #expect(result.status == testCase.status, "\(result.stderr)")
        #expect(result.stderr.contains("An empty path names no file"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "wrote something")
    }
}
