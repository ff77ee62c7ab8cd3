import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Foundation
import Testing

/// What CloudFront could never have returned is the input's fault, and says so, with the API
/// rule it breaks and where; it is never reported as a cfc limitation (issue 14, class 13).
@Suite struct InputErrorTests {
    static let fixture = TestPaths.packageRoot.appendingPathComponent("Tests/CFCImportTests/Fixtures/legacy-website")

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var fileExtension: String
        /// Changes the fixture's text.
        var edit: @Sendable (String) -> String
        var id: String
        var message: String
        var testDescription: String { name }
    }

    static func etag(_ value: String) -> @Sendable (String) -> String {
        { text in text.replacingOccurrences(of: "\"E3UN6WX5RRO2AG\"", with: "\"\(value)\"") }
    }

    static let cases: [Case] = [
        Case(
            name: "ETag with CR", fileExtension: "json", edit: etag("E1\\rX"), id: "api.etag", message: "is not an ETag CloudFront returns"),
        Case(
            name: "ETag with LS", fileExtension: "json", edit: etag("E1\\u2028X"), id: "api.etag",
            message: "is not an ETag CloudFront returns"),
        Case(
            name: "ETag with ESC", fileExtension: "json", edit: etag("E1\\u001b[2JX"), id: "api.etag",
            message: "is not an ETag CloudFront returns"),
        Case(
            name: "number as a string", fileExtension: "json",
            edit: { $0.replacingOccurrences(of: "\"HTTPPort\": 80", with: "\"HTTPPort\": \"80\"") },
            id: "api.type", message: "expected an integer, found a string"),
        Case(
            name: "boolean as a string", fileExtension: "json",
            edit: { $0.replacingOccurrences(of: "\"Enabled\": false,", with: "\"Enabled\": \"false\",") },
            id: "api.type", message: "expected a boolean, found a string"),
        Case(
            name: "NUL escaped in JSON", fileExtension: "json",
            edit: {
                $0.replacingOccurrences(of: "\"DefaultRootObject\": \"index.html\"", with: "\"DefaultRootObject\": \"index\\u0000.html\"")
            },
            id: "api.xml_character", message: "U+0000"),
        Case(
            name: "&#0; in XML", fileExtension: "xml",
            edit: { $0.replacingOccurrences(of: "<DefaultRootObject>index.html", with: "<DefaultRootObject>index&#0;.html") },
            id: "api.syntax", message: "XML 1.0 does not allow (U+0000)"),
        Case(
            name: "&#x1B; in XML", fileExtension: "xml",
            edit: { $0.replacingOccurrences(of: "<DefaultRootObject>index.html", with: "<DefaultRootObject>index&#x1B;.html") },
            id: "api.syntax", message: "XML 1.0 does not allow (U+001B)"),
    ]

    @Test(arguments: cases)
    func importCallsItAnInputError(_ testCase: Case) throws {
        let original = try String(contentsOf: Self.fixture.appendingPathComponent("input.\(testCase.fileExtension)"), encoding: .utf8)
        let edited = testCase.edit(original)
        #expect(edited != original, "the edit did not apply")
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("live.\(testCase.fileExtension)")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let outcome = ImportCommand.run(file.path, name: "live")
        #expect(outcome.yaml == nil)
        let errors = outcome.diagnostics.filter(\.isError)
        #expect(errors.map(\.id.rawValue) == [testCase.id], "\(errors.map(\.summary))")
        #expect(errors.first?.summary.contains(testCase.message) == true, "\(errors.map(\.summary))")
        #expect(errors.first?.range != nil, "no position")
        #expect(!errors.contains { ($0.hint ?? "").contains("please report") })
    }

    /// An origin with none of the three origin configs is an input error, in JSON and XML.
    @Test func anOriginWithoutATypeIsAnInputError() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let real = TestPaths.packageRoot.appendingPathComponent("Tests/CFCImportTests/RealConfigs/aws-cli-distconfig-disabled.json")
        let json = try String(contentsOf: real, encoding: .utf8)
            .replacingOccurrences(
                of: "\"S3OriginConfig\": {\n                    \"OriginAccessIdentity\": \"\"\n                },\n", with: "")
        let xml = try String(contentsOf: Self.fixture.appendingPathComponent("input.xml"), encoding: .utf8)
            .replacingOccurrences(of: "<CustomOriginConfig>[\\s\\S]*?</CustomOriginConfig>", with: "", options: .regularExpression)
        for (name, text) in [("live.json", json), ("live.xml", xml)] {
            #expect(!text.contains("S3OriginConfig") && !text.contains("<CustomOriginConfig>"), "the edit did not apply to \(name)")
            let file = directory.appendingPathComponent(name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            let outcome = ImportCommand.run(file.path, name: "live")
            let errors = outcome.diagnostics.filter(\.isError)
            #expect(errors.map(\.id.rawValue) == ["api.origin_type"], "\(name): \(errors.map(\.summary))")
            #expect(errors.first?.range != nil)
        }
    }

    /// The note "which takes this value from an anchor" belongs to files with anchors only.
    @Test func noAnchorNoteWithoutAnchors() {
        let result = TestCompiler.compile("version: 1\ndistributions:\n  a:\n    comment: x\n")
        let missing = result.diagnostics.filter { $0.id.rawValue == "schema.missing_key" }
        #expect(missing.count == 2)
        #expect(missing.allSatisfy { $0.notes.isEmpty }, "\(missing.flatMap(\.notes).map(\.message))")
    }

    /// Line breaks that YAML 1.1 reads (U+0085, U+2028) inside values do not move positions:
    /// cfc counts lines as editors do.
    @Test(arguments: ["\u{85}", "\u{2028}", "\u{2029}"])
    func unusualLineBreaksDoNotShiftPositions(_ separator: String) {
        let text =
            "version: 1\ndistributions:\n  a:\n    comment: \"x\(separator)y\(separator)z\"\n    bogus: 1\n"
            + "    price-class: \"a\(separator)b\"\n"
        let result = TestCompiler.compile(text)
        let positions = result.diagnostics.filter(\.isError).compactMap { diagnostic in
            diagnostic.range.map { "\(diagnostic.id.rawValue) \($0.start.line):\($0.start.column)" }
        }
        #expect(positions.contains("schema.unknown_key 5:5"), "\(positions)")
        #expect(positions.contains("schema.enum 6:18"), "\(positions)")
    }
}
