import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Foundation
import Testing

/// A file with as many mistakes as it has lines prints a bounded report for people, keeps every
/// finding for tools, and computes suggestions only for what can be shown (issue 14, class 6).
@Suite struct ErrorLimitTests {
    static let unknownKeys = 20_000

    static let file: Data = {
        var text =
            "version: 1\ndistributions:\n  site:\n    origins: {web: {domain-name: example.com, custom-origin-config: {origin-protocol-policy: https-only}}}\n"
            + "    default-cache-behavior: {target-origin-id: web, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}\n"
        for index in 0..<unknownKeys { text += "    commnet\(index): x\n" }
        return Data(text.utf8)
    }()

    @Test func textShowsTheFirstTwentyAndCountsTheRest() throws {
        let result = try Processes.cfc(["check", "-"], input: Self.file)
        #expect(result.status == 1)
        #expect(result.stdout.components(separatedBy: "[schema.unknown_key]").count - 1 == 20)
        #expect(result.stdout.contains("too many errors: \(Self.unknownKeys - 20) more errors not shown"), "\(result.stdout.suffix(400))")
        #expect(result.stdout.utf8.count < 20_000, "the text report grew with the input: \(result.stdout.utf8.count) bytes")
    }

    @Test func jsonListsEveryFinding() throws {
        let result = try Processes.cfc(["check", "--format", "json", "-"], input: Self.file)
        #expect(result.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let diagnostics = report?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.count(where: { $0["rule"] as? String == "schema.unknown_key" }) == Self.unknownKeys)
        // Suggestions are computed for the first ones only; the rest say what is wrong without.
        let suggested = diagnostics.count(where: { ($0["hint"] as? String)?.contains("did you mean") == true })
        #expect(suggested > 0 && suggested <= 64, "\(suggested) suggestions")
    }

    /// The same for API input: unknown members past the first 64 get no suggestion.
    @Test func apiReadingSuggestsForTheFirstOnly() throws {
        let members = (0..<500).map { "\"Commnet\($0)\": \"x\"" }.joined(separator: ", ")
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("live.json")
        try "{\"CallerReference\": \"r\", \(members)}".write(to: file, atomically: true, encoding: .utf8)
        let outcome = ImportCommand.run(file.path, name: "live")
        let unknown = outcome.diagnostics.filter { $0.id.rawValue == "api.unknown_member" }
        #expect(unknown.count == 500)
        #expect(unknown.prefix(64).allSatisfy { $0.hint?.contains("did you mean 'Comment'") == true })
        #expect(unknown.dropFirst(64).allSatisfy { $0.hint == nil })
    }

    /// Warnings of one rule are summarised after ten in text.
    @Test func repeatedWarningsAreSummarised() throws {
        var text =
            "version: 1\ndistributions:\n  site:\n    origins: {web: {domain-name: example.com, custom-origin-config: {origin-protocol-policy: https-only}}}\n"
            + "    default-cache-behavior: {target-origin-id: web, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}\n"
            + "    cache-behaviors:\n"
        for index in 0..<60 {
            text +=
                "      - {path-pattern: '/p\(index)/*', target-origin-id: web, viewer-protocol-policy: allow-all, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}\n"
        }
        let result = try Processes.cfc(["check", "-"], input: Data(text.utf8))
        func warnings(_ text: String) -> Int {
            text.split(separator: "\n").count { $0.contains(": warning: ") && $0.hasSuffix("[https.allow_all_without_policy]") }
        }
        #expect(warnings(result.stdout) == 10, "\(result.stdout)")
        #expect(result.stdout.contains("and 50 more warnings like these [https.allow_all_without_policy]"), "\(result.stdout)")
        let all = try Processes.cfc(["check", "--error-limit", "0", "-"], input: Data(text.utf8))
        #expect(warnings(all.stdout) == 60)
    }
}
