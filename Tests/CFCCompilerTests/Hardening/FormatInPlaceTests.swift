import CFCTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `cfc fmt` changes a file's text and nothing else about it: mode, owner, links; and it
/// leaves alone a file that does not parse and lower cleanly, whose problems formatting could
/// hide (issue 14, classes 7 and 8).
@Suite struct FormatInPlaceTests {
    /// Not in canonical form (flow mappings), so `fmt` rewrites it.
    static let unformatted = """
        version: 1
        distributions:
          a:
            origins: {o: {domain-name: example.com, custom-origin-config: {origin-protocol-policy: https-only}}}
            default-cache-behavior: {target-origin-id: o, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}

        """

    static func status(_ path: String) -> stat {
        var status = stat()
        lstat(path, &status)
        return status
    }

    /// The file's text, or nil: non-throwing, for use in expectations inside closures.
    static func text(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    /// The exit status of `cfc arguments`, or -1 when it cannot be run.
    static func cfcStatus(_ arguments: [String]) -> Int32 { (try? Processes.cfc(arguments))?.status ?? -1 }

    static func withFile(_ text: String = unformatted, _ body: (URL, URL) throws -> Void) throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("site.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try body(directory, file)
    }

    @Test(arguments: [0o600, 0o640, 0o755, 0o700])
    func theModeIsKept(_ mode: Int) throws {
        try Self.withFile { _, file in
            chmod(file.path, mode_t(mode))
            let before = Self.status(file.path)
            let result = try Processes.cfc(["fmt", file.path])
            #expect(result.status == 0, "\(result.stderr)")
            let after = Self.status(file.path)
            #expect(after.st_mode == before.st_mode)
            #expect(Self.text(file) != Self.unformatted)
        }
    }

    @Test func aReadOnlyFileIsRefusedAndUnchanged() throws {
        try Self.withFile { _, file in
            chmod(file.path, 0o444)
            let result = try Processes.cfc(["fmt", file.path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("is read-only [io.write]"), "\(result.stderr)")
            #expect(Self.status(file.path).st_mode & 0o777 == 0o444)
            #expect(Self.text(file) == Self.unformatted)
        }
    }

    @Test func hardLinksStayLinked() throws {
        try Self.withFile { directory, file in
            let other = directory.appendingPathComponent("other.yaml")
            #expect(link(file.path, other.path) == 0)
            #expect(Self.cfcStatus(["fmt", file.path]) == 0)
            #expect(Self.status(file.path).st_ino == Self.status(other.path).st_ino)
            #expect(Self.status(file.path).st_nlink == 2)
            #expect(Self.text(other) != Self.unformatted)
        }
    }

    /// Root (which CI jobs often are) can give a new file any owner; the owner stays.
    @Test(.enabled(if: geteuid() == 0)) func theOwnerIsKept() throws {
        try Self.withFile { _, file in
            #expect(chown(file.path, 65534, 65534) == 0)
            #expect(Self.cfcStatus(["fmt", file.path]) == 0)
            let after = Self.status(file.path)
            #expect(after.st_uid == 65534 && after.st_gid == 65534)
            #expect(Self.text(file) != Self.unformatted)
        }
    }

    @Test func aSymbolicLinkIsRefusedOrWrittenThrough() throws {
        try Self.withFile { directory, file in
            let link = directory.appendingPathComponent("link.yaml")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "site.yaml")
            let refused = try Processes.cfc(["fmt", link.path])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("is a symbolic link"), "\(refused.stderr)")
            #expect(Self.text(file) == Self.unformatted)

            let followed = try Processes.cfc(["fmt", "--follow-symlinks", link.path])
            #expect(followed.status == 0, "\(followed.stderr)")
            #expect(Self.status(link.path).st_mode & S_IFMT == S_IFLNK)
            #expect(Self.text(file) != Self.unformatted)
        }
    }

    /// Files that do not lower cleanly: each was changed by `fmt` into a file that means
    /// something else.
    static let broken: [String] = [
        unformatted.replacingOccurrences(of: "  a:\n", with: "  a:\n    http-version: !!float 80\n"),
        unformatted.replacingOccurrences(of: "  a:\n", with: "  a:\n    ? [a, b]\n    : c\n"),
        unformatted.replacingOccurrences(of: "https-only}}}", with: "https-only, http-port: !!float 80}}}"),
        unformatted.replacingOccurrences(of: "version: 1", with: "version: !!str 1"),
    ]

    @Test(arguments: broken)
    func aFileWithErrorsIsLeftAsWritten(_ text: String) throws {
        try Self.withFile(text) { _, file in
            let result = try Processes.cfc(["fmt", file.path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("[fmt.does_not_compile]"), "\(result.stderr)")
            #expect(Self.text(file) == text)
            #expect(Self.cfcStatus(["fmt", "--check", file.path]) == 1)
        }
    }

    /// Findings of the checks are no reason to refuse: people format first and fix after.
    @Test func aFileWithCheckFindingsIsFormatted() throws {
        let text =
            Self.unformatted.replacingOccurrences(of: "viewer-protocol-policy: https-only", with: "viewer-protocol-policy: allow-all")
            + "    require-https: ['*']\n"
        try Self.withFile(text) { _, file in
            #expect(Self.cfcStatus(["check", file.path]) == 1)
            let result = try Processes.cfc(["fmt", file.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(Self.text(file) != text)
        }
    }
}
