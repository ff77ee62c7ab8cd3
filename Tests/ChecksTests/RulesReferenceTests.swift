import CFCTestSupport
import Checks
import Foundation
import Testing

@Suite struct RulesReferenceTests {
    @Test func docsRulesMatchesTheCatalog() {
        let url = TestPaths.packageRoot.appendingPathComponent("docs/rules.md")
        if let failure = Golden.compare(Array(RulesReference.markdown().utf8), with: url) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test func explainKnowsEveryRule() {
        for id in RuleRegistry.ids {
            let text = RulesReference.explain(id)
            #expect(text?.hasPrefix(id + ": ") == true)
            #expect(text?.contains("Suppress: add `\(id)`") == true)
        }
        #expect(RulesReference.explain("no.such_rule") == nil)
        #expect(RulesReference.list().split(separator: "\n").count == RuleRegistry.rules.count)
    }
}

extension RulesReferenceTests {
    /// The README counts the rules by hand; it had drifted once (49 written, 50 registered).
    @Test func theREADMEsRuleCountIsTheRegistrys() throws {
        let readme = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let counts = readme.matches(of: /([0-9]+) rules\b/).map { Int($0.output.1) }
        #expect(!counts.isEmpty, "README.md no longer says how many rules there are")
        #expect(
            counts.allSatisfy { $0 == RuleRegistry.rules.count }, "README.md says \(counts); the registry has \(RuleRegistry.rules.count)")
    }
}
