import APIDocument
import CFCDiagnostics
import CFCTestSupport
import CFCWorkloads
import Foundation
import Testing

@testable import CFCCompiler

/// The two drivers of the one compile unit (`DistributionUnit`, settled by `FileSettlement`):
/// `cfc compile --output` streams distributions to workers as they are parsed
/// (`StreamingCompile`), the in-memory `Pipeline` runs them over a parsed file. What differs is
/// only the driving: hand-off while parsing, staging files, committing or rolling back. For
/// every input the two must print the same diagnostics, fail alike, and leave the same files,
/// byte for byte, with no temporary file behind.
@Suite struct StreamingCompileTests {
    /// What a run left: its rendered diagnostics, whether it failed, and the output directory's
    /// files (nil when the directory does not exist).
    struct RunResult: Equatable, CustomStringConvertible {
        var diagnostics: String
        var failed: Bool
        var files: [String: Data]?

        var description: String {
            "failed: \(failed), files: \(files.map { $0.keys.sorted().description } ?? "no directory")\n\(diagnostics)"
        }
    }

    static func snapshot(_ outcome: CompileCommand.Outcome, sources: [SourceFile], output: URL) -> RunResult {
        let rendered = DiagnosticReport.render(outcome.diagnostics, sources: sources, format: Format.json, colors: false)
        var files: [String: Data]? = nil
        if let names = try? FileManager.default.contentsOfDirectory(atPath: output.path) {
            files = [:]
            for name in names { files?[name] = try? Data(contentsOf: output.appendingPathComponent(name)) }
        }
        return RunResult(diagnostics: String(decoding: rendered, as: UTF8.self), failed: outcome.failed, files: files)
    }

    enum Format: String { case json }

    /// Runs both drivers on `paths` into fresh directories and returns both results. A new
    /// output directory is staged whole and renamed into place; an existing one (made empty
    /// beforehand when `existingOutput`) gets its files staged one by one beside them.
    static func both(
        _ paths: [String], formats: Set<OutputFormat> = [.json, .xml], outputName: String = "out",
        existingOutput: Bool = false
    )
        -> (stageByStage: RunResult, streamed: RunResult)
    {
        var options = CompileOptions()
        options.formats = formats
        let root = TestPaths.makeTemporaryDirectory()
        let reference = root.appendingPathComponent("reference").appendingPathComponent(outputName)
        let streamedOutput = root.appendingPathComponent("streamed").appendingPathComponent(outputName)
        if existingOutput {
            for directory in [reference, streamedOutput] {
                try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            }
        }
        let results = paths.map { Pipeline().compile(path: $0, options: options) }
        let outcome = CompileCommand.finish(results, output: reference.path)
        let expected = snapshot(outcome, sources: results.compactMap(\.source), output: reference)
        // The streamed run skips the rules that only make notes, as `cfc compile` does; the
        // reference runs them, so every case also proves that skipping them changes nothing.
        var streamedOptions = options
        streamedOptions.includeNotes = false
        let streamed = StreamingCompile.run(paths: paths, options: streamedOptions, output: streamedOutput.path)
        var actual = snapshot(streamed.outcome, sources: streamed.sources, output: streamedOutput)
        // Paths differ only by the directory name; make them comparable.
        actual.diagnostics = actual.diagnostics.replacingOccurrences(of: "/streamed/", with: "/reference/")
        return (expected, actual)
    }

    static let corpus: [String] = {
        var files = TestPaths.exampleFiles.map(\.path)
        let root = TestPaths.packageRoot
        for directory in [
            "Tests/CFCHostileInputTests/Corpus", "Tests/CFCGoldenTests/Fixtures/kitchen-sink",
            "Tests/CFCGoldenTests/Fixtures/kitchen-sink-iam", "Tests/CFCGoldenTests/Fixtures/kitchen-sink-tenant",
            "Tests/CFCGoldenTests/Fixtures/companions",
            "Tests/CFCImportTests/FormatFixtures",
            "Tests/CFCGoldenTests/FuzzSurvivors",
        ] {
            let url = root.appendingPathComponent(directory)
            let names = (try? FileManager.default.subpathsOfDirectory(atPath: url.path)) ?? []
            files += names.filter { $0.hasSuffix(".yaml") }.sorted().map { url.appendingPathComponent($0).path }
        }
        return files
    }()

