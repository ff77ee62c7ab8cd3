import APIDocument
import CFCCompiler
import CFCTestSupport
import DistributionIR
import Foundation
import Testing

/// Checks emitted documents against AWS's own service model for CloudFront 2020-05-31, through
/// botocore (`botocore_conformance.py`). Fails with a clear message when botocore is missing.
@Suite(.enabled(if: PythonTools.available(["botocore"]), "needs Python 3 with botocore (python3 -m pip install botocore)"))
struct BotocoreConformanceTests {
    static let script = "Tests/CFCConformanceTests/botocore_conformance.py"

    /// Compiles every example and golden fixture that compiles cleanly, writes the documents
    /// into a temporary directory, and returns their paths.
    static func writeAllDocuments() throws -> (directory: URL, files: [String]) {
        let directory = TestPaths.makeTemporaryDirectory()
        var inputs = TestPaths.exampleFiles
        let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/CFCGoldenTests/Fixtures")
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted() {
            let input = fixtures.appendingPathComponent("\(name)/input.yaml")
            if !FileManager.default.fileExists(atPath: fixtures.appendingPathComponent("\(name)/expected.diagnostics.txt").path) {
                inputs.append(input)
            }
        }
        var files: [String] = []
        // Plans write invalidation batches and keep live caller references: validate those too.
        let scenarios = TestPaths.packageRoot.appendingPathComponent("Tests/PlanningTests/Scenarios")
        for name in try FileManager.default.contentsOfDirectory(atPath: scenarios.path).sorted() {
            let folder = scenarios.appendingPathComponent(name)
            let old = ["old.yaml", "old.json"].map { folder.appendingPathComponent($0).path }.first {
                FileManager.default.fileExists(atPath: $0)
            }
            var request = PlanCommand.Request(previous: old, new: folder.appendingPathComponent("new.yaml").path)
            let changed = folder.appendingPathComponent("changed-paths.txt").path
            if FileManager.default.fileExists(atPath: changed) { request.changedPaths = changed }
            let outcome = PlanCommand.run(request)
            let subdirectory = directory.appendingPathComponent("plan-" + name)
            let documents = outcome.documents.filter { $0.logicalPath != "plan.json" }
            try OutputWriting.write(documents, to: subdirectory.path)
            files += documents.map { subdirectory.appendingPathComponent($0.logicalPath).path }
        }
        for (index, input) in inputs.enumerated() {
            let result = TestCompiler.compile(file: input)
            #expect(!result.hasErrors, "\(input.lastPathComponent): \(TestCompiler.renderedDiagnostics(result))")
            let subdirectory = directory.appendingPathComponent(String(index))
            try OutputWriting.write(result.documents, to: subdirectory.path)
            files += result.documents.map { subdirectory.appendingPathComponent($0.logicalPath).path }
        }
        return (directory, files)
    }

    static func runScript(_ arguments: [String]) throws -> ProcessResult {
        guard let result = try Processes.python(script, arguments) else {
            Issue.record("python3 is not installed: the conformance tests need Python 3 with botocore")
            return ProcessResult(status: 3, stdout: "", stderr: "")
        }
        if result.status == 3 {
            Issue.record("botocore is not installed: run 'python3 -m pip install botocore' (\(result.stderr))")
        }
        return result
    }

