import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Checks
import DistributionIR
import Foundation
import PathPatterns
import Routing
import Testing

private func distribution(_ patterns: [String]) -> Distribution {
    var config = DistributionConfig()
    config.cacheBehaviors = patterns.map { CacheBehavior(pathPattern: $0) }
    return Distribution(name: "site", config: config)
}

@Suite struct OrderSuggestionTests {
    @Test func specificPatternsMoveAboveBroaderOnes() {
        let suggestion = OrderSuggestion.suggest(for: distribution(["/api/*", "/images/*", "/api/v2/*"]))
        #expect(suggestion.order == [2, 0, 1])
        // /api/v2/* was unreachable: nothing it matches was routed to it, so the change is that
        // its paths now go to it instead of /api/*.
        #expect(suggestion.changes == [.init(path: "/api/v2/x", from: 0, to: 2)])
    }

    @Test func aGoodOrderIsKept() {
        let suggestion = OrderSuggestion.suggest(for: distribution(["/api/v2/*", "/api/*", "*.jpg"]))
        #expect(suggestion.isUnchanged)
        #expect(suggestion.changes.isEmpty)
    }

    @Test func unionCoveredBehaviorsBecomeReachable() {
        let suggestion = OrderSuggestion.suggest(for: distribution(["/x", "/??*", "/*x"]))
        #expect(suggestion.order == [0, 2, 1])
        let patterns = suggestion.order.map { PathPattern(["/x", "/??*", "/*x"][$0]) }
        for (position, pattern) in patterns.enumerated() {
            #expect(PatternAlgebra.isCovered(pattern, by: Array(patterns[..<position])) == false, "\(pattern) still unreachable")
        }
        #expect(suggestion.changes.map(\.to) == [2])
    }

    /// For random small pattern lists (seeded; the seed is printed, and `CFC_TEST_SEED` replays
    /// it), the suggestion is checked against brute force:
    /// - every reported change is real: today `from` serves the path, in the new order `to` does;
    /// - the report is complete: every enumerated short path that the two orders route to
    ///   different behaviors is covered by a reported change with the same `from` and `to`
    ///   (one example stands for each pair of behaviors);
    /// - when some order of the behaviors leaves none unreachable, the suggested one does too.
    @Test func reportedChangesAreReal() {
        let seed = SeededRandom.seed(0x5EED_0005)
        print("OrderSuggestionTests.reportedChangesAreReal seed: \(seed) (set CFC_TEST_SEED to replay)")
        var random = SeededRandom(seed: seed)
        let pieces = ["/a", "/b", "*", "?", "/a/*", "x"]
        let paths = ReferenceMatcher.paths(alphabet: ["a", "b", "x", "/"], upTo: 5)
        // How often the generator gives each property something to check.
        var changesSeen = 0
        var repairsSeen = 0
        for round in 0..<200 {
            let patterns = (0..<Int.random(in: 2...5, using: &random)).map { _ in
                "/" + (0..<Int.random(in: 1...3, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "a" }.joined()
            }
            let context = "round \(round) (seed \(seed)): \(patterns)"
            let suggestion = OrderSuggestion.suggest(for: distribution(patterns))
            let compiled = patterns.map(PathPattern.init)
            #expect(suggestion.order.sorted() == Array(patterns.indices), "not a permutation: \(suggestion.order)\n\(context)")
            guard suggestion.order.sorted() == Array(patterns.indices) else { continue }
            func before(_ path: String) -> Int? { patterns.indices.first { ReferenceMatcher.matches(patterns[$0], path) } }
            func after(_ path: String) -> Int? { suggestion.order.first { ReferenceMatcher.matches(patterns[$0], path) } }
            for change in suggestion.changes {
                #expect(before(change.path) == change.from && after(change.path) == change.to, "\(change)\n\(context)")
            }
            let reported = Set(suggestion.changes.map { [$0.from, $0.to] })
            for path in paths {
                guard let from = before(path), let to = after(path), from != to else { continue }
                #expect(
                    reported.contains([from, to]), "GET \(path) moves from \(patterns[from]) to \(patterns[to]), unreported\n\(context)")
            }
            func unreachable(_ order: [Int]) -> [Int] {
                order.indices.filter { PatternAlgebra.isCovered(compiled[order[$0]], by: order[..<$0].map { compiled[$0] }) == true }
                    .map { order[$0] }
            }
            changesSeen += suggestion.changes.count
            let left = unreachable(suggestion.order)
            let someOrderReachesAll = permutations(of: Array(patterns.indices)).contains { unreachable($0).isEmpty }
            if someOrderReachesAll && !unreachable(Array(patterns.indices)).isEmpty { repairsSeen += 1 }
            if !left.isEmpty && someOrderReachesAll {
                Issue.record(
                    "the suggested order \(suggestion.order) leaves \(left.map { patterns[$0] }) unreachable, but some order leaves none\n\(context)"
                )
            }
        }
        print("checked \(changesSeen) reported changes; \(repairsSeen) lists had an unreachable behavior that some order repairs")
        #expect(changesSeen > 20 && repairsSeen > 10, "the generator should exercise both properties")
    }

