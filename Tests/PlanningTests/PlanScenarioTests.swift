import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionIR
import Foundation
import PathPatterns
import Planning
import Routing
import Testing

/// Golden plans: each folder of `Scenarios/` holds `old.yaml` (or `old.json`, `old.xml`),
/// `new.yaml`, and optionally `changed-paths.txt` and `args` (`max-paths=3`,
/// `free-paths-left=2`, `distribution-id=E…` lines); the plan's text and JSON, the invalidation
/// batch and (for an update from API output, or where the file exists) the DistributionConfig
/// sent are compared with `expected.*` files
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
            if let failure = Golden.compare(bytes, with: directory.appendingPathComponent(file)) {
                Issue.record(Comment(rawValue: failure))
            }
        }
        for document in outcome.documents where document.logicalPath.hasSuffix(".invalidation.json") {
            if let failure = Golden.compare(document.bytes, with: directory.appendingPathComponent("expected.invalidation.json")) {
                Issue.record(Comment(rawValue: failure))
            }
        }
        // The DistributionConfig sent: golden for every update from live API output (whose
        // CallerReference it must keep), and wherever a scenario has the file.
        let distributionGolden = directory.appendingPathComponent("expected.distribution.json")
        let fromAPI = try Self.request(for: name).previous.map { !$0.hasSuffix(".yaml") } ?? false
        if fromAPI || FileManager.default.fileExists(atPath: distributionGolden.path) {
            let documents = outcome.documents.filter { $0.logicalPath.hasSuffix(".distribution.json") }
            #expect(documents.count == 1, "\(name): expected.distribution.json holds one distribution")
            for document in documents {
                if let failure = Golden.compare(document.bytes, with: distributionGolden) { Issue.record(Comment(rawValue: failure)) }
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
            for path in entry.invalidation.paths + entry.invalidation.widenings.map(\.by) {
                #expect(isWellFormedInvalidationPath(path), "\(name): \(path) is not a valid invalidation path")
            }
        }
    }

    /// An update keeps the live distribution's `CallerReference` (CloudFront rejects an update
    /// that changes it) in every document sent, JSON and XML, and reports its `ETag`.
    @Test func updateKeepsTheLiveCallerReference() throws {
        let outcome = PlanCommand.run(try Self.request(for: "update-from-live-config"))
        let plan = try #require(outcome.plan)
        #expect(plan.entries.map(\.action) == [.update])
        #expect(plan.entries.first?.etag == "E2QWRUHEXAMPLE")
        let live = "console-2023-01-05T10:11:12"
        #expect(plan.entries.first?.distribution.config.callerReference == live)
        let json = try #require(outcome.documents.first { $0.logicalPath == "www.distribution.json" })
        let object = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any]
        #expect(object?["CallerReference"] as? String == live)
        let xml = try #require(outcome.documents.first { $0.logicalPath == "www.distribution.xml" })
        #expect(String(decoding: xml.bytes, as: UTF8.self).contains("<CallerReference>\(live)</CallerReference>"))
    }

    /// The base seed of the sufficiency property; `PLAN_PROPERTY_SEED=<hex>` replays another.
    static let propertySeed: UInt64 =
        ProcessInfo.processInfo.environment["PLAN_PROPERTY_SEED"].flatMap { UInt64($0, radix: 16) }
        ?? 0x00C0_FFEE_5EED

    /// Object paths sampled per scenario, and how many of them must have changed in a scenario
    /// with any change, so that the property cannot hold vacuously.
    static let samplesPerScenario = 3000
    static let minimumChangedSamples = 50

    /// Sufficient: every object path whose response could differ between the old and the new
    /// config (another behavior serves it; its behavior targets another origin, or an origin
    /// group with other members; its Lambda@Edge functions on origin events changed; one of its
    /// origins has another domain name or origin path, or is now fetched over HTTPS after HTTP;
    /// or `--changed-paths` lists it) is covered by an
    /// invalidation path of the plan. Paths come from `ObjectPathSampler`, which draws them from
    /// the scenario's own patterns, with a seed printed for every scenario.
    @Test(arguments: scenarios)
    func everyChangedPathIsInvalidated(_ name: String) throws {
        let request = try Self.request(for: name)
        let outcome = PlanCommand.run(request)
        guard let plan = outcome.plan, let previousPath = request.previous else { return }
        let old = try #require(ConfigInput.read(previousPath, name: "www", options: CompileOptions(), sink: DiagnosticCollector()))
        let listed =
            try request.changedPaths.map { path in
                try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
            } ?? []
        let seed = Self.propertySeed ^ SeededRandom.seed(of: name)
        let replay = "seed 0x\(String(seed, radix: 16)) (replay with PLAN_PROPERTY_SEED=\(String(Self.propertySeed, radix: 16)))"
        for entry in plan.entries {
            guard let before = old.distributions.first(where: { $0.name == entry.distribution.name }) ?? old.distributions.first else {
                continue
            }
            let change = ServingChange(
                old: APINormalization.normalize(before.config), new: APINormalization.normalize(entry.distribution.config), listed: listed)
            var sampler = ObjectPathSampler(seed: seed, old: change.oldRouting, new: change.newRouting, listed: listed)
            var changed = 0
            var distinct = Set<String>()
            var uncovered: [String] = []
            for _ in 0..<Self.samplesPerScenario {
                let path = sampler.next()
                guard let reason = change.reason(path) else { continue }
                changed += 1
                distinct.insert(path)
                if !entry.invalidation.paths.contains(where: { InvalidationPaths.covers($0, objectPath: path) }) {
                    uncovered.append("\(path) (\(reason))")
                }
            }
            #expect(
                uncovered.isEmpty,
                """
                \(name), \(replay): \(uncovered.count) changed paths are not covered by \(entry.invalidation.paths), \
                such as \(uncovered.prefix(5).joined(separator: ", "))
                """)
            print(
                "PlanScenarioTests.everyChangedPathIsInvalidated \(name): \(replay); \(Self.samplesPerScenario) paths, "
                    + "\(changed) changed (\(distinct.count) distinct)")
            if changed > 0 || !entry.invalidation.isEmpty {
                #expect(
                    changed >= Self.minimumChangedSamples,
                    "\(name), \(replay): only \(changed) of \(Self.samplesPerScenario) sampled paths changed; the property is barely exercised"
                )
            }
        }
    }

    /// The reference for what an update changes for one object path, written from the issue's
    /// list of reasons rather than from the planner's code.
    struct ServingChange {
        let oldConfig: DistributionConfig
        let newConfig: DistributionConfig
        let oldRouting: RoutingTable
        let newRouting: RoutingTable
        let listed: [String]

        init(old: DistributionConfig, new: DistributionConfig, listed: [String]) {
            oldConfig = old
            newConfig = new
            oldRouting = RoutingTable(Distribution(name: "old", config: old))
            newRouting = RoutingTable(Distribution(name: "new", config: new))
            self.listed = listed.map { $0.hasPrefix("/") ? $0 : "/" + $0 }
        }

        /// Why the response for `path` could differ, or nil when it cannot.
        func reason(_ path: String) -> String? {
            let old = oldRouting.behaviors[oldRouting.route(path)]
            let new = newRouting.behaviors[newRouting.route(path)]
            if old.isDefault != new.isDefault || old.pattern.normalized != new.pattern.normalized {
                return "served by \(new.displayName), was \(old.displayName)"
            }
            if old.behavior.targetOriginId != new.behavior.targetOriginId { return "its behavior targets another origin" }
            // What origin-event Lambda@Edge functions produced is what is cached.
            let originEvents: Set<EventType> = [.originRequest, .originResponse]
            if Set(old.behavior.lambdaFunctionAssociations.filter { originEvents.contains($0.eventType) })
                != Set(new.behavior.lambdaFunctionAssociations.filter { originEvents.contains($0.eventType) })
            {
                return "its origin-facing Lambda@Edge functions changed"
            }
            let oldOrigins = RoutingTable.origins(targetedBy: old.behavior.targetOriginId, in: oldConfig)
            let newOrigins = RoutingTable.origins(targetedBy: new.behavior.targetOriginId, in: newConfig)
            if oldOrigins != newOrigins { return "its origins are now \(newOrigins), were \(oldOrigins)" }
            for id in newOrigins {
                guard let before = oldConfig.origin(withID: id), let after = newConfig.origin(withID: id) else { continue }
                if before.domainName != after.domainName || before.originPath != after.originPath { return "origin '\(id)' moved" }
                if fetchesHTTP(before, oldRouting, oldConfig) && !fetchesHTTP(after, newRouting, newConfig) {
                    return "origin '\(id)' is now fetched over HTTPS"
                }
            }
            // A listed line names an object, or with a `*` the objects its glob matches.
            if listed.contains(where: { $0.contains("*") ? PathPattern($0).matches(path) : $0 == path }) {
                return "listed in --changed-paths"
            }
            return nil
        }

        func fetchesHTTP(_ origin: Origin, _ routing: RoutingTable, _ config: DistributionConfig) -> Bool {
            if origin.customOriginConfig?.originProtocolPolicy == .httpOnly { return true }
            if origin.customOriginConfig?.originProtocolPolicy == .httpsOnly { return false }
            return routing.behaviors.indices.contains { position in
                routing.isReachable[position] && routing.behaviors[position].behavior.viewerProtocolPolicy == .allowAll
                    && RoutingTable.origins(targetedBy: routing.behaviors[position].behavior.targetOriginId, in: config).contains(origin.id)
            }
        }
    }

    /// No phantom diffs from members a live config leaves out: a config without `Aliases`,
    /// `Logging`, `OriginShield`, `TrustedSigners`… is the same distribution as YAML that keeps
    /// cfc's defaults for them (CloudFront reads each absence as that default).
    @Test func membersLeftOutOfALiveConfigAreNotChanges() throws {
        let fixture = TestPaths.packageRoot.appendingPathComponent("Tests/CFCImportTests/Fixtures/legacy-website")
        var document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: fixture.appendingPathComponent("input.json"))) as? [String: Any])
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
        let outcome = DiffCommand.run(
            old: old.path, new: fixture.appendingPathComponent("expected.yaml").path, distribution: "legacy-website")
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

    /// Legacy TTLs a behavior with a cache policy does not send read as removed, not as `null`:
    /// without forwarded values there is no default to leave out, so nothing marks them unsent.
    /// (moto, like older CloudFront configs, returns zero TTLs beside a cache policy.)
    @Test func legacyTTLsNotSentBesideACachePolicyReadAsRemoved() {
        var old = DistributionConfig()
        old.defaultCacheBehavior.cachePolicyId = "658327ea-f89d-4fab-a63d-7e88639e58f6"
        old.defaultCacheBehavior.forwardedValues = ForwardedValues()
        old.defaultCacheBehavior.minTTL = 0
        old.defaultCacheBehavior.defaultTTL = 0
        old.defaultCacheBehavior.maxTTL = 0
        var new = old
        new.defaultCacheBehavior.forwardedValues = nil
        new.defaultCacheBehavior.sentMinTTL = nil
        new.defaultCacheBehavior.sentDefaultTTL = nil
        new.defaultCacheBehavior.sentMaxTTL = nil
        let ttls = SemanticDiff.compare(old: old, new: new).filter { $0.path.hasSuffix("-ttl") }
        #expect(ttls.map(\.text) == ["min-ttl", "default-ttl", "max-ttl"].map { "default-cache-behavior.\($0): removed (was 0)" })
    }

    /// A member cfc sends by default that a config leaves out means its default, so a plan
    /// shows no change between leaving it out and sending the default.
    @Test func scalarsNotSentAreNoChangeFromTheirDefaults() {
        var sent = DistributionConfig()
        var origin = Origin(id: "app", domainName: "app.example.com")
        origin.customOriginConfig = CustomOriginConfig()
        sent.origins = [origin]
        sent.defaultCacheBehavior.targetOriginId = "app"
        sent.defaultCacheBehavior.forwardedValues = ForwardedValues()
        sent.defaultCacheBehavior.minTTL = CacheBehavior.defaultMinTTL
        sent.defaultCacheBehavior.defaultTTL = CacheBehavior.defaultDefaultTTL
        sent.defaultCacheBehavior.maxTTL = CacheBehavior.defaultMaxTTL
        var association = LambdaFunctionAssociation()
        association.lambdaFunctionARN = "arn:aws:lambda:us-east-1:111122223333:function:f:1"
        sent.defaultCacheBehavior.lambdaFunctionAssociations = [association]
        var response = CustomErrorResponse()
        response.errorCode = 404
        sent.customErrorResponses = [response]
        sent.logging = LoggingConfig()

        var unsent = sent
        unsent.sentDefaultRootObject = nil
        unsent.sentPriceClass = nil
        unsent.sentWebACLId = nil
        unsent.sentHTTPVersion = nil
        unsent.sentIsIPV6Enabled = nil
        unsent.logging.sentEnabled = nil
        unsent.logging.sentIncludeCookies = nil
        unsent.logging.sentBucket = nil
        unsent.logging.sentPrefix = nil
        unsent.origins[0].sentOriginPath = nil
        unsent.origins[0].sentConnectionAttempts = nil
        unsent.origins[0].sentConnectionTimeout = nil
        unsent.origins[0].sentOriginAccessControlId = nil
        unsent.origins[0].customOriginConfig?.sentOriginReadTimeout = nil
        unsent.origins[0].customOriginConfig?.sentOriginKeepaliveTimeout = nil
        unsent.customErrorResponses[0].sentErrorCachingMinTTL = nil
        unsent.defaultCacheBehavior.sentSmoothStreaming = nil
        unsent.defaultCacheBehavior.sentCompress = nil
        unsent.defaultCacheBehavior.sentFieldLevelEncryptionId = nil
        unsent.defaultCacheBehavior.lambdaFunctionAssociations[0].sentIncludeBody = nil
        unsent.defaultCacheBehavior.sentMinTTL = nil
        unsent.defaultCacheBehavior.sentDefaultTTL = nil
        unsent.defaultCacheBehavior.sentMaxTTL = nil
        unsent.viewerCertificate.sentCloudFrontDefaultCertificate = nil
        unsent.viewerCertificate.sentMinimumProtocolVersion = nil

        #expect(unsent != sent)
        #expect(unsent.withAbsentMembersNormalized == sent.withAbsentMembersNormalized)
        #expect(SemanticDiff.compare(old: sent, new: unsent).map(\.text) == [])
        #expect(SemanticDiff.compare(old: unsent, new: sent).map(\.text) == [])
    }

    /// No phantom diffs: every example compared with its own compiled JSON and XML is unchanged.
    @Test(arguments: TestPaths.exampleFiles.map(\.lastPathComponent))
    func exampleAgainstItsOwnOutputHasNoDiff(_ file: String) throws {
        let url = TestPaths.examples.appendingPathComponent(file)
        let result = TestCompiler.compile(file: url)
        let directory = TestPaths.makeTemporaryDirectory()
        try OutputWriting.write(result.documents, to: directory.path)
        for document in result.documents {
            let outcome = DiffCommand.run(
                old: directory.appendingPathComponent(document.logicalPath).path, new: url.path,
                distribution: document.distributionName)
            #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
            #expect(!outcome.differ, "\(file) vs \(document.logicalPath): \(outcome.changes.flatMap(\.changes).map(\.text))")
        }
    }
}
