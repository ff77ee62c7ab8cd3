import CFCTestSupport
import Foundation
import Testing

/// `cfc apply` with companion resources, against the fake aws CLI: they are created (or found
/// by name) and recorded before the distributions that name them, updated with their ETags,
/// and deleted after the last distribution stops naming them.
@Suite(.enabled(if: PythonTools.available(["json"]), "needs python3"))
struct CompanionApplyTests {
    static let site = """
        version: 1
        distributions:
          site:
            comment: companions
            origins:
              bucket:
                domain-name: site-bucket.s3.us-east-1.amazonaws.com
                origin-access-control: site-oac
            default-cache-behavior:
              target-origin-id: bucket
              viewer-protocol-policy: redirect-to-https
              cache-policy: static
        cache-policies:
          static:
            min-ttl: 60
            default-ttl: 3600
            max-ttl: 86400
        origin-access-controls:
          site-oac: {signing-behavior: always, signing-protocol: sigv4, origin-access-control-origin-type: s3}

        """

    private func workspace() throws -> FakeAWSWorkspace {
        let w = try FakeAWSWorkspace()
        try Self.site.write(to: w.directory.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        return w
    }

    private func store(_ w: FakeAWSWorkspace, _ word: String) throws -> [String: [String: Any]] {
        (try w.database()[word] as? [String: [String: Any]]) ?? [:]
    }

    @Test func companionsAreCreatedFirstAndTheDistributionNamesTheirIDs() throws {
        let w = try workspace()
        defer { w.remove() }
        let planned = try Processes.cfc(["plan", "site.yaml"], currentDirectory: w.directory)
        #expect(planned.status == 2, "\(planned.stderr)")
        #expect(planned.stdout.hasPrefix("cache policy static: create (its id is known after apply)\n"), "\(planned.stdout)")
        #expect(
            planned.stdout.contains("aws cloudfront create-cache-policy --cache-policy-config file://static.cache-policy.json"),
            "\(planned.stdout)")
        #expect(planned.stdout.contains("origin access control site-oac: create"), "\(planned.stdout)")

        let applied = try w.apply()
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let calls = try w.calls()
        let policy = try #require(calls.firstIndex(of: "cloudfront create-cache-policy"))
        let control = try #require(calls.firstIndex(of: "cloudfront create-origin-access-control"))
        let distribution = try #require(calls.firstIndex(of: "cloudfront create-distribution"))
        #expect(policy < distribution && control < distribution, "\(calls)")

        let policyID = try #require(try store(w, "cache-policy").keys.first)
        let controlID = try #require(try store(w, "origin-access-control").keys.first)
        let config = try #require(try w.distributions().values.first?["config"] as? [String: Any])
        let behavior = try #require(config["DefaultCacheBehavior"] as? [String: Any])
        #expect(behavior["CachePolicyId"] as? String == policyID)
        let origin = try #require(((config["Origins"] as? [String: Any])?["Items"] as? [[String: Any]])?.first)
        #expect(origin["OriginAccessControlId"] as? String == controlID)

        let state = try w.state()
        #expect(state.contains("\"cache-policies\"") && state.contains(policyID) && state.contains(controlID), "\(state)")
        // Now compile resolves the names through the state file, and nothing is left to do.
        let compiled = try Processes.cfc(["compile", "site.yaml", "--output", "out"], currentDirectory: w.directory)
        #expect(compiled.status == 0 && compiled.stderr.isEmpty, "\(compiled.stderr)")
        let written = try String(contentsOf: w.directory.appendingPathComponent("out/site.distribution.json"), encoding: .utf8)
        #expect(written.contains(policyID) && written.contains(controlID))
        let again = try w.apply()
        #expect(again.status == 0 && again.stdout.contains("nothing to do"), "\(again.stdout)")
    }

    @Test func aChangedCompanionIsUpdatedWithItsETag() throws {
        let w = try workspace()
        defer { w.remove() }
        #expect(try w.apply().status == 0)
        try w.edit("default-ttl: 3600", "default-ttl: 7200")
        let planned = try Processes.cfc(["plan", "--refresh", "--aws", w.awsPath, "site.yaml"], currentDirectory: w.directory)
        #expect(planned.stdout.contains("cache policy static: update ("), "\(planned.stdout)\(planned.stderr)")
        let updated = try w.apply()
        #expect(updated.status == 0, "\(updated.stdout)\(updated.stderr)")
        #expect(try w.calls().contains("cloudfront update-cache-policy"))
        #expect(!(try w.calls().contains("cloudfront update-distribution")), "the distribution names the same id")
        let policy = try #require(try store(w, "cache-policy").values.first?["config"] as? [String: Any])
        #expect(policy["DefaultTTL"] as? Int == 7200)
    }

