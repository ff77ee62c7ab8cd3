import APIDocument
import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionIR
import DistributionLanguage
import Foundation
import Testing

/// The law: reading back what was emitted gives the same config. Checked for every example and
/// fixture, through both JSON and XML.
@Suite struct APIRoundTripTests {
    static var inputs: [URL] {
        let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/CFCGoldenTests/Fixtures")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).sorted()
        return TestPaths.exampleFiles
            + names.map { fixtures.appendingPathComponent("\($0)/input.yaml") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    @Test(arguments: inputs.map(\.lastPathComponent).indices)
    func readingTheEmittedDocumentsGivesTheConfigBack(_ index: Int) throws {
        let url = Self.inputs[index]
        let result = TestCompiler.compile(file: url)
        guard !result.hasErrors else { return }
        let model = try #require(result.model)
        for distribution in model.distributions {
            let document = emitDistributionConfig(distribution)
            let expected = distribution.config.withoutCFCFields

            let sink = DiagnosticCollector()
            let jsonSource = SourceFile(path: "out.json", bytes: DocumentFormat.json.print(document))
            let fromJSON = readDistributionConfigJSON(try JSONReader.read(jsonSource), name: distribution.name, sink: sink)
            #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
            #expect(fromJSON?.distribution.config == expected, "\(url.lastPathComponent) via JSON")

            let xmlSource = SourceFile(path: "out.xml", bytes: DocumentFormat.xml.print(document))
            let (rootName, xmlNode) = try XMLReader.read(xmlSource)
            let fromXML = readDistributionConfigXML(rootName: rootName, xmlNode, name: distribution.name, sink: sink)
            #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
            #expect(fromXML?.distribution.config == expected, "\(url.lastPathComponent) via XML")
        }
    }

    @Test func getDistributionConfigOutputCarriesTheETag() throws {
        let json = """
            {"ETag": "E2QWRUHEXAMPLE", "DistributionConfig": {"CallerReference": "x", "Origins": {"Quantity": 1,
             "Items": [{"Id": "o", "DomainName": "o.example.com", "CustomOriginConfig": {"HTTPPort": 80,
             "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"}}]},
             "DefaultCacheBehavior": {"TargetOriginId": "o", "ViewerProtocolPolicy": "allow-all",
             "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"},
             "Comment": "", "Enabled": true}}
            """
        let sink = DiagnosticCollector()
        let read = readDistributionConfigJSON(
            try JSONReader.read(SourceFile(path: "in.json", bytes: Array(json.utf8))),
            name: "live", sink: sink)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(read?.etag == "E2QWRUHEXAMPLE")
        #expect(read?.distribution.config.callerReference == "x")
        #expect(read?.distribution.config.origins.first?.customOriginConfig?.originProtocolPolicy == .httpsOnly)
    }

    @Test func apiInputErrorsPointAtTheirLine() throws {
        let json = """
            {"CallerReference": "x",
             "Origins": {"Quantity": 2, "Items": [{"Id": "o", "DomainName": "o.example.com", "Bogus": 1}]},
             "Enabled": "yes"}
            """
        let sink = DiagnosticCollector()
        _ = readDistributionConfigJSON(
            try JSONReader.read(SourceFile(path: "in.json", bytes: Array(json.utf8))),
            name: "live", sink: sink)
        let summaries = sink.diagnostics.map { "\($0.range?.start.line ?? 0): \($0.summary)" }
        #expect(summaries.contains("2: unknown member 'Bogus' in origin"))
        #expect(summaries.contains("2: Quantity is 2 but there are 1 items"))
        #expect(summaries.contains("3: expected a boolean, found a string"))
    }
}
