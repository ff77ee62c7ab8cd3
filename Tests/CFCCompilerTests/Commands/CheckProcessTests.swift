import CFCTestSupport
import Foundation
import Testing

/// `cfc check` as a process: exit status 0 (no error), 1 (an error, a warning under
/// `--warnings-as-errors`, or an unreadable file) and 64 (bad invocation), in every format,
/// and `--suggest-order` as people and tools read it.
@Suite struct CheckProcessTests {
    static func config(_ patterns: [String], extra: String = "") -> String {
        patternListConfig(patterns, cachePolicy: "658327ea-f89d-4fab-a63d-7e88639e58f6", extra: extra)
    }

    /// No finding at all.
    static let clean = config(["/api/*"])
    /// One warning (partly shadowed) and no error.
    static let warning = config(["/images/*", "*.jpg"])
    /// The same warning, suppressed.
    static let suppressedWarning = config(["/images/*", "*.jpg"], extra: "    ignore: [ordering.shadowed_behavior]\n")
    /// One error (unreachable).
    static let error = config(["/api/*", "/api/v2/*"])

    /// Runs `cfc check` in a directory holding the named files.
    static func check(_ arguments: [String], files: [String: String] = [:], input: String? = nil) throws -> ProcessResult {
        let directory = TestPaths.makeTemporaryDirectory()
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return try Processes.cfc(
            ["check"] + arguments + ["--color", "never"], input: input.map { Data($0.utf8) }, currentDirectory: directory)
    }

