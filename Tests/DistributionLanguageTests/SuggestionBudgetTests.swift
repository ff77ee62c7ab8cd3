import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionLanguage
import Testing

/// "Did you mean" is computed for a distribution's first unknown keys only: every unknown key
/// is still an error, but a file of thousands of them no longer spends most of its time on
/// edit distances for errors no report for people shows (issue: hardening, no error limit).
@Suite struct SuggestionBudgetTests {
    @Test func theFirstUnknownKeysGetSuggestionsAndEveryOneIsReported() {
        let budget = LoweringContext.suggestionsPerContext
        var yaml = "version: 1\ndistributions:\n  www:\n"
        for index in 0..<(budget + 6) { yaml += "    commentt\(index): x\n" }
        yaml += """
                origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}
                default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}

            """
        let unknown = TestCompiler.compile(yaml).diagnostics.filter { $0.id.rawValue == "schema.unknown_key" }
        #expect(unknown.count == budget + 6)
        let suggested = unknown.filter { $0.hint != nil }
        #expect(suggested.count == budget)
        // In file order: the first ones have them.
        #expect(unknown.prefix(budget).allSatisfy { $0.hint != nil })
        #expect(unknown.dropFirst(budget).allSatisfy { $0.hint == nil && $0.fixIts.isEmpty })
    }
}
