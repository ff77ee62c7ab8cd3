import APIDocument
import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionIR
import Foundation
import Testing

/// Public keys and key groups declared beside the distributions: a key's PEM inline or from a
/// file beside the config (never a private key), a key group's keys and a behavior's trusted key
/// groups each an id or a declared one's name.
@Suite struct KeyGroupLanguageTests {
    /// A public key as `openssl rsa -pubout` writes it (the test data is a key, not a secret).
    static let publicKey = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEXg2mYLkE7BLxhYkGzNqP3mpUHGwM
        7m7qVwqH3FQ7K1yIzHf6n0Zr9u3ZlcKqCq0W0oJmKkXl1iQm0o8n0cF1ZQ==
        -----END PUBLIC KEY-----

        """

    static func site(
        key: String = "encoded-key-file: keys/signer.pem", items: String = "[signer]",
        trusted: String = "[signers]"
    ) -> String {
        """
        version: 1
        distributions:
          site:
            origins:
              app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: https-only
              cache-policy: CachingOptimized
              trusted-key-group-names: \(trusted)
        public-keys:
          signer:
            \(key)
        key-groups:
          signers:
            items: \(items)

        """
    }

    private func directory(pem: String = Self.publicKey) throws -> URL {
        let directory = TestPaths.makeTemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("keys"), withIntermediateDirectories: true)
        try pem.write(to: directory.appendingPathComponent("keys/signer.pem"), atomically: true, encoding: .utf8)
        return directory
    }

    private func compile(_ yaml: String, in directory: URL, ids: CompanionIDs = CompanionIDs()) -> CompileResult {
        var options = CompileOptions()
        options.formats = [.json]
        options.companionIDs = ids
        options.configDirectory = directory.path
        return Pipeline().compile(source: SourceFile(path: "site.yaml", bytes: Array(yaml.utf8)), options: options)
    }

    @Test func namesResolveThroughTheStateFileAndWaitUntilThen() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let waiting = compile(Self.site(), in: directory)
        #expect(!waiting.hasErrors, "\(TestCompiler.renderedDiagnostics(waiting))")
        let warnings = waiting.diagnostics.filter { $0.id == "compile.waiting_for_ids" }.map(\.summary)
        #expect(
            warnings.contains("key group 'signers' is not written: it names public key 'signer', which does not exist in CloudFront yet"),
            "\(warnings)")
        #expect(
            warnings.contains("distribution 'site' is not written: it names key group 'signers', which does not exist in CloudFront yet"),
            "\(warnings)")
        let key = try #require(waiting.documents.first { $0.logicalPath == "signer.public-key.json" })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(key.bytes)) as? [String: String])
        #expect(json == ["CallerReference": "cfc-signer", "Name": "signer", "EncodedKey": Self.publicKey])

        let group = "5f0c0a1e-1b2c-4d3e-8f90-a1b2c3d4e5f6"
        let resolved = compile(
            Self.site(), in: directory, ids: CompanionIDs([.publicKey: ["signer": "K2JCJMDEHXQW5F"], .keyGroup: ["signers": group]]))
        #expect(resolved.diagnostics.filter { $0.severity != .note }.isEmpty, "\(TestCompiler.renderedDiagnostics(resolved))")
        let groupDocument = try #require(resolved.documents.first { $0.logicalPath == "signers.key-group.json" })
        #expect(String(decoding: groupDocument.bytes, as: UTF8.self).contains("\"K2JCJMDEHXQW5F\""))
        let distribution = try #require(resolved.documents.first { $0.logicalPath == "site.distribution.json" })
        #expect(String(decoding: distribution.bytes, as: UTF8.self).contains("\"\(group)\""))
    }

    /// Ids and names mix: an id is kept as written, and a companion may not be named like one.
    @Test func idsAreKeptAndNoCompanionIsNamedLikeOne() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let ids = compile(
            Self.site(items: "[K2JCJMDEHXQW5F]", trusted: "[]")
                .replacingOccurrences(
                    of: "trusted-key-group-names: []", with: "trusted-key-groups: [5f0c0a1e-1b2c-4d3e-8f90-a1b2c3d4e5f6]"), in: directory)
        #expect(
            !ids.hasErrors && !ids.diagnostics.contains { $0.id == "compile.waiting_for_ids" }, "\(TestCompiler.renderedDiagnostics(ids))")
        let named = compile(Self.site().replacingOccurrences(of: "  signer:\n", with: "  SIGNER2026KEY1:\n"), in: directory)
        let error = try #require(named.diagnostics.first { $0.id == "schema.companion_name" }, "\(TestCompiler.renderedDiagnostics(named))")
        #expect(error.summary.contains("it reads as an id where the public key is named"), "\(error.summary)")
    }

    @Test(arguments: [
        ("encoded-key-file: keys/missing.pem", "file.unreadable", "no such file"),
        ("encoded-key-file: /home/runner/.ssh/id_rsa.pub", "file.path", "it is an absolute path"),
        ("encoded-key: not a key", "schema.public_key", "not a PEM public key"),
        ("encoded-key: \"-----BEGIN PRIVATE KEY-----\\nMII\\n-----END PRIVATE KEY-----\\n\"", "schema.public_key", "this is a private key"),
        ("comment: no key", "schema.missing_key", "missing required key 'encoded-key-file'"),
        (
            "encoded-key-file: keys/signer.pem\n    encoded-key: \"-----BEGIN PRIVATE KEY-----\\nMII\\n-----END PRIVATE KEY-----\\n\"",
            "schema.public_key", "this is a private key"
        ),
    ])
    func aKeyThatCannotBeSentIsAnError(_ key: String, _ id: String, _ summary: String) throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = compile(Self.site(key: key), in: directory)
        let error = try #require(result.diagnostics.first { $0.severity == .error }, "\(TestCompiler.renderedDiagnostics(result))")
        #expect(error.id == DiagnosticID(id), "\(error.summary)")
        #expect(error.summary.contains(summary), "\(error.summary)")
        #expect(!TestCompiler.renderedDiagnostics(result).contains("MII"), "a key's text is never echoed")
    }

    @Test func anUndeclaredNameIsAnErrorWithASuggestion() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = compile(Self.site(items: "[signr]"), in: directory)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.summary == "'signr' is no public key declared under 'public-keys'", "\(error.summary)")
        #expect(error.range?.start.line == 16)
        #expect(result.documents.isEmpty)
    }
}
