import CFCCompiler
import CFCDiagnostics
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

    /// The duplicate-alias check runs when a file is settled, in both drivers: compile to files
    /// (streamed) writes nothing, and an ignore entry is a baseline for check only.
    @Test func duplicateAliasesAcrossDistributions() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func distribution(_ name: String, ignore: Bool) -> String {
            """
              \(name):
                aliases: [www.example.com]
                viewer-certificate: {acm-certificate-arn: "arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab", ssl-support-method: sni-only}
                origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}
                default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
            \(ignore ? "    ignore: [certificates.duplicate_alias]\n" : "")
            """
        }
        try ("version: 1\ndistributions:\n" + distribution("blue", ignore: false) + distribution("green", ignore: true))
            .write(to: directory.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        let compile = try Processes.cfc(["compile", "site.yaml", "--output", "out"], currentDirectory: directory)
        #expect(compile.status == 1)
        #expect(compile.stderr.contains("alias www.example.com is also on distribution 'blue'"), "\(compile.stderr)")
        #expect(compile.stderr.contains("site.yaml:4:15: note: distribution 'blue' has it here"), "\(compile.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
        let check = try Processes.cfc(["check", "site.yaml"], currentDirectory: directory)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// A file that copies a distribution many times gets a bounded number of findings.
    @Test func duplicateAliasFindingsAreBounded() {
        let aliases = (0..<150).map { (alias: "h\($0).example.com", range: SourceRange?.none) }
        let claims = ["a", "b"].map { DistributionFacts(distribution: $0, aliases: aliases) }
        let findings = DuplicateAliasRule.findings(claims, baselinesAPIRejections: false)
        #expect(findings.count == DuplicateAliasRule.findingLimit + 1)
        #expect(findings.last?.summary == "50 more aliases are claimed by more than one distribution of the file")
    }
}
