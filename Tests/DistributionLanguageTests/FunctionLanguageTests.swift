import APIDocument
import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionIR
import Foundation
import Testing

/// CloudFront Functions declared beside the distributions: code read from a file next to the
/// config (and only from there), emitted as FunctionConfig plus the code, and named from a
/// behavior's function association.
@Suite struct FunctionLanguageTests {
    static let code = "function handler(event) {\n    return event.request;\n}\n"

    static func site(code: String = "functions/rewrite.js", association: String = "function: rewrite") -> String {
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
              function-associations:
                - event-type: viewer-request
                  \(association)
        functions:
          rewrite:
            comment: rewrites
            code: \(code)

        """
    }

    /// A directory holding `functions/rewrite.js` (with `code`), removed by the caller.
    private func directory(code: [UInt8] = Array(Self.code.utf8)) throws -> URL {
        let directory = TestPaths.makeTemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("functions"), withIntermediateDirectories: true)
        try Data(code).write(to: directory.appendingPathComponent("functions/rewrite.js"))
        return directory
    }

    private func compile(_ yaml: String, in directory: URL, ids: CompanionIDs = CompanionIDs()) -> CompileResult {
        var options = CompileOptions()
        options.formats = [.json, .xml]
        options.companionIDs = ids
        options.configDirectory = directory.path
        return Pipeline().compile(source: SourceFile(path: "site.yaml", bytes: Array(yaml.utf8)), options: options)
    }

    @Test func theCodeIsReadAndWrittenBesideTheConfigDocument() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let arn = "arn:aws:cloudfront::111122223333:function/rewrite"
        let result = compile(Self.site(), in: directory, ids: CompanionIDs([.function: ["rewrite": arn]]))
        #expect(result.diagnostics.filter { $0.severity != .note }.isEmpty, "\(TestCompiler.renderedDiagnostics(result))")
        #expect(
            result.documents.map(\.logicalPath) == [
                "site.distribution.json", "site.distribution.xml",
                "rewrite.function.json", "rewrite.function.xml", "rewrite.function.js",
            ])
        let config = try #require(result.documents.first { $0.logicalPath == "rewrite.function.json" })
        #expect(
            String(decoding: config.bytes, as: UTF8.self) == "{\n  \"Comment\": \"rewrites\",\n  \"Runtime\": \"cloudfront-js-2.0\"\n}\n")
        let code = try #require(result.documents.first { $0.logicalPath == "rewrite.function.js" })
        #expect(code.bytes == Array(Self.code.utf8), "the code is sent as written, byte for byte")
        let distribution = try #require(result.documents.first { $0.logicalPath == "site.distribution.json" })
        #expect(String(decoding: distribution.bytes, as: UTF8.self).contains("\"FunctionARN\": \"\(arn)\""))
    }

    @Test func aFunctionNotCreatedYetKeepsTheDistributionBack() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = compile(Self.site(), in: directory)
        #expect(!result.hasErrors, "\(TestCompiler.renderedDiagnostics(result))")
        let warning = try #require(result.diagnostics.first { $0.id == "compile.waiting_for_ids" })
        #expect(warning.summary.contains("function 'rewrite'"), "\(warning.summary)")
        #expect(!result.documents.contains { $0.logicalPath.hasPrefix("site.") })
        #expect(result.documents.contains { $0.logicalPath == "rewrite.function.js" })
    }

    @Test func codeOfExactlyTheLimitIsAccepted() throws {
        let directory = try directory(code: Array(repeating: UInt8(ascii: " "), count: 40_960))
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = compile(Self.site(), in: directory)
        #expect(!result.hasErrors, "\(TestCompiler.renderedDiagnostics(result))")
    }

    /// Code paths cfc refuses to read, and code CloudFront would refuse: each an error at the
    /// path, none of them reading anything outside the config's directory.
    @Test(arguments: [
        ("/etc/passwd", "file.path", "it is an absolute path"),
        ("../outside.js", "file.path", "it leaves the config's directory"),
        ("functions/../../outside.js", "file.path", "it leaves the config's directory"),
        ("functions/missing.js", "file.unreadable", "no such file"),
        ("functions/empty.js", "file.unreadable", "it is empty"),
        ("functions/big.js", "file.unreadable", "larger than CloudFront's limit of 40960 bytes"),
        ("functions/link.js", "file.unreadable", "symbolic link"),
        ("linked/hostname", "file.unreadable", "'linked' is a symbolic link or not a directory"),
        (".git/config", "file.path", "'.git' is hidden"),
        ("functions/.env", "file.path", "'.env' is hidden"),
        ("'-'", "file.path", "it names standard input"),
    ])
    func aCodeFileThatCannotBeUsedIsAnError(_ path: String, _ id: String, _ reason: String) throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data().write(to: directory.appendingPathComponent("functions/empty.js"))
        try Data(repeating: 0x20, count: 40_961).write(to: directory.appendingPathComponent("functions/big.js"))
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("functions/link.js").path,
            withDestinationPath: directory.appendingPathComponent("functions/rewrite.js").path)
        // A committed link to a directory outside: nothing beneath it is read.
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("linked").path, withDestinationPath: "/etc")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("[credential]\n".utf8).write(to: directory.appendingPathComponent(".git/config"))
        let result = compile(Self.site(code: path), in: directory)
        let error = try #require(result.diagnostics.first { $0.severity == .error }, "\(TestCompiler.renderedDiagnostics(result))")
        #expect(error.id == DiagnosticID(id), "\(error.summary)")
        #expect(error.summary.contains(reason), "\(error.summary)")
        #expect(error.range?.start.line == 16, "at the code path")
        #expect(result.documents.isEmpty)
    }

    @Test func theCodeKeyIsRequired() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = compile(Self.site().replacingOccurrences(of: "    code: functions/rewrite.js\n", with: ""), in: directory)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.id == "schema.missing_key" && error.summary.contains("'code'"), "\(error.summary)")
    }

    @Test func aFunctionNameFollowsCloudFrontsRule() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let yaml = Self.site().replacingOccurrences(of: "  rewrite:\n    comment", with: "  rewrite.index:\n    comment")
        let result = compile(yaml, in: directory)
        let error = try #require(
            result.diagnostics.first { $0.id == "schema.companion_name" }, "\(TestCompiler.renderedDiagnostics(result))")
        #expect(error.summary.contains("only letters, digits, '-' and '_'"), "\(error.summary)")
    }

    @Test(arguments: [
        (
            "function: rewrite\n          function-arn: arn:aws:cloudfront::111122223333:function/rewrite", "schema.policy_keys",
            "the function is given twice: 'function' and 'function-arn'"
        ),
        ("{}", "schema.missing_key", "missing required key 'function'"),
        ("function: rewrit", "reference.unknown_policy", "'rewrit' is no function declared under 'functions'"),
        ("function: arn:aws:cloudfront::111122223333:function/rewrite", "reference.unknown_policy", "cannot name a function"),
    ])
    func anAssociationNamesItsFunctionOnce(_ association: String, _ id: String, _ summary: String) throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let yaml =
            association == "{}"
            ? Self.site().replacingOccurrences(
                of: "        - event-type: viewer-request\n          function: rewrite\n",
                with: "        - event-type: viewer-request\n")
            : Self.site(association: association)
        let result = compile(yaml, in: directory)
        let error = try #require(result.diagnostics.first { $0.severity == .error }, "\(TestCompiler.renderedDiagnostics(result))")
        #expect(error.id == DiagnosticID(id), "\(error.summary)")
        #expect(error.summary.contains(summary), "\(error.summary)")
        if association.hasPrefix("function: arn:") { #expect(error.hint == "an ARN goes in 'function-arn'") }
    }

    /// A function names the key value store it reads by name: the store's ARN once it exists,
    /// until then the function waits (its documents are not written) as a distribution does.
    @Test func aFunctionNamesItsKeyValueStore() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let yaml = Self.site().replacingOccurrences(
            of: "    code: functions/rewrite.js\n",
            with: """
                    code: functions/rewrite.js
                    key-value-store-associations:
                      - key-value-store: redirects
                key-value-stores:
                  redirects: {comment: old paths}

                """)
        let function = "arn:aws:cloudfront::111122223333:function/rewrite"
        let store = "arn:aws:cloudfront::111122223333:key-value-store/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
        let waiting = compile(yaml, in: directory, ids: CompanionIDs([.function: ["rewrite": function]]))
        #expect(!waiting.hasErrors, "\(TestCompiler.renderedDiagnostics(waiting))")
        let warning = try #require(waiting.diagnostics.first { $0.id == "compile.waiting_for_ids" })
        #expect(
            warning.summary
                == "function 'rewrite' is not written: it names key value store 'redirects', which does not exist in CloudFront yet")
        #expect(warning.range?.start.line == 18)
        #expect(!waiting.documents.contains { $0.logicalPath.hasPrefix("rewrite.") })
        #expect(waiting.documents.contains { $0.logicalPath == "redirects.key-value-store.json" })

        let resolved = compile(
            yaml, in: directory, ids: CompanionIDs([.function: ["rewrite": function], .keyValueStore: ["redirects": store]]))
        #expect(resolved.diagnostics.filter { $0.severity != .note }.isEmpty, "\(TestCompiler.renderedDiagnostics(resolved))")
        let config = try #require(resolved.documents.first { $0.logicalPath == "rewrite.function.json" })
        #expect(String(decoding: config.bytes, as: UTF8.self).contains("\"KeyValueStoreARN\": \"\(store)\""))
        let request = try #require(resolved.documents.first { $0.logicalPath == "redirects.key-value-store.json" })
        #expect(
            String(decoding: request.bytes, as: UTF8.self) == "{\n  \"Name\": \"redirects\",\n  \"Comment\": \"old paths\"\n}\n",
            "the create request, as --cli-input-json takes it")

        let unknown = compile(
            yaml.replacingOccurrences(of: "- key-value-store: redirects", with: "- key-value-store: redirect"), in: directory)
        let error = try #require(unknown.diagnostics.first { $0.severity == .error })
        #expect(error.summary == "'redirect' is no key value store declared under 'key-value-stores'", "\(error.summary)")
        #expect(error.hint?.contains("did you mean 'redirects'?") == true, "\(error.hint ?? "")")
        #expect(error.range?.start.line == 18)
        #expect(unknown.documents.isEmpty)
    }
}