    @Test func corpusIsNotEmpty() {
        #expect(Self.corpus.count > 100)
    }

    @Test(arguments: corpus)
    func streamedCompileMatchesStageByStage(path: String) {
        let (expected, actual) = Self.both([path])
        #expect(actual == expected, "\(URL(fileURLWithPath: path).lastPathComponent)\nexpected \(expected)\nactual \(actual)")
        #expect(!Self.leftoverTemporaryFiles(expected.files) && !Self.leftoverTemporaryFiles(actual.files))
    }

    @Test(arguments: [Workload.Size.small, .medium, .max], [false, true])
    func workloadsCompileAlike(size: Workload.Size, existingOutput: Bool) throws {
        let file = TestPaths.makeTemporaryDirectory().appendingPathComponent("\(size.name).yaml")
        try Workload.yaml(size).write(to: file, atomically: true, encoding: .utf8)
        let (expected, actual) = Self.both([file.path], existingOutput: existingOutput)
        #expect(!expected.failed)
        #expect(actual == expected)
        #expect(!Self.leftoverTemporaryFiles(actual.files))
    }

    /// The parser waits when the workers are a window of bytes behind: a window of one unit
    /// (one distribution at a time) and of two give the same files and diagnostics as the
    /// stage-by-stage pipeline, and a distribution larger than the window takes all of it.
    @Test(arguments: [16 * 1024, 32 * 1024, 64 * 1024 * 1024])
    func aNarrowHandOffWindowChangesNothing(bytes: Int) throws {
        let window = StreamingCompile.HandOffWindow(bytes: bytes)
        #expect(window.acquire(bytes: 10) == 1)
        window.release(1)
        #expect(window.acquire(bytes: Int.max / 2) == window.capacity)
        window.release(window.capacity)

        let file = TestPaths.makeTemporaryDirectory().appendingPathComponent("medium.yaml")
        try Workload.yaml(.medium).write(to: file, atomically: true, encoding: .utf8)
        var options = CompileOptions()
        options.formats = [.json, .xml]
        let root = TestPaths.makeTemporaryDirectory()
        let reference = root.appendingPathComponent("reference")
        let results = [Pipeline().compile(path: file.path, options: options)]
        let expected = Self.snapshot(
            CompileCommand.finish(results, output: reference.path), sources: results.compactMap(\.source), output: reference)
        options.handOffWindowBytes = bytes
        let streamedOutput = root.appendingPathComponent("streamed")
        let streamed = StreamingCompile.run(paths: [file.path], options: options, output: streamedOutput.path)
        let actual = Self.snapshot(streamed.outcome, sources: streamed.sources, output: streamedOutput)
        #expect(!expected.failed)
        #expect(actual.files == expected.files)
        #expect(actual.diagnostics.replacingOccurrences(of: "/streamed", with: "/reference") == expected.diagnostics)
    }

