import CFCCompiler
import CFCTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Every document cfc emits must parse with parsers that are not cfc's own: Foundation's
/// `JSONSerialization` and `XMLParser`, as any client of the files would use. The inputs are the
/// examples, the golden fixtures, and every hostile or fuzz-found input that compiles.
@Suite struct ForeignParserTests {
    static let inputs: [URL] = {
        let root = TestPaths.packageRoot
        var files = TestPaths.exampleFiles
        for directory in ["Tests/CFCGoldenTests/Fixtures", "Tests/CFCHostileInputTests/Corpus"] {
            let url = root.appendingPathComponent(directory)
            let names = (try? FileManager.default.subpathsOfDirectory(atPath: url.path)) ?? []
            files += names.filter { $0.hasSuffix(".yaml") }.sorted().map { url.appendingPathComponent($0) }
        }
        return files
    }()

    /// The hostile corpus is refused by design; the examples and the fixtures must compile, or
    /// the test below would check nothing.
    @Test func theExamplesAndFixturesCompile() {
        let compiled = Self.inputs.filter { !TestCompiler.compile(file: $0).documents.isEmpty }
        #expect(compiled.count >= TestPaths.exampleFiles.count + 2, "only \(compiled.count) inputs compile")
    }

    @Test(arguments: inputs)
    func emittedDocumentsParseWithFoundation(input: URL) throws {
        let result = TestCompiler.compile(file: input)
        for document in result.documents {
            let data = Data(document.bytes)
            if document.logicalPath.hasSuffix(".json") {
                let object = try JSONSerialization.jsonObject(with: data)
                let members = try #require(object as? [String: Any], "\(document.logicalPath) is not a JSON object")
                #expect(members["CallerReference"] is String && members["Origins"] is [String: Any], "\(document.logicalPath)")
            } else {
                let delegate = RootElement()
                let parser = XMLParser(data: data)
                parser.shouldProcessNamespaces = true
                parser.delegate = delegate
                #expect(parser.parse(), "\(document.logicalPath): \(parser.parserError.map { "\($0)" } ?? "")")
                #expect(delegate.root == "DistributionConfig", "\(document.logicalPath)")
                #expect(delegate.namespace == "http://cloudfront.amazonaws.com/doc/2020-05-31/", "\(document.logicalPath)")
            }
        }
    }
}

/// Records the document element's name and namespace.
private final class RootElement: NSObject, XMLParserDelegate {
    var root: String?
    var namespace: String?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil {
            root = elementName
            namespace = namespaceURI
        }
    }
}
