import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionIR
import Foundation
import PathPatterns
import Planning
import Routing
import Testing

/// Golden plans: each folder of `Scenarios/` holds `old.yaml` (or `old.json`), `new.yaml`, and
/// optionally `changed-paths.txt` and `args` (`max-paths=3` lines); the plan's text and JSON
/// and the invalidation batch are compared with `expected.*` files
/// (`UPDATE_GOLDENS=1 swift test --filter PlanScenarioTests` rewrites them).
@Suite struct PlanScenarioTests {
    static let root = TestPaths.packageRoot.appendingPathComponent("Tests/PlanningTests/Scenarios")

    static var scenarios: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
    }

    static func request(for name: String) throws -> PlanCommand.Request {
        let directory = root.appendingPathComponent(name)
        let old = ["old.yaml", "old.json", "old.xml"].map { directory.appendingPathComponent($0).path }
            .first { FileManager.default.fileExists(atPath: $0) }
        var request = PlanCommand.Request(previous: old, new: directory.appendingPathComponent("new.yaml").path)
        let changed = directory.appendingPathComponent("changed-paths.txt").path
        if FileManager.default.fileExists(atPath: changed) { request.changedPaths = changed }
        if let args = try? String(contentsOf: directory.appendingPathComponent("args"), encoding: .utf8) {
            for line in args.split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                switch parts[0] {
                case "max-paths": request.budget.maxPaths = Int(parts[1]) ?? 3000
                case "free-paths-left": request.budget.freePathsLeft = Int(parts[1]) ?? 1000
                case "distribution-id": request.distributionID = parts[1]
                default: Issue.record("unknown argument \(parts[0]) in \(name)/args")
                }
            }
        }
        return request
    }

    @Test(arguments: scenarios)
    func scenario(_ name: String) throws {
        let directory = Self.root.appendingPathComponent(name)
        let outcome = PlanCommand.run(try Self.request(for: name))
        let errors = outcome.diagnostics.filter { $0.severity == .error && !$0.isSuppressed }
        #expect(errors.isEmpty, "\(errors)")
        let plan = try #require(outcome.plan)
        // The text names the scenario files relative to the package, so goldens do not depend
        // on where the repository is checked out.
        for (file, bytes) in [("expected.plan.txt", plan.renderText()), ("expected.plan.json", plan.renderJSON())] {
            if let failure = Golden.compare(bytes, with: directory.appendingPathComponent(file)) { Issue.record(Comment(rawValue: failure)) }
        }
        for document in outcome.documents where document.logicalPath.hasSuffix(".invalidation.json") {
            if let failure = Golden.compare(document.bytes, with: directory.appendingPathComponent("expected.invalidation.json")) {
                Issue.record(Comment(rawValue: failure))
            }
        }
        for entry in plan.entries {
            // Minimal: no path is covered by another path of the plan.
            for path in entry.invalidation.paths {
                let others = entry.invalidation.paths.filter { $0 != path }
                let target = path.hasSuffix("*") ? String(path.dropLast()) : path
                #expect(!others.contains { InvalidationPaths.covers($0, target) }, "\(name): \(path) is covered by another path")
            }
            #expect(entry.invalidation.paths.filter { $0.hasSuffix("*") }.count <= 15)
            #expect(entry.invalidation.paths.allSatisfy { $0.hasPrefix("/") && !$0.dropLast().contains("*") })
        }
    }

    /// Sufficient: for random object paths, every path whose serving behavior or origin changed
    /// is covered by an invalidation path of the plan.
    @Test(arguments: scenarios)
    func everyChangedPathIsInvalidated(_ name: String) throws {
        let request = try Self.request(for: name)
        let outcome = PlanCommand.run(request)
        guard let plan = outcome.plan, let previousPath = request.previous else { return }
        let old = try #require(ConfigInput.read(previousPath, name: "www", options: CompileOptions(), sink: DiagnosticCollector()))
        for entry in plan.entries {
            guard let before = old.distributions.first(where: { $0.name == entry.distribution.name }) ?? old.distributions.first else { continue }
            let oldConfig = APINormalization.normalize(before.config)
            let newConfig = APINormalization.normalize(entry.distribution.config)
            let oldRouting = RoutingTable(Distribution(name: "old", config: oldConfig))
            let newRouting = RoutingTable(Distribution(name: "new", config: newConfig))
            var literals = Set<String>()
            for behavior in oldRouting.behaviors + newRouting.behaviors {
                for case .literal(let scalar) in behavior.pattern.tokens { literals.insert(String(scalar)) }
            }
            let alphabet = Array(literals.union(["x", "/", "."])).sorted()
            var random = SplitMix(seed: 0xC0FFEE &+ UInt64(name.utf8.count))
            for _ in 0..<3000 {
                var path = "/"
                for _ in 0..<Int.random(in: 0...14, using: &random) { path += alphabet.randomElement(using: &random) ?? "x" }
                let oldBehavior = oldRouting.behaviors[oldRouting.route(path)]
                let newBehavior = newRouting.behaviors[newRouting.route(path)]
                guard servingChanged(oldBehavior, newBehavior, oldConfig, newConfig, oldRouting, newRouting) else { continue }
                let encoded = InvalidationPaths.encode(path)
                #expect(entry.invalidation.paths.contains { InvalidationPaths.covers($0, encoded) },
                        "\(name): \(path) changed (\(oldBehavior.displayName) → \(newBehavior.displayName)) but no path covers it")
            }
        }
    }

    func servingChanged(
        _ old: RoutedBehavior, _ new: RoutedBehavior, _ oldConfig: DistributionConfig, _ newConfig: DistributionConfig,
        _ oldRouting: RoutingTable, _ newRouting: RoutingTable
    ) -> Bool {
        if old.isDefault != new.isDefault || old.pattern.normalized != new.pattern.normalized { return true }
        if old.behavior.targetOriginId != new.behavior.targetOriginId { return true }
        let oldOrigins = RoutingTable.origins(targetedBy: old.behavior.targetOriginId, in: oldConfig)
        for id in RoutingTable.origins(targetedBy: new.behavior.targetOriginId, in: newConfig) {
            guard let newOrigin = newConfig.origin(withID: id) else { continue }
            guard oldOrigins.contains(id), let oldOrigin = oldConfig.origin(withID: id) else { return true }
            if oldOrigin.domainName != newOrigin.domainName || oldOrigin.originPath != newOrigin.originPath { return true }
            let wasHTTP = fetchesHTTP(oldOrigin, oldRouting, oldConfig)
            if wasHTTP && !fetchesHTTP(newOrigin, newRouting, newConfig) { return true }
        }
        return false
    }

    func fetchesHTTP(_ origin: Origin, _ routing: RoutingTable, _ config: DistributionConfig) -> Bool {
        if origin.customOriginConfig?.originProtocolPolicy == .httpOnly { return true }
        if origin.customOriginConfig?.originProtocolPolicy == .httpsOnly { return false }
        return routing.behaviors.indices.contains { position in
            routing.isReachable[position] && routing.behaviors[position].behavior.viewerProtocolPolicy == .allowAll
                && RoutingTable.origins(targetedBy: routing.behaviors[position].behavior.targetOriginId, in: config).contains(origin.id)
        }
    }

    /// No phantom diffs from members a live config leaves out: a config without `Aliases`,
    /// `Logging`, `OriginShield`, `TrustedSigners`… is the same distribution as YAML that keeps
    /// cfc's defaults for them (CloudFront reads each absence as that default).
    @Test func membersLeftOutOfALiveConfigAreNotChanges() throws {
        let fixture = TestPaths.packageRoot.appendingPathComponent("Tests/CFCImportTests/Fixtures/legacy-website")
        var document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: fixture.appendingPathComponent("input.json"))) as? [String: Any])
        var config = try #require(document["DistributionConfig"] as? [String: Any])
        for name in ["Aliases", "OriginGroups", "CacheBehaviors", "CustomErrorResponses", "Logging", "Restrictions"] {
            config[name] = nil
        }
        var behavior = try #require(config["DefaultCacheBehavior"] as? [String: Any])
        for name in ["TrustedSigners", "TrustedKeyGroups", "LambdaFunctionAssociations", "FunctionAssociations"] { behavior[name] = nil }
        config["DefaultCacheBehavior"] = behavior
        var origins = try #require(config["Origins"] as? [String: Any])
        var items = try #require(origins["Items"] as? [[String: Any]])
        items[0]["CustomHeaders"] = nil
        items[0]["OriginShield"] = nil
        origins["Items"] = items
        config["Origins"] = origins
        document["DistributionConfig"] = config
        let old = TestPaths.makeTemporaryDirectory().appendingPathComponent("live.json")
        try JSONSerialization.data(withJSONObject: document).write(to: old)
        let outcome = DiffCommand.run(old: old.path, new: fixture.appendingPathComponent("expected.yaml").path, distribution: "legacy-website")
        #expect(outcome.diagnostics.filter { $0.severity == .error }.isEmpty, "\(outcome.diagnostics.map(\.summary))")
        #expect(!outcome.differ, "\(outcome.changes.flatMap(\.changes).map(\.text))")
    }

    /// "No cookies by name" is shown the way cfc writes it by default whichever way a side
    /// spells it: a removed block of legacy settings reads `{query-string: false}`, not with an
    /// empty `whitelisted-names` the config never wrote; and no names against empty names is no
    /// change.
    @Test func noCookieNamesIsShownAsTheDefault() {
        var old = DistributionConfig()
        var forwarded = ForwardedValues()
        forwarded.cookies.sentWhitelistedNames = nil
        old.defaultCacheBehavior.forwardedValues = forwarded
        old.defaultCacheBehavior.cachePolicyId = "658327ea-f89d-4fab-a63d-7e88639e58f6"
        var new = old
        new.defaultCacheBehavior.forwardedValues = nil
        let removed = SemanticDiff.compare(old: old, new: new).filter { $0.path == "default-cache-behavior.forwarded-values" }
        #expect(removed.map(\.text) == ["default-cache-behavior.forwarded-values: removed (was {query-string: false})"])

        var empty = old
        empty.defaultCacheBehavior.forwardedValues?.cookies.sentWhitelistedNames = []
        #expect(SemanticDiff.compare(old: old, new: empty).isEmpty)
        #expect(SemanticDiff.compare(old: empty, new: old).isEmpty)
    }

    /// No phantom diffs: every example compared with its own compiled JSON and XML is unchanged.
    @Test(arguments: TestPaths.exampleFiles.map(\.lastPathComponent))
    func exampleAgainstItsOwnOutputHasNoDiff(_ file: String) throws {
        let url = TestPaths.examples.appendingPathComponent(file)
        let result = TestCompiler.compile(file: url)
        let directory = TestPaths.makeTemporaryDirectory()
        try OutputWriting.write(result.documents, to: directory.path)
        for document in result.documents {
            let outcome = DiffCommand.run(old: directory.appendingPathComponent(document.logicalPath).path, new: url.path,
                                          distribution: document.distributionName)
            #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
            #expect(!outcome.differ, "\(file) vs \(document.logicalPath): \(outcome.changes.flatMap(\.changes).map(\.text))")
        }
    }
}


/// A deterministic generator for the property tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
