import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionIR
import Foundation
import Testing

/// The state file: the same state is the same bytes, what cfc writes it reads back, and a file
/// edited into nonsense is refused with each problem at its line and column.
@Suite struct StateFileTests {
    static let sample = StateFile(
        distributions: [
            "www": StateFile.Record(
                id: "EDFDVBD6EXAMPLE", arn: "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE",
                domainName: "d111111abcdef8.cloudfront.net", callerReference: "cfc-www", etag: "E2QWRUHEXAMPLE",
                configSHA256: String(repeating: "ab", count: 32),
                pendingInvalidation: StateFile.PendingInvalidation(
                    callerReference: "cfc-0123456789abcdef", paths: ["/blog/*", "/index.html"])),
            "api": StateFile.Record(id: "E1ABCDEF234567"),
        ],
        companions: [
            .cachePolicy: [
                "static-assets": StateFile.CompanionRecord(
                    id: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", etag: "E23ZP02F085DFQ",
                    configSHA256: String(repeating: "cd", count: 32)),
                "api": StateFile.CompanionRecord(id: "08627262-05a9-4f76-9ded-b50ca2e3a84f"),
            ],
            .originAccessControl: ["site-oac": StateFile.CompanionRecord(id: "E2QWRUHEXAMPLE", etag: "ETVPDKIKX0DER")],
            .function: [
                "rewrite-index": StateFile.CompanionRecord(
                    id: "arn:aws:cloudfront::111122223333:function/rewrite-index",
                    etag: "ETVPDKIKX0DER")
            ],
            .publicKey: ["signer": StateFile.CompanionRecord(id: "K2JCJMDEHXQW5F")],
            .keyGroup: ["signers": StateFile.CompanionRecord(id: "5f0c0a1e-1b2c-4d3e-8f90-a1b2c3d4e5f6")],
            .keyValueStore: [
                "redirects": StateFile.CompanionRecord(
                    id: "arn:aws:cloudfront::111122223333:key-value-store/a1b2c3d4-5678-90ab-cdef-0123456789ab")
            ],
        ])

    private func read(_ text: String, mustExist: Bool = false) throws -> (StateFile?, [Diagnostic]) {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cfc-state.json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let sink = DiagnosticCollector()
        return (StateFile.read(path, mustExist: mustExist, options: CompileOptions(), sink: sink), sink.diagnostics)
    }

    @Test func writtenStateReadsBackAndIsByteStable() throws {
        let bytes = Self.sample.rendered()
        #expect(bytes == Self.sample.rendered())
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        // Distributions by name, members in a fixed order.
        #expect(text.firstRange(of: "\"api\"")!.lowerBound < text.firstRange(of: "\"www\"")!.lowerBound)
        let (state, diagnostics) = try read(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(state == Self.sample)
    }

    /// Companions sit under the keys that declare them, in the kinds' fixed order, and their ids
    /// resolve references by name.
    @Test func companionsAreKeptByKindAndGiveTheirIDs() {
        let text = String(decoding: Self.sample.rendered(), as: UTF8.self)
        let distributions = text.firstRange(of: "\"distributions\"")!.lowerBound
        let policies = text.firstRange(of: "\"cache-policies\"")!.lowerBound
        let controls = text.firstRange(of: "\"origin-access-controls\"")!.lowerBound
        #expect(distributions < policies && policies < controls)
        #expect(!text.contains("origin-request-policies"), "a kind with none is left out")
        let ids = Self.sample.companionIDs
        #expect(ids.id(of: .cachePolicy, named: "static-assets") == "4135ea2d-6df8-44a3-9df3-4b5a84be39ad")
        #expect(ids.id(of: .originAccessControl, named: "site-oac") == "E2QWRUHEXAMPLE")
        #expect(
            ids.id(of: .function, named: "rewrite-index") == "arn:aws:cloudfront::111122223333:function/rewrite-index",
            "a function's id is its ARN, which is what distributions name")
        #expect(controls < text.firstRange(of: "\"functions\"")!.lowerBound)
        #expect(ids.id(of: .originRequestPolicy, named: "static-assets") == nil)
        var state = Self.sample
        state.setCompanion(.originAccessControl, "site-oac", nil)
        #expect(state.companions[.originAccessControl] == nil)
    }

