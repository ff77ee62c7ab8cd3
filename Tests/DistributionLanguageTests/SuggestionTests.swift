import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Testing

@testable import DistributionLanguage

/// What "did you mean" proposes for a mistyped value: the value meant, never a weaker security
/// setting; and one typo gives one error.
struct SuggestionRow: CustomTestStringConvertible, Sendable {
    var written: String
    var allowed: [String]
    var expected: String?
    var testDescription: String { "\(written) → \(expected ?? "nothing")" }
}

@Suite struct SuggestionTests {
    static let policies = [
        "SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016", "TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.3_2025", "TLSv1.2_2025",
    ]
    static let originProtocols = ["SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2"]

    static let rows: [SuggestionRow] = [
        // By meaning: the value is the first or last words of one allowed value.
        SuggestionRow(written: "sni", allowed: ["sni-only", "vip", "static-ip"], expected: "sni-only"),
        SuggestionRow(written: "HTTPS", allowed: ["http-only", "match-viewer", "https-only"], expected: "https-only"),
        SuggestionRow(written: "https", allowed: ["allow-all", "https-only", "redirect-to-https"], expected: "https-only"),
        SuggestionRow(written: "redirect", allowed: ["allow-all", "https-only", "redirect-to-https"], expected: "redirect-to-https"),
        SuggestionRow(written: "all", allowed: ["allow-all", "https-only", "redirect-to-https"], expected: "allow-all"),
        SuggestionRow(written: "match", allowed: ["http-only", "match-viewer", "https-only"], expected: "match-viewer"),
        // Case alone.
        SuggestionRow(
            written: "priceclass_100", allowed: ["PriceClass_100", "PriceClass_200", "PriceClass_All", "None"], expected: "PriceClass_100"),
        // Never weaker than the version written.
        SuggestionRow(written: "TLSv1.2", allowed: policies, expected: "TLSv1.2_2021"),
        SuggestionRow(written: "TLS1.2", allowed: policies, expected: "TLSv1.2_2021"),
        SuggestionRow(written: "TLSv1.3", allowed: policies, expected: "TLSv1.3_2025"),
        SuggestionRow(written: "TLSv1.2_2020", allowed: policies, expected: "TLSv1.2_2021"),
        SuggestionRow(written: "TLSv1.1", allowed: policies, expected: "TLSv1.1_2016"),
        SuggestionRow(written: "TLSv1.3", allowed: originProtocols, expected: nil),
        SuggestionRow(written: "tlsv1.2", allowed: originProtocols, expected: "TLSv1.2"),
        // Spelling, when meaning does not decide.
        SuggestionRow(written: "viip", allowed: ["sni-only", "vip", "static-ip"], expected: "vip"),
        SuggestionRow(written: "whatever", allowed: ["sni-only", "vip", "static-ip"], expected: nil),
    ]

    @Test(arguments: rows)
    func suggestion(_ row: SuggestionRow) {
        #expect(EnumSuggestion.suggestion(for: row.written, in: row.allowed) == row.expected)
    }

    /// The law: a suggestion for a value naming a TLS version is never a weaker policy.
    @Test func neverWeakerThanWritten() {
        for written in ["TLSv1.1", "TLSv1.2", "TLSv1.3", "TLS 1.2", "tls1.2_2019", "TLSv1.2_2099", "TLSv1.1_2099"] {
            guard let suggested = EnumSuggestion.suggestion(for: written, in: Self.policies) else { continue }
            let writtenRank = EnumSuggestion.securityRank(written.lowercased())
            let suggestedRank = EnumSuggestion.securityRank(suggested.lowercased())
            #expect((suggestedRank?.version ?? 0) >= (writtenRank?.version ?? 0), "\(written) → \(suggested)")
        }
    }

    /// A misspelt required key is one error (unknown key, with the key meant), not two.
    @Test(arguments: [
        (
            "default-cache-behavior: {target-orign-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}",
            "target-origin-id"
        ),
        (
            "default-cache-behaviour: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}",
            "default-cache-behavior"
        ),
    ])
    func oneTypoOneError(_ line: String, _ meant: String) {
        let result = TestCompiler.compile(
            """
            version: 1
            distributions:
              site:
                origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}
                \(line)

            """)
        let errors = result.diagnostics.filter(\.isError)
        #expect(errors.count == 1, "\(TestCompiler.renderedDiagnostics(result))")
        #expect(errors.first?.id.rawValue == "schema.unknown_key")
        #expect(errors.first?.hint == "did you mean '\(meant)'?")
    }

    @Test func oneTypoOneErrorAtTheTop() {
        let result = TestCompiler.compile("versoin: 1\ndistributions:\n  site: {}\n")
        #expect(
            !result.diagnostics.contains { $0.id.rawValue == "schema.missing_key" && $0.summary.contains("'version'") },
            "\(TestCompiler.renderedDiagnostics(result))")
    }
}
