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

    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
    }

    /// Files that hold a secret are readable by their owner only, and the plan says which;
    /// files without one keep the usual mode.
    @Test func planFilesThatHoldASecretAreOwnerOnly() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = directory.appendingPathComponent("old.yaml").path
        let new = directory.appendingPathComponent("new.yaml").path
        try Self.config(Self.secret).write(toFile: old, atomically: true, encoding: .utf8)
        try Self.config(Self.rotated).write(toFile: new, atomically: true, encoding: .utf8)
        let plan = directory.appendingPathComponent("plan").path
        let result = try Processes.cfc(["plan", new, "--previous", old, "--output", plan])
        #expect(result.status == 2, "\(result.stderr)")
        for name in ["www.distribution.json", "www.distribution.xml", "www.planned-against.json"] {
            #expect(try Self.mode(plan + "/" + name) == 0o600, "\(name)")
        }
        #expect(try Self.mode(plan + "/plan.json") & 0o044 != 0, "plan.json holds digests, not secrets")
        #expect(
            result.stdout.contains(
                "Written readable by their owner only (mode 0600), since they hold sensitive values: "
                    + "www.distribution.json, www.distribution.xml, www.planned-against.json"), "\(result.stdout)")
    }

    @Test func compiledDocumentsThatHoldASecretAreOwnerOnly() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = directory.appendingPathComponent("secret.yaml").path
        try Self.config(Self.secret).write(toFile: secret, atomically: true, encoding: .utf8)
        let plain = directory.appendingPathComponent("plain.yaml").path
        try Self.config(Self.secret).replacingOccurrences(of: "        custom-headers: {X-Origin-Verify: \(Self.secret)}\n", with: "")
            .replacingOccurrences(of: "  www:", with: "  docs:")
            .write(toFile: plain, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out").path
        // Into a new directory (staged whole), then over it (file by file), after its secret
        // file was opened up by hand: an unchanged file that others can read is replaced.
        for round in 0..<2 {
            let result = try Processes.cfc(["compile", secret, plain, "--format", "both", "--output", output])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains(Self.secret) && !result.stderr.contains(Self.secret))
            #expect(try Self.mode(output + "/www.distribution.json") == 0o600, "round \(round)")
            #expect(try Self.mode(output + "/www.distribution.xml") == 0o600, "round \(round)")
            #expect(try Self.mode(output + "/docs.distribution.json") & 0o044 != 0, "round \(round)")
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: output + "/www.distribution.json")
        }
    }

    /// AWS's model marks a function's code sensitive too (FunctionBlob).
    @Test func aFunctionsCodeIsOwnerOnly() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("functions"), withIntermediateDirectories: true)
        try "function handler(event) { return event.request; }\n".write(
            to: directory.appendingPathComponent("functions/rewrite.js"), atomically: true, encoding: .utf8)
        let config = directory.appendingPathComponent("site.yaml").path
        try """
        version: 1
        functions:
          rewrite:
            code: functions/rewrite.js
        distributions:
          docs:
            origins:
              app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: redirect-to-https
              cache-policy: CachingOptimized
              function-associations: [{event-type: viewer-request, function: rewrite}]

        """.write(toFile: config, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out").path
        let result = try Processes.cfc(["compile", config, "--output", output])
        let written = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        // The distribution waits for the function's ARN (no state file yet); the function's own
        // documents and its code are written.
        #expect(result.status == 0, "\(result.stderr)")
        let code = try #require(written.first { $0.hasSuffix(".js") }, "\(written) \(result.stderr)")
        #expect(try Self.mode(output + "/" + code) == 0o600)
    }
}
