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
