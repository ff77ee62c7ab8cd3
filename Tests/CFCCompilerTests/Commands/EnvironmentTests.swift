import APIDocument
import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Foundation
import Testing

/// Parameters and environments: each environment's values, typed; diagnostics at the use and
/// at the definition; `check` across environments; output names per environment.
@Suite struct EnvironmentTests {
    static let site = """
        version: 1
        parameters:
          domain: {type: string}
          price-class: {type: string, default: PriceClass_100}
          ttl: {type: integer, default: 3600}
          names: {type: list, default: [a.example.com]}
          origin-secret: {type: string, sensitive: true, value: "${env:ORIGIN_SECRET}"}
        environments:
          staging: {domain: staging.example.com}
          prod: {domain: www.example.com, price-class: PriceClass_All, ttl: 86400, names: [www.example.com, example.com]}
        distributions:
          www:
            comment: "site for ${domain}, $${literal}"
            aliases: ${names}
            price-class: ${price-class}
            viewer-certificate: {acm-certificate-arn: "arn:aws:acm:us-east-1:111122223333:certificate/1b2c3d4e-aaaa-bbbb-cccc-1234567890ab", ssl-support-method: sni-only}
            origins:
              app:
                domain-name: app.example.com
                custom-origin-config: {origin-protocol-policy: https-only}
                custom-headers: {X-Origin-Verify: "${origin-secret}"}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: https-only
              forwarded-values: {query-string: false}
              default-ttl: ${ttl}

        """

    static let secret = "0r1g1n-s3cr3t-value"

