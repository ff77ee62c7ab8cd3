import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Checks
import DistributionIR
import Testing

@testable import DistributionLanguage

/// Rules name what a finding is about by config path (`origins.app.custom-origin-config.
/// origin-protocol-policy`); the path's keys must be the catalog's keys at that place, or the
/// finding silently lands on the nearest written parent. Every finding of every rule example
/// is held to the catalog's shape here, so a misspelt or misplaced key in a rule fails a test.
@Suite struct FindingPathTests {
    /// Whether `path` (components after `distributions.NAME`) walks the catalog's shapes.
    static func resolves(_ components: [String], in shape: ValueShape) -> Bool {
        guard let first = components.first else { return true }
        var key = first
        var indices: [Int] = []
        // `cache-behaviors[2]` is the key, then an index.
        while key.hasSuffix("]"), let open = key.lastIndex(of: "[") {
            guard let index = Int(key[key.index(after: open)..<key.index(before: key.endIndex)]) else { return false }
            indices.insert(index, at: 0)
            key = String(key[..<open])
        }
        var next: ValueShape
        switch shape {
        case .structure(let structure):
            guard let member = structure.members.first(where: { $0.key == key }) else { return false }
            next = member.shape
        case .keyedMap(_, let value):
            next = value
        default:
            return false
        }
        for _ in indices {
            guard case .list(let element) = next else { return false }
            next = element
        }
        return resolves(Array(components.dropFirst()), in: next)
    }

    @Test func everyFindingOfEveryRuleExampleIsAtACatalogPath() {
        let distribution = StructureCodec<Distribution>().shape
        var checked = 0
        for rule in RuleRegistry.rules {
            let description = type(of: rule).description
            for body in description.failingExamples + description.passingExamples {
                let text =
                    body.hasPrefix("version: 1\n")
                    ? body
                    : "version: 1\ndistributions:\n  site:\n"
                        + body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
                let result = TestCompiler.compile(text.replacing("↓", with: ""), file: "example.yaml")
                for diagnostic in result.diagnostics {
                    guard let path = diagnostic.configPath else { continue }
                    let components = path.split(separator: ".").map(String.init)
                    guard components.count >= 2, components[0] == "distributions" else { continue }
                    #expect(
                        Self.resolves(Array(components.dropFirst(2)), in: distribution),
                        "\(diagnostic.id.rawValue) reports at \(path), which is not a path of the catalog")
                    checked += 1
                }
            }
        }
        #expect(checked >= 100, "findings checked: \(checked)")
    }

    @Test func theWalkKnowsAMisspeltKey() {
        let distribution = StructureCodec<Distribution>().shape
        #expect(Self.resolves(["origins", "app", "custom-origin-config", "origin-protocol-policy"], in: distribution))
        #expect(Self.resolves(["cache-behaviors[2]", "lambda-function-associations[0]", "event-type"], in: distribution))
        #expect(!Self.resolves(["origins", "app", "custom-origin-confg", "origin-protocol-policy"], in: distribution))
        #expect(!Self.resolves(["default-cache-behavior", "path-pattern"], in: distribution))
        #expect(!Self.resolves(["aliases", "www"], in: distribution))
    }
}
