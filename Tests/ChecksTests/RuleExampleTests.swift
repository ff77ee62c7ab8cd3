import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Checks
import Foundation
import Testing

/// One example of one rule, for the table-driven test.
struct RuleExampleCase: CustomTestStringConvertible, Sendable {
    var ruleID: String
    var body: String
    var isFailing: Bool
    var number: Int
    var testDescription: String { "\(ruleID) \(isFailing ? "failing" : "passing") #\(number)" }

    static var all: [RuleExampleCase] {
        RuleRegistry.rules.flatMap { rule -> [RuleExampleCase] in
            let description = type(of: rule).description
            return description.passingExamples.enumerated().map {
                RuleExampleCase(ruleID: description.id.rawValue, body: $0.element, isFailing: false, number: $0.offset + 1)
            }
                + description.failingExamples.enumerated().map {
                    RuleExampleCase(ruleID: description.id.rawValue, body: $0.element, isFailing: true, number: $0.offset + 1)
                }
        }
    }
}

/// Wraps a distribution body into a file and finds its `↓` markers.
enum MarkedExample {
    static let marker: Unicode.Scalar = "↓"

    /// The file text without markers, and each marker's line and column (from 1).
    static func prepare(_ body: String) -> (text: String, markers: [(line: Int, column: Int)]) {
        // A rule about several distributions gives its examples as whole files.
        let whole: String
        if body.hasPrefix("version: 1\n") {
            whole = body.hasSuffix("\n") ? body : body + "\n"
        } else {
            let header = "version: 1\ndistributions:\n  site:\n"
            whole =
                header + body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
        }
        var text = ""
        var markers: [(Int, Int)] = []
        var line = 1
        var column = 1
        for scalar in whole.unicodeScalars {
            if scalar == marker {
                markers.append((line, column))
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (text, markers)
    }
}

@Suite struct RuleExampleTests {
    @Test(arguments: RuleExampleCase.all)
    func example(_ example: RuleExampleCase) {
        let (text, markers) = MarkedExample.prepare(example.body)
        let result = TestCompiler.compile(text, file: "example.yaml")
        let rendered = TestCompiler.renderedDiagnostics(result)
        let schemaErrors = result.diagnostics.filter {
            !$0.id.rawValue.contains(".")
                || ["schema", "yaml", "reference"].contains($0.id.rawValue.split(separator: ".").first.map(String.init) ?? "")
        }
        #expect(schemaErrors.isEmpty, "the example does not lower:\n\(rendered)")
        let findings = result.diagnostics.filter { $0.id.rawValue == example.ruleID && !$0.isSuppressed }
        if example.isFailing {
            let found = findings.compactMap { $0.range.map { "\($0.start.line):\($0.start.column)" } }.sorted()
            let expected = markers.map { "\($0.line):\($0.column)" }.sorted()
            #expect(!expected.isEmpty, "a failing example needs ↓ markers")
            #expect(found == expected, "findings at \(found), markers at \(expected):\n\(rendered)\n\(text)")
        } else {
            #expect(findings.isEmpty, "unexpected finding:\n\(rendered)")
            let errors = result.diagnostics.filter { $0.severity == .error && !$0.isSuppressed }
            #expect(errors.isEmpty, "a passing example must compile:\n\(rendered)")
        }
    }

    @Test func everyRuleHasExamplesAndDocumentation() {
        var ids = Set<String>()
        for rule in RuleRegistry.rules {
            let description = type(of: rule).description
            #expect(ids.insert(description.id.rawValue).inserted, "duplicate id \(description.id)")
            #expect(!description.passingExamples.isEmpty, "\(description.id) has no passing example")
            #expect(!description.failingExamples.isEmpty, "\(description.id) has no failing example")
            #expect(!description.rationale.isEmpty && !description.sources.isEmpty, "\(description.id) needs a rationale and a source")
            #expect(!description.fix.isEmpty, "\(description.id) needs a fix")
            #expect(description.id.rawValue.hasPrefix(description.category.rawValue + "."), "\(description.id) is not in its category")
        }
    }

    /// Every rule file is listed in the registry (a rule that is not listed never runs).
    @Test func everyRuleFileIsRegistered() throws {
        let rulesDirectory = TestPaths.packageRoot.appendingPathComponent("Sources/Checks/Rules")
        let enumerator = FileManager.default.enumerator(atPath: rulesDirectory.path)
        var fileRules: [String] = []
        while let file = enumerator?.nextObject() as? String {
            if file.hasSuffix("Rule.swift") { fileRules.append(String(file.split(separator: "/").last?.dropLast(6) ?? "")) }
        }
        let registered = Set(RuleRegistry.rules.map { String(describing: type(of: $0)) })
        #expect(!fileRules.isEmpty)
        for name in fileRules { #expect(registered.contains(name), "\(name) is not in RuleRegistry.rules") }
        #expect(registered.count == fileRules.count)
    }
}
