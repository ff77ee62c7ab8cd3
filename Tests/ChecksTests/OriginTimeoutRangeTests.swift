import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Foundation
import Testing

/// Where a value goes in an origin, and the range docs/language.md gives it.
struct TimeoutSetting: Sendable {
    var key: String
    var api: String
    var range: ClosedRange<Int>
    /// The origin, with `VALUE` where the value goes.
    var origin: String

    static let connectionTimeout = TimeoutSetting(
        key: "connection-timeout", api: "ConnectionTimeout", range: 1...10,
        origin: "app: {domain-name: app.example.com, connection-timeout: VALUE, custom-origin-config: {origin-protocol-policy: https-only}}"
    )
    static let connectionAttempts = TimeoutSetting(
        key: "connection-attempts", api: "ConnectionAttempts", range: 1...3,
        origin:
            "app: {domain-name: app.example.com, connection-attempts: VALUE, custom-origin-config: {origin-protocol-policy: https-only}}")
    static let customReadTimeout = TimeoutSetting(
        key: "origin-read-timeout", api: "OriginReadTimeout", range: 1...180,
        origin:
            "app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only, origin-read-timeout: VALUE}}")
    static let customKeepaliveTimeout = TimeoutSetting(
        key: "origin-keepalive-timeout", api: "OriginKeepaliveTimeout", range: 1...180,
        origin:
            "app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only, origin-keepalive-timeout: VALUE}}"
    )
    static let s3ReadTimeout = TimeoutSetting(
        key: "origin-read-timeout", api: "OriginReadTimeout", range: 1...180,
        origin: "app: {domain-name: bucket.s3.us-east-1.amazonaws.com, s3-origin-config: {origin-read-timeout: VALUE}}")
    static let vpcReadTimeout = TimeoutSetting(
        key: "origin-read-timeout", api: "OriginReadTimeout", range: 1...180,
        origin: "app: {domain-name: internal.example.com, vpc-origin-config: {vpc-origin-id: vo_123, origin-read-timeout: VALUE}}")
    static let vpcKeepaliveTimeout = TimeoutSetting(
        key: "origin-keepalive-timeout", api: "OriginKeepaliveTimeout", range: 1...180,
        origin: "app: {domain-name: internal.example.com, vpc-origin-config: {vpc-origin-id: vo_123, origin-keepalive-timeout: VALUE}}")

    static let all = [
        connectionTimeout, connectionAttempts, customReadTimeout, customKeepaliveTimeout, s3ReadTimeout, vpcReadTimeout,
        vpcKeepaliveTimeout,
    ]
}

/// One value of one setting: each bound, and one past each bound.
struct TimeoutRow: CustomTestStringConvertible, Sendable {
    var setting: TimeoutSetting
    var value: Int
    var accepted: Bool { setting.range.contains(value) }
    var testDescription: String {
        "\(setting.origin.contains("s3-") ? "s3 " : setting.origin.contains("vpc-") ? "vpc " : "")\(setting.key): \(value) \(accepted ? "accepted" : "rejected")"
    }

    static var all: [TimeoutRow] {
        TimeoutSetting.all.flatMap { setting in
            [setting.range.lowerBound - 1, setting.range.lowerBound, setting.range.upperBound, setting.range.upperBound + 1]
                .map { TimeoutRow(setting: setting, value: $0) }
        }
    }

    /// The file, with the value on line 5, and the column where the value starts.
    var file: (text: String, column: Int) {
        let origin = setting.origin.replacingOccurrences(of: "VALUE", with: String(value))
        let text = """
            version: 1
            distributions:
              site:
                origins:
                  \(origin)
                default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}

            """
        let prefix = setting.origin.components(separatedBy: "VALUE")[0]
        return (text, 7 + prefix.unicodeScalars.count)
    }
}

@Suite struct OriginTimeoutRangeTests {
    @Test(arguments: TimeoutRow.all)
    func range(_ row: TimeoutRow) throws {
        let (text, column) = row.file
        let result = TestCompiler.compile(text, file: "site.yaml")
        let rendered = TestCompiler.renderedDiagnostics(result)
        let schemaErrors = result.diagnostics.filter { $0.id.rawValue.hasPrefix("schema.") }
        if row.accepted {
            #expect(schemaErrors.isEmpty, "\(rendered)")
            // The value reaches the API document unchanged.
            let json = String(
                decoding: try #require(result.documents.first { $0.logicalPath.hasSuffix(".json") }, "\(rendered)").bytes, as: UTF8.self)
            #expect(
                json.contains("\"\(row.setting.api)\": \(row.value)\n") || json.contains("\"\(row.setting.api)\": \(row.value),\n"),
                "\(json)")
        } else {
            let error = try #require(schemaErrors.first, "\(rendered)")
            #expect(schemaErrors.count == 1, "\(rendered)")
            #expect(error.id.rawValue == "schema.range")
            #expect(error.severity == .error)
            #expect(error.summary == "\(row.value) is out of range for '\(row.setting.key)'")
            #expect(error.hint == "the value must be between \(row.setting.range.lowerBound) and \(row.setting.range.upperBound)")
            #expect(error.range?.start.line == 5)
            #expect(error.range?.start.column == column, "\(rendered)")
            #expect(error.range?.end.column == column + String(row.value).count)
            #expect(result.documents.isEmpty, "nothing is emitted while an error remains")
        }
    }

    /// Above 60 seconds the read and keep-alive timeouts are accepted but need a quota increase,
    /// which the quota rule warns about at the same value; 60 itself is within the default quota.
    @Test(arguments: [TimeoutSetting.customReadTimeout, .customKeepaliveTimeout, .s3ReadTimeout, .vpcReadTimeout, .vpcKeepaliveTimeout])
    func aboveSixtySecondsIsAQuotaWarning(_ setting: TimeoutSetting) {
        for (value, warned) in [(60, false), (61, true)] {
            let (text, column) = TimeoutRow(setting: setting, value: value).file
            let warnings = TestCompiler.compile(text).diagnostics.filter { $0.id.rawValue == "origins.timeout_quota" }
            #expect(warnings.count == (warned ? 1 : 0), "\(setting.key) \(value)")
            if warned {
                #expect(warnings.first?.severity == .warning)
                #expect(warnings.first?.range?.start.line == 5)
                #expect(warnings.first?.range?.start.column == column)
            }
        }
    }
}
