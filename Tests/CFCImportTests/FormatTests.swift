import APIDocument
import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Foundation
import Testing
import YAMLSyntax

@Suite struct FormatTests {
    static let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/CFCImportTests/FormatFixtures")

    static func comments(_ bytes: [UInt8]) -> [String] {
        let sink = DiagnosticCollector()
        guard let document = YAMLParser.parse(SourceFile(path: "x.yaml", bytes: bytes), sink: sink) else { return [] }
        return document.comments().map(\.text)
    }

    @Test(arguments: ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).sorted())
    func formatsAsRecorded(_ name: String) throws {
        let directory = Self.fixtures.appendingPathComponent(name)
        let outcome = FormatCommand.format(directory.appendingPathComponent("input.yaml").path)
        let formatted = try #require(outcome.formatted, "\(outcome.refusal.map(\.description) ?? "") \(outcome.diagnostics)")
        if let failure = Golden.compare(formatted, with: directory.appendingPathComponent("expected.yaml")) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    /// compile(fmt(x)) == compile(x), fmt is idempotent, and every comment survives, for every
    /// example that fmt accepts.
    @Test(arguments: TestPaths.exampleFiles.map(\.lastPathComponent))
    func formattingExamplesKeepsMeaningAndComments(_ file: String) throws {
        let url = TestPaths.examples.appendingPathComponent(file)
        let original = try [UInt8](Data(contentsOf: url))
        let outcome = FormatCommand.format(url.path)
        if original.contains(where: { $0 == UInt8(ascii: "&") }) && String(decoding: original, as: UTF8.self).contains("<<:") {
            guard case .usesAliases(let range)? = outcome.refusal else {
                Issue.record("\(file): anchors not refused: \(String(describing: outcome.refusal))")
                return
            }
            #expect(range != nil, "the refusal points at the first anchor")
            return
        }
        let formatted = try #require(outcome.formatted, "\(file): \(outcome.refusal.map(\.description) ?? "")")
        let before = TestCompiler.compile(String(decoding: original, as: UTF8.self), formats: [.json, .xml])
        let after = TestCompiler.compile(String(decoding: formatted, as: UTF8.self), formats: [.json, .xml])
        #expect(!after.hasErrors)
        #expect(before.documents == after.documents, "\(file): formatting changed the compiled documents")
        let again = FormatCommand.format(SourceFile(path: file, bytes: formatted))
        #expect(again.formatted == formatted, "\(file): fmt is not idempotent")
        #expect(Self.comments(original).sorted() == Self.comments(formatted).sorted(), "\(file): comments changed")
    }

    /// Imports of generated configs are already in canonical form: fmt leaves them as they are.
    @Test func importsOfGeneratedConfigsAreFormatted() throws {
        for index in 0..<30 {
            let seed = ImportRoundTripTests.seed &+ 50_000 &+ UInt64(index)
            let yaml = try Self.importedYAML(seed: seed)
            let outcome = FormatCommand.format(SourceFile(path: "generated.yaml", bytes: yaml))
            #expect(outcome.formatted == yaml, "seed \(seed): import output is not formatted \(outcome.refusal.map(\.description) ?? "")")
        }
    }

    /// The YAML `cfc import` writes for the generated config of `seed`.
    static func importedYAML(seed: UInt64) throws -> [UInt8] {
        let (_, json, _) = try ImportRoundTripTests.canonicalDocument(seed: seed)
        let input = TestPaths.makeTemporaryDirectory().appendingPathComponent("generated.json")
        try Data(json).write(to: input)
        return try #require(ImportCommand.run(input.path, name: "generated").yaml, "seed \(seed)")
    }

    /// The law over generated configs written as a person might: each import is scrambled
    /// (`YAMLScrambler`: key order, flow and block style, quoting, number, boolean and null
    /// spellings, comments), then compile(fmt(x)) == compile(x), fmt(fmt(x)) == fmt(x), and every
    /// comment of x is in fmt(x).
    @Test func formattingScrambledGeneratedConfigsKeepsMeaningAndComments() throws {
        var failures = 0
        for index in 0..<Self.scrambledCount {
            let seed = ImportRoundTripTests.seed &+ 60_000 &+ UInt64(index)
            let (_, json, _) = try ImportRoundTripTests.canonicalDocument(seed: seed)
            let yaml = try Self.importedYAML(seed: seed)
            let sink = DiagnosticCollector()
            let document = try #require(YAMLParser.parse(SourceFile(path: "generated.yaml", bytes: yaml), sink: sink))
            var scrambler = YAMLScrambler(seed: seed)
            let scrambled = scrambler.scramble(try #require(document.root))
            let problems = Self.checkFormatting(scrambled, expectedComments: scrambler.comments, expectedJSON: json)
            if !problems.isEmpty {
                failures += 1
                if failures <= 3 {
                    Issue.record(
                        Comment(
                            rawValue: "seed \(seed) (base seed \(ImportRoundTripTests.seed)):\n"
                                + problems.joined(separator: "\n") + "\nscrambled input:\n" + scrambled))
                }
            }
        }
        #expect(failures == 0, "\(failures) of \(Self.scrambledCount) scrambled configs (base seed \(ImportRoundTripTests.seed))")
    }

    static let scrambledCount = 200

    /// What is wrong with formatting `text`, which must compile cleanly to `expectedJSON` (the
    /// scrambler keeps meaning) and hold exactly `expectedComments`.
    static func checkFormatting(_ text: String, expectedComments: [String], expectedJSON: [UInt8]) -> [String] {
        var problems: [String] = []
        let bytes = Array(text.utf8)
        if comments(bytes).sorted() != expectedComments.sorted() {
            problems.append("the scrambler's comments do not parse as written: \(comments(bytes))")
        }
        let before = TestCompiler.compile(text, formats: [.json, .xml], baselinesAPIRejections: true)
        if before.hasErrors || before.documents.isEmpty {
            return ["the scrambled text does not compile: \(TestCompiler.renderedDiagnostics(before))"]
        }
        if before.documents.first(where: { $0.logicalPath.hasSuffix(".json") })?.bytes != expectedJSON {
            problems.append("the scrambler changed the meaning: compile(x) is not the generated config")
        }
        let outcome = FormatCommand.format(SourceFile(path: "scrambled.yaml", bytes: bytes))
        guard let formatted = outcome.formatted else {
            return ["fmt refused: \(outcome.refusal.map(\.description) ?? "") \(outcome.diagnostics.map(\.summary))"]
        }
        let formattedText = String(decoding: formatted, as: UTF8.self)
        let after = TestCompiler.compile(formattedText, formats: [.json, .xml], baselinesAPIRejections: true)
        if after.documents != before.documents {
            problems.append("compile(fmt(x)) != compile(x): \(TestCompiler.renderedDiagnostics(after))")
        }
        let again = FormatCommand.format(SourceFile(path: "formatted.yaml", bytes: formatted))
        if again.formatted != formatted {
            problems.append(
                "fmt(fmt(x)) != fmt(x):\n"
                    + UnifiedDiff.render(
                        old: formattedText, new: String(decoding: again.formatted ?? [], as: UTF8.self), oldName: "fmt(x)",
                        newName: "fmt(fmt(x))"))
        }
        let kept = comments(formatted)
        if kept.sorted() != expectedComments.sorted() {
            let lost = expectedComments.filter { comment in !kept.contains(comment) }
            let gained = kept.filter { comment in !expectedComments.contains(comment) }
            problems.append("comments changed: lost \(lost), gained \(gained)")
        }
        if !problems.isEmpty { problems.append("fmt(x):\n" + formattedText) }
        return problems
    }

    @Test func checkModeExitCodes() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        let messy = directory.appendingPathComponent("messy.yaml")
        try Data(contentsOf: Self.fixtures.appendingPathComponent("messy/input.yaml")).write(to: messy)
        let check = try Processes.cfc(["fmt", "--check", messy.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("messy.yaml: not formatted"))
        #expect(try Processes.cfc(["fmt", messy.path]).status == 0)
        #expect(try Processes.cfc(["fmt", "--check", messy.path]).status == 0)
        let expected = try Data(contentsOf: Self.fixtures.appendingPathComponent("messy/expected.yaml"))
        #expect(try Data(contentsOf: messy) == expected)
        let broken = directory.appendingPathComponent("broken.yaml")
        try "a: [\n".write(to: broken, atomically: true, encoding: .utf8)
        #expect(try Processes.cfc(["fmt", "--check", broken.path]).status == 1)
    }

    /// A file with anchors, aliases or merge keys is kept as written. `--check` cannot show it
    /// formatted, so it fails (CI must not pass what it did not check) with an error at the first
    /// anchor that says why; writing leaves the file alone with a warning and succeeds.
    struct AnchorCase: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    static let anchorCases = [
        AnchorCase(
            name: "anchor and merge key",
            yaml: """
                version: 1
                distributions:
                  www:
                    origins:
                      a: &origin
                        domain-name: a.example.com
                        custom-origin-config: {origin-protocol-policy: https-only}
                      b:
                        <<: *origin
                        domain-name: b.example.com
                    default-cache-behavior:
                      target-origin-id: a
                      viewer-protocol-policy: https-only
                      cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6

                """, line: 5, column: 10),
        AnchorCase(
            name: "scalar anchor and alias",
            yaml: """
                version: 1
                distributions:
                  www:
                    origins:
                      a:
                        domain-name: &domain a.example.com
                        custom-origin-config: {origin-protocol-policy: https-only}
                    default-cache-behavior:
                      target-origin-id: a
                      viewer-protocol-policy: https-only
                      cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                    comment: *domain

                """, line: 6, column: 22),
        AnchorCase(
            name: "merge key without an anchor",
            yaml: """
                version: 1
                distributions:
                  www:
                    origins:
                      a:
                        <<: {domain-name: a.example.com}
                        custom-origin-config: {origin-protocol-policy: https-only}
                    default-cache-behavior:
                      target-origin-id: a
                      viewer-protocol-policy: https-only
                      cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6

                """, line: 6, column: 9),
    ]

    @Test(arguments: anchorCases)
    func anchorsFailTheCheckAndAreLeftAsWritten(_ testCase: AnchorCase) throws {
        let directory = TestPaths.makeTemporaryDirectory()
        let file = directory.appendingPathComponent("anchored.yaml")
        try testCase.yaml.write(to: file, atomically: true, encoding: .utf8)
        #expect(!TestCompiler.compile(testCase.yaml).hasErrors, "the case must be a valid config")

        let check = try Processes.cfc(["fmt", "--check", file.path], currentDirectory: directory)
        #expect(check.status == 1)
        #expect(check.stdout.isEmpty)
        #expect(
            check.stderr.contains(
                "anchored.yaml:\(testCase.line):\(testCase.column): error: cannot check the formatting: the file uses anchors, aliases or merge keys [fmt.uses_aliases]"
            ),
            "\(check.stderr)")
        #expect(check.stderr.contains("hint: cfc fmt puts keys in the reference's order, which can move an alias above its anchor"))
        #expect(check.stderr.contains("leave the file out of cfc fmt --check"))

        let write = try Processes.cfc(["fmt", file.path], currentDirectory: directory)
        #expect(write.status == 0)
        #expect(write.stdout.isEmpty)
        #expect(
            write.stderr.contains(
                "anchored.yaml:\(testCase.line):\(testCase.column): warning: left as it is: the file uses anchors, aliases or merge keys [fmt.uses_aliases]"
            ),
            "\(write.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == testCase.yaml, "the file was changed")

        let standardInput = try Processes.cfc(["fmt", "--check", "-"], input: Data(testCase.yaml.utf8))
        #expect(standardInput.status == 1)
        #expect(standardInput.stderr.contains("[fmt.uses_aliases]"))
    }

    /// One bad file among good ones fails the check; the report is one JSON document.
    @Test func anchorsAmongFormattedFilesStillFailTheCheck() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        let formatted = directory.appendingPathComponent("formatted.yaml")
        try Data(contentsOf: Self.fixtures.appendingPathComponent("messy/expected.yaml")).write(to: formatted)
        let anchored = directory.appendingPathComponent("anchored.yaml")
        try Self.anchorCases[0].yaml.write(to: anchored, atomically: true, encoding: .utf8)
        #expect(try Processes.cfc(["fmt", "--check", formatted.path]).status == 0)
        let result = try Processes.cfc(["fmt", "--check", "--diagnostics-format", "json", formatted.path, anchored.path])
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any], "\(result.stderr)")
        let entries = try #require(report["diagnostics"] as? [[String: Any]])
        #expect(entries.map { $0["rule"] as? String } == ["fmt.uses_aliases"])
        #expect(entries.first?["severity"] as? String == "error")
        #expect(entries.first?["line"] as? Int == 5)
    }

    /// The examples that use anchors fail `--check` too: the repository's own CI would notice.
    @Test func theAnchoredExampleFailsTheCheck() throws {
        let result = try Processes.cfc(["fmt", "--check", TestPaths.examples.appendingPathComponent("origin-failover.yaml").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("[fmt.uses_aliases]"))
    }
}