    static func json(_ result: CompileResult) throws -> [String: Any] {
        let document = try #require(
            result.documents.first { $0.logicalPath.hasSuffix(".json") }, "\(TestCompiler.renderedDiagnostics(result))")
        return try #require(try JSONSerialization.jsonObject(with: Data(document.bytes)) as? [String: Any])
    }

    @Test func eachEnvironmentGetsItsValues() throws {
        let staging = TestCompiler.compile(Self.site, environment: "staging", variables: ["ORIGIN_SECRET": Self.secret])
        let prod = TestCompiler.compile(Self.site, environment: "prod", variables: ["ORIGIN_SECRET": Self.secret])
        let failed = staging.hasErrors || prod.hasErrors
        #expect(!failed, "\(TestCompiler.renderedDiagnostics(staging))\(TestCompiler.renderedDiagnostics(prod))")
        let stagingJSON = try Self.json(staging)
        let prodJSON = try Self.json(prod)
        #expect(stagingJSON["PriceClass"] as? String == "PriceClass_100")
        #expect(prodJSON["PriceClass"] as? String == "PriceClass_All")
        #expect(stagingJSON["Comment"] as? String == "site for staging.example.com, ${literal}")
        #expect(prodJSON["Comment"] as? String == "site for www.example.com, ${literal}")
        #expect((stagingJSON["Aliases"] as? [String: Any])?["Items"] as? [String] == ["a.example.com"])
        #expect((prodJSON["Aliases"] as? [String: Any])?["Items"] as? [String] == ["www.example.com", "example.com"])
        // A whole `${ttl}` keeps the integer type: a number in the document, not a string.
        let behavior = try #require(prodJSON["DefaultCacheBehavior"] as? [String: Any])
        #expect((behavior["DefaultTTL"] as? NSNumber)?.intValue == 86400)
        let bytes = String(decoding: try #require(prod.documents.first).bytes, as: UTF8.self)
        #expect(bytes.contains("\"DefaultTTL\": 86400"))
        #expect(bytes.contains("\"HeaderValue\": \"\(Self.secret)\""))
        // The output names carry the environment, so both compile into one directory.
        #expect(staging.documents.map(\.logicalPath) == ["www.staging.distribution.json"])
        #expect(prod.documents.map(\.logicalPath) == ["www.prod.distribution.json"])
        #expect(prod.sensitiveValues.contains(Self.secret))
    }

    @Test func aTypeErrorInAnEnvironmentsValueIsReportedAtTheValueTheDeclarationAndTheUse() {
        let text = Self.site.replacingOccurrences(of: "ttl: 86400", with: "ttl: \"86400\"")
        let result = TestCompiler.compile(text, environment: "prod", variables: ["ORIGIN_SECRET": Self.secret])
        let error = result.diagnostics.first { $0.id == "parameters.type" }
        #expect(error?.range?.start.line == 10, "the value, in the environment")
        #expect(error?.summary == "parameter 'ttl' is an integer, but environment 'prod' gives it '86400'")
        #expect(error?.notes.map { $0.range?.start.line } == [5, 26], "the declaration, then the use")
        #expect(error?.hint == "remove the quotes: a quoted value is a string")
        // Its use reports nothing more: the value's error says it.
        #expect(result.diagnostics.filter(\.isError).count == 1, "\(TestCompiler.renderedDiagnostics(result))")
        #expect(result.documents.isEmpty)
    }

    @Test func aValueThatLoweringRefusesIsReportedAtTheUseWithANoteAtTheDefinition() {
        let text = Self.site.replacingOccurrences(of: "price-class: PriceClass_All", with: "price-class: PriceClass_Al")
        let result = TestCompiler.compile(text, environment: "prod", variables: ["ORIGIN_SECRET": Self.secret])
        let error = result.diagnostics.first { $0.id == "schema.enum" }
        #expect(error?.range?.start.line == 15 && error?.range?.start.column == 18, "at ${price-class}")
        #expect(
            error?.notes.contains { $0.message == "environment 'prod' sets parameter 'price-class' here" && $0.range?.start.line == 10 }
                == true)
        // A fix-it there would replace `${price-class}` with a value.
        #expect(error?.fixIts.isEmpty == true)
    }

    @Test func unknownParametersAndEnvironmentsSuggestTheNearestName() {
        let misspelt = Self.site.replacingOccurrences(of: "comment: \"site for ${domain}", with: "comment: \"site for ${domian}")
        let result = TestCompiler.compile(misspelt, environment: "prod", variables: ["ORIGIN_SECRET": Self.secret])
        let unknown = result.diagnostics.first { $0.id == "parameters.unknown" }
        #expect(unknown?.summary == "unknown parameter 'domian'")
        #expect(unknown?.hint == "did you mean 'domain'?")
        #expect(unknown?.range?.start.line == 13 && unknown?.range?.start.column == 24, "at the reference inside the text")

        let wrongEnvironment = TestCompiler.compile(Self.site, environment: "prd", variables: ["ORIGIN_SECRET": Self.secret])
        let environment = wrongEnvironment.diagnostics.first { $0.id == "environments.unknown" }
        #expect(environment?.hint == "did you mean 'prod'? the file declares 'staging', 'prod'")

        let none = TestCompiler.compile(Self.site, variables: ["ORIGIN_SECRET": Self.secret])
        #expect(none.diagnostics.filter(\.isError).map(\.id) == ["environments.required"], "\(TestCompiler.renderedDiagnostics(none))")
    }

    @Test func anEnvironmentWithoutARequiredValueIsReportedAtTheEnvironmentAndTheDeclaration() {
        let text = Self.site.replacingOccurrences(
            of: "staging: {domain: staging.example.com}", with: "staging: {price-class: PriceClass_200}")
        let result = TestCompiler.compile(text, environment: "staging", variables: ["ORIGIN_SECRET": Self.secret])
        let missing = result.diagnostics.first { $0.id == "parameters.missing_value" }
        #expect(missing?.summary == "environment 'staging' gives no value for parameter 'domain', which has no default")
        #expect(missing?.range?.start.line == 9)
        #expect(missing?.notes.map { $0.range?.start.line } == [3, 13])
    }

    @Test func anUnsetVariableIsAnErrorWhereDocumentsAreWrittenAndANoteInCheck() {
        let compiled = TestCompiler.compile(Self.site, environment: "prod")
        #expect(compiled.diagnostics.filter(\.isError).map(\.summary) == ["environment variable ORIGIN_SECRET is not set"])
        #expect(compiled.documents.isEmpty)
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("site.yaml")
        try? Self.site.write(to: file, atomically: true, encoding: .utf8)
        var options = CompileOptions()
        options.environmentVariable = { _ in nil }
        let checked = CheckCommand.run(
            [file.path], format: .json, warningsAsErrors: false, suggestOrder: false, colors: false, options: options)
        #expect(!checked.failed, "\(String(decoding: checked.report, as: UTF8.self))")
    }

    @Test func valuesFromAnEnvironmentFileAreReportedInThatFile() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("environments"), withIntermediateDirectories: true)
        try "domain: www.example.com\nttl: soon\n".write(
            to: directory.appendingPathComponent("environments/prod.yaml"), atomically: true, encoding: .utf8)
        let text = Self.site.replacingOccurrences(
            of: "prod: {domain: www.example.com, price-class: PriceClass_All, ttl: 86400, names: [www.example.com, example.com]}",
            with: "prod: environments/prod.yaml")
        let result = TestCompiler.compile(
            text, file: directory.appendingPathComponent("site.yaml").path, environment: "prod",
            variables: ["ORIGIN_SECRET": Self.secret])
        let error = try #require(result.diagnostics.first { $0.id == "parameters.type" })
        #expect(error.range?.file == directory.appendingPathComponent("environments/prod.yaml").path)
        #expect(error.range?.start.line == 2)
        #expect(result.sources.contains { $0.path == error.range?.file }, "the file is there for the snippet")
    }

    @Test func checkWithoutAnEnvironmentChecksEachAndSaysWhereEachFindingHolds() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Only prod's TTL is negative, so only prod has that finding.
        let text = Self.site.replacingOccurrences(of: "ttl: 86400", with: "ttl: -5")
        let file = directory.appendingPathComponent("site.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        var options = CompileOptions()
        options.environmentVariable = { $0 == "ORIGIN_SECRET" ? Self.secret : nil }
        let runs = EnvironmentRuns.compile(path: file.path, environments: [], options: options)
        #expect(runs.environments == ["staging", "prod"])
        let onlyProd = runs.diagnostics.filter { $0.environments == ["prod"] }
        #expect(!onlyProd.isEmpty, "\(runs.diagnostics.map(\.summary))")
        #expect(onlyProd.allSatisfy { $0.summary.hasSuffix("(environment prod)") })
        // The same finding in both is one finding naming both.
        let both = runs.diagnostics.filter { $0.environments == ["staging", "prod"] }
        #expect(both.contains { $0.id == "secrets.literal" } == false)
        #expect(Set(runs.diagnostics).count == runs.diagnostics.count)
        let checked = CheckCommand.run(
            [file.path], format: .json, warningsAsErrors: false, suggestOrder: false, colors: false, options: options)
        let report = String(decoding: checked.report, as: UTF8.self)
        #expect(report.contains("\"environments\": [\"prod\"]"), "\(report)")
        #expect(checked.failed)
    }

    @Test func substitutionIsBoundedByTheInputSizeLimit() {
        // A 1 KiB value used 5,000 times in one list would be 5 MB: past four times a 1 MiB
        // limit it stops with one error, not with the memory.
        let value = String(repeating: "x", count: 1024)
        let uses = Array(repeating: "\"${big}-\"", count: 5000).joined(separator: ", ")
        let text = """
            version: 1
            parameters:
              big: {type: string, default: \(value)}
            distributions:
              www:
                comment: "${big}"
                aliases: [\(uses)]
                origins:
                  app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
                default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}

            """
        var options = CompileOptions()
        options.maxInputBytes = 256 << 10
        let result = Pipeline().compile(source: SourceFile(path: "big.yaml", bytes: Array(text.utf8)), options: options)
        #expect(result.diagnostics.filter { $0.id == "parameters.too_large" }.count == 1)
        #expect(result.documents.isEmpty)
    }

    /// The law: a parameterized config compiles to the bytes of the same config with every
    /// parameter written in by hand.
    @Test(arguments: 0..<40)
    func parametersCompileAsIfInlined(_ seed: Int) {
        var generator = SplitMix(seed: UInt64(seed))
        let priceClass = ["PriceClass_100", "PriceClass_200", "PriceClass_All"][Int(generator.next() % 3)]
        let ttl = Int(generator.next() % 1_000_000)
        let aliasCount = 1 + Int(generator.next() % 3)
        let aliases = (0..<aliasCount).map { "host\($0)-\(generator.next() % 1000).example.com" }
        let ipv6 = generator.next() % 2 == 0
        let domain = "app\(generator.next() % 100).example.com"
        let header = "v\(generator.next())"
        func config(priceClass: String, ttl: String, aliases: String, ipv6: String, domain: String, comment: String, header: String)
            -> String
        {
            """
            version: 1
            distributions:
              www:
                comment: \(comment)
                aliases: \(aliases)
                viewer-certificate: {acm-certificate-arn: "arn:aws:acm:us-east-1:111122223333:certificate/1b2c3d4e-aaaa-bbbb-cccc-1234567890ab", ssl-support-method: sni-only}
                price-class: \(priceClass)
                is-ipv6-enabled: \(ipv6)
                origins:
                  app:
                    domain-name: \(domain)
                    custom-origin-config: {origin-protocol-policy: https-only}
                    custom-headers: {X-Origin-Verify: \(header)}
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  forwarded-values: {query-string: false}
                  default-ttl: \(ttl)

            """
        }
        let inlined = config(
            priceClass: priceClass, ttl: String(ttl), aliases: "[" + aliases.joined(separator: ", ") + "]", ipv6: String(ipv6),
            domain: domain, comment: "\"origin \(domain) at \(ttl)\"", header: "\"\(header)\"")
        let declarations = """
            parameters:
              price-class: {type: string}
              ttl: {type: integer}
              aliases: {type: list}
              ipv6: {type: boolean, default: \(ipv6)}
              domain: {type: string}
              header: {type: string, sensitive: true, value: "${env:HEADER}"}
            environments:
              only: {price-class: \(priceClass), ttl: \(ttl), aliases: [\(aliases.joined(separator: ", "))], domain: \(domain)}

            """
        let parameterized = config(
            priceClass: "${price-class}", ttl: "${ttl}", aliases: "${aliases}", ipv6: "${ipv6}", domain: "${domain}",
            comment: "\"origin ${domain} at ${ttl}\"", header: "\"${header}\""
        )
        .replacingOccurrences(of: "version: 1\n", with: "version: 1\n" + declarations)
        let expected = TestCompiler.compile(inlined, formats: [.json, .xml])
        let actual = TestCompiler.compile(parameterized, formats: [.json, .xml], environment: "only", variables: ["HEADER": header])
        let failed = actual.hasErrors || expected.hasErrors
        #expect(!failed, "\(TestCompiler.renderedDiagnostics(expected))\(TestCompiler.renderedDiagnostics(actual))")
        let same = !expected.documents.isEmpty && expected.documents.map(\.bytes) == actual.documents.map(\.bytes)
        #expect(same)
    }
}