    struct ExitCase: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var warningsAsErrors: Bool
        var status: Int32
        var testDescription: String { "\(name)\(warningsAsErrors ? " with --warnings-as-errors" : "") exits \(status)" }
    }

    static let exitCases: [ExitCase] = [
        ExitCase(name: "clean", file: clean, warningsAsErrors: false, status: 0),
        ExitCase(name: "clean", file: clean, warningsAsErrors: true, status: 0),
        ExitCase(name: "a warning", file: warning, warningsAsErrors: false, status: 0),
        ExitCase(name: "a warning", file: warning, warningsAsErrors: true, status: 1),
        ExitCase(name: "a suppressed warning", file: suppressedWarning, warningsAsErrors: true, status: 0),
        ExitCase(name: "an error", file: error, warningsAsErrors: false, status: 1),
        ExitCase(name: "an error", file: error, warningsAsErrors: true, status: 1),
    ]

    /// The exit status depends on the findings, never on the report's format.
    @Test(arguments: exitCases, ["text", "json", "sarif", "github"])
    func exitStatus(_ testCase: ExitCase, format: String) throws {
        let result = try Self.check(
            ["site.yaml", "--format", format] + (testCase.warningsAsErrors ? ["--warnings-as-errors"] : []),
            files: ["site.yaml": testCase.file])
        #expect(result.status == testCase.status, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.isEmpty, "the report goes to standard output: \(result.stderr)")
        switch format {
        case "json", "sarif":
            #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "not JSON:\n\(result.stdout)")
        case "github":
            #expect(result.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::") }, "\(result.stdout)")
        default:
            #expect(
                result.stdout.hasSuffix(
                    "1 file checked: \(testCase.name == "an error" ? 1 : 0) error\(testCase.name == "an error" ? "" : "s"), "
                        + "\(testCase.name == "a warning" ? 1 : 0) warning\(testCase.name == "a warning" ? "" : "s")"
                        + (testCase.name == "a suppressed warning" ? ", 1 suppressed" : "") + "\n"), "\(result.stdout)")
        }
    }

    @Test func textReportOfAnError() throws {
        let result = try Self.check(["site.yaml"], files: ["site.yaml": Self.error])
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                site.yaml:8:24: error: behavior 2 '/api/v2/*' is never used: every path it matches is taken by an earlier behavior [ordering.unreachable_behavior]
                    8 |       - {path-pattern: "/api/v2/*", target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                      |                        ^~~~~~~~~~~
                      = hint: move it above the behaviors that take its paths, or remove it (cfc check --suggest-order proposes an order)
                site.yaml:7:24: note: behavior 1 '/api/*' takes /api/v2/x and the like first
                    7 |       - {path-pattern: "/api/*", target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                      |                        ^~~~~~~~
                1 file checked: 1 error, 0 warnings

                """)
    }

    @Test func githubAnnotationsForAWarning() throws {
        let result = try Self.check(["site.yaml", "--format", "github"], files: ["site.yaml": Self.warning])
        #expect(
            result.stdout == "::warning file=site.yaml,line=8,col=24,endColumn=31,title=ordering.shadowed_behavior::"
                + "behavior 2 '*.jpg' is partly shadowed: GET /images/x.jpg is served by behavior 1 '/images/*' (line 7)"
                + "%0Aput the more specific behavior first, or make the patterns disjoint"
                + "%0Anote: behavior 1 '/images/*' takes /images/x.jpg first (site.yaml:7:24)\n")
    }

    /// An unreadable file fails the run (exit 1) and is reported in the chosen format, and the
    /// files that could be read are still checked.
    @Test(arguments: ["text", "json"])
    func anUnreadableFileIsAnError(format: String) throws {
        let result = try Self.check(["site.yaml", "missing.yaml", "--format", format], files: ["site.yaml": Self.warning])
        #expect(result.status == 1)
        #expect(result.stdout.contains("cannot read the file: no such file or directory"), "\(result.stdout)")
        #expect(result.stdout.contains("ordering.shadowed_behavior"), "the readable file is still checked")
        if format == "text" { #expect(result.stdout.hasSuffix("2 files checked: 1 error, 1 warning\n"), "\(result.stdout)") }
    }

    @Test func standardInputIsAFile() throws {
        let result = try Self.check(["-"], input: Self.error)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("<stdin>:8:24: error: behavior 2 '/api/v2/*' is never used"), "\(result.stdout)")
    }

    struct UsageCase: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var message: String
        var testDescription: String { arguments.isEmpty ? "no arguments" : arguments.joined(separator: " ") }
    }

    @Test(arguments: [
        UsageCase(arguments: [], message: "Missing expected argument '<files> ...'"),
        UsageCase(arguments: ["site.yaml", "--format", "xml"], message: "The value 'xml' is invalid for '--format <format>'"),
        UsageCase(arguments: ["site.yaml", "--strict"], message: "Unknown option '--strict'"),
        UsageCase(
            arguments: ["site.yaml", "--suggest-order", "--format", "sarif"],
            message: "--suggest-order prints text or JSON: use it with --format text, json or github, not sarif."),
    ])
    func badInvocationsExit64(_ testCase: UsageCase) throws {
        let result = try Self.check(testCase.arguments, files: ["site.yaml": Self.clean])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(testCase.message), "\(result.stderr)")
    }

    @Test func helpDocumentsTheExitStatus() throws {
        let help = try Processes.cfc(["check", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            help.contains(
                "Exit status: 0 no error; 1 an error (or a warning with --warnings-as-errors), or a file cannot be read; 64 bad invocation."
            ), "\(help)")
    }

    // MARK: - --suggest-order

    /// `/api/v2/*` after `/api/*` is unreachable; the suggestion moves it first and says which
    /// requests change behavior.
    static let misordered = config(["/api/*", "/images/*", "/api/v2/*"])

    @Test func suggestOrderAsText() throws {
        let result = try Self.check(["site.yaml", "--suggest-order"], files: ["site.yaml": Self.misordered])
        #expect(result.status == 1)
        let suggestion = try #require(result.stdout.split(separator: "\n\n", maxSplits: 1).last.map(String.init))
        #expect(
            suggestion == """
                suggested order for distribution 'site' (site.yaml):
                  1. /api/v2/*   (currently 3)
                  2. /api/*   (currently 1)
                  3. /images/*   (currently 2)
                requests that would be routed differently:
                  GET /api/v2/x: '/api/*' now, '/api/v2/*' in the suggested order

                """, "\(result.stdout)")
    }

    @Test func suggestOrderForAGoodOrder() throws {
        let result = try Self.check(["site.yaml", "--suggest-order"], files: ["site.yaml": Self.clean])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                1 file checked: 0 errors, 0 warnings

                suggested order for distribution 'site' (site.yaml):
                  the current order already puts every pattern before the broader ones it overlaps

                """)
    }

    /// With `--format json` the suggestion is part of the one JSON document (it used to be
    /// text appended after it, which no JSON reader accepts).
    @Test func suggestOrderAsJSON() throws {
        let result = try Self.check(["site.yaml", "--suggest-order", "--format", "json"], files: ["site.yaml": Self.misordered])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
        #expect((object["diagnostics"] as? [[String: Any]])?.contains { $0["rule"] as? String == "ordering.unreachable_behavior" } == true)
        let suggestions = try #require(object["suggested-orders"] as? [[String: Any]])
        #expect(suggestions.count == 1)
        let suggestion = try #require(suggestions.first)
        #expect(suggestion["distribution"] as? String == "site")
        #expect(suggestion["file"] as? String == "site.yaml")
        #expect(suggestion["unchanged"] as? Bool == false)
        let order = try #require(suggestion["order"] as? [[String: Any]])
        #expect(order.map { $0["position"] as? Int } == [1, 2, 3])
        #expect(order.map { $0["current-position"] as? Int } == [3, 1, 2])
        #expect(order.map { $0["path-pattern"] as? String } == ["/api/v2/*", "/api/*", "/images/*"])
        let changes = try #require(suggestion["changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect(changes.first?["method"] as? String == "GET")
        #expect(changes.first?["path"] as? String == "/api/v2/x")
        #expect((changes.first?["from"] as? [String: Any])?["position"] as? Int == 1)
        #expect((changes.first?["from"] as? [String: Any])?["path-pattern"] as? String == "/api/*")
        #expect((changes.first?["to"] as? [String: Any])?["position"] as? Int == 3)
        #expect((changes.first?["to"] as? [String: Any])?["path-pattern"] as? String == "/api/v2/*")
    }

    @Test func suggestOrderAsJSONForSeveralFiles() throws {
        let result = try Self.check(
            ["a.yaml", "b.yaml", "--suggest-order", "--format", "json"],
            files: ["a.yaml": Self.clean, "b.yaml": Self.misordered])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
        let suggestions = try #require(object["suggested-orders"] as? [[String: Any]])
        #expect(suggestions.map { $0["file"] as? String } == ["a.yaml", "b.yaml"])
        #expect(suggestions.map { $0["unchanged"] as? Bool } == [true, false])
        #expect((suggestions.first?["changes"] as? [Any])?.isEmpty == true)
    }

    /// GitHub shows lines that are not workflow commands as log text, so the suggestion follows
    /// the annotations there.
    @Test func suggestOrderWithGitHubAnnotations() throws {
        let result = try Self.check(["site.yaml", "--suggest-order", "--format", "github"], files: ["site.yaml": Self.misordered])
        #expect(result.stdout.hasPrefix("::error file=site.yaml,line=9,"), "\(result.stdout)")
        #expect(result.stdout.contains("\nsuggested order for distribution 'site' (site.yaml):\n  1. /api/v2/*   (currently 3)\n"))
    }
}