    @Test func aCompanionNoLongerDeclaredIsDeletedAfterTheDistributionLetsGoOfIt() throws {
        let w = try workspace()
        defer { w.remove() }
        #expect(try w.apply().status == 0)
        try w.edit("cache-policy: static", "cache-policy: CachingOptimized")
        try w.edit("cache-policies:\n  static:\n    min-ttl: 60\n    default-ttl: 3600\n    max-ttl: 86400\n", "")
        // Without --allow-delete it is kept: configs sharing a state file do not delete each
        // other's companions.
        let kept = try w.apply()
        #expect(kept.status == 0, "\(kept.stdout)\(kept.stderr)")
        #expect(
            kept.stdout.contains("cache policy static (") && kept.stdout.contains("not deleted (--allow-delete deletes it)"),
            "\(kept.stdout)")
        #expect(!(try w.calls().contains("cloudfront delete-cache-policy")))
        #expect(try store(w, "cache-policy").count == 1)
        let applied = try w.apply(["--allow-delete"])
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let calls = try w.calls()
        let update = try #require(calls.lastIndex(of: "cloudfront update-distribution"))
        let delete = try #require(calls.lastIndex(of: "cloudfront delete-cache-policy"))
        #expect(update < delete, "\(calls)")
        #expect(try store(w, "cache-policy").isEmpty)
        #expect(!(try w.state().contains("cache-policies")))
    }

    /// Killed after CloudFront made the policy and before cfc recorded it: the next run finds
    /// it by name, records it, and makes no second one.
    @Test func aCompanionMadeButNotRecordedIsFoundByName() throws {
        let w = try workspace()
        defer { w.remove() }
        try w.setFaults(["FAKE_AWS_KILL": "create-cache-policy#1@after"])
        let killed = try w.apply()
        #expect(killed.status != 0)
        #expect(try store(w, "cache-policy").count == 1)
        try w.setFaults([:])
        let resumed = try w.apply()
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(resumed.stdout.contains("made by an earlier run with this name"), "\(resumed.stdout)")
        #expect(try store(w, "cache-policy").count == 1)
        #expect(try w.distributions().count == 1)
    }

    /// Changed outside cfc since cfc applied it (another ETag): refused, as a drifted
    /// distribution is, unless --overwrite-drift.
    @Test func aCompanionChangedOutsideCfcIsDrift() throws {
        let w = try workspace()
        defer { w.remove() }
        #expect(try w.apply().status == 0)
        let drift = ["drift", "site.yaml", "--aws", w.awsPath]
        let clean = try Processes.cfc(drift, currentDirectory: w.directory)
        #expect(
            clean.status == 0 && clean.stdout.contains("cache policy static (") && clean.stdout.contains("): no drift"),
            "\(clean.stdout)\(clean.stderr)")
        // Someone changes the policy with the aws CLI.
        let id = try #require(try store(w, "cache-policy").keys.first)
        let etag = try #require(try store(w, "cache-policy")[id]?["etag"] as? String)
        let outside = w.directory.appendingPathComponent("outside.json")
        var document = try #require(try store(w, "cache-policy")[id]?["config"] as? [String: Any])
        document["DefaultTTL"] = 60
        try JSONSerialization.data(withJSONObject: document).write(to: outside)
        let changed = try Processes.run(
            URL(fileURLWithPath: w.awsPath),
            [
                "cloudfront", "update-cache-policy", "--id", id, "--if-match", etag,
                "--cache-policy-config", "file://" + outside.path,
            ])
        #expect(changed.status == 0, "\(changed.stderr)")
        let drifted = try Processes.cfc(drift, currentDirectory: w.directory)
        #expect(drifted.status == 2, "\(drifted.stderr)")
        #expect(
            drifted.stdout.contains(
                "cache policy static (\(id)): changed outside cfc since cfc applied it; applying the config would change:\n  DefaultTTL: 60 → 3600\n"
            ),
            "\(drifted.stdout)")
        let report = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try Processes.cfc(drift + ["--format", "json"], currentDirectory: w.directory).stdout.utf8)) as? [String: Any])
        let finding = try #require((report["companions"] as? [[String: Any]])?.first { $0["name"] as? String == "static" })
        #expect(finding["status"] as? String == "drifted" && report["drifted"] as? Bool == true)
        let refused = try w.apply()
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains("cache policy static (\(id)) was changed outside cfc") && refused.stderr.contains("[apply.drift]"),
            "\(refused.stderr)")
        #expect(refused.stderr.hasPrefix("site.yaml:14:3: error:"), "at the policy's name: \(refused.stderr)")
        let overwritten = try w.apply(["--overwrite-drift"])
        #expect(overwritten.status == 0, "\(overwritten.stderr)")
        #expect(try w.apply().stdout.contains("nothing to do"))
    }

    /// A reviewed plan creates its companions, then sends the distribution's document as
    /// written, its placeholders replaced by the ids; applied again once they exist, it is stale.
    @Test func aSavedPlanCreatesCompanionsAndFillsInTheirIDs() throws {
        let w = try workspace()
        defer { w.remove() }
        let planned = try Processes.cfc(["plan", "site.yaml", "--output", "plan"], currentDirectory: w.directory)
        #expect(planned.status == 2, "\(planned.stderr)")
        #expect(
            planned.stdout.contains("names origin access control 'site-oac', cache policy 'static', known after apply"), "\(planned.stdout)"
        )
        let reviewed = try String(contentsOf: w.directory.appendingPathComponent("plan/site.distribution.json"), encoding: .utf8)
        #expect(reviewed.contains("(cache policy 'static', known after apply)"))
        let applied = try w.apply(target: "plan")
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let policyID = try #require(try store(w, "cache-policy").keys.first)
        let controlID = try #require(try store(w, "origin-access-control").keys.first)
        let sent = try #require(try w.distributions().values.first?["config"] as? [String: Any])
        let expected = reviewed.replacingOccurrences(of: "(cache policy 'static', known after apply)", with: policyID)
            .replacingOccurrences(of: "(origin access control 'site-oac', known after apply)", with: controlID)
        let expectedObject = try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? NSDictionary
        #expect(expectedObject == sent as NSDictionary, "the reviewed document, with the ids filled in")
        let stale = try w.apply(target: "plan")
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("[apply.plan_stale]") && stale.stderr.contains("cache policy static"), "\(stale.stderr)")
    }

    /// A saved plan whose companion document was edited is refused before anything is sent.
    @Test func anEditedCompanionDocumentIsRefused() throws {
        let w = try workspace()
        defer { w.remove() }
        #expect(try Processes.cfc(["plan", "site.yaml", "--output", "plan"], currentDirectory: w.directory).status == 2)
        try w.edit("3600", "60", file: "plan/static.cache-policy.json")
        let refused = try w.apply(target: "plan")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("static.cache-policy.json is not the document this plan was made with"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: w.directory.appendingPathComponent("aws/calls.log").path), "no aws call was made")
    }

    /// Two configs applied together cannot both declare one name: CloudFront would hold one
    /// resource, and whichever config ran second would silently overwrite the other's.
    @Test func twoConfigsDeclaringOneCompanionAreRefusedBeforeAnyCall() throws {
        let w = try workspace()
        defer { w.remove() }
        let other = Self.site.replacingOccurrences(of: "  site:\n", with: "  other:\n")
            .replacingOccurrences(of: "comment: companions", with: "comment: other")
        try other.write(to: w.directory.appendingPathComponent("other.yaml"), atomically: true, encoding: .utf8)
        let refused = try Processes.cfc(
            ["apply", "site.yaml", "other.yaml", "--yes", "--aws", w.awsPath],
            currentDirectory: w.directory)
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "other.yaml:14:3: error: cache policy 'static' is declared by more than one of the configs [apply.duplicate_companion]"),
            "\(refused.stderr)")
        #expect(refused.stderr.contains("site.yaml:14:3: note: the other declaration of 'static'"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: w.directory.appendingPathComponent("aws/calls.log").path), "no aws call was made")
    }

    /// `cfc drift` over companions: one not made yet, and one deleted outside cfc.
    @Test func driftSaysWhichCompanionsAreMissing() throws {
        let w = try workspace()
        defer { w.remove() }
        let drift = ["drift", "site.yaml", "--aws", w.awsPath]
        #expect(try w.apply().status == 0)
        let id = try #require(try store(w, "origin-access-control").keys.first)
        // Deleting it is refused while the distribution names it; the fake's database is edited instead.
        var database = try w.database()
        database["origin-access-control"] = [String: Any]()
        try JSONSerialization.data(withJSONObject: database).write(to: w.directory.appendingPathComponent("aws/db.json"))
        let deleted = try Processes.cfc(drift, currentDirectory: w.directory)
        #expect(deleted.status == 2, "\(deleted.stderr)")
        #expect(
            deleted.stdout.contains("origin access control site-oac (\(id)): deleted outside cfc; cfc apply makes it again"),
            "\(deleted.stdout)")

        try w.edit("cache-policies:\n  static:\n", "cache-policies:\n  other:\n    min-ttl: 1\n  static:\n")
        let notCreated = try Processes.cfc(drift, currentDirectory: w.directory)
        #expect(notCreated.stdout.contains("cache policy other: not in the state file (not created yet)"), "\(notCreated.stdout)")
    }
}
