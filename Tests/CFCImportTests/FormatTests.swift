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
        let formatted = try #require(outcome.formatted, "\(outcome.refusal ?? "") \(outcome.diagnostics)")
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
            #expect(outcome.refusal?.contains("anchors") == true)
            return
        }
        let formatted = try #require(outcome.formatted, "\(file): \(outcome.refusal ?? "")")
        let before = TestCompiler.compile(String(decoding: original, as: UTF8.self), formats: [.json, .xml])
        let after = TestCompiler.compile(String(decoding: formatted, as: UTF8.self), formats: [.json, .xml])
        #expect(!after.hasErrors)
        #expect(before.documents == after.documents, "\(file): formatting changed the compiled documents")
        let again = FormatCommand.format(SourceFile(path: file, bytes: formatted))
        #expect(again.formatted == formatted, "\(file): fmt is not idempotent")
        #expect(Self.comments(original).sorted() == Self.comments(formatted).sorted(), "\(file): comments changed")
    }

    /// The same law over generated configs: their imports are formatted and compile the same.
    @Test func formattingGeneratedConfigsKeepsMeaning() throws {
        for index in 0..<60 {
            let seed = ImportRoundTripTests.seed &+ 50_000 &+ UInt64(index)
            let (_, json, _) = try ImportRoundTripTests.canonicalDocument(seed: seed)
            let directory = TestPaths.makeTemporaryDirectory()
            let input = directory.appendingPathComponent("generated.json")
            try Data(json).write(to: input)
            let yaml = try #require(ImportCommand.run(input.path, name: "generated").yaml, "seed \(seed)")
            let outcome = FormatCommand.format(SourceFile(path: "generated.yaml", bytes: yaml))
            let formatted = try #require(outcome.formatted, "seed \(seed): \(outcome.refusal ?? "")")
            let compiled = TestCompiler.compile(String(decoding: formatted, as: UTF8.self), formats: [.json])
            #expect(compiled.documents.first?.bytes == json, "seed \(seed): compile(fmt(import(d))) != d")
            // Imports are already in canonical form.
            #expect(formatted == yaml, "seed \(seed): import output is not formatted")
        }
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
        let aliases = try Processes.cfc(["fmt", "--check", TestPaths.examples.appendingPathComponent("origin-failover.yaml").path])
        #expect(aliases.status == 0)
        #expect(aliases.stderr.contains("left as it is"))
    }
}
