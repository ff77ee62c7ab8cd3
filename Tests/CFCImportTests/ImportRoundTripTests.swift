import APIDocument
import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionIR
import DistributionLanguage
import Foundation
import Testing

/// The import laws: for every valid DistributionConfig `d`, `compile(import(d)) == d` member for
/// member (byte for byte, as cfc prints JSON), through JSON and through XML; and for every
/// example `y`, `import(compile(y))` is a fixed point.
@Suite struct ImportRoundTripTests {
    /// Fixed per run but different between runs, printed on failure so a failure reproduces:
    /// `CFC_PROPERTY_SEED=N swift test --filter ImportRoundTripTests`.
    static let seed: UInt64 =
        ProcessInfo.processInfo.environment["CFC_PROPERTY_SEED"].flatMap(UInt64.init)
        ?? UInt64.random(in: 0...UInt64(UInt32.max))
    static let count = 500

    /// A valid DistributionConfig as CloudFront holds it: generated, emitted and read back once,
    /// so values the emitter forces (`TLSv1` beside a sent CloudFront certificate) and defaults
    /// reading fills in (a caller reference for an empty one) are in place.
    static func canonicalDocument(seed: UInt64) throws -> (distribution: Distribution, json: [UInt8], xml: [UInt8]) {
        var generator = ConfigGenerator(seed: seed)
        let generated = generator.distribution()
        let sink = DiagnosticCollector()
        let first = DocumentFormat.json.print(emitDistributionConfig(generated))
        let read = try #require(
            readDistributionConfigJSON(try JSONReader.read(SourceFile(path: "g.json", bytes: first)), name: "generated", sink: sink))
        #expect(sink.diagnostics.isEmpty, "seed \(seed): \(sink.diagnostics.map(\.summary))")
        let document = emitDistributionConfig(read.distribution)
        return (read.distribution, DocumentFormat.json.print(document), DocumentFormat.xml.print(document))
    }

    static func importAndCompile(_ bytes: [UInt8], suffix: String) throws -> (yaml: String, json: [UInt8]?) {
        let directory = TestPaths.makeTemporaryDirectory()
        let input = directory.appendingPathComponent("generated.\(suffix)")
        try Data(bytes).write(to: input)
        let outcome = ImportCommand.run(input.path, name: "generated")
        guard let yaml = outcome.yaml else {
            return ("import failed: \(outcome.diagnostics.map { "\($0.id): \($0.summary) \($0.notes.map(\.message))" })", nil)
        }
        var options = CompileOptions()
        options.formats = [.json]
        // The generator writes configs CloudFront may refuse (the law is about the language);
        // import records those findings as ignore: entries, which only check-like runs honour.
        options.baselinesAPIRejections = true
        let compiled = Pipeline().compile(source: SourceFile(path: "imported.yaml", bytes: yaml), options: options)
        return (String(decoding: yaml, as: UTF8.self), compiled.documents.first?.bytes)
    }

    @Test func generatedConfigsSurviveImportThenCompile() throws {
        var failures = 0
        for index in 0..<Self.count {
            let seed = Self.seed &+ UInt64(index)
            let (_, json, xml) = try Self.canonicalDocument(seed: seed)
            for (bytes, suffix) in [(json, "json"), (xml, "xml")] {
                let (yaml, compiled) = try Self.importAndCompile(bytes, suffix: suffix)
                if compiled != json {
                    failures += 1
                    if failures <= 3 {
                        Issue.record(
                            Comment(
                                rawValue: """
                                    seed \(seed) (base seed \(Self.seed)) via \(suffix): compile(import(d)) != d
                                    \(UnifiedDiff.render(old: String(decoding: json, as: UTF8.self), new: String(decoding: compiled ?? [], as: UTF8.self), oldName: "d", newName: "compile(import(d))"))
                                    imported YAML:
                                    \(yaml)
                                    """))
                    }
                }
            }
        }
        #expect(failures == 0, "\(failures) of \(Self.count * 2) round trips failed (base seed \(Self.seed))")
    }

    @Test func readingIsIdempotent() throws {
        for index in 0..<50 {
            let (_, json, _) = try Self.canonicalDocument(seed: Self.seed &+ 10_000 &+ UInt64(index))
            let sink = DiagnosticCollector()
            let again = try #require(
                readDistributionConfigJSON(try JSONReader.read(SourceFile(path: "g.json", bytes: json)), name: "generated", sink: sink))
            #expect(DocumentFormat.json.print(emitDistributionConfig(again.distribution)) == json, "seed base \(Self.seed)")
        }
    }

    @Test(arguments: TestPaths.exampleFiles.map(\.lastPathComponent))
    func importOfACompiledExampleIsAFixedPoint(_ file: String) throws {
        let result = TestCompiler.compile(file: TestPaths.examples.appendingPathComponent(file), formats: [.json])
        for document in result.documents {
            let (first, firstJSON) = try Self.importAndCompile(document.bytes, suffix: "json")
            #expect(firstJSON == document.bytes, "\(file): compile(import(compile(y))) != compile(y)\n\(first)")
            let (second, _) = try Self.importAndCompile(firstJSON ?? [], suffix: "json")
            // The header names the (temporary) file read; the YAML below it must be identical.
            func body(_ text: String) -> String { text.split(separator: "\n").drop { $0.hasPrefix("#") }.joined(separator: "\n") }
            #expect(body(first) == body(second), "\(file): import(compile(y)) is not a fixed point")
            #expect(!body(first).isEmpty)
        }
    }
}
