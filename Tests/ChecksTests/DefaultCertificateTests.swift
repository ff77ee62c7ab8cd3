import APIDocument
import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Foundation
import Testing

/// With the CloudFront default certificate, CloudFront applies its own security policy
/// whatever is sent. API_ViewerCertificate, MinimumProtocolVersion: "If the distribution uses
/// the CloudFront domain name such as d111111abcdef8.cloudfront.net (you set
/// CloudFrontDefaultCertificate to true), CloudFront automatically sets the security policy to
/// TLSv1 regardless of the value that you set here." Yet live configs carry what was sent
/// (`SSLv3` on older distributions, `TLSv1.2_2021` on others: the aws CLI's own example of
/// get-distribution shows `SSLv3`), so cfc sends nothing unless a value is written, sends a
/// written value as it is (import must reproduce a live config), warns that it has no effect,
/// and compares configs as if it were `TLSv1`.
@Suite struct DefaultCertificateTests {
    static func config(_ certificate: String) -> String {
        """
        version: 1
        distributions:
          docs:
        \(certificate)
            origins:
              app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}

        """
    }

    /// The emitted ViewerCertificate, byte for byte, in both formats, with `version` sent (or
    /// none).
    static func expectedJSON(_ version: String?) -> String {
        version.map {
            "  \"ViewerCertificate\": {\n    \"CloudFrontDefaultCertificate\": true,\n    \"MinimumProtocolVersion\": \"\($0)\"\n  },\n"
        }
            ?? "  \"ViewerCertificate\": {\n    \"CloudFrontDefaultCertificate\": true\n  },\n"
    }

    static func expectedXML(_ version: String?) -> String {
        "  <ViewerCertificate>\n    <CloudFrontDefaultCertificate>true</CloudFrontDefaultCertificate>\n"
            + (version.map { "    <MinimumProtocolVersion>\($0)</MinimumProtocolVersion>\n" } ?? "") + "  </ViewerCertificate>\n"
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var certificate: String
        /// The version written, when the rule must warn about it.
        var ignored: String?
        /// The version sent.
        var sent: String?
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(
            name: "TLSv1.2_2021 written", certificate: "    viewer-certificate:\n      minimum-protocol-version: TLSv1.2_2021",
            ignored: "TLSv1.2_2021", sent: "TLSv1.2_2021"),
        Case(
            name: "explicit default certificate with TLSv1.1_2016",
            certificate:
                "    viewer-certificate:\n      minimum-protocol-version: TLSv1.1_2016\n      cloudfront-default-certificate: true",
            ignored: "TLSv1.1_2016", sent: "TLSv1.1_2016"),
        Case(
            name: "SSLv3 written, as older live configs have it",
            certificate: "    viewer-certificate:\n      minimum-protocol-version: SSLv3", ignored: "SSLv3", sent: "SSLv3"),
        Case(
            name: "TLSv1 written", certificate: "    viewer-certificate:\n      minimum-protocol-version: TLSv1", ignored: nil,
            sent: "TLSv1"),
        Case(name: "nothing written", certificate: "", ignored: nil, sent: nil),
    ])
    func sendsWhatIsWrittenAndWarnsThatItHasNoEffect(_ testCase: Case) throws {
        let result = TestCompiler.compile(Self.config(testCase.certificate), file: "docs.yaml", formats: [.json, .xml])
        let findings = result.diagnostics.filter { $0.id.rawValue == "certificates.default_certificate_protocol" }
        if let ignored = testCase.ignored {
            let warning = try #require(findings.first)
            #expect(findings.count == 1)
            #expect(warning.severity == .warning)
            #expect(
                warning.summary
                    == "minimum protocol version \(ignored) has no effect with the CloudFront default certificate, which forces TLSv1")
            #expect(warning.range?.start.line == 5)
            #expect(warning.range?.start.column == 33)
        } else {
            #expect(findings.isEmpty)
        }
        #expect(!result.hasErrors, "\(TestCompiler.renderedDiagnostics(result))")
        let json = String(
            decoding: try #require(result.documents.first { $0.logicalPath == "docs.distribution.json" }).bytes, as: UTF8.self)
        let xml = String(decoding: try #require(result.documents.first { $0.logicalPath == "docs.distribution.xml" }).bytes, as: UTF8.self)
        #expect(json.contains(Self.expectedJSON(testCase.sent)), "\(json)")
        #expect(xml.contains(Self.expectedXML(testCase.sent)), "\(xml)")
    }

    /// The round trip the warning promises: compile, take the emitted document as CloudFront
    /// would hand it back (get-distribution-config adds its own view of the default certificate:
    /// SSLSupportMethod vip and CertificateSource cloudfront), and plan again: nothing to do.
    @Test func theReadBackShowsNoDifference() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        let input = directory.appendingPathComponent("docs.yaml")
        try Self.config("    viewer-certificate:\n      minimum-protocol-version: TLSv1.2_2021").write(
            to: input, atomically: true, encoding: .utf8)
        let compiled = try Processes.cfc(["compile", input.path])
        #expect(compiled.status == 0, "\(compiled.stderr)")
        #expect(compiled.stderr.contains("warning: minimum protocol version TLSv1.2_2021 has no effect"), "\(compiled.stderr)")
        #expect(compiled.stdout.contains(Self.expectedJSON("TLSv1.2_2021")), "\(compiled.stdout)")
        var config = try #require(try JSONSerialization.jsonObject(with: Data(compiled.stdout.utf8)) as? [String: Any])
        config["ViewerCertificate"] = [
            "CloudFrontDefaultCertificate": true, "SSLSupportMethod": "vip", "MinimumProtocolVersion": "TLSv1",
            "CertificateSource": "cloudfront",
        ]
        let live = directory.appendingPathComponent("live.json")
        try JSONSerialization.data(withJSONObject: ["ETag": "E2QWRUHEXAMPLE", "DistributionConfig": config]).write(to: live)
        let plan = try Processes.cfc(["plan", "--previous", live.path, input.path])
        #expect(plan.status == 0, "exit 0 means nothing to do:\n\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout == "distribution docs: unchanged\n")
    }
}
