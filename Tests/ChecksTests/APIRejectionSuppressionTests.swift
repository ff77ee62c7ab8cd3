import CFCDiagnostics
import CFCCompiler
import CFCTestSupport
import Checks
import Foundation
import Testing

/// An `ignore:` entry is a baseline for `cfc check`; it never makes compile or plan write a
/// document CloudFront's API refuses.
@Suite struct APIRejectionSuppressionTests {
    /// A comment over 128 characters is refused by the API (`config.comment_length`), and
    /// the distribution tries to silence it.
    static let config = """
        version: 1
        distributions:
          site:
            ignore: [config.comment_length]
            comment: \(String(repeating: "x", count: 129))
            origins:
              web: {domain-name: web.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            default-cache-behavior: {target-origin-id: web, viewer-protocol-policy: redirect-to-https, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}

        """

    @Test func checkHonorsTheBaselineButCompileAndPlanDoNot() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.config.write(to: directory.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        let check = try Processes.cfc(["check", "site.yaml"], currentDirectory: directory)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let compile = try Processes.cfc(["compile", "site.yaml", "--output", "out"], currentDirectory: directory)
        #expect(compile.status == 1, "\(compile.stderr)")
        #expect(compile.stderr.contains("[config.comment_length]"), "\(compile.stderr)")
        #expect(compile.stderr.contains("silences this for cfc check only"), "\(compile.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
        let plan = try Processes.cfc(["plan", "site.yaml"], currentDirectory: directory)
        #expect(plan.status == 1, "\(plan.stdout)\(plan.stderr)")
    }

    /// Only errors are API rejections: a rule that merely advises must not claim it.
    @Test func everyAPIRejectionIsAnError() {
        let rejections = RuleRegistry.rules.map { type(of: $0).description }.filter(\.rejectedByAPI)
        #expect(rejections.count >= 20)
        for rule in rejections { #expect(rule.severity == .error, "\(rule.id.rawValue)") }
    }
}