    @Test func everyEmittedDocumentValidatesAgainstTheServiceModel() throws {
        let (directory, files) = try Self.writeAllDocuments()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(files.count >= 40)
        let result = try Self.runScript(["validate"] + files)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("checked \(files.count) documents, 0 problems"), "\(result.stdout)")
    }

    @Test func everyLeafMemberOfDistributionConfigIsExpressible() throws {
        let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/CFCGoldenTests/Fixtures")
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for name in ["kitchen-sink", "kitchen-sink-iam", "kitchen-sink-tenant"] {
            let result = TestCompiler.compile(file: fixtures.appendingPathComponent("\(name)/input.yaml"), formats: [.json])
            #expect(!result.hasErrors, "\(TestCompiler.renderedDiagnostics(result))")
            let path = directory.appendingPathComponent("\(name).json")
            try Data(result.documents.first?.bytes ?? []).write(to: path)
            files.append(path.path)
        }
        let result = try Self.runScript(["coverage"] + files)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let leaves = report?["leaves"] as? Int
        let reached = report?["reached"] as? Int
        #expect(leaves == 156, "botocore's model changed: \(result.stdout)")
        #expect(reached == leaves, "members not expressible: \(report?["missing"] ?? "")")
    }

    /// Every leaf of each companion resource's config, as botocore's model has it, is reached by
    /// the companions fixture's documents.
    @Test(arguments: CompanionKind.allCases)
    func everyLeafMemberOfACompanionIsExpressible(_ kind: CompanionKind) throws {
        let fixture = TestPaths.packageRoot.appendingPathComponent("Tests/CFCGoldenTests/Fixtures/companions/input.yaml")
        let result = TestCompiler.compile(file: fixture, formats: [.json])
        #expect(!result.hasErrors, "\(TestCompiler.renderedDiagnostics(result))")
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for document in result.documents where document.logicalPath.hasSuffix(".\(kind.fileWord).json") {
            let path = directory.appendingPathComponent(document.logicalPath)
            try Data(document.bytes).write(to: path)
            files.append(path.path)
        }
        #expect(files.count >= 2, "the fixture declares each kind at least twice")
        // A store's document is its create request, whose Tags cfc does not write for any
        // resource yet (a distribution's tags are not in its DistributionConfig either).
        let excluded = kind == .keyValueStore ? ["--exclude", "Tags"] : []
        let coverage = try Self.runScript(["coverage", "--root", kind.apiRoot] + excluded + files)
        let report = try JSONSerialization.jsonObject(with: Data(coverage.stdout.utf8)) as? [String: Any]
        let leaves = report?["leaves"] as? Int
        #expect((leaves ?? 0) > 0, "\(coverage.stdout)\(coverage.stderr)")
        #expect(report?["reached"] as? Int == leaves, "\(kind.apiRoot) members not expressible: \(report?["missing"] ?? "")")
    }

    @Test func everyEnumMatchesTheServiceModel() throws {
        let result = try Self.runScript(["enums", "DistributionConfig"] + CompanionKind.allCases.map(\.apiRoot))
        let model = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String]])
        let ours: [String: [String]] = [
            "ViewerProtocolPolicy": ViewerProtocolPolicy.allCases.map(\.rawValue),
            "OriginProtocolPolicy": OriginProtocolPolicy.allCases.map(\.rawValue),
            "SslProtocol": SSLProtocol.allCases.map(\.rawValue),
            "IpAddressType": IPAddressType.allCases.map(\.rawValue),
            "OriginGroupSelectionCriteria": OriginGroupSelectionCriteria.allCases.map(\.rawValue),
            "Method": HTTPMethod.allCases.map(\.rawValue),
            "EventType": EventType.allCases.map(\.rawValue),
            "ItemSelection": ItemSelection.allCases.map(\.rawValue),
            "PriceClass": PriceClass.allCases.map(\.rawValue),
            "SSLSupportMethod": SSLSupportMethod.allCases.map(\.rawValue),
            "MinimumProtocolVersion": MinimumProtocolVersion.allCases.map(\.rawValue),
            "CertificateSource": CertificateSource.allCases.map(\.rawValue),
            "GeoRestrictionType": GeoRestrictionType.allCases.map(\.rawValue),
            "HttpVersion": HTTPVersion.allCases.map(\.rawValue),
            "ConnectionMode": ConnectionMode.allCases.map(\.rawValue),
            "ViewerMtlsMode": ViewerMTLSMode.allCases.map(\.rawValue),
            // The companion resources'.
            "CachePolicyHeaderBehavior": CachePolicyHeaderBehavior.allCases.map(\.rawValue),
            "CachePolicyCookieBehavior": PolicyItemBehavior.allCases.map(\.rawValue),
            "CachePolicyQueryStringBehavior": PolicyItemBehavior.allCases.map(\.rawValue),
            "OriginRequestPolicyHeaderBehavior": OriginRequestPolicyHeaderBehavior.allCases.map(\.rawValue),
            "OriginRequestPolicyCookieBehavior": PolicyItemBehavior.allCases.map(\.rawValue),
            "OriginRequestPolicyQueryStringBehavior": PolicyItemBehavior.allCases.map(\.rawValue),
            "ResponseHeadersPolicyAccessControlAllowMethodsValues": ResponseHeadersPolicyAccessControlAllowMethodsValues.allCases.map(
                \.rawValue),
            "FrameOptionsList": FrameOption.allCases.map(\.rawValue),
            "ReferrerPolicyList": ReferrerPolicy.allCases.map(\.rawValue),
            "OriginAccessControlSigningProtocols": OriginAccessControlSigningProtocol.allCases.map(\.rawValue),
            "OriginAccessControlSigningBehaviors": OriginAccessControlSigningBehavior.allCases.map(\.rawValue),
            "OriginAccessControlOriginTypes": OriginAccessControlOriginType.allCases.map(\.rawValue),
            "FunctionRuntime": FunctionRuntime.allCases.map(\.rawValue),
            "ImportSourceType": ImportSourceType.allCases.map(\.rawValue),
            "ContinuousDeploymentPolicyType": ContinuousDeploymentPolicyType.allCases.map(\.rawValue),
        ]
        #expect(Set(model.keys) == Set(ours.keys), "the model's enums: \(model.keys.sorted())")
        for (name, values) in ours {
            #expect(Set(values) == Set(model[name] ?? []), "\(name): ours \(values), model \(model[name] ?? [])")
        }
    }
}
