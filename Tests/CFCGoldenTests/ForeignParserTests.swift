import APIDocument
import CFCCompiler
import CFCTestSupport
import DistributionIR
import DistributionLanguage
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every document cfc emits must parse with parsers that are not cfc's own, Foundation's
/// `JSONSerialization` and `XMLParser`, as any client of the files would, and must say what the
/// IR says: every leaf those parsers see, in order, is a leaf of the API document cfc emitted
/// for the distribution. The inputs are the examples, the golden fixtures, every hostile input
/// that compiles, and the fuzz survivors: inputs libFuzzer generated (scripts/fuzz.sh) that
/// compile, kept in `FuzzSurvivors/` because their values are stranger than people write.
@Suite struct ForeignParserTests {
    static let inputs: [URL] = {
        let root = TestPaths.packageRoot
        var files = TestPaths.exampleFiles
        for directory in ["Tests/CFCGoldenTests/Fixtures", "Tests/CFCHostileInputTests/Corpus", "Tests/CFCGoldenTests/FuzzSurvivors"] {
            let url = root.appendingPathComponent(directory)
            let names = (try? FileManager.default.subpathsOfDirectory(atPath: url.path)) ?? []
            files += names.filter { $0.hasSuffix(".yaml") }.sorted().map { url.appendingPathComponent($0) }
        }
        return files
    }()

    /// The hostile corpus is refused by design; the examples and the fixtures must compile, or
    /// the test below would check nothing. (Eight fuzz survivors whose mutations fell on a
    /// policy id are refused by behaviors.policy_id_form, as CloudFront would refuse them.)
    @Test func theExamplesAndFixturesCompile() {
        let compiled = Self.inputs.filter { !TestCompiler.compile(file: $0).documents.isEmpty }
        #expect(compiled.count >= TestPaths.exampleFiles.count + 2 + 52, "only \(compiled.count) inputs compile")
    }

    @Test(arguments: inputs)
    func emittedDocumentsParseWithFoundation(input: URL) throws {
        let result = TestCompiler.compile(file: input)
        guard let model = result.model, !result.documents.isEmpty else { return }
        // A function's code is a copy of its file, not an API document.
        for document in result.documents where !document.logicalPath.hasSuffix(".function.js") {
            // The document the IR says, recorded: the distribution's, or a companion's.
            let companion = model.companions.first {
                document.logicalPath.hasPrefix("\($0.name).\($0.kind.fileWord).")
            }
            let recorded: APIDocument
            if let companion {
                recorded = emitCompanion(companion)
            } else {
                recorded = emitDistributionConfig(try #require(model.distributions.first { $0.name == document.distributionName }))
            }
            let expected = recorded.leafPaths
            let data = Data(document.bytes)
            if document.logicalPath.hasSuffix(".json") {
                let object = try JSONSerialization.jsonObject(with: data)
                let members = try #require(object as? [String: Any], "\(document.logicalPath) is not a JSON object")
                var leaves: [(String, String)] = []
                Self.flatten(members, prefix: "", into: &leaves)
                // JSON objects are unordered: compared as path -> value.
                let parsed = Dictionary(leaves, uniquingKeysWith: { first, _ in first })
                let emitted = Dictionary(expected.map { ($0.path, Self.text($0.value)) }, uniquingKeysWith: { first, _ in first })
                #expect(leaves.count == expected.count && parsed == emitted, "\(document.logicalPath): differs from the IR's document")
            } else {
                let reader = LeafReader()
                let parser = XMLParser(data: data)
                parser.shouldProcessNamespaces = true
                parser.delegate = reader
                #expect(parser.parse(), "\(document.logicalPath): \(parser.parserError.map { "\($0)" } ?? "")")
                #expect(reader.root == (companion?.kind.apiRoot ?? "DistributionConfig"), "\(document.logicalPath)")
                #expect(reader.namespace == "http://cloudfront.amazonaws.com/doc/2020-05-31/", "\(document.logicalPath)")
                // An empty element is a container or an empty string alike in XML, so both
                // sides are compared without them.
                #expect(
                    reader.leaves.filter { !$0.isEmpty } == expected.map { Self.text($0.value) }.filter { !$0.isEmpty },
                    "\(document.logicalPath): leaf values differ from the IR's")
            }
        }
    }

    /// The leaves of a JSON value, named as `APIDocument.leafPaths` names them
    /// (`Origins.Items[0].Id`).
    static func flatten(_ value: Any, prefix: String, into leaves: inout [(String, String)]) {
        switch value {
        case let object as [String: Any]:
            for (key, member) in object { flatten(member, prefix: prefix.isEmpty ? key : prefix + "." + key, into: &leaves) }
        case let array as [Any]:
            for (index, item) in array.enumerated() { flatten(item, prefix: prefix + "[\(index)]", into: &leaves) }
        case let number as NSNumber where String(cString: number.objCType) == "c":
            // A JSON true or false (Foundation types it as a char, integers as "i" or "q").
            leaves.append((prefix, number.boolValue ? "true" : "false"))
        case let number as NSNumber:
            leaves.append((prefix, number.stringValue))
        case let string as String:
            leaves.append((prefix, string))
        default:
            leaves.append((prefix, "\(value)"))
        }
    }

    static func text(_ value: APIDocument.Scalar) -> String {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .boolean(let flag): flag ? "true" : "false"
        case .decimal(let digits): digits
        }
    }
}

/// Records the document element's name and namespace, and the text of every element without
/// child elements, in document order.
private final class LeafReader: NSObject, XMLParserDelegate {
    var root: String?
    var namespace: String?
    var leaves: [String] = []
    private var text = ""
    private var hasChildren: [Bool] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if root == nil {
            root = elementName
            namespace = namespaceURI
        }
        if !hasChildren.isEmpty { hasChildren[hasChildren.count - 1] = true }
        hasChildren.append(false)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if hasChildren.removeLast() == false { leaves.append(text) }
        text = ""
    }
}
