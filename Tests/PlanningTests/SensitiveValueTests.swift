import CFCSupport
import CFCTestSupport
import DistributionIR
import DistributionLanguage
import Testing
import YAMLSyntax

@testable import Planning

/// A value the service model marks sensitive (`OriginCustomHeader.HeaderValue`, typed
/// `sensitiveStringType`: an origin's shared secret such as `X-Origin-Verify`) is compared, never
/// shown: a change reads "(sensitive value changed)", an added or removed origin shows
/// "(sensitive value)", and JSON says `"sensitive": true` without the values.
@Suite struct SensitiveValueTests {
    static let secret = "s3cr3t-0ld-v4lue"
    static let rotated = "r0t4ted-n3w-v4lue"

    func config(secret: String, originID: String = "app") -> DistributionConfig {
        var config = DistributionConfig()
        var origin = Origin(id: originID, domainName: "app.example.com")
        origin.customOriginConfig = CustomOriginConfig()
        origin.customHeaders = [OriginCustomHeader(headerName: "X-Origin-Verify", headerValue: secret)]
        config.origins = [origin]
        config.defaultCacheBehavior.targetOriginId = originID
        return config
    }

    func everyRendering(_ changes: [ConfigChange]) -> String {
        changes.map { $0.text + "\n" + String(decoding: $0.json.rendered(), as: UTF8.self) }.joined(separator: "\n")
    }

    @Test func aRotatedSecretIsAChangeWithoutItsValues() {
        let changes = SemanticDiff.compare(old: config(secret: Self.secret), new: config(secret: Self.rotated))
        #expect(changes.map(\.text) == ["origins.app.custom-headers.X-Origin-Verify: (sensitive value changed)"])
        #expect(changes.allSatisfy { $0.isSensitiveChange })
        #expect(String(decoding: changes[0].json.rendered(), as: UTF8.self).contains("\"sensitive\": true"))
        let shown = everyRendering(changes)
        #expect(!shown.contains(Self.secret) && !shown.contains(Self.rotated), "\(shown)")
    }

    @Test func theSameSecretIsNoChange() {
        #expect(SemanticDiff.compare(old: config(secret: Self.secret), new: config(secret: Self.secret)).isEmpty)
    }

    @Test func anOriginAddedOrRemovedShowsItsHeaderRedacted() {
        let changes = SemanticDiff.compare(
            old: config(secret: Self.secret), new: config(secret: Self.rotated, originID: "api"))
        let shown = everyRendering(changes)
        #expect(shown.contains("X-Origin-Verify: (sensitive value)"), "\(shown)")
        #expect(!shown.contains(Self.secret) && !shown.contains(Self.rotated), "\(shown)")
        let kinds = changes.map { change -> String in
            switch change.kind {
            case .added: "added"
            case .removed: "removed"
            case .modified: "modified"
            case .moved: "moved"
            }
        }
        #expect(kinds.contains("added") && kinds.contains("removed"))
    }

    /// Redaction is for what people read: the export that fmt, import and the API documents
    /// rest on keeps the value.
    @Test func onlyTheRedactedStyleHidesTheValue() {
        let distribution = Distribution(name: "www", config: config(secret: Self.secret))
        let plain = StructureCodec<Distribution>().export(distribution, style: .complete).flowText
        let redacted = StructureCodec<Distribution>().export(distribution, style: .complete.redacted).flowText
        #expect(plain.contains(Self.secret))
        #expect(!redacted.contains(Self.secret) && redacted.contains(ExportStyle.sensitiveMarker))
    }
}
