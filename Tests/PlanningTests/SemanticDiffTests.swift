import DistributionIR
import DistributionLanguage
import Planning
import Testing
import YAMLSyntax

/// What a diff leaves out comes from the catalog, not from a list of keys in the diff: members
/// cfc never sends (`apiName` nil) and members CloudFront fixes at creation (`isFixedAfterCreate`).
@Suite struct SemanticDiffTests {
    @Test func keysThatAreNotDeployedNeverDiffer() {
        var old = DistributionConfig()
        old.cacheBehaviors = [CacheBehavior()]
        old.cacheBehaviors[0].pathPattern = "/api/*"
        var new = old
        new.callerReference = "cfc-other"
        new.defaultCacheBehavior.ignore = ["https.redirect_billing"]
        new.cacheBehaviors[0].ignore = ["ordering.catch_all_behavior"]
        #expect(SemanticDiff.compare(old: old, new: new).isEmpty)

        new.comment = "changed"
        #expect(SemanticDiff.compare(old: old, new: new).map(\.path) == ["comment"])
    }

    /// The deployed export holds no key the catalog marks as not deployed, at the top level and
    /// in cache behaviors, whatever the values.
    @Test func theDeployedExportFollowsTheCatalog() {
        var distribution = Distribution(name: "www")
        distribution.policy.requireHTTPS = ["*"]
        distribution.policy.ignore = ["https.redirect_billing"]
        distribution.config.cacheBehaviors = [CacheBehavior()]
        distribution.config.cacheBehaviors[0].ignore = ["ordering.catch_all_behavior"]
        let notDeployed = Set(Distribution.catalog.members.filter { $0.apiName == nil || $0.isFixedAfterCreate }.compactMap(\.key))
        let behaviorOnly = Set(CacheBehavior.catalog.members.filter { $0.apiName == nil }.compactMap(\.key))
        #expect(notDeployed.isSuperset(of: ["caller-reference", "require-https", "require-origin-https", "ignore", "pattern-search-steps"]))
        #expect(behaviorOnly.contains("ignore"))

        guard case .mapping(let pairs) = StructureCodec<Distribution>().export(distribution, style: .complete.deployed) else {
            Issue.record("not a mapping")
            return
        }
        #expect(Set(pairs.map(\.key)).isDisjoint(with: notDeployed))
        let behaviors = pairs.first { $0.key == "cache-behaviors" }?.value
        guard case .sequence(let items)? = behaviors, case .mapping(let behavior)? = items.first else {
            Issue.record("no cache behaviors in \(String(describing: behaviors))")
            return
        }
        #expect(Set(behavior.map(\.key)).isDisjoint(with: behaviorOnly))
        // The complete export, for import and fmt, still has them.
        guard case .mapping(let all) = StructureCodec<Distribution>().export(distribution, style: .complete) else { return }
        #expect(Set(all.map(\.key)).isSuperset(of: notDeployed))
    }
}
