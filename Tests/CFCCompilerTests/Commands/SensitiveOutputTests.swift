import CFCTestSupport
import Foundation
import Testing

/// What people read never shows an origin's custom header value (a shared secret such as
/// `X-Origin-Verify`), in any command or format; what CloudFront receives does.
@Suite struct SensitiveOutputTests {
    static let secret = "s3cr3t-0ld-v4lue"
    static let rotated = "r0t4ted-n3w-v4lue"

    static func config(_ secret: String) -> String {
        """
        version: 1
        distributions:
          www:
            origins:
              app:
                domain-name: app.example.com
                custom-origin-config: {origin-protocol-policy: https-only}
                custom-headers: {X-Origin-Verify: \(secret)}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: redirect-to-https
              cache-policy: CachingOptimized

        """
    }

    struct Invocation: CustomTestStringConvertible, Sendable {
        var arguments: @Sendable (_ old: String, _ new: String) -> [String]
        var name: String
        var testDescription: String { name }
    }

    static let invocations: [Invocation] = ["text", "json", "markdown"].flatMap { format in
        [
            Invocation(arguments: { ["diff", $0, $1, "--format", format] }, name: "diff --format \(format)"),
            Invocation(arguments: { ["plan", $1, "--previous", $0, "--format", format] }, name: "plan --format \(format)"),
        ]
    }

    @Test(arguments: invocations)
    func aRotatedSecretIsReportedNotShown(_ invocation: Invocation) throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = directory.appendingPathComponent("old.yaml").path
        let new = directory.appendingPathComponent("new.yaml").path
        try Self.config(Self.secret).write(toFile: old, atomically: true, encoding: .utf8)
        try Self.config(Self.rotated).write(toFile: new, atomically: true, encoding: .utf8)
        let result = try Processes.cfc(invocation.arguments(old, new))
        let everything = result.stdout + result.stderr
        #expect(result.status == (invocation.name.hasPrefix("diff") ? 1 : 2), "\(everything)")
        #expect(everything.contains("X-Origin-Verify"), "\(everything)")
        #expect(everything.contains("sensitive"), "\(everything)")
        #expect(!everything.contains(Self.secret) && !everything.contains(Self.rotated), "\(everything)")
    }

    @Test func theDocumentsCloudFrontReceivesCarryTheValue() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = directory.appendingPathComponent("old.yaml").path
        let new = directory.appendingPathComponent("new.yaml").path
        try Self.config(Self.secret).write(toFile: old, atomically: true, encoding: .utf8)
        try Self.config(Self.rotated).write(toFile: new, atomically: true, encoding: .utf8)
        let plan = directory.appendingPathComponent("plan").path
        let result = try Processes.cfc(["plan", new, "--previous", old, "--output", plan])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(!(result.stdout + result.stderr).contains(Self.rotated))
        let document = try String(contentsOfFile: plan + "/www.distribution.json", encoding: .utf8)
        #expect(document.contains("\"HeaderValue\": \"\(Self.rotated)\""))
    }
}
