import CFCTestSupport
import DistributionLanguage
import Foundation
import Testing

@Suite struct SchemaTests {
    /// The validation tests drive Python's jsonschema; without it they are skipped (see `PythonTools`).
    static let hasJSONSchema = PythonTools.available(["jsonschema"])

    static let schemaFile = TestPaths.packageRoot.appendingPathComponent("schema/cfc.schema.json")

    @Test func schemaFileMatchesTheCatalog() {
        if let failure = Golden.compare(JSONSchemaGenerator.generate(), with: Self.schemaFile) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test(.enabled(if: hasJSONSchema, "needs Python 3 with jsonschema (python3 -m pip install jsonschema)"))
    func everyExampleValidatesAndHasTheModeline() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        var files: [String] = []
        let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/CFCGoldenTests/Fixtures")
        let inputs =
            TestPaths.exampleFiles + [TestPaths.examples.appendingPathComponent("two-environments/site.yaml")]
            + ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? [])
            .sorted().map { fixtures.appendingPathComponent("\($0)/input.yaml") }
        for (index, url) in inputs.enumerated() {
            let bytes = try [UInt8](Data(contentsOf: url))
            if url.path.contains("/examples/") {
                let depth = url.path.components(separatedBy: "/examples/")[1].filter { $0 == "/" }.count
                #expect(
                    String(decoding: bytes.prefix(80), as: UTF8.self).hasPrefix(
                        "# yaml-language-server: $schema=\(String(repeating: "../", count: depth + 1))schema/cfc.schema.json\n"),
                    "\(url.lastPathComponent) lacks the modeline")
            }
            let json = try #require(YAMLToJSON.convert(bytes), "\(url.path) does not parse")
            let file = directory.appendingPathComponent("\(index).json")
            try json.write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        guard let result = try Processes.python("Tests/CFCSchemaTests/validate_schema.py", [Self.schemaFile.path] + files) else {
            Issue.record("python3 is not installed")
            return
        }
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test(.enabled(if: hasJSONSchema, "needs Python 3 with jsonschema (python3 -m pip install jsonschema)"))
    func theSchemaRejectsWhatLoweringRejects() throws {
        let bad = """
            {"version": 1, "distributions": {"www": {"origins": {}, "default-cache-behavior": {"target-origin-id": "a",
             "viewer-protocol-policy": "https-onyl", "path-pattern": "*"}, "coment": "x", "enabled": "yes"}}}
            """
        let file = TestPaths.makeTemporaryDirectory().appendingPathComponent("bad.json")
        try bad.write(to: file, atomically: true, encoding: .utf8)
        let result = try #require(try Processes.python("Tests/CFCSchemaTests/validate_schema.py", [Self.schemaFile.path, file.path]))
        #expect(result.status == 1)
        #expect(result.stdout.contains("is not one of"))  // the enum
        #expect(result.stdout.contains("'coment' was unexpected"))  // unknown keys
        #expect(result.stdout.contains("'path-pattern' was unexpected"))  // not on the default behavior
        #expect(result.stdout.contains("is not of type 'boolean'"))
    }

    /// Every key in the schema is a key lowering accepts, and every key lowering accepts is in
    /// the schema: both come from the catalog, and this checks the generator drops none.
    @Test func schemaAndCatalogAgree() throws {
        let object = try JSONSerialization.jsonObject(with: Data(JSONSchemaGenerator.generate())) as? [String: Any]
        let definitions = try #require(object?["$defs"] as? [String: [String: Any]])
        var schemaKeys = Set<String>()
        for (name, definition) in definitions {
            for key in (definition["properties"] as? [String: Any])?.keys ?? [:].keys { schemaKeys.insert("\(name).\(key)") }
        }
        var catalogKeys = Set<String>()
        for structure in LanguageReference.structures() {
            for member in structure.members { catalogKeys.insert("\(structure.typeName).\(member.key)") }
        }
        catalogKeys.formUnion(
            LanguageReference.structures().first { $0.typeName == "CacheBehavior" }?.members
                .filter { $0.key != "path-pattern" }.map { "DefaultCacheBehavior.\($0.key)" } ?? [])
        #expect(schemaKeys == catalogKeys)
        #expect(
            definitions.values.allSatisfy { definition in
                ((definition["properties"] as? [String: [String: Any]]) ?? [:]).values.allSatisfy { $0["description"] is String }
            }, "every property has a description")
    }
}
