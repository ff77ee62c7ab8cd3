import CFCTestSupport
import Foundation
import Testing

/// Input files are regular files or pipes unless `--follow-symlinks` says otherwise: a link
/// committed to a repository can point at a secret, and its content used to reach diagnostics
/// (issue 14, class 12).
@Suite struct InputFileKindTests {
    static let example = TestPaths.examples.appendingPathComponent("default-domain.yaml")
    static let secret = "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

    /// Every command that reads configs, with `input` as the config.
    static func commands(_ input: String) -> [[String]] {
        [
            ["check", input], ["compile", input], ["fmt", "--check", input], ["plan", input], ["route", input, "GET", "https://a/"],
            ["diff", Self.example.path, input], ["plan", "--previous", input, Self.example.path],
            ["plan", "--changed-paths", input, Self.example.path],
        ]
    }

    @Test(arguments: commands("site.yaml"))
    func aLinkToASecretIsRefusedAndNotEchoed(_ arguments: [String]) throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let credentials = directory.appendingPathComponent("credentials")
        try "[default]\n\(Self.secret)\n".write(to: credentials, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("site.yaml").path, withDestinationPath: "credentials")
        let result = try Processes.cfc(arguments, currentDirectory: directory)
        #expect(result.status != 0)
        #expect(result.stderr.contains("is a symbolic link") || result.stdout.contains("is a symbolic link"), "\(result.stderr)")
        #expect(!(result.stdout + result.stderr).contains("wJalrXUtnFEMI"))
    }

    @Test func aLinkIsReadWithFollowSymlinks() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let link = directory.appendingPathComponent("site.yaml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: Self.example)
        #expect(try Processes.cfc(["compile", link.path]).status == 1)
        let followed = try Processes.cfc(["compile", "--follow-symlinks", link.path])
        #expect(followed.status == 0, "\(followed.stderr)")
        #expect(followed.stdout.contains("\"DistributionConfig\"") || followed.stdout.contains("CallerReference"))
    }

    @Test func aDeviceIsRefused() throws {
        let result = try Processes.cfc(["check", "/dev/zero"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("is a device, not a regular file"), "\(result.stdout)")
    }

    /// Pipes are how configs are handed over without files: standard input, and the shell's
    /// `<(…)` (a `/dev/fd/N` link to a pipe).
    @Test func pipesAreRead() throws {
        let text = try Data(contentsOf: Self.example)
        #expect(try Processes.cfc(["check", "-"], input: text).status == 0)
        #expect(try Processes.cfc(["check", "/dev/stdin"], input: text).status == 0)
        let substituted = try Processes.run(
            URL(fileURLWithPath: "/bin/bash"),
            ["-c", "exec \"$0\" check <(cat \"$1\")", TestPaths.cfcExecutable.path, Self.example.path])
        #expect(substituted.status == 0, "\(substituted.stdout)")
    }

    /// A diagnostic shows at most a window of the one line it is about: a file that is one long
    /// line of secrets does not come back whole.
    @Test func aSnippetIsOneWindowOfOneLine() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("site.yaml")
        let line = "version: 1\ndistributions: {a: [" + (0..<200).map { "secret\($0)" }.joined(separator: ", ") + "]}\n# line-secret\n"
        try line.write(to: file, atomically: true, encoding: .utf8)
        let result = try Processes.cfc(["check", file.path])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("secret199"), "\(result.stdout)")
        #expect(!result.stdout.contains("line-secret"), "\(result.stdout)")
    }
}
