import CFCTestSupport
import Checks
import Foundation
import Testing

/// `cfc explain` knows every id cfc can print: each id written in the sources (rules, the YAML
/// reader, lowering, the API readers, the commands) has an explanation.
@Suite struct ExplainEveryIDTests {
    /// The ids the sources construct diagnostics with: `id: "category.name"`.
    static let idsInSources: Set<String> = {
        let sources = TestPaths.packageRoot.appendingPathComponent("Sources")
        let files = (FileManager.default.enumerator(atPath: sources.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".swift") }
        let pattern = try! Regex(#"id: "([a-z]+\.[a-z_0-9]+)""#)
        var ids = Set<String>()
        for file in files {
            guard let text = try? String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8) else { continue }
            for match in text.matches(of: pattern) {
                if let id = match.output[1].substring { ids.insert(String(id)) }
            }
        }
        return ids
    }()

    @Test func everyIDInTheSourcesIsExplained() {
        #expect(Self.idsInSources.count >= 100, "the scan finds the ids: \(Self.idsInSources.count)")
        for id in Self.idsInSources.sorted() {
            let text = RulesReference.explain(id)
            #expect(text?.hasPrefix(id) == true, "cfc explain does not know \(id)")
        }
    }

    /// No entry explains an id that nothing prints any more.
    @Test func noExplanationIsStale() {
        for entry in FrontEndDiagnostics.entries {
            #expect(Self.idsInSources.contains(entry.id), "\(entry.id) is explained but never printed")
        }
    }

    @Test func unknownIDsGetSuggestions() {
        #expect(RulesReference.suggestions(for: "https.require_http") == ["https.require_https"])
        #expect(RulesReference.suggestions(for: "require_https") == ["https.require_https"])
        #expect(RulesReference.suggestions(for: "schema.unknwn_key") == ["schema.unknown_key"])
        #expect(RulesReference.suggestions(for: "zzzz.qqqq").isEmpty)
    }
}
