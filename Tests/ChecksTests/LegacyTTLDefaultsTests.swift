import CFCCompiler
import CFCTestSupport
import DistributionIR
import Foundation
import Testing

/// The legacy TTLs CloudFront fills in when one is not sent, row by row from the Developer
/// Guide's "Minimum TTL", "Default TTL" and "Maximum TTL" settings.
struct TTLRow: CustomTestStringConvertible, Sendable {
    var min: Int64?
    var `default`: Int64?
    var max: Int64?
    var expected: (Int64, Int64, Int64)
    var testDescription: String {
        "min \(min.map(String.init) ?? "-") default \(`default`.map(String.init) ?? "-") max \(max.map(String.init) ?? "-")"
    }
}

@Suite struct LegacyTTLDefaultsTests {
    static let rows: [TTLRow] = [
        TTLRow(min: nil, default: nil, max: nil, expected: (0, 86400, 31_536_000)),
        TTLRow(min: 172_800, default: nil, max: nil, expected: (172_800, 172_800, 31_536_000)),
        TTLRow(min: nil, default: 63_072_000, max: nil, expected: (0, 63_072_000, 63_072_000)),
        TTLRow(min: 40_000_000, default: nil, max: nil, expected: (40_000_000, 40_000_000, 40_000_000)),
        TTLRow(min: nil, default: 600, max: nil, expected: (0, 600, 31_536_000)),
        TTLRow(min: nil, default: 63_072_000, max: 70_000_000, expected: (0, 63_072_000, 70_000_000)),
    ]

    @Test(arguments: rows)
    func unsentTTLsTakeCloudFrontsDefault(_ row: TTLRow) throws {
        var ttls = ""
        if let min = row.min { ttls += "      min-ttl: \(min)\n" }
        if let value = row.default { ttls += "      default-ttl: \(value)\n" }
        if let max = row.max { ttls += "      max-ttl: \(max)\n" }
        let result = TestCompiler.compile(
            """
            version: 1
            distributions:
              site:
                origins:
                  app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  forwarded-values: {query-string: false}

            """ + ttls)
        #expect(!result.hasErrors, "\(TestCompiler.renderedDiagnostics(result))")
        let document = try #require(result.documents.first)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(document.bytes)) as? [String: Any])
        let behavior = try #require(json["DefaultCacheBehavior"] as? [String: Any])
        #expect(behavior["MinTTL"] as? Int64 == row.expected.0)
        #expect(behavior["DefaultTTL"] as? Int64 == row.expected.1)
        #expect(behavior["MaxTTL"] as? Int64 == row.expected.2)
    }
}
