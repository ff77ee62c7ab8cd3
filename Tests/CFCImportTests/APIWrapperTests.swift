import CFCTestSupport
import Foundation
import Testing

/// Every document of the aws CLI or the API that carries a whole DistributionConfig is read,
/// whatever wraps it and however it was saved; one that does not carry one says why.
@Suite struct APIWrapperTests {
    static let fixture = TestPaths.packageRoot.appendingPathComponent("Tests/CFCImportTests/Fixtures/legacy-website")

    private func importAndPlan(_ name: String, _ bytes: Data) throws -> (ProcessResult, ProcessResult?) {
        let scratch = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent(name)
        try bytes.write(to: input)
        let output = scratch.appendingPathComponent("site.yaml")
        let imported = try Processes.cfc(["import", input.path, "--name", "site", "--output", output.path])
        guard imported.status == 0 else { return (imported, nil) }
        return (imported, try Processes.cfc(["plan", "--previous", input.path, output.path]))
    }

    /// GetDistribution's XML body: the config inside <Distribution>, beside what CloudFront sets.
    @Test func xmlDistributionResponse() throws {
        var xml = try String(contentsOf: Self.fixture.appendingPathComponent("input.xml"), encoding: .utf8)
        xml =
            xml.replacingOccurrences(
                of: "<DistributionConfig xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">",
                with: """
                    <Distribution xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
                      <Id>EDFDVBD6EXAMPLE</Id><Status>Deployed</Status><DomainName>d111111abcdef8.cloudfront.net</DomainName>
                      <DistributionConfig>
                    """) + "</Distribution>\n"
        let (imported, plan) = try importAndPlan("distribution.xml", Data(xml.utf8))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(plan?.stdout == "distribution site: unchanged\n", "\(plan?.stdout ?? "")\(plan?.stderr ?? "")")
    }

    /// create-distribution prints a Location beside the Distribution.
    @Test func createDistributionOutputWithLocation() throws {
        let config = try Data(contentsOf: Self.fixture.appendingPathComponent("input.json"))
        let read = try JSONSerialization.jsonObject(with: config)
        let object = (read as? [String: Any])?["DistributionConfig"] ?? read
        let wrapped: [String: Any] = [
            "Location": "https://cloudfront.amazonaws.com/2020-05-31/distribution/EDFDVBD6EXAMPLE", "ETag": "E2QWRUHEXAMPLE",
            "Distribution": ["Id": "EDFDVBD6EXAMPLE", "Status": "InProgress", "DistributionConfig": object],
        ]
        let (imported, plan) = try importAndPlan("created.json", try JSONSerialization.data(withJSONObject: wrapped))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(plan?.stdout == "distribution site: unchanged\n", "\(plan?.stdout ?? "")\(plan?.stderr ?? "")")
    }

    /// PowerShell's `>` saves the aws CLI's output as UTF-16LE; some tools write UTF-16BE.
    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian])
    func utf16WithByteOrderMark(_ encoding: String.Encoding) throws {
        let text = try String(contentsOf: Self.fixture.appendingPathComponent("input.json"), encoding: .utf8)
            .replacingOccurrences(of: "\n", with: "\r\n")
        let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        let bytes = Data(bom) + (text.data(using: encoding) ?? Data())
        let (imported, plan) = try importAndPlan("utf16.json", bytes)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(plan?.stdout == "distribution site: unchanged\n", "\(plan?.stdout ?? "")\(plan?.stderr ?? "")")
    }

    /// A UTF-16 file's errors are at the line and column an editor shows.
    @Test func utf16PositionsAreEditorPositions() throws {
        let text = "{\r\n  \"DistributionConfig\": {\r\n    \"Bogus\": 1\r\n  }\r\n}\r\n"
        let (imported, _) = try importAndPlan("bad.json", Data([0xFF, 0xFE]) + (text.data(using: .utf16LittleEndian) ?? Data()))
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("bad.json:3:"), "\(imported.stderr)")
    }

    /// list-distributions holds summaries without CallerReference or Logging: no config to read.
    @Test func listDistributionsSaysWhyAndWhatToRunInstead() throws {
        let list: [String: Any] = [
            "DistributionList": [
                "Quantity": 2, "MaxItems": 100, "IsTruncated": false,
                "Items": [["Id": "EDFDVBD6EXAMPLE", "DomainName": "d111111abcdef8.cloudfront.net"], ["Id": "E2ABCDEXAMPLE2"]],
            ]
        ]
        let (imported, _) = try importAndPlan("list.json", try JSONSerialization.data(withJSONObject: list))
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("[api.distribution_list]"), "\(imported.stderr)")
        #expect(imported.stderr.contains("EDFDVBD6EXAMPLE, E2ABCDEXAMPLE2"), "\(imported.stderr)")
        #expect(imported.stderr.contains("get-distribution-config --id"), "\(imported.stderr)")
    }

    /// A member no such document has is named, with the members that belong there.
    @Test func unknownWrapperMemberIsNamed() throws {
        let read = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixture.appendingPathComponent("input.json")))
        let config = (read as? [String: Any])?["DistributionConfig"] ?? read
        let wrapped: [String: Any] = ["ETag": "E2QWRUHEXAMPLE", "Distribution": ["Idd": "X", "DistributionConfig": config]]
        let (imported, _) = try importAndPlan("bad.json", try JSONSerialization.data(withJSONObject: wrapped))
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("unknown member 'Idd'") && imported.stderr.contains("did you mean 'Id'?"), "\(imported.stderr)")
    }

    /// A behavior CloudFront could never have returned (a cache policy and forwarded values, or
    /// neither) is an input error naming the API's rule, not a round-trip failure.
    @Test(arguments: [true, false])
    func impossibleCacheSettingsAreInputErrors(both: Bool) throws {
        let read = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixture.appendingPathComponent("input.json")))
        var object = try #require(read as? [String: Any])
        var config = try #require(object["DistributionConfig"] as? [String: Any])
        var behavior = try #require(config["DefaultCacheBehavior"] as? [String: Any])
        if both { behavior["CachePolicyId"] = "658327ea-f89d-4fab-a63d-7e88639e58f6" } else { behavior["ForwardedValues"] = nil }
        config["DefaultCacheBehavior"] = behavior
        object["DistributionConfig"] = config
        let (imported, _) = try importAndPlan("impossible.json", try JSONSerialization.data(withJSONObject: object))
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("[api.cache_settings]"), "\(imported.stderr)")
        #expect(!imported.stderr.contains("import.round_trip"), "\(imported.stderr)")
    }
}
