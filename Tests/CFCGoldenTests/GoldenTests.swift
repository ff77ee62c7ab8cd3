import APIDocument
import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Foundation
import Testing

/// Golden files for every example and every fixture case.
///
/// Regenerate after an intended change with `UPDATE_GOLDENS=1 swift test --filter CFCGoldenTests`
/// (the run rewrites the files and fails, saying so), then review with `git diff`.
@Suite struct GoldenTests {
    static let goldenRoot = TestPaths.packageRoot.appendingPathComponent("Tests/CFCGoldenTests")

    static var fixtureCases: [String] {
        let fixtures = goldenRoot.appendingPathComponent("Fixtures").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []).sorted()
    }

    static var exampleNames: [String] {
        TestPaths.exampleFiles.map { $0.deletingPathExtension().lastPathComponent }
    }

    @Test(arguments: exampleNames)
    func example(_ name: String) {
        let file = TestPaths.examples.appendingPathComponent(name + ".yaml")
        let result = TestCompiler.compile(file: file)
        // Examples must compile with no error and no warning (notes and suppressed findings are
        // fine: they are what an example shows).
        let problems = result.diagnostics.filter { $0.severity != .note && !$0.isSuppressed }
        #expect(problems.isEmpty, "\(TestCompiler.renderedDiagnostics(result))")
        #expect(!result.documents.isEmpty)
        for document in result.documents {
            let golden = Self.goldenRoot.appendingPathComponent("Examples/\(name)/\(document.logicalPath)")
            if let failure = Golden.compare(document.bytes, with: golden) { Issue.record(Comment(rawValue: failure)) }
        }
    }

    @Test(arguments: fixtureCases)
    func fixture(_ name: String) throws {
        let directory = Self.goldenRoot.appendingPathComponent("Fixtures/\(name)")
        let input = try String(contentsOf: directory.appendingPathComponent("input.yaml"), encoding: .utf8)
        let result = TestCompiler.compile(input, file: "input.yaml", formats: [.json, .xml], configDirectory: directory)
        let expectedDiagnostics = directory.appendingPathComponent("expected.diagnostics.txt")
        if FileManager.default.fileExists(atPath: expectedDiagnostics.path) || result.hasErrors {
            let rendered = Array(TestCompiler.renderedDiagnostics(result).utf8)
            if let failure = Golden.compare(rendered, with: expectedDiagnostics) { Issue.record(Comment(rawValue: failure)) }
        } else {
            let problems = result.diagnostics.filter { $0.severity != .note && !$0.isSuppressed }
            #expect(problems.isEmpty, "\(TestCompiler.renderedDiagnostics(result))")
        }
        // The distribution's documents are expected.json and .xml; a companion's carry its
        // file name (expected.static.cache-policy.json).
        for document in result.documents {
            let format = document.logicalPath.hasSuffix(".json") ? "json" : "xml"
            let isDistribution = document.logicalPath.hasSuffix(".distribution.\(format)")
            // A function's code is the file the fixture names, copied: nothing to compare.
            if document.logicalPath.hasSuffix(".function.js") { continue }
            let golden = directory.appendingPathComponent(isDistribution ? "expected.\(format)" : "expected.\(document.logicalPath)")
            if let failure = Golden.compare(document.bytes, with: golden) { Issue.record(Comment(rawValue: failure)) }
        }
    }

    @Test func compilingTwiceGivesTheSameBytes() {
        for file in TestPaths.exampleFiles {
            let first = TestCompiler.compile(file: file).documents
            let second = TestCompiler.compile(file: file).documents
            #expect(first == second, "\(file.lastPathComponent)")
        }
    }
}
