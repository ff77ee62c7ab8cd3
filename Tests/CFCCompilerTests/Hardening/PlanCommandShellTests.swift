import CFCTestSupport
import Foundation
import Testing

/// The `aws` commands `cfc plan` prints are run by people and pipelines: no value from a file or
/// an option can make them run anything else (issue: hardening, shell code in printed commands).
@Suite struct PlanCommandShellTests {
    static let config = """
        version: 1
        distributions:
          www:
            origins:
              app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}

        """

    /// `get-distribution-config` output for the config with `etag`, and the config changed.
    static func files(etag: String, in directory: URL) throws -> (previous: URL, new: URL) {
        let yaml = directory.appendingPathComponent("www.yaml")
        try config.write(to: yaml, atomically: true, encoding: .utf8)
        let compiled = try Processes.cfc(["compile", yaml.path])
        try #require(compiled.status == 0, "\(compiled.stderr)")
        let wrapped: [String: Any] = [
            "ETag": etag, "DistributionConfig": try JSONSerialization.jsonObject(with: Data(compiled.stdout.utf8)),
        ]
        let previous = directory.appendingPathComponent("live.json")
        try JSONSerialization.data(withJSONObject: wrapped).write(to: previous)
        let new = directory.appendingPathComponent("new.yaml")
        try config.replacingOccurrences(of: "https-only, cache-policy-id", with: "redirect-to-https, cache-policy-id")
            .write(to: new, atomically: true, encoding: .utf8)
        return (previous, new)
    }

    @Test(arguments: ["E1$(touch pwned)", "E1`touch pwned`", "E1;touch pwned", "E2QWRUHAPOMQZL\n", "E2QW RUHAP", ""])
    func anETagThatCloudFrontCouldNotHaveReturnedIsRefused(etag: String) throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (previous, new) = try Self.files(etag: etag, in: directory)
        let result = try Processes.cfc(["plan", "--previous", previous.path, new.path], currentDirectory: directory)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("is not an ETag CloudFront returns") && result.stderr.contains("[api.etag]"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: ["E1$(touch pwned)", "edfdvbd6example", "E1 E2", "<DISTRIBUTION_ID>"])
    func aDistributionIDThatCloudFrontCouldNotHaveMadeIsABadInvocation(id: String) throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (previous, new) = try Self.files(etag: "E2QWRUHAPOMQZL", in: directory)
        let result = try Processes.cfc(
            ["plan", "--previous", previous.path, "--distribution-id", id, new.path], currentDirectory: directory)
        #expect(result.status == 1, "plan's status for a bad invocation: \(result.stderr)")
        #expect(result.stderr.contains("is not a CloudFront distribution id"), "\(result.stderr)")
    }

    /// The printed lines, pasted into a shell with a fake `aws` first on PATH, run exactly the
    /// argument lists plan.json gives, placeholders included, and nothing else.
    @Test func thePrintedCommandsRunExactlyTheirArguments() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (previous, new) = try Self.files(etag: "E2QWRUHAPOMQZL", in: directory)
        for distributionID in [nil, "EDFDVBD6EXAMPLE"] {
            let output = directory.appendingPathComponent("plan-\(distributionID ?? "placeholder")")
            var arguments = ["plan", "--previous", previous.path, "--output", output.path, new.path]
            if let distributionID { arguments += ["--distribution-id", distributionID] }
            let text = try Processes.cfc(arguments, currentDirectory: directory)
            #expect(text.status == 2, "\(text.stderr)")
            let planJSON =
                try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("plan.json"))) as? [String: Any]
            let entry = try #require((planJSON?["distributions"] as? [[String: Any]])?.first)
            let expected = try #require(entry["command-arguments"] as? [[String]])
            #expect(
                entry["commands"] as? [String]
                    == expected.map { $0.joined(separator: " ") }.map { line in
                        line.replacingOccurrences(of: "<DISTRIBUTION_ID>", with: "'<DISTRIBUTION_ID>'")
                            .replacingOccurrences(of: "<ETAG>", with: "'<ETAG>'")
                    })

            // A fake aws that records its arguments, one per line, one command per file.
            let bin = directory.appendingPathComponent("bin")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            let log = directory.appendingPathComponent("aws.log")
            try? FileManager.default.removeItem(at: log)
            try "#!/bin/sh\nfor a in aws \"$@\"; do printf '%s\\n' \"$a\"; done >> '\(log.path)'\nprintf '%s\\n' '--' >> '\(log.path)'\n"
                .write(to: bin.appendingPathComponent("aws"), atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent("aws").path)
            let lines = text.stdout.split(separator: "\n").filter { $0.hasPrefix("    aws ") }.map { $0.dropFirst(4) }
            #expect(lines.count == expected.count)
            let script = "PATH='\(bin.path)':$PATH\n" + lines.joined(separator: "\n") + "\n"
            let run = try Processes.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script], currentDirectory: directory)
            #expect(run.status == 0, "\(run.stderr)")
            let recorded = try String(contentsOf: log, encoding: .utf8).split(separator: "--\n", omittingEmptySubsequences: true)
                .map { $0.split(separator: "\n").map(String.init) }
            #expect(recorded == expected)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("pwned").path))
    }
}
