import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Foundation
import Testing

/// Real CloudFront output (see RealConfigs/PROVENANCE.md): import reproduces it member for
/// member, and planning the import against it finds nothing to do.
@Suite struct RealConfigTests {
    static let directory = TestPaths.packageRoot.appendingPathComponent("Tests/CFCImportTests/RealConfigs")
    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".json") || $0.hasSuffix(".xml") }.sorted()

    @Test func everyFileHasItsSource() throws {
        let provenance = try String(contentsOf: Self.directory.appendingPathComponent("PROVENANCE.md"), encoding: .utf8)
        #expect(!Self.files.isEmpty)
        for file in Self.files { #expect(provenance.contains("`\(file)`"), "\(file) has no source in PROVENANCE.md") }
    }

    @Test(arguments: files)
    func importThenPlanIsUnchanged(_ file: String) throws {
        let live = Self.directory.appendingPathComponent(file)
        let scratch = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let imported = scratch.appendingPathComponent("site.yaml")
        let result = try Processes.cfc(["import", live.path, "--name", "site", "--output", imported.path])
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try Processes.cfc(["plan", "--previous", live.path, imported.path])
        #expect(plan.status == 0, "exit 0 means nothing to do:\n\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout == "distribution site: unchanged\n", "\(plan.stdout)")
    }

    /// What cfc's checks say about each real config, as import records it (its baseline), in
    /// one reviewed file: a rule change that adds or drops a finding on real configs shows up
    /// in review. Regenerate with `UPDATE_GOLDENS=1 swift test --filter RealConfigTests`.
    @Test func findingsOnRealConfigsAreAsReviewed() throws {
        var text =
            "# Findings on the real configs\n\nWhat `cfc import` records as the baseline for each file of this\n"
            + "directory (rule, severity, where). Reviewed: each is what the rule means to say about that\n"
            + "config. Regenerate with `UPDATE_GOLDENS=1 swift test --filter RealConfigTests`.\n"
        for file in Self.files {
            let outcome = ImportCommand.run(Self.directory.appendingPathComponent(file).path, name: "site")
            #expect(outcome.yaml != nil, "\(file)")
            text += "\n## \(file)\n\n"
            let lines = outcome.baseline.map { "- \($0.id.rawValue) (\($0.severity.rawValue)) at \($0.configPath ?? "")" }.sorted()
            text += lines.isEmpty ? "none\n" : lines.joined(separator: "\n") + "\n"
        }
        if let failure = Golden.compare(Array(text.utf8), with: Self.directory.appendingPathComponent("FINDINGS.md")) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    /// A document of an older API version imports, and what the current API requires of it is
    /// said: the 2014 GetDistribution example has an IAM certificate without SSLSupportMethod,
    /// which the 2020-05-31 API requires, so compile refuses it while check honours the baseline.
    @Test func olderAPIVersionsImportAndSayWhatTheCurrentAPIRequires() throws {
        let older = Self.directory.appendingPathComponent("older-api-versions")
        let provenance = try String(contentsOf: older.appendingPathComponent("PROVENANCE.md"), encoding: .utf8)
        let scratch = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = "botocore-get-distribution-iamcert-2014.xml"
        #expect(provenance.contains("`\(file)`"))
        let imported = scratch.appendingPathComponent("site.yaml")
        let result = try Processes.cfc(["import", older.appendingPathComponent(file).path, "--name", "site", "--output", imported.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("[certificates.missing_ssl_support_method]"), "\(result.stderr)")
        #expect(try Processes.cfc(["check", imported.path]).status == 0)
        let compile = try Processes.cfc(["compile", imported.path])
        #expect(compile.status == 1 && compile.stderr.contains("[certificates.missing_ssl_support_method]"), "\(compile.stderr)")
    }

    /// Lists CloudFront treats as sets compare as sets: reversing the methods (and aliases) of a
    /// live config is no change, while adding a method is one.
    @Test(arguments: files.filter { $0.hasSuffix(".json") })
    func reorderedSetsAreNoChange(_ file: String) throws {
        let live = Self.directory.appendingPathComponent(file)
        let scratch = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: live)) as? [String: Any])
        func edit(_ config: inout [String: Any], _ change: ([String]) -> [String]) {
            var behavior = config["DefaultCacheBehavior"] as? [String: Any] ?? [:]
            var allowed = behavior["AllowedMethods"] as? [String: Any] ?? [:]
            let items = change(allowed["Items"] as? [String] ?? [])
            // A config that leaves AllowedMethods out (the 2015 example) has nothing to reorder.
            if items.isEmpty { return }
            allowed["Items"] = items
            allowed["Quantity"] = items.count
            if var cached = allowed["CachedMethods"] as? [String: Any] {
                cached["Items"] = Array((cached["Items"] as? [String] ?? []).reversed())
                allowed["CachedMethods"] = cached
            }
            behavior["AllowedMethods"] = allowed
            config["DefaultCacheBehavior"] = behavior
        }
        func rewritten(_ change: @escaping ([String]) -> [String]) throws -> URL {
            var copy = object
            if var distribution = copy["Distribution"] as? [String: Any], var config = distribution["DistributionConfig"] as? [String: Any]
            {
                edit(&config, change)
                distribution["DistributionConfig"] = config
                copy["Distribution"] = distribution
            } else if var config = copy["DistributionConfig"] as? [String: Any] {
                edit(&config, change)
                copy["DistributionConfig"] = config
            } else {
                edit(&copy, change)
            }
            let url = scratch.appendingPathComponent(UUID().uuidString + ".json")
            try JSONSerialization.data(withJSONObject: copy).write(to: url)
            return url
        }
        let reordered = try rewritten { Array($0.reversed()) }
        let same = try Processes.cfc(["diff", live.path, reordered.path])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        let widened = try rewritten { $0.count == 7 ? ["GET", "HEAD"] : ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"] }
        let changed = try Processes.cfc(["diff", live.path, widened.path])
        #expect(changed.status == 1, "\(changed.stdout)\(changed.stderr)")
        #expect(changed.stdout.contains("allowed-methods"), "\(changed.stdout)")
    }
}
