import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionIR
import Foundation
import Routing
import Testing

@testable import Checks

/// The require-https proof: its message on the issue's seed example, and a property test that
/// every example it reports is real and that it misses none.
@Suite struct RequireHTTPSTests {
    /// The issue's example: `/acc*` allows HTTP and comes before `/account/*`, so
    /// `/account/x` is served over plain HTTP although require-https covers it.
    static let seed = """
        version: 1
        distributions:
          shop:
            aliases: [shop.example.com]
            viewer-certificate: {acm-certificate-arn: "arn:aws:acm:us-east-1:111122223333:certificate/11111111-2222-3333-4444-555555555555", ssl-support-method: sni-only}
            origins:
              app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            cache-behaviors:
              - {path-pattern: /acc*, target-origin-id: app, viewer-protocol-policy: allow-all, cache-policy: CachingOptimized}
              - {path-pattern: /account/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}
            default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}
            require-https: [/account/*]

        """

    @Test func theSeedExampleHasTheExactMessage() throws {
        let result = TestCompiler.compile(Self.seed, file: "shop.yaml")
        let finding = try #require(result.diagnostics.first { $0.id.rawValue == "https.require_https" })
        #expect(finding.summary == "GET http://shop.example.com/account/x is served over plain HTTP by behavior 1 '/acc*' (line 9)")
        #expect(finding.severity == .error)
        #expect(finding.range?.start.line == 9)
        #expect(finding.range?.start.column == 78)
        #expect(finding.notes.map(\.message) == ["require-https '/account/*' covers /account/x"])
        #expect(finding.notes.first?.range?.start.line == 12)
        #expect(
            finding.hint
                == "set viewer-protocol-policy to https-only (or redirect-to-https), or give these paths a behavior of their own earlier in the list"
        )
        #expect(result.diagnostics.filter { $0.id.rawValue == "https.require_https" }.count == 1)
    }

    /// The rule's own catalog example, with the host cfc uses when there is no alias.
    @Test func withoutAliasesTheExampleUsesACloudFrontDomain() throws {
        let body = RuleExample.with(
            """
            cache-behaviors:
              - path-pattern: /acc*
                target-origin-id: app
                viewer-protocol-policy: allow-all
                cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
              - path-pattern: /account/*
                target-origin-id: app
                viewer-protocol-policy: https-only
                cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            require-https: [/account/*]
            """)
        let (text, _) = MarkedExample.prepare(body)
        let result = TestCompiler.compile(text)
        let finding = try #require(result.diagnostics.first { $0.id.rawValue == "https.require_https" })
        #expect(
            finding.summary
                == "GET http://d111111abcdef8.cloudfront.net/account/x is served over plain HTTP by behavior 1 '/acc*' (line 13)")
    }

    @Test func theDefaultBehaviorIsNamedAsSuch() throws {
        let text = """
            version: 1
            distributions:
              site:
                origins:
                  app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
                cache-behaviors:
                  - {path-pattern: /api/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}
                default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: allow-all, cache-policy: CachingOptimized}
                require-https: ["*"]

            """
        let finding = try #require(TestCompiler.compile(text).diagnostics.first { $0.id.rawValue == "https.require_https" })
        #expect(finding.summary == "GET http://d111111abcdef8.cloudfront.net/x is served over plain HTTP by the default behavior (line 8)")
    }

    // MARK: - Property

    static let policies: [ViewerProtocolPolicy] = [.allowAll, .httpsOnly, .redirectToHTTPS]
    static let pieces = ["a", "b", "/", "*", "?"]
    static let pathAlphabet: [String] = ["a", "b", "/"]
    /// Patterns have at most four characters after the slash; paths up to six characters over
    /// the patterns' own literals cover the short cases. The enumeration only ever looks for a
    /// missed path (a finding is checked through its own example), so a longer bound would
    /// find more, never fail wrongly.
    static let maxPathLength = 6

    static func randomPattern(_ random: inout SeededRandom) -> String {
        let body = (0..<Int.random(in: 0...3, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "a" }.joined()
        // Some patterns without the leading slash: CloudFront treats them as the same pattern.
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return "*" + body
        case 1: return "a" + body
        default: return "/" + body
        }
    }

    /// A random distribution as cfc YAML, with the line each behavior is written on.
    static func randomDistribution(_ random: inout SeededRandom) -> (
        yaml: String, patterns: [String], policies: [ViewerProtocolPolicy],
        required: [String], lines: [Int]
    ) {
        let count = Int.random(in: 0...4, using: &random)
        let patterns = (0..<count).map { _ in randomPattern(&random) }
        let chosen = (0...count).map { _ in policies.randomElement(using: &random) ?? .allowAll }
        let required =
            Int.random(in: 0..<5, using: &random) == 0
            ? ["*"] : (1...Int.random(in: 1...2, using: &random)).map { _ in randomPattern(&random) }
        var yaml = """
            version: 1
            distributions:
              site:
                origins:
                  app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}

            """
        var lines: [Int] = []
        if count > 0 { yaml += "    cache-behaviors:\n" }
        for (index, pattern) in patterns.enumerated() {
            lines.append(yaml.filter { $0 == "\n" }.count + 1)
            yaml +=
                "      - {path-pattern: \"\(pattern)\", target-origin-id: app, viewer-protocol-policy: \(chosen[index].rawValue), cache-policy: CachingOptimized}\n"
        }
        lines.append(yaml.filter { $0 == "\n" }.count + 1)
        yaml +=
            "    default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: \(chosen[count].rawValue), cache-policy: CachingOptimized}\n"
        yaml += "    require-https: [" + required.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n"
        return (yaml, patterns, chosen, required, lines)
    }

    /// For random small distributions: every reported example path is matched by a
    /// require-https pattern and is routed to the flagged allow-all behavior; and for every
    /// allow-all behavior without a finding, no short path that require-https covers is routed
    /// to it. Routing is checked both with `RoutingTable.route` and with an independent matcher.
    @Test func findingsAreRealAndComplete() throws {
        let seed = SeededRandom.seed(0x5EED_0003)
        print("RequireHTTPSTests.findingsAreRealAndComplete seed: \(seed) (set CFC_TEST_SEED to replay)")
        var random = SeededRandom(seed: seed)
        let paths = ReferenceMatcher.paths(alphabet: Self.pathAlphabet, upTo: Self.maxPathLength)
        let message =
            /GET http:\/\/d111111abcdef8\.cloudfront\.net(\S*) is served over plain HTTP by (?:behavior (\d+) '([^']*)'|the default behavior) \(line (\d+)\)/
        var findingsSeen = 0
        for round in 0..<250 {
            let (yaml, patterns, policies, required, lines) = Self.randomDistribution(&random)
            let context = "round \(round) (seed \(seed)):\n\(yaml)"
            let result = TestCompiler.compile(yaml)
            let distribution = try #require(result.model?.distributions.first, "\(context)")
            let table = RoutingTable(distribution)
            let findings = result.diagnostics.filter { $0.id.rawValue == "https.require_https" }
            #expect(!findings.contains { $0.summary.hasPrefix("cannot prove") }, "\(context)")
            // Behaviors counted from 0, the default behavior last, as RoutingTable orders them.
            func referenceRoute(_ path: String) -> Int {
                patterns.firstIndex { ReferenceMatcher.matches($0, path) } ?? patterns.count
            }
            var flagged = Set<Int>()
            for finding in findings {
                findingsSeen += 1
                let match = try #require(finding.summary.wholeMatch(of: message), "unexpected message '\(finding.summary)'\n\(context)")
                let path = String(match.1)
                let position = match.2.flatMap { Int($0) }.map { $0 - 1 } ?? patterns.count
                #expect(match.3.map(String.init) == (position < patterns.count ? patterns[position] : nil), "\(context)")
                #expect(Int(match.4) == lines[position], "the line in '\(finding.summary)'\n\(context)")
                #expect(policies[position] == .allowAll, "\(context)")
                #expect(required.contains { ReferenceMatcher.matches($0, path) }, "\(path) is not covered by require-https\n\(context)")
                #expect(table.route(path) == position, "\(path) is not routed to behavior \(position + 1)\n\(context)")
                #expect(referenceRoute(path) == position, "\(path) is not routed to behavior \(position + 1) (reference)\n\(context)")
                #expect(finding.range?.start.line == lines[position], "\(context)")
                // Each note names a requirement and an example of its own, equally real.
                for note in finding.notes {
                    let parts = try #require(note.message.wholeMatch(of: /require-https '([^']*)' covers (\S+)/), "\(note.message)")
                    #expect(
                        ReferenceMatcher.matches(String(parts.1), String(parts.2)) && referenceRoute(String(parts.2)) == position,
                        "note '\(note.message)'\n\(context)")
                }
                #expect(flagged.insert(position).inserted, "two findings for behavior \(position + 1)\n\(context)")
            }
            for position in policies.indices where policies[position] == .allowAll && !flagged.contains(position) {
                let missed = paths.first { path in
                    referenceRoute(path) == position && required.contains { ReferenceMatcher.matches($0, path) }
                }
                #expect(missed == nil, "no finding, but GET \(missed ?? "") reaches allow-all behavior \(position + 1)\n\(context)")
            }
        }
        #expect(findingsSeen > 50, "the generator should produce findings often enough to test them")
    }
}