    /// A policy id is a UUID and an origin access control id is CloudFront's capital letters and
    /// digits; anything else in the file is refused where it stands.
    @Test func companionNonsenseIsRefusedAtItsPlace() throws {
        let (state, diagnostics) = try read(
            """
            {
              "version": 1,
              "distributions": {},
              "cache-policies": {
                "static": {"id": "E2QWRUHEXAMPLE"},
                "api": {"id": "08627262-05a9-4f76-9ded-b50ca2e3a84f", "etg": "E1"}
              },
              "origin-access-controls": {"oac": {"id": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"}, "../x": {"id": "E1"}},
              "origin-request-policies": ["x"],
              "cache-policy": {},
              "functions": {"a.b": {"id": "arn:aws:cloudfront::111122223333:function/a.b"},
                            "rewrite": {"id": "arn:aws:cloudfront::111122223333:function/other"},
                            "short": {"id": "E2QWRUHEXAMPLE"}},
              "key-value-stores": {"store": {"id": "arn:aws:cloudfront::111122223333:function/store"}},
              "public-keys": {"a": {"id": "K2JCJMDEHXQW5F"}, "b": {"id": "K2JCJMDEHXQW5F"}}
            }
            """)
        #expect(state == nil)
        let found = diagnostics.map { "\($0.range?.start.line ?? 0):\($0.summary)" }
        #expect(found.contains { $0.hasPrefix("5:id of cache policy 'static' is not a CloudFront policy id") }, "\(found)")
        #expect(diagnostics.contains { $0.summary == "unknown member 'etg' in cache policy 'api'" && $0.hint == "did you mean 'etag'?" })
        #expect(
            found.contains { $0.hasPrefix("8:id of origin access control 'oac' is not a CloudFront origin access control id") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("8:origin access control name '../x'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("9:origin-request-policies must be an object") }, "\(found)")
        #expect(
            diagnostics.contains {
                $0.summary == "unknown member 'cache-policy' in the state file" && $0.hint == "did you mean 'cache-policies'?"
            })
        #expect(found.contains { $0.hasPrefix("11:function name 'a.b'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("12:id of function 'rewrite' is the ARN of another function") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("13:id of function 'short' is not a CloudFront Function ARN") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("14:id of key value store 'store' is not a CloudFront key value store ARN") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("15:id of public key 'b' is also the id of public key 'a'") }, "\(found)")
    }

    @Test func aMissingFileIsAnEmptyStateUnlessItMustExist() throws {
        let sink = DiagnosticCollector()
        #expect(StateFile.read("/nonexistent/cfc-state.json", options: CompileOptions(), sink: sink) == StateFile())
        #expect(sink.diagnostics.isEmpty)
        #expect(StateFile.read("/nonexistent/cfc-state.json", mustExist: true, options: CompileOptions(), sink: sink) == nil)
        #expect(sink.diagnostics.first?.id.rawValue == "io.read")
    }

    @Test func nonsenseIsRefusedAtItsPlace() throws {
        let (state, diagnostics) = try read(
            """
            {
              "version": 2,
              "distributions": {
                "www": {"id": "not an id; rm -rf /", "etg": "E2QWRUHEXAMPLE"},
                "../x": {"id": "E1"},
                "api": {"arn": "arn:aws:cloudfront::1:distribution/E1"}
              },
              "extra": true
            }
            """)
        #expect(state == nil)
        let found = diagnostics.map { "\($0.range?.start.line ?? 0):\($0.id.rawValue):\($0.summary)" }
        #expect(found.contains { $0.hasPrefix("2:state.invalid:version must be 1") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("4:state.invalid:id of distribution 'www' is not a CloudFront distribution id") }, "\(found)")
        #expect(diagnostics.contains { $0.summary == "unknown member 'etg' in distribution 'www'" && $0.hint == "did you mean 'etag'?" })
        #expect(found.contains { $0.hasPrefix("5:state.invalid:distribution name '../x'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("6:state.invalid:distribution 'api' has no 'id'") }, "\(found)")
        #expect(found.contains { $0.contains("unknown member 'extra' in the state file") }, "\(found)")
    }

    /// An owed invalidation is held to what CloudFront would take: a caller reference, and 1 to
    /// 3,000 printable paths that start with a slash.
    @Test func aPendingInvalidationIsReadStrictly() throws {
        let (state, diagnostics) = try read(
            """
            {
              "version": 1,
              "distributions": {
                "www": {"id": "E1ABCDEF234567", "pending-invalidation": {"caller-reference": "cfc-1", "paths": ["blog/*"]}},
                "api": {"id": "E1ABCDEF234568", "pending-invalidation": {"paths": [], "extra": 1}},
                "img": {"id": "E1ABCDEF234569", "pending-invalidation": ["/a"]}
              }
            }
            """)
        #expect(state == nil)
        let found = diagnostics.map { "\($0.range?.start.line ?? 0):\($0.summary)" }
        #expect(
            found.contains { $0.hasPrefix("4:a path of pending-invalidation of distribution 'www' is not an invalidation path") },
            "\(found)")
        #expect(found.contains { $0.hasPrefix("5:unknown member 'extra' in pending-invalidation") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("5:pending-invalidation of distribution 'api' has no 'caller-reference'") }, "\(found)")
        #expect(
            found.contains { $0.hasPrefix("5:paths of pending-invalidation of distribution 'api' must be a list of 1 to 3000 paths") },
            "\(found)")
        #expect(found.contains { $0.hasPrefix("6:pending-invalidation of distribution 'img' must be an object") }, "\(found)")
    }

    @Test func notJSONIsASyntaxError() throws {
        let (state, diagnostics) = try read("{\"version\": 1, \"distributions\": {")
        #expect(state == nil)
        #expect(diagnostics.first?.id.rawValue == "state.syntax")
    }

    @Test func theStateFileSitsBesideTheFirstConfig() {
        #expect(StateFile.path(forConfigs: ["configs/site.yaml", "other/x.yaml"], explicit: nil) == "configs/cfc-state.json")
        #expect(StateFile.path(forConfigs: ["site.yaml"], explicit: nil) == "cfc-state.json")
        #expect(StateFile.path(forConfigs: ["/site.yaml"], explicit: nil) == "/cfc-state.json")
        #expect(StateFile.path(forConfigs: ["-"], explicit: nil) == "cfc-state.json")
        #expect(StateFile.path(forConfigs: ["a/site.yaml"], explicit: "state/prod.json") == "state/prod.json")
    }

    /// What cfc writes is what the published schema describes, and the schema refuses what the
    /// reader refuses.
    @Test(.enabled(if: PythonTools.available(["jsonschema"]), "needs Python 3 with jsonschema"))
    func theSchemaDescribesTheFile() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = TestPaths.packageRoot.appendingPathComponent("schema/cfc-state.schema.json").path
        let good = directory.appendingPathComponent("good.json")
        try Data(Self.sample.rendered()).write(to: good)
        let empty = directory.appendingPathComponent("empty.json")
        try Data(StateFile().rendered()).write(to: empty)
        let valid = try #require(try Processes.python("Tests/CFCSchemaTests/validate_schema.py", [schema, good.path, empty.path]))
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        let bad = directory.appendingPathComponent("bad.json")
        try #"{"version": 1, "distributions": {"www": {"id": "e1; rm"}}}"#.write(to: bad, atomically: true, encoding: .utf8)
        let invalid = try #require(try Processes.python("Tests/CFCSchemaTests/validate_schema.py", [schema, bad.path]))
        #expect(invalid.status == 1, "\(invalid.stdout)")
        try #"{"version": 1, "distributions": {}, "cache-policies": {"static": {"id": "E2QWRUHEXAMPLE"}}}"#.write(
            to: bad, atomically: true, encoding: .utf8)
        let badPolicy = try #require(try Processes.python("Tests/CFCSchemaTests/validate_schema.py", [schema, bad.path]))
        #expect(badPolicy.status == 1, "a policy id is a UUID: \(badPolicy.stdout)")
    }
}
