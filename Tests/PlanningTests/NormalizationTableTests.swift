import CFCTestSupport
import Foundation
import Planning
import Testing

/// The normalization table (`APINormalization`) holds on real CloudFront output: spelling a
/// live config the ways CloudFront itself does (values it fills in or ignores, set-valued lists
/// in another order, SDK nulls) is no difference, while a changed caller reference is one.
@Suite struct NormalizationTableTests {
    static let realConfigs = TestPaths.packageRoot.appendingPathComponent("Tests/CFCImportTests/RealConfigs")
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: realConfigs.path)) ?? []).filter { $0.hasSuffix(".json") }
        .sorted()

    @Test func docsNormalizationMatchesTheTable() {
        let url = TestPaths.packageRoot.appendingPathComponent("docs/normalization.md")
        if let failure = Golden.compare(Array(APINormalization.markdown().utf8), with: url) { Issue.record(Comment(rawValue: failure)) }
    }

    @Test func everyRowHasASource() {
        for row in APINormalization.equivalences {
            #expect(row.source.contains("https://") || row.source.contains("outputs"), "\(row.member)")
        }
        for row in APINormalization.sets { #expect(row.source.contains("https://"), "\(row.member)") }
        for row in APINormalization.orderedLists { #expect(row.source.contains("https://"), "\(row.member)") }
    }

    /// The config the way CloudFront (or an SDK) could equally have returned it.
    static func respelt(_ config: inout [String: Any]) {
        func reverseItems(_ object: inout [String: Any], _ key: String) {
            guard var list = object[key] as? [String: Any], let items = list["Items"] as? [Any] else { return }
            list["Items"] = Array(items.reversed())
            object[key] = list
        }
        func respeltBehavior(_ behavior: inout [String: Any]) {
            if behavior["GrpcConfig"] == nil { behavior["GrpcConfig"] = ["Enabled": false] }
            if var allowed = behavior["AllowedMethods"] as? [String: Any] {
                reverseItems(&allowed, "CachedMethods")
                allowed["Items"] = Array(((allowed["Items"] as? [Any]) ?? []).reversed())
                behavior["AllowedMethods"] = allowed
            }
            for key in ["TrustedKeyGroups", "TrustedSigners", "LambdaFunctionAssociations", "FunctionAssociations"] {
                reverseItems(&behavior, key)
            }
            if var forwarded = behavior["ForwardedValues"] as? [String: Any] {
                reverseItems(&forwarded, "Headers")
                reverseItems(&forwarded, "QueryStringCacheKeys")
                behavior["ForwardedValues"] = forwarded
            }
        }
        if var behavior = config["DefaultCacheBehavior"] as? [String: Any] {
            respeltBehavior(&behavior)
            config["DefaultCacheBehavior"] = behavior
        }
        if var list = config["CacheBehaviors"] as? [String: Any], let items = list["Items"] as? [[String: Any]] {
            list["Items"] = items.map { item in
                var behavior = item
                respeltBehavior(&behavior)
                return behavior
            }
            config["CacheBehaviors"] = list
        }
        if var list = config["Origins"] as? [String: Any], let items = list["Items"] as? [[String: Any]] {
            list["Items"] = items.reversed().map { item in
                var origin = item
                if var s3 = origin["S3OriginConfig"] as? [String: Any], s3["OriginReadTimeout"] == nil {
                    s3["OriginReadTimeout"] = 30
                    origin["S3OriginConfig"] = s3
                }
                if origin["ResponseCompletionTimeout"] == nil { origin["ResponseCompletionTimeout"] = NSNull() }
                return origin
            }
            config["Origins"] = list
        }
        reverseItems(&config, "Aliases")
        reverseItems(&config, "CustomErrorResponses")
        if config["ContinuousDeploymentPolicyId"] == nil && config["ConnectionMode"] == nil { config["ContinuousDeploymentPolicyId"] = "" }
        if var certificate = config["ViewerCertificate"] as? [String: Any] {
            if certificate["CloudFrontDefaultCertificate"] as? Bool == true {
                certificate["SSLSupportMethod"] = "vip"
                certificate["MinimumProtocolVersion"] = "SSLv3"
                certificate["CertificateSource"] = "cloudfront"
            } else if let arn = certificate["ACMCertificateArn"] as? String {
                certificate["Certificate"] = arn
                certificate["CertificateSource"] = "acm"
            }
            config["ViewerCertificate"] = certificate
        }
    }

    static func rewrite(_ file: String, into directory: URL, _ edit: (inout [String: Any]) -> Void) throws -> URL {
        let data = try Data(contentsOf: realConfigs.appendingPathComponent(file))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        if var distribution = object["Distribution"] as? [String: Any], var config = distribution["DistributionConfig"] as? [String: Any] {
            edit(&config)
            distribution["DistributionConfig"] = config
            object["Distribution"] = distribution
        } else if var config = object["DistributionConfig"] as? [String: Any] {
            edit(&config)
            object["DistributionConfig"] = config
        } else {
            edit(&object)
        }
        let url = directory.appendingPathComponent(file)
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]).write(to: url)
        return url
    }

    /// The law: diff(L, respelt(L)) is no change, and so is plan --previous respelt(L) import(L).
    @Test(arguments: files)
    func respellingALiveConfigIsNoChange(_ file: String) throws {
        let scratch = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let live = Self.realConfigs.appendingPathComponent(file)
        let respelt = try Self.rewrite(file, into: scratch) { Self.respelt(&$0) }
        let diff = try Processes.cfc(["diff", live.path, respelt.path])
        #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)")
        let imported = scratch.appendingPathComponent("site.yaml")
        #expect(try Processes.cfc(["import", live.path, "--name", "site", "--output", imported.path]).status == 0)
        let plan = try Processes.cfc(["plan", "--previous", respelt.path, imported.path])
        #expect(plan.status == 0 && plan.stdout == "distribution site: unchanged\n", "\(plan.stdout)\(plan.stderr)")
    }

    /// What matters still shows: the caller reference identifies the distribution.
    @Test func aChangedCallerReferenceIsADifference() throws {
        let scratch = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = "awscli-get-distribution-config-output.json"
        let live = Self.realConfigs.appendingPathComponent(file)
        let changed = try Self.rewrite(file, into: scratch) { $0["CallerReference"] = "another-distribution" }
        let diff = try Processes.cfc(["diff", live.path, changed.path])
        #expect(diff.status == 1)
        #expect(diff.stdout.contains("caller-reference: cli-example → another-distribution"), "\(diff.stdout)")
        // A YAML config that writes none has a derived one, which identifies nothing.
        let imported = scratch.appendingPathComponent("site.yaml")
        #expect(try Processes.cfc(["import", live.path, "--name", "site", "--output", imported.path]).status == 0)
        let text = try String(contentsOf: imported, encoding: .utf8).split(separator: "\n").filter { !$0.contains("caller-reference:") }
        try (text.joined(separator: "\n") + "\n").write(to: imported, atomically: true, encoding: .utf8)
        let unwritten = try Processes.cfc(["diff", imported.path, live.path])
        #expect(unwritten.status == 0, "\(unwritten.stdout)\(unwritten.stderr)")
    }
}
