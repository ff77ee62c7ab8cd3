import APIDocument
import CFCTestSupport
import DistributionLanguage
import Foundation
import Testing

/// The generator behind the import property tests must reach every member of the service model:
/// a member it never sets is a member the round-trip law is never tested on. botocore's own
/// model (through `botocore_conformance.py`, the script the conformance tests use) lists the
/// leaf members of DistributionConfig; every one must appear in at least one generated config,
/// and every generated config must be valid input for the API.
@Suite struct GeneratorCoverageTests {
    static let script = "Tests/CFCConformanceTests/botocore_conformance.py"
    /// Large enough that every variant the assertions need (the rarest, a member left out of a
    /// `Logging` block, comes up in about 3.6% of configs) is met with near certainty for any
    /// seed: 0.964^400 ≈ 4e-7.
    static let sample = 400

    /// Leaves that take one value in every valid config: an origin group has exactly two members.
    static let singleValued: Set<String> = ["OriginGroups.Items[].Members.Quantity"]

    /// Optional members the generator never leaves out. It leaves out, now and then, every
    /// member botocore's model (CloudFront 2020-05-31) does not list as required, because cfc can
    /// leave each one out too: `null` in YAML, which `cfc import` writes for a live config
    /// without the member (`OmittedMemberTests` checks them one at a time). Only a member the API
    /// documents as present in every config it accepts could belong here, and neither the model
    /// nor the API reference documents one. Kept exact: a member added here needs that evidence
    /// quoted beside it.
    static let alwaysSent: Set<String> = []

    @Test func generatedConfigsReachEveryLeafMemberAndAreValid() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for index in 0..<Self.sample {
            let seed = ImportRoundTripTests.seed &+ 90_000 &+ UInt64(index)
            let (_, json, xml) = try ImportRoundTripTests.canonicalDocument(seed: seed)
            let base = directory.appendingPathComponent("generated-\(index)")
            try Data(json).write(to: base.appendingPathExtension("json"))
            try Data(xml).write(to: base.appendingPathExtension("xml"))
            files.append(base.appendingPathExtension("json").path)
        }
        guard let coverage = try Processes.python(Self.script, ["coverage"] + files) else {
            Issue.record("python3 is not installed: the coverage test needs Python 3 with botocore")
            return
        }
        #expect(coverage.status == 0, "\(coverage.stderr)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(coverage.stdout.utf8)) as? [String: Any],
            "\(coverage.stdout)\(coverage.stderr)")
        let leaves = try #require(report["leaves"] as? Int)
        let missing = report["missing"] as? [String] ?? ["?"]
        #expect(leaves >= 156, "botocore's model lists fewer leaves than cfc knows: \(coverage.stdout)")
        #expect(missing.isEmpty, "no generated config (base seed \(ImportRoundTripTests.seed)) sets: \(missing.joined(separator: ", "))")
        let constant = Set(report["constant"] as? [String] ?? ["?"])
        #expect(
            constant == Self.singleValued,
            "never varied (base seed \(ImportRoundTripTests.seed)): \(constant.subtracting(Self.singleValued).sorted())")
        let neverAbsent = Set(report["never_absent"] as? [String] ?? ["?"])
        #expect(
            neverAbsent.subtracting(Self.alwaysSent).isEmpty,
            "optional members never left out (base seed \(ImportRoundTripTests.seed)): \(neverAbsent.subtracting(Self.alwaysSent).sorted())"
        )
        #expect(
            Self.alwaysSent.subtracting(neverAbsent).isEmpty,
            "now left out by some config, so no longer always sent: \(Self.alwaysSent.subtracting(neverAbsent).sorted())")

        let xmlFiles = files.map { String($0.dropLast(".json".count)) + ".xml" }
        let validation = try #require(try Processes.python(Self.script, ["validate"] + files + xmlFiles))
        #expect(
            validation.status == 0,
            "base seed \(ImportRoundTripTests.seed): \(validation.stdout.suffix(3000))\(validation.stderr.suffix(3000))")
    }
}
