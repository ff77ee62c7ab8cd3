import CFCTestSupport
import Foundation
import Testing

@Suite struct CompileCommandTests {
    static let example = TestPaths.examples.appendingPathComponent("custom-domain-acm.yaml").path

    @Test func printsTheOneDistributionToStandardOutput() throws {
        let result = try Processes.cfc(["compile", Self.example])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let golden = TestPaths.packageRoot.appendingPathComponent("Tests/CFCGoldenTests/Examples/custom-domain-acm/www.distribution.json")
        #expect(result.stdout == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func writesEveryDocumentWithOutput() throws {
        let output = TestPaths.makeTemporaryDirectory().appendingPathComponent("out/nested")
        let result = try Processes.cfc([
            "compile", "--format", "both", "--output", output.path,
            TestPaths.examples.appendingPathComponent("origin-failover.yaml").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(
            files == [
                "downloads.distribution.json", "downloads.distribution.xml",
                "site.distribution.json", "site.distribution.xml",
            ])
    }

    /// `www` and `Www` are one file on macOS and Windows: compiling both is a conflict on
    /// every platform, so a config cannot build on Linux and overwrite itself on a laptop.
    @Test func namesThatDifferOnlyInCaseConflict() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        let text = try String(contentsOfFile: Self.example, encoding: .utf8)
        let upper = directory.appendingPathComponent("upper.yaml")
        try text.replacingOccurrences(of: "\n  www:\n", with: "\n  Www:\n").write(to: upper, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out")
        let result = try Processes.cfc(["compile", "--output", output.path, Self.example, upper.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("[io.conflict]"), "\(result.stderr)")
        #expect(result.stderr.contains("differ only in case"), "\(result.stderr)")
        // At the second name, with a note at the first: both written on the same line.
        let line = try #require(text.components(separatedBy: "\n").firstIndex(of: "  www:")) + 1
        #expect(result.stderr.contains("upper.yaml:\(line):3: error: two distributions write 'Www.distribution.json'"), "\(result.stderr)")
        #expect(result.stderr.contains("custom-domain-acm.yaml:\(line):3: note: the other distribution that writes it"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("www.distribution.json").path))
    }

    @Test func inputsLargerThanTheLimitAreRefusedBeforeParsing() throws {
        let result = try Processes.cfc(["compile", "--max-input-bytes", "100", "--diagnostics-format", "json", Self.example])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\"rule\": \"io.read\""), "\(result.stderr)")
        #expect(result.stderr.contains("input is larger than the limit of 100 bytes"), "\(result.stderr)")
        let within = try Processes.cfc(["compile", "--max-input-bytes", "1000000", Self.example])
        #expect(within.status == 0, "\(within.stderr)")
    }

    @Test func readsStandardInput() throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: Self.example))
        let result = try Processes.cfc(["compile", "--format", "xml", "-"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DistributionConfig xmlns="))
    }

    @Test func errorsGoToStandardErrorInCompilerFormatAndNothingIsWritten() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        let bad = directory.appendingPathComponent("bad.yaml")
        try "version: 1\ndistributions:\n  www:\n    enabled: yes\n".write(to: bad, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out")
        let result = try Processes.cfc(["compile", "--output", output.path, Self.example, bad.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(bad.path):4:14: error: 'yes' is not a boolean in YAML 1.2 [schema.yaml11_boolean]"))
        #expect(result.stderr.contains("\(bad.path):3:3: error: missing required key 'origins' in distribution [schema.missing_key]"))
        // The good file's documents are not written either: all or nothing.
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func severalDistributionsNeedAnOutputDirectory() throws {
        let result = try Processes.cfc(["compile", TestPaths.examples.appendingPathComponent("origin-failover.yaml").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the input holds 2 distributions; standard output takes one document"))
    }

    @Test func badInvocationsExitWith64() throws {
        #expect(try Processes.cfc(["compile"]).status == 64)
        #expect(try Processes.cfc(["compile", "--format", "both", Self.example]).status == 64)
        #expect(try Processes.cfc(["compile", "--format", "yaml", Self.example]).status == 64)
        #expect(try Processes.cfc(["frobnicate"]).status == 64)
    }

    @Test func unreadableFileExitsWith1() throws {
        let result = try Processes.cfc(["compile", "/nonexistent/file.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/file.yaml: error: cannot read the file: no such file or directory [io.read]"))
    }

    @Test func diagnosticsAsJSON() throws {
        let input = Data("version: 1\ndistributions:\n  www:\n    enabled: yes\n".utf8)
        let result = try Processes.cfc(["compile", "--diagnostics-format", "json", "-"], input: input)
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any]
        let diagnostics = try #require(object?["diagnostics"] as? [[String: Any]])
        let first = try #require(diagnostics.first)
        #expect(first["rule"] as? String == "schema.missing_key")
        #expect(first["file"] as? String == "<stdin>")
        #expect(first["line"] as? Int == 3)
        #expect(diagnostics.contains { $0["rule"] as? String == "schema.yaml11_boolean" && $0["column"] as? Int == 14 })
    }

    @Test func helpDocumentsExitStatus() throws {
        let result = try Processes.cfc(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Exit status: 0 success; 1 the input has errors"))
        #expect(result.stdout.contains("64 bad invocation"))
    }

    /// The inputs that must fail fast: each ends in a clear error with exit status 1, within the
    /// work bounds (`WorkReport.Bounds`: nodes, steps and bytes, which do not depend on how busy
    /// the machine is).
    static let hostileInputs: [(String, [UInt8], String)] = {
        var laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            laughs += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let deep = String(repeating: "- ", count: 10_000) + "x\n"
        return [
            ("billion laughs", Array(laughs.utf8), "[yaml.alias_expansion]"),
            ("10,000-deep nesting", Array(deep.utf8), "[yaml.depth]"),
            ("invalid UTF-8", Array("version: 1\ndistributions:\n  www: \"".utf8) + [0xC3, 0x28, 0x22, 0x0A], "[yaml.encoding]"),
        ]
    }()

    @Test(arguments: hostileInputs.map(\.0))
    func hostileInputFailsFast(_ name: String) throws {
        let (_, bytes, id) = try #require(Self.hostileInputs.first { $0.0 == name })
        let (result, work) = try Processes.cfcMeasuringWork(["compile", "-"], input: Data(bytes))
        #expect(result.status == 1)
        #expect(result.stderr.contains(id), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("<stdin>:"))
        let report = try #require(work, "cfc wrote no work report")
        #expect(WorkReport.Bounds().violations(of: report) == [], "\(report)")
        #expect(report.bytesRead == bytes.count)
    }
}

@Suite struct PlanAndDiffCommandTests {
    static let scenarios = TestPaths.packageRoot.appendingPathComponent("Tests/PlanningTests/Scenarios")

    @Test func planExitCodesFollowTerraform() throws {
        let changed = Self.scenarios.appendingPathComponent("behavior-retargeted")
        let output = TestPaths.makeTemporaryDirectory().appendingPathComponent("plan")
        let result = try Processes.cfc([
            "plan", "--previous", changed.appendingPathComponent("old.yaml").path,
            changed.appendingPathComponent("new.yaml").path, "--output", output.path,
        ])
        #expect(result.status == 2, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(
            files == [
                "plan.json", "www.distribution.json", "www.distribution.xml", "www.invalidation.json", "www.invalidation.xml",
                "www.planned-against.json",
            ])
        let same = changed.appendingPathComponent("old.yaml").path
        #expect(try Processes.cfc(["plan", "--previous", same, same]).status == 0)
        #expect(try Processes.cfc(["plan", "--previous", "/nonexistent.json", same]).status == 1)
    }

    @Test func diffExitCodesFollowDiff() throws {
        let folder = Self.scenarios.appendingPathComponent("reorder-changes-routing")
        let old = folder.appendingPathComponent("old.yaml").path
        let new = folder.appendingPathComponent("new.yaml").path
        let different = try Processes.cfc(["diff", old, new])
        #expect(different.status == 1)
        #expect(different.stdout.contains("↕ cache-behaviors[/products/*]: moved from position 1 to 2"))
        #expect(!different.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        #expect(try Processes.cfc(["diff", old, old]).status == 0)
        #expect(try Processes.cfc(["diff", old, "/nonexistent.yaml"]).status == 2)
        let json = try Processes.cfc(["diff", "--format", "json", old, new])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let changes = (object?["distributions"] as? [[String: Any]])?.first?["changes"] as? [[String: Any]]
        #expect(changes?.first?["kind"] as? String == "moved")
    }

    @Test func diffAgainstGetDistributionConfigOutput() throws {
        let folder = Self.scenarios.appendingPathComponent("update-from-live-config")
        let result = try Processes.cfc([
            "diff", folder.appendingPathComponent("old.json").path, folder.appendingPathComponent("new.yaml").path,
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout == "distribution www:\n  ~ cache-behaviors[/api/*].target-origin-id: v1 → v2\n")
    }
}

/// `--error-limit`: a report for people shows that many errors per file and a note counting the
/// rest, on every command; JSON and SARIF list every one; the exit status takes them all.
@Suite struct ErrorLimitCommandTests {
    /// 30 invalid aliases: 30 errors on one line.
    static let manyErrors = """
        version: 1
        distributions:
          www:
            aliases: [\(Array(repeating: "a", count: 30).joined(separator: ", "))]
            viewer-certificate: {acm-certificate-arn: 'arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab', ssl-support-method: sni-only}
            origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}
            default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}

        """

    struct Case: CustomTestStringConvertible, Sendable {
        /// The command line, with `-` for the file (read from standard input).
        var arguments: [String]
        var onStandardOutput = false
        /// Whether the output is for tools, and so lists every error.
        var listsAll = false
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases = [
        Case(arguments: ["compile", "-"]),
        Case(arguments: ["compile", "--diagnostics-format", "json", "-"], listsAll: true),
        Case(arguments: ["check", "-"], onStandardOutput: true),
        Case(arguments: ["check", "--format", "github", "-"], onStandardOutput: true),
        Case(arguments: ["check", "--format", "json", "-"], onStandardOutput: true, listsAll: true),
        Case(arguments: ["check", "--format", "sarif", "-"], onStandardOutput: true, listsAll: true),
        Case(arguments: ["plan", "-"]),
        Case(arguments: ["route", "-", "GET", "https://a/"]),
    ]

    @Test(arguments: cases)
    func theReportStopsAtTheLimit(_ testCase: Case) throws {
        let input = Data(Self.manyErrors.utf8)
        let limited = try Processes.cfc(testCase.arguments + ["--error-limit", "4"], input: input)
        let all = try Processes.cfc(testCase.arguments + ["--error-limit", "0"], input: input)
        #expect(limited.status == 1 && all.status == 1, "the exit status follows every diagnostic: \(limited.status), \(all.status)")
        let limitedReport = testCase.onStandardOutput ? limited.stdout : limited.stderr
        let allReport = testCase.onStandardOutput ? all.stdout : all.stderr
        let message = "alias 'a' is not valid"
        #expect(limitedReport.components(separatedBy: message).count - 1 == (testCase.listsAll ? 30 : 4), "\(limitedReport)")
        #expect(allReport.components(separatedBy: message).count - 1 == 30, "\(allReport)")
        #expect(limitedReport.contains("26 more errors not shown") == !testCase.listsAll, "\(limitedReport)")
        #expect(!allReport.contains("not shown"))
    }

    @Test func theDefaultIsClangs() throws {
        let result = try Processes.cfc(["compile", "-"], input: Data(Self.manyErrors.utf8))
        #expect(result.stderr.components(separatedBy: ": error: ").count - 1 == 20)
        #expect(result.stderr.contains("too many errors: 10 more errors not shown (the limit is 20 per file)"))
    }

    @Test func aNegativeLimitIsABadInvocation() throws {
        let result = try Processes.cfc(["compile", "--error-limit=-1", "-"], input: Data(Self.manyErrors.utf8))
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--error-limit cannot be negative"))
    }
}