/// A small deterministic generator for the property test.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A secret given through the environment reaches the documents CloudFront receives and
/// nothing else: every command's standard output and error is searched for it.
@Suite struct EnvironmentSecretTests {
    static let secret = "Zq8-secret-from-the-environment-41"
    static let older = "Zq8-older-secret-value-17"

    static func workspace() throws -> URL {
        let directory = TestPaths.makeTemporaryDirectory()
        let example = TestPaths.examples.appendingPathComponent("two-environments")
        try FileManager.default.copyItem(at: example, to: directory.appendingPathComponent("site"))
        return directory.appendingPathComponent("site")
    }

    struct Invocation: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let invocations: [Invocation] = [
        ["check", "site.yaml"], ["check", "site.yaml", "--format", "json"], ["check", "site.yaml", "--format", "sarif"],
        ["check", "site.yaml", "--format", "github", "--min-severity", "note"], ["check", "--env", "prod", "site.yaml"],
        ["compile", "--env", "prod", "--output", "out", "site.yaml"],
        ["compile", "--env", "staging", "--format", "both", "--output", "out", "site.yaml"],
        ["plan", "--env", "prod", "site.yaml"], ["plan", "--env", "prod", "site.yaml", "--format", "json"],
        ["plan", "--env", "prod", "site.yaml", "--format", "markdown"], ["plan", "--env", "prod", "site.yaml", "--output", "plan"],
        ["plan", "--env", "prod", "site.yaml", "--previous", "old.json"],
        ["plan", "--env", "prod", "site.yaml", "--previous", "old.json", "--format", "json"],
        ["diff", "--env", "staging", "--env", "prod", "site.yaml"],
        ["diff", "--env", "staging", "--env", "prod", "site.yaml", "--format", "json"],
        ["diff", "--env", "prod", "old.json", "site.yaml", "--format", "markdown"],
        ["route", "--env", "prod", "site.yaml", "GET", "https://www.example.com/index.html"],
        ["route", "--env", "prod", "site.yaml", "GET", "https://www.example.com/index.html", "--format", "json"],
        ["fmt", "--check", "site.yaml"],
    ].map { Invocation(arguments: $0) }