    /// Every order of `items` (at most 5! = 120 here).
    private func permutations(of items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index in
            var rest = items
            let first = rest.remove(at: index)
            return permutations(of: rest).map { [first] + $0 }
        }
    }
}

@Suite struct CheckCommandTests {
    static let bad = """
        version: 1
        distributions:
          shop:
            origins:
              app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            cache-behaviors:
              - {path-pattern: /api/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}
              - {path-pattern: /api/v2/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}
              - {path-pattern: /feed/*, target-origin-id: app, viewer-protocol-policy: allow-all, cache-policy: CachingOptimized, ignore: [https.allow_all_without_policy]}
            default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}

        """

    func write(_ text: String) throws -> String {
        let url = TestPaths.makeTemporaryDirectory().appendingPathComponent("site.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func jsonListsSuppressedFindings() throws {
        let path = try write(Self.bad)
        let outcome = CheckCommand.run([path], format: .json, warningsAsErrors: false, suggestOrder: false, colors: false)
        #expect(outcome.failed)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.report)) as? [String: Any]
        let diagnostics = try #require(object?["diagnostics"] as? [[String: Any]])
        let unreachable = try #require(diagnostics.first { $0["rule"] as? String == "ordering.unreachable_behavior" })
        #expect(unreachable["line"] as? Int == 8)
        #expect(unreachable["column"] as? Int == 24)
        #expect((unreachable["notes"] as? [[String: Any]])?.first?["line"] as? Int == 7)
        let suppressed = try #require(diagnostics.first { $0["rule"] as? String == "https.allow_all_without_policy" })
        #expect(suppressed["suppressed"] as? Bool == true)
    }

    @Test func sarifHasRulesResultsAndSuppressions() throws {
        let path = try write(Self.bad)
        let outcome = CheckCommand.run([path], format: .sarif, warningsAsErrors: false, suggestOrder: false, colors: false)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.report)) as? [String: Any]
        #expect(object?["version"] as? String == "2.1.0")
        let run = try #require((object?["runs"] as? [[String: Any]])?.first)
        let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
        #expect(rules?.count ?? 0 >= RuleRegistry.rules.count)
        let results = try #require(run["results"] as? [[String: Any]])
        let unreachable = try #require(results.first { $0["ruleId"] as? String == "ordering.unreachable_behavior" })
        #expect(unreachable["level"] as? String == "error")
        let location = ((unreachable["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location?["region"] as? [String: Any])?["startLine"] as? Int == 8)
        #expect(results.contains { $0["suppressions"] != nil })
    }

    @Test func githubAnnotatesFiles() throws {
        let path = try write(Self.bad)
        let outcome = CheckCommand.run([path], format: .github, warningsAsErrors: false, suggestOrder: false, colors: false)
        let text = String(decoding: outcome.report, as: UTF8.self)
        #expect(
            text.contains(
                "::error file=\(path),line=8,col=24,endColumn=33,title=ordering.unreachable_behavior::behavior 2 '/api/v2/*' is never used")
        )
        #expect(!text.contains("https.allow_all_without_policy"))
    }

    @Test func warningsAsErrorsFails() throws {
        let text = Self.bad.replacingOccurrences(
            of:
                "      - {path-pattern: /api/v2/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}\n",
            with: ""
        )
        .replacingOccurrences(of: ", ignore: [https.allow_all_without_policy]", with: "")
        let path = try write(text)
        #expect(!CheckCommand.run([path], format: .text, warningsAsErrors: false, suggestOrder: false, colors: false).failed)
        #expect(CheckCommand.run([path], format: .text, warningsAsErrors: true, suggestOrder: false, colors: false).failed)
    }

    /// A thousand behaviors check quickly; the time is printed, never asserted (machines vary).
    @Test func aThousandBehaviorsCheck() throws {
        var text =
            "version: 1\ndistributions:\n  big:\n    origins:\n      app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}\n    cache-behaviors:\n"
        for index in 0..<1000 {
            let pattern = index % 3 == 0 ? "/section-\(index)/*" : index % 3 == 1 ? "/section-\(index)/*.jpg" : "/assets/v\(index)/*"
            text +=
                "      - {path-pattern: \"\(pattern)\", target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}\n"
        }
        text += "    default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}\n"
        let start = Date()
        let result = TestCompiler.compile(text)
        print("checked 1,000 behaviors in \(Int(Date().timeIntervalSince(start) * 1000)) ms")
        #expect(result.diagnostics.filter { $0.id.rawValue.hasPrefix("ordering.") }.isEmpty)
        #expect(result.diagnostics.contains { $0.id.rawValue == "config.quota" })
    }
}
