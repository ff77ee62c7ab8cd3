import CFCTestSupport
import Foundation
import Testing

/// `cfc apply` with a public key and a key group, against the fake aws CLI: the key is made
/// before the group that lists it, the group before the behavior that trusts it; taken away,
/// they go in the reverse order.
@Suite(.enabled(if: PythonTools.available(["json"]), "needs python3"))
struct KeyGroupApplyTests {
    static let site = """
        version: 1
        distributions:
          site:
            comment: signed downloads
            origins:
              app:
                domain-name: app.example.com
                custom-origin-config: {origin-protocol-policy: https-only}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: https-only
              cache-policy: CachingOptimized
              trusted-key-group-names: [signers]
        public-keys:
          signer:
            encoded-key-file: keys/signer.pem
        key-groups:
          signers:
            items: [signer]
            comment: download signers

        """

    /// A public key as `openssl rsa -pubout` writes it (test data, not a secret).
    static let publicKey = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEXg2mYLkE7BLxhYkGzNqP3mpUHGwM
        7m7qVwqH3FQ7K1yIzHf6n0Zr9u3ZlcKqCq0W0oJmKkXl1iQm0o8n0cF1ZQ==
        -----END PUBLIC KEY-----

        """

    private func workspace() throws -> FakeAWSWorkspace {
        let w = try FakeAWSWorkspace()
        try Self.site.write(to: w.directory.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: w.directory.appendingPathComponent("keys"), withIntermediateDirectories: true)
        try Self.publicKey.write(to: w.directory.appendingPathComponent("keys/signer.pem"), atomically: true, encoding: .utf8)
        return w
    }

    private func store(_ w: FakeAWSWorkspace, _ word: String) throws -> [String: [String: Any]] {
        (try w.database()[word] as? [String: [String: Any]]) ?? [:]
    }

    @Test func theKeyThenTheGroupThenTheDistributionAndBackInReverse() throws {
        let w = try workspace()
        defer { w.remove() }
        let applied = try w.apply()
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let calls = try w.calls()
        let key = try #require(calls.firstIndex(of: "cloudfront create-public-key"))
        let group = try #require(calls.firstIndex(of: "cloudfront create-key-group"))
        let distribution = try #require(calls.firstIndex(of: "cloudfront create-distribution"))
        #expect(key < group && group < distribution, "\(calls)")
        let keyID = try #require(try store(w, "public-key").keys.first)
        let groupID = try #require(try store(w, "key-group").keys.first)
        let groupConfig = try #require(try store(w, "key-group")[groupID]?["config"] as? [String: Any])
        #expect(groupConfig["Items"] as? [String] == [keyID], "the key group lists the key's id")
        let config = try #require(try w.distributions().values.first?["config"] as? [String: Any])
        let trusted = (config["DefaultCacheBehavior"] as? [String: Any])?["TrustedKeyGroups"] as? [String: Any]
        #expect(trusted?["Items"] as? [String] == [groupID])
        #expect(try w.apply().stdout.contains("nothing to do"))

        // The key's text cannot change in CloudFront: a new key is a new name.
        try w.edit("trusted-key-group-names: [signers]\n", "")
        try w.edit(
            "public-keys:\n  signer:\n    encoded-key-file: keys/signer.pem\nkey-groups:\n  signers:\n    items: [signer]\n    comment: download signers\n",
            "")
        let removed = try w.apply(["--allow-delete"])
        #expect(removed.status == 0, "\(removed.stdout)\(removed.stderr)")
        let after = try w.calls()
        let update = try #require(after.lastIndex(of: "cloudfront update-distribution"))
        let groupGone = try #require(after.lastIndex(of: "cloudfront delete-key-group"))
        let keyGone = try #require(after.lastIndex(of: "cloudfront delete-public-key"))
        #expect(update < groupGone && groupGone < keyGone, "\(after)")
        #expect(try store(w, "public-key").isEmpty && store(w, "key-group").isEmpty)
    }
}