    @Test(arguments: invocations)
    func theSecretAppearsInNoOutput(_ invocation: Invocation) throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        // The live side of a plan or diff, holding the secret before a rotation.
        let old = try Processes.cfc(
            ["compile", "--env", "prod", "site.yaml"], currentDirectory: directory, environment: ["ORIGIN_SECRET": Self.older])
        try #require(old.status == 0, "\(old.stderr)")
        try old.stdout.write(to: directory.appendingPathComponent("old.json"), atomically: true, encoding: .utf8)
        let result = try Processes.cfc(invocation.arguments, currentDirectory: directory, environment: ["ORIGIN_SECRET": Self.secret])
        let everything = result.stdout + result.stderr
        #expect([0, 1, 2].contains(result.status), "\(everything)")
        #expect(!everything.contains(Self.secret), "\(everything)")
        #expect(!everything.contains(Self.older), "\(everything)")
        // Against the live side, the secret was rotated: the change is reported, not shown.
        if invocation.arguments.contains("old.json") {
            #expect(everything.contains("sensitive"), "\(everything)")
        }
    }

    @Test func theDocumentsCarryTheSecretAndAreOwnerOnly() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        for environment in ["staging", "prod"] {
            let result = try Processes.cfc(
                ["compile", "--env", environment, "--output", "out", "site.yaml"], currentDirectory: directory,
                environment: ["ORIGIN_SECRET": Self.secret])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let out = directory.appendingPathComponent("out")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["www.prod.distribution.json", "www.staging.distribution.json"])
        for name in names {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(text.contains("\"HeaderValue\": \"\(Self.secret)\""))
            let mode = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.posixPermissions] as? Int
            #expect(mode.map { $0 & 0o777 } == 0o600)
        }
        let prod = try String(contentsOf: out.appendingPathComponent("www.prod.distribution.json"), encoding: .utf8)
        #expect(prod.contains("\"www.example.com\"") && prod.contains("PriceClass_All"))
    }

    /// A parameter declared sensitive is hidden wherever it is used, not only in members the
    /// model marks sensitive.
    @Test func aSensitiveParameterInAnOrdinaryMemberIsRedacted() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = """
            version: 1
            parameters:
              token: {type: string, sensitive: true, value: "${env:TOKEN}"}
            distributions:
              www:
                comment: "token ${token}"
                origins:
                  app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
                default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}

            """
        try config.write(to: directory.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        try config.replacingOccurrences(of: "${env:TOKEN}", with: "\(Self.older)")
            .replacingOccurrences(of: "sensitive: true, value", with: "value")
            .write(to: directory.appendingPathComponent("old.yaml"), atomically: true, encoding: .utf8)
        let result = try Processes.cfc(["diff", "old.yaml", "site.yaml"], currentDirectory: directory, environment: ["TOKEN": Self.secret])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(!result.stdout.contains(Self.secret), "\(result.stdout)")
        #expect(result.stdout.contains("(sensitive value)"), "\(result.stdout)")
    }
}
