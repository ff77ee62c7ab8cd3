import APIDocument
import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Foundation
import Testing

/// The law `compile(import(d)) == d`, checked against the input as written: the golden
/// fixtures' `input.json` (what `get-distribution-config` prints) and `input.xml` (botocore's
/// REST-XML serialization of the same config, as the API carries it) are compared with what
/// their imports compile to, member for member, by Foundation's parsers (`APITree`) rather
/// than through cfc's own reader and printer, which would make the two sides agree by
/// construction.
@Suite struct ImportMemberForMemberTests {
    /// One input to import: a fixture in one format, or a fixture with one member edited.
    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var format: String
        var testDescription: String { "\(fixture)/input.\(format)" }
    }

    static var fixtureCases: [Case] {
        ImportGoldenTests.cases.flatMap { fixture in ["json", "xml"].map { Case(fixture: fixture, format: $0) } }
    }

    /// Imports `input`, compiles the YAML into the input's format, and returns the differences
    /// between the input's DistributionConfig and the compiled one.
    static func roundTrip(_ input: URL, format: String) throws -> (differences: [String], outcome: ImportCommand.Outcome) {
        let outcome = ImportCommand.run(input.path, name: "imported")
        let problems = outcome.diagnostics.map { "\($0.id): \($0.summary) \($0.notes.map(\.message))" }
        let yaml = try #require(outcome.yaml, "\(input.lastPathComponent): \(problems)")
        let compiled = TestCompiler.compile(
            String(decoding: yaml, as: UTF8.self), formats: [format == "xml" ? .xml : .json],
            baselinesAPIRejections: true)
        let bytes = try #require(compiled.documents.first?.bytes, "\(TestCompiler.renderedDiagnostics(compiled))")
        let expected: APITree
        let actual: APITree
        if format == "xml" {
            expected = try APITree.xml(Data(contentsOf: input))
            actual = try APITree.xml(Data(bytes))
        } else {
            let document = try APITree.json(Data(contentsOf: input))
            expected = document["DistributionConfig"] ?? document
            actual = try APITree.json(Data(bytes))
        }
        return (APITree.differences(expected: expected, actual: actual, path: "DistributionConfig"), outcome)
    }

    @Test(arguments: fixtureCases)
    func goldenImportsCompileBackMemberForMember(_ testCase: Case) throws {
        let input = ImportGoldenTests.root.appendingPathComponent("\(testCase.fixture)/input.\(testCase.format)")
        let (differences, outcome) = try Self.roundTrip(input, format: testCase.format)
        #expect(differences.isEmpty, "compile(import(d)) != d:\n\(differences.joined(separator: "\n"))")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.summary))")
    }

    /// The bug that started this: the legacy website's `Cookies` has no `WhitelistedNames`, and
    /// compile(import) used to add an empty one.
    @Test func absentWhitelistedNamesStayAbsentAndEmptyOnesStayEmpty() throws {
        let cookies = ["DistributionConfig", "DefaultCacheBehavior", "ForwardedValues", "Cookies"]
        let source = try APITree.json(Data(contentsOf: ImportGoldenTests.root.appendingPathComponent("legacy-website/input.json")))
        #expect(source.replacing(cookies + ["WhitelistedNames"], with: nil) == source, "the fixture has no WhitelistedNames")
        let directory = TestPaths.makeTemporaryDirectory()
        for (name, document) in [
            ("absent", source),
            ("empty", source.replacing(cookies + ["WhitelistedNames"], with: .object([.init(name: "Quantity", value: .integer(0))]))),
        ] {
            let file = directory.appendingPathComponent("\(name).json")
            try Data(document.jsonText.utf8).write(to: file)
            let (differences, _) = try Self.roundTrip(file, format: "json")
            #expect(differences.isEmpty, "\(name): \(differences)")
        }
    }

    /// Each member the API lets a config leave out but cfc sends by default, left out of (or
    /// added empty to) a realistic config: the import compiles back to exactly that.
    struct MemberCase: CustomTestStringConvertible, Sendable {
        var name: String
        var path: [String]
        /// nil: remove the member; otherwise the JSON to put there.
        var json: String?
        var testDescription: String { name }
    }

    static let memberCases: [MemberCase] = {
        let config = ["DistributionConfig"]
        let behavior = config + ["DefaultCacheBehavior"]
        let origin = config + ["Origins", "Items", "[0]"]
        var cases = [
            "Aliases", "OriginGroups", "CacheBehaviors", "CustomErrorResponses", "Logging", "ViewerCertificate", "Restrictions",
        ].map { MemberCase(name: "no \($0)", path: config + [$0], json: nil) }
        cases += ["CustomHeaders", "OriginShield"].map { MemberCase(name: "no Origin.\($0)", path: origin + [$0], json: nil) }
        cases.append(
            MemberCase(
                name: "no CustomOriginConfig.OriginSslProtocols",
                path: origin + ["CustomOriginConfig", "OriginSslProtocols"], json: nil))
        cases += ["TrustedSigners", "TrustedKeyGroups", "AllowedMethods", "LambdaFunctionAssociations", "FunctionAssociations"]
            .map { MemberCase(name: "no DefaultCacheBehavior.\($0)", path: behavior + [$0], json: nil) }
        cases.append(MemberCase(name: "no AllowedMethods.CachedMethods", path: behavior + ["AllowedMethods", "CachedMethods"], json: nil))
        cases += ["Headers", "QueryStringCacheKeys"]
            .map { MemberCase(name: "no ForwardedValues.\($0)", path: behavior + ["ForwardedValues", $0], json: nil) }
        cases.append(
            MemberCase(
                name: "empty Cookies.WhitelistedNames", path: behavior + ["ForwardedValues", "Cookies", "WhitelistedNames"],
                json: #"{"Quantity": 0}"#))
        cases.append(MemberCase(name: "TenantConfig without ParameterDefinitions", path: config + ["TenantConfig"], json: "{}"))
        cases.append(
            MemberCase(
                name: "TenantConfig with no ParameterDefinitions", path: config + ["TenantConfig"],
                json: #"{"ParameterDefinitions": []}"#))
        return cases
    }()

    @Test(arguments: memberCases)
    func leftOutMembersStayLeftOut(_ testCase: MemberCase) throws {
        let source = try APITree.json(Data(contentsOf: ImportGoldenTests.root.appendingPathComponent("legacy-website/input.json")))
        let value = try testCase.json.map { try APITree.json(Data($0.utf8)) }
        let edited = source.replacing(testCase.path, with: value)
        #expect(edited != source, "the edit changed nothing")
        let file = TestPaths.makeTemporaryDirectory().appendingPathComponent("edited.json")
        try Data(edited.jsonText.utf8).write(to: file)
        let (differences, _) = try Self.roundTrip(file, format: "json")
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    /// An empty XML element for a structure reads as a structure with none of its members, so
    /// `<TenantConfig/>` compiles back without `ParameterDefinitions`.
    @Test func anEmptyXMLStructureKeepsItsMembersLeftOut() throws {
        let source = try String(contentsOf: ImportGoldenTests.root.appendingPathComponent("legacy-website/input.xml"), encoding: .utf8)
        let edited = source.replacingOccurrences(
            of: "</DistributionConfig>", with: "  <TenantConfig></TenantConfig>\n</DistributionConfig>")
        #expect(edited != source)
        let file = TestPaths.makeTemporaryDirectory().appendingPathComponent("tenant.xml")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let (differences, outcome) = try Self.roundTrip(file, format: "xml")
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        #expect(String(decoding: outcome.yaml ?? [], as: UTF8.self).contains("parameter-definitions: null"))
    }

    /// An origin with no origin type cannot come from CloudFront (the API requires one of the
    /// three configs), so import stops on the input, naming the rule and the origin, rather than
    /// at its own round-trip check (which it reached before: for an S3 REST endpoint the S3
    /// origin config is implied, so the compiled config had one the input lacked).
    @Test func importRefusesWhatCloudFrontCouldNotHaveReturned() throws {
        let source = try APITree.json(Data(contentsOf: ImportGoldenTests.root.appendingPathComponent("legacy-website/input.json")))
        let origin = ["DistributionConfig", "Origins", "Items", "[0]"]
        let edited = source.replacing(origin + ["CustomOriginConfig"], with: nil)
            .replacing(origin + ["DomainName"], with: .string("example-site.s3.us-east-1.amazonaws.com"))
        let file = TestPaths.makeTemporaryDirectory().appendingPathComponent("no-origin-type.json")
        try Data(edited.jsonText.utf8).write(to: file)
        let outcome = ImportCommand.run(file.path, name: "site")
        #expect(outcome.yaml == nil)
        let diagnostic = try #require(outcome.diagnostics.first { $0.id == "api.origin_type" })
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.range?.start.line != nil, "the error points into the input")
        #expect(!outcome.diagnostics.contains { $0.id == "import.round_trip" })

        let result = try Processes.cfc(["import", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("[api.origin_type]"))
    }

    /// An empty `Items` list and no `Items` say the same; the import goes ahead and says how the
    /// output spells it.
    @Test func emptyItemsAreRespeltWithAWarning() throws {
        let source = try APITree.json(Data(contentsOf: ImportGoldenTests.root.appendingPathComponent("legacy-website/input.json")))
        let edited = source.replacing(["DistributionConfig", "Aliases", "Items"], with: .array([]))
        let file = TestPaths.makeTemporaryDirectory().appendingPathComponent("empty-items.json")
        try Data(edited.jsonText.utf8).write(to: file)
        let outcome = ImportCommand.run(file.path, name: "site")
        #expect(outcome.yaml != nil)
        #expect(outcome.diagnostics.map(\.id.rawValue) == ["import.empty_items"])
        #expect(outcome.diagnostics.first?.severity == .warning)
        #expect(
            outcome.diagnostics.first?.notes.map(\.message) == [
                "DistributionConfig.Aliases.Items: an empty list on one side, no Items on the other"
            ])
    }
}
