import CFCTestSupport
import DistributionIR
import DistributionLanguage
import Testing
import YAMLSyntax

@testable import Planning

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
        #expect(
            notDeployed.isSuperset(of: ["caller-reference", "require-https", "require-origin-https", "ignore", "pattern-search-steps"]))
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
        // Except the names of companions (`continuous-deployment-policy: canary`): the IR holds
        // the id a name resolves to, and cannot say which name it was.
        let companionNames = Set(CompanionKind.allCases.map(\.fileWord))
        #expect(Set(all.map(\.key)).isSuperset(of: notDeployed.subtracting(companionNames)))
    }
}

/// The merge of reasons finds the paths a kept path covers by binary search; it must find
/// exactly what comparing with every path finds.
@Suite struct CoverageIndexTests {
    @Test func findsWhatComparingWithEveryPathFinds() {
        var random = SeededRandom(seed: SeededRandom.seed(0x434F_5645))
        let pieces = ["/", "a", "b", "é", "%20", "x/", "*"]
        for _ in 0..<200 {
            let paths = Set(
                (0..<Int.random(in: 1...30, using: &random)).map { _ in
                    "/" + (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
                }
            ).filter { !$0.dropLast().contains("*") }
            let index = CoverageIndex(Array(paths))
            for path in paths {
                let expected = paths.filter { InvalidationPaths.covers(path, $0.hasSuffix("*") ? String($0.dropLast()) : $0) }.sorted()
                #expect(index.keys(coveredBy: path).sorted() == expected, "\(path) in \(paths.sorted())")
            }
        }
    }
}
