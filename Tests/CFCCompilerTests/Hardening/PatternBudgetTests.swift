import CFCTestSupport
import Foundation
import Testing

/// What a file can make the path-pattern analysis spend (issue: hardening, unbounded analysis
/// time): at most the ceiling, which only a command-line option raises, and at most 1,000,000
/// steps plus 1,000 per byte of each distribution, so a file's analysis is linear in its size.
/// Measured in steps (`CFC_WORK_REPORT`), never in seconds.
@Suite struct PatternBudgetTests {
    /// A distribution of `count` behaviors whose wildcard patterns all overlap, served over
    /// plain HTTP under `require-https: ["*.php"]`: exponential in the worst case.
    static func overlapping(_ name: String, count: Int, steps: String? = nil) -> String {
        var text = "  \(name):\n"
        if let steps { text += "    pattern-search-steps: \(steps)\n" }
        text += "    origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}\n"
        text += "    require-https: [\"*.php\"]\n    cache-behaviors:\n"
        for index in 0..<count {
            text +=
                "      - {path-pattern: \"*a*?*b\(index)*c*\", target-origin-id: app, viewer-protocol-policy: allow-all, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}\n"
        }
        text +=
            "    default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}\n"
        return text
    }

    static func file(_ distributions: [String]) -> Data {
        Data(("version: 1\ndistributions:\n" + distributions.joined()).utf8)
    }

    static func allowance(bytes: Int) -> Int { 1_000_000 + 1_000 * bytes }

    @Test func aFileCannotRaiseItsBudget() throws {
        let distribution = Self.overlapping("greedy", count: 20, steps: "1000000000000")
        let (result, work) = try Processes.cfcMeasuringWork(["check", "--format", "json", "-"], input: Self.file([distribution]))
        #expect(result.status == 1, "an unproven require-https is an error: \(result.stderr)")
        let report = try #require(work)
        #expect(report.patternSteps <= min(5_000_000, Self.allowance(bytes: distribution.utf8.count)) + 10_000, "\(report)")
        #expect(result.stdout.contains("ordering.pattern_search_budget"))
    }

    @Test func onlyTheCommandLineRaisesTheCeiling() throws {
        let distribution = Self.overlapping("greedy", count: 20, steps: "1000000000000")
        let input = Self.file([distribution])
        let (_, low) = try Processes.cfcMeasuringWork(["check", "--max-pattern-search-steps", "200000", "-"], input: input)
        let (_, high) = try Processes.cfcMeasuringWork(["check", "--max-pattern-search-steps", "3000000", "-"], input: input)
        let lowSteps = try #require(low).patternSteps
        let highSteps = try #require(high).patternSteps
        #expect(lowSteps <= 200_000 + 10_000)
        #expect(highSteps > lowSteps, "raising the ceiling on the command line lets the analysis go further")
    }

    /// Many such distributions: the total is bounded by the sum of their allowances, which is
    /// linear in the file's size, and doubling the file at most about doubles the steps.
    @Test func theAnalysisOfAFileIsLinearInItsSize() throws {
        func steps(_ count: Int) throws -> (steps: Int, bytes: Int) {
            let distributions = (0..<count).map { Self.overlapping("d\($0)", count: 20) }
            let input = Self.file(distributions)
            let (_, work) = try Processes.cfcMeasuringWork(["check", "--format", "json", "-"], input: input)
            let report = try #require(work)
            let bound = distributions.map { Self.allowance(bytes: $0.utf8.count) }.reduce(0, +)
            #expect(report.patternSteps <= bound + 10_000 * count, "\(count) distributions: \(report)")
            return (report.patternSteps, input.count)
        }
        let (four, fourBytes) = try steps(4)
        let (eight, eightBytes) = try steps(8)
        #expect(Double(eight) / Double(max(four, 1)) <= 2.2 * Double(eightBytes) / Double(fourBytes) / 2, "\(four) -> \(eight) steps")
    }
}
