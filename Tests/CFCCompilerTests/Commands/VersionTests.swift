import CFCCompiler
import CFCTestSupport
import Foundation
import Testing

/// The version is written once (`CFCVersion.number`); everything else that shows it must agree.
@Suite struct VersionTests {
    @Test func theChangelogsNewestReleaseIsThisVersion() throws {
        let changelog = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let releases = changelog.split(separator: "\n").filter { $0.hasPrefix("## [") && !$0.hasPrefix("## [Unreleased]") }
        let newest = try #require(releases.first)
        #expect(newest.hasPrefix("## [\(CFCVersion.number)] - "), "CHANGELOG.md's newest release is '\(newest)'")
    }

    /// The Makefile names the release tarball from this line with sed; a second line like it,
    /// or the number moved elsewhere, would name it wrongly or not at all.
    @Test func theMakefileCanReadTheNumber() throws {
        let source = try String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("Sources/CFCCompiler/Support/Version.swift"), encoding: .utf8)
        let matching = source.split(separator: "\n").filter { $0.wholeMatch(of: /^ *public static let number = "(.*)"$/) != nil }
        #expect(matching == ["    public static let number = \"\(CFCVersion.number)\""])
        #expect(CFCVersion.number.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?/) != nil)
    }

    @Test func versionFlagAndCommandPrintIt() throws {
        let flag = try Processes.cfc(["--version"])
        #expect(flag.status == 0)
        #expect(flag.stdout.hasPrefix("cfc \(CFCVersion.number)"))
        let command = try Processes.cfc(["version"])
        #expect(command.stdout == flag.stdout)
        let json = try Processes.cfc(["version", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? String == CFCVersion.number)
        #expect(object["api-version"] as? String == "2020-05-31")
        // A plain `swift build` does not know the commit; `make` does (tested by the packaging test).
        #expect(object.keys.contains("commit"))
    }
}