    /// Inputs that exercise the hand-off's edges: anchors that stop it half way, a merge into the
    /// `distributions` mapping, errors in a handed-off distribution and in the top level, bad
    /// names (which must not be staged outside the directory), and two files that clash.
    static let edgeCases: [(name: String, files: [String])] = [
        (
            "anchor half way",
            [
                Self.distribution("a") + "  b: &shared\n" + Self.indented(Self.body) + "  c: *shared\n"
                    + Self.entries("d")
            ]
        ),
        (
            "merge into distributions",
            [
                "version: 1\nx-more: &more\n" + Self.entries("m") + "distributions:\n"
                    + Self.entries("a") + "  <<: *more\n"
            ]
        ),
        ("lowering error in one", [Self.distribution("a") + "  b:\n    enabled: yes\n" + Self.indented(Self.body) + Self.entries("c")]),
        (
            "check error in one",
            [
                Self.distribution("a") + "  b:\n" + Self.indented(Self.body)
                    + "    aliases: [WWW.example.com]\n" + Self.entries("c")
            ]
        ),
        ("top-level error after", [Self.distribution("a") + "extra: 1\n"]),
        ("missing version", [Self.distribution("a").replacingOccurrences(of: "version: 1\n", with: "")]),
        ("duplicate name", [Self.distribution("a") + Self.entries("a")]),
        ("traversing name", [Self.distribution("a") + Self.entries("../escape")]),
        ("syntax error at the end", [Self.distribution("a") + Self.entries("b") + "  c: [unclosed\n"]),
        ("two files clash", [Self.distribution("a"), Self.distribution("a")]),
        ("two files, one bad", [Self.distribution("a"), "version: 1\ndistributions: []\n"]),
        ("no distributions", ["version: 1\ndistributions: {}\n"]),
    ]

    @Test(arguments: edgeCases.indices, [false, true])
    func edgeCasesCompileAlike(index: Int, existingOutput: Bool) throws {
        let directory = TestPaths.makeTemporaryDirectory()
        var paths: [String] = []
        for (fileIndex, text) in Self.edgeCases[index].files.enumerated() {
            let file = directory.appendingPathComponent("input-\(fileIndex).yaml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            paths.append(file.path)
        }
        let (expected, actual) = Self.both(paths, existingOutput: existingOutput)
        #expect(actual == expected, "\(Self.edgeCases[index].name)\nexpected \(expected)\nactual \(actual)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("reference/.cfc-escape").path))
        #expect(!Self.leftoverTemporaryFiles(actual.files))
        // Nothing staged is left beside the output either: no temporary files, no staging
        // directory; and a failed run into a new directory leaves no directory.
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("streamed").path)) ?? []
        #expect(siblings.allSatisfy { !$0.hasPrefix(".cfc-") }, "\(siblings)")
        if actual.failed && !existingOutput { #expect(actual.files == nil) }
    }

    @Test func anUnwritableDirectoryFailsAlikeAndLeavesNothing() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        let blocker = directory.appendingPathComponent("file")
        try Data().write(to: blocker)
        let input = directory.appendingPathComponent("in.yaml")
        try Self.distribution("a").write(to: input, atomically: true, encoding: .utf8)
        var options = CompileOptions()
        options.formats = [.json]
        let streamed = StreamingCompile.run(paths: [input.path], options: options, output: blocker.path + "/out")
        #expect(streamed.outcome.failed)
        #expect(streamed.outcome.diagnostics.map(\.id.rawValue) == ["io.write"])
        let reference = CompileCommand.finish([Pipeline().compile(path: input.path, options: options)], output: blocker.path + "/out")
        #expect(reference.diagnostics == streamed.outcome.diagnostics)
    }

    // MARK: - Inputs

    static let body = """
        origins:
          app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
        default-cache-behavior:
          target-origin-id: app
          viewer-protocol-policy: redirect-to-https
          cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6

        """

    static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }
            .joined(separator: "\n")
    }

    /// `  NAME:` and a valid body, as an entry of `distributions:`.
    static func entries(_ name: String) -> String { "  \"\(name)\":\n" + indented(body) }

    /// A whole file with one valid distribution named `name`.
    static func distribution(_ name: String) -> String { "version: 1\ndistributions:\n" + entries(name) }

    static func leftoverTemporaryFiles(_ files: [String: Data]?) -> Bool {
        (files ?? [:]).keys.contains { $0.hasPrefix(".cfc-") }
    }
}
