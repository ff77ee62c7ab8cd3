import CFCCompiler
import CFCTestSupport
import DistributionIR
import Planning
import Testing

/// The planner on small configs: which origin changes invalidate which behaviors.
@Suite struct InvalidationPlannerTests {
    /// The normalized config of a distribution with `origins` (by default `web`, `a`, `b`, `c`)
    /// and the given origin groups, cache behaviors and default target; `ignore` adds rule ids
    /// to skip.
    static func config(
        groups: String, behaviors: String, defaultTarget: String = "web", ignore: String = "", origins: [String] = ["web", "a", "b", "c"]
    ) throws -> DistributionConfig {
        let originLines = origins.map {
            "      \($0): {domain-name: \($0).example.com, custom-origin-config: {origin-protocol-policy: https-only}}"
        }
        let yaml = """
            version: 1
            distributions:
              www:
                origins:
            \(originLines.joined(separator: "\n"))
                origin-groups:
            \(groups)
                cache-behaviors:
            \(behaviors)
                default-cache-behavior: {target-origin-id: \(defaultTarget), viewer-protocol-policy: https-only, cache-policy: CachingOptimized}
                ignore: [origins.unused_origin\(ignore)]
            """
        let result = TestCompiler.compile(yaml)
        #expect(!result.hasErrors, "\(TestCompiler.renderedDiagnostics(result))")
        return APINormalization.normalize(try #require(result.model?.distributions.first).config)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var oldGroups: String
        var newGroups: String
        var behaviors =
            "      - {path-pattern: /media/*, target-origin-id: g, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}"
        var defaultTarget = "web"
        /// The plan's paths with their first reason.
        var expected: [String: String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a member replaced", oldGroups: "      g: {members: [a, b], failover-criteria: {status-codes: [503]}}",
            newGroups: "      g: {members: [c, b], failover-criteria: {status-codes: [503]}}",
            expected: ["/media/*": "origin group 'g' of behavior '/media/*' now has members [c, b] (was [a, b])"]),
        // The first member is the primary, which serves every request while it is healthy.
        Case(
            name: "members swapped", oldGroups: "      g: {members: [a, b], failover-criteria: {status-codes: [503]}}",
            newGroups: "      g: {members: [b, a], failover-criteria: {status-codes: [503]}}",
            expected: ["/media/*": "origin group 'g' of behavior '/media/*' now has members [b, a] (was [a, b])"]),
        Case(
            name: "only the failover criteria changed", oldGroups: "      g: {members: [a, b], failover-criteria: {status-codes: [503]}}",
            newGroups: "      g: {members: [a, b], failover-criteria: {status-codes: [500, 503]}}", expected: [:]),
        Case(
            name: "the default behavior's group", oldGroups: "      g: {members: [a, b], failover-criteria: {status-codes: [503]}}",
            newGroups: "      g: {members: [a, c], failover-criteria: {status-codes: [503]}}",
            behaviors:
                "      - {path-pattern: /web/*, target-origin-id: web, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}",
            defaultTarget: "g", expected: ["/*": "origin group 'g' of the default behavior now has members [a, c] (was [a, b])"]),
        Case(
            name: "a group no behavior targets", oldGroups: "      g: {members: [a, b], failover-criteria: {status-codes: [503]}}",
            newGroups: "      g: {members: [c, b], failover-criteria: {status-codes: [503]}}",
            behaviors:
                "      - {path-pattern: /web/*, target-origin-id: web, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}",
            expected: [:]),
    ]

    @Test(arguments: cases)
    func originGroupMembers(_ example: Case) throws {
        let old = try Self.config(groups: example.oldGroups, behaviors: example.behaviors, defaultTarget: example.defaultTarget)
        let new = try Self.config(groups: example.newGroups, behaviors: example.behaviors, defaultTarget: example.defaultTarget)
        let plan = InvalidationPlanner.plan(old: old, new: new)
        let actual = Dictionary(uniqueKeysWithValues: plan.entries.map { ($0.path, $0.reasons.first ?? "") })
        #expect(actual == example.expected)
    }

    /// An id that named an origin and now names an origin group (ids are unique across both):
    /// the behavior kept its target, but fetches from the group's members.
    @Test func targetThatBecameAnOriginGroup() throws {
        let behaviors =
            "      - {path-pattern: /media/*, target-origin-id: c, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}"
        let old = try Self.config(groups: "      g: {members: [a, b], failover-criteria: {status-codes: [503]}}", behaviors: behaviors)
        let new = try Self.config(
            groups: "      c: {members: [a, b], failover-criteria: {status-codes: [503]}}", behaviors: behaviors,
            origins: ["web", "a", "b"])
        let plan = InvalidationPlanner.plan(old: old, new: new)
        #expect(plan.paths == ["/media/*"])
        #expect(plan.entries.first?.reasons == ["target 'c' of behavior '/media/*' now stands for origins [a, b] (was [c])"])
    }

    /// The default behavior is compared with the default behavior, never with a cache behavior
    /// whose pattern is `*` too: removing that behavior moves its requests to the default one,
    /// which was not retargeted.
    @Test func theDefaultBehaviorPairsOnlyWithTheDefaultBehavior() throws {
        let groups = "      g: {members: [a, b], failover-criteria: {status-codes: [503]}}"
        let catchAll =
            "      - {path-pattern: \"*\", target-origin-id: a, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}"
        let other = "      - {path-pattern: /g/*, target-origin-id: g, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}"
        // The check rejects a catch-all cache behavior, but a live previous config may have one.
        let old = try Self.config(groups: groups, behaviors: catchAll + "\n" + other, ignore: ", ordering.catch_all_behavior")
        let new = try Self.config(groups: groups, behaviors: other)
        let plan = InvalidationPlanner.plan(old: old, new: new)
        #expect(plan.paths == ["/*"])
        let reasons = plan.entries.flatMap(\.reasons)
        #expect(!reasons.contains { $0.contains("now targets") }, "\(reasons)")
        #expect(reasons.contains { $0.contains("moved from '*' to the default behavior") }, "\(reasons)")
    }
}
