import CFCTestSupport
import Foundation
import Testing

/// `cfc apply` with a CloudFront Function, against the fake aws CLI: created (or updated) and
/// published before the distribution that runs it names its ARN, and deleted after the last
/// distribution stops naming it. CloudFront knows a function by its name, and a distribution
/// runs only its published (LIVE) stage.
@Suite(.enabled(if: PythonTools.available(["json"]), "needs python3"))
struct FunctionApplyTests {
    static let site = """
        version: 1
        distributions:
          site:
            comment: a function
            origins:
              app:
                domain-name: app.example.com
                custom-origin-config: {origin-protocol-policy: https-only}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: https-only
              cache-policy: CachingOptimized
              function-associations:
                - event-type: viewer-request
                  function: rewrite
        functions:
          rewrite:
            comment: adds index.html
            code: functions/rewrite.js

        """
    static let code = "function handler(event) {\n    return event.request;\n}\n"

    private func workspace() throws -> FakeAWSWorkspace {
        let w = try FakeAWSWorkspace()
        try Self.site.write(to: w.directory.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: w.directory.appendingPathComponent("functions"), withIntermediateDirectories: true)
        try writeCode(Self.code, in: w)
        return w
    }

    private func writeCode(_ code: String, in w: FakeAWSWorkspace) throws {
        try code.write(to: w.directory.appendingPathComponent("functions/rewrite.js"), atomically: true, encoding: .utf8)
    }

    private func function(_ w: FakeAWSWorkspace) throws -> [String: Any]? {
        ((try w.database()["function"] as? [String: [String: Any]]) ?? [:])["rewrite"]
    }

    @Test func aFunctionIsCreatedAndPublishedBeforeTheDistributionNamesItsARN() throws {
        let w = try workspace()
        defer { w.remove() }
        let planned = try Processes.cfc(["plan", "site.yaml"], currentDirectory: w.directory)
        #expect(planned.status == 2, "\(planned.stderr)")
        #expect(planned.stdout.hasPrefix("function rewrite: create (its ARN is known after apply)\n"), "\(planned.stdout)")
        #expect(
            planned.stdout.contains(
                "aws cloudfront create-function --name rewrite --function-config file://rewrite.function.json --function-code fileb://rewrite.function.js\n"
            ),
            "\(planned.stdout)")
        #expect(planned.stdout.contains("aws cloudfront publish-function --name rewrite --if-match '<ETAG>'\n"), "\(planned.stdout)")

        let applied = try w.apply()
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let calls = try w.calls()
        let create = try #require(calls.firstIndex(of: "cloudfront create-function"))
        let publish = try #require(calls.firstIndex(of: "cloudfront publish-function"))
        let distribution = try #require(calls.firstIndex(of: "cloudfront create-distribution"))
        #expect(create < publish && publish < distribution, "\(calls)")
        let stored = try #require(try function(w))
        #expect(stored["code"] as? String == Self.code, "the code is sent byte for byte")
        #expect((stored["live"] as? [String: Any])?["code"] as? String == Self.code, "and published")
        let arn = "arn:aws:cloudfront::123456789012:function/rewrite"
        let config = try #require(try w.distributions().values.first?["config"] as? [String: Any])
        let associations = (config["DefaultCacheBehavior"] as? [String: Any])?["FunctionAssociations"] as? [String: Any]
        #expect((associations?["Items"] as? [[String: Any]])?.first?["FunctionARN"] as? String == arn)
        let state = try w.state()
        #expect(state.contains("\"functions\"") && state.contains(arn), "\(state)")
        #expect(!state.contains("handler"), "the state file never holds the code")

        let again = try w.apply()
        #expect(again.status == 0 && again.stdout.contains("nothing to do"), "\(again.stdout)")
    }

    /// New code: updated and published again; the distribution names the same ARN, so it is
    /// not sent again.
    @Test func changedCodeIsUpdatedAndPublished() throws {
        let w = try workspace()
        defer { w.remove() }
        #expect(try w.apply().status == 0)
        let newCode = "function handler(event) {\n    event.request.uri += 'index.html';\n    return event.request;\n}\n"
        try writeCode(newCode, in: w)
        let planned = try Processes.cfc(["plan", "site.yaml", "--refresh", "--aws", w.awsPath], currentDirectory: w.directory)
        #expect(
            planned.stdout.contains("function rewrite: update (arn:aws:cloudfront::123456789012:function/rewrite)"), "\(planned.stdout)")
        #expect(!planned.stdout.contains("index.html'"), "a plan never shows the code: \(planned.stdout)")
        let updated = try w.apply()
        #expect(updated.status == 0, "\(updated.stdout)\(updated.stderr)")
        let calls = try w.calls()
        #expect(calls.filter { $0 == "cloudfront publish-function" }.count == 2, "\(calls)")
        #expect(!calls.contains("cloudfront update-distribution"), "\(calls)")
        #expect((try function(w)?["live"] as? [String: Any])?["code"] as? String == newCode)
    }

    /// Killed after CloudFront made the function and before it was published: the next run
    /// finds it by name and publishes it, making no second one.
    @Test func aFunctionMadeButNotPublishedIsPublishedByTheNextRun() throws {
        let w = try workspace()
        defer { w.remove() }
        try w.setFaults(["FAKE_AWS_KILL": "create-function#1@after"])
        let killed = try w.apply()
        #expect(killed.status != 0)
        let stored = try #require(try function(w), "created")
        #expect(stored["live"] is NSNull, "not published: \(stored)")
        try w.setFaults([:])
        let resumed = try w.apply()
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect((try function(w)?["live"] as? [String: Any])?["code"] as? String == Self.code)
        #expect(try w.distributions().count == 1)
    }

    @Test func aFunctionNoLongerDeclaredIsDeletedAfterTheDistributionLetsGoOfIt() throws {
        let w = try workspace()
        defer { w.remove() }
        #expect(try w.apply().status == 0)
        try w.edit("      function-associations:\n        - event-type: viewer-request\n          function: rewrite\n", "")
        try w.edit("functions:\n  rewrite:\n    comment: adds index.html\n    code: functions/rewrite.js\n", "")
        let applied = try w.apply(["--allow-delete"])
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let calls = try w.calls()
        let update = try #require(calls.lastIndex(of: "cloudfront update-distribution"))
        let delete = try #require(calls.lastIndex(of: "cloudfront delete-function"))
        #expect(update < delete, "\(calls)")
        #expect(try function(w) == nil)
        #expect(!(try w.state().contains("\"functions\"")))
    }

    /// A reviewed plan sends the code it was made with; code edited in the plan is refused.
    @Test func aSavedPlanSendsItsCodeAndRefusesEditedCode() throws {
        let w = try workspace()
        defer { w.remove() }
        #expect(try Processes.cfc(["plan", "site.yaml", "--output", "plan"], currentDirectory: w.directory).status == 2)
        let written = try String(contentsOf: w.directory.appendingPathComponent("plan/rewrite.function.js"), encoding: .utf8)
        #expect(written == Self.code)
        try writeCode("function handler(event) { return event.request; }\n", in: w)
        let applied = try w.apply(target: "plan")
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(try function(w)?["code"] as? String == Self.code, "the reviewed code, not the working copy's")

        try writeCode("function handler(event) { return event.request; } // v2\n", in: w)
        let second = try Processes.cfc(
            ["plan", "site.yaml", "--refresh", "--aws", w.awsPath, "--output", "plan2"], currentDirectory: w.directory)
        #expect(second.status == 2, "\(second.stdout)\(second.stderr)")
        try w.edit("v2", "v3", file: "plan2/rewrite.function.js")
        let refused = try w.apply(target: "plan2")
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains("rewrite.function.json or rewrite.function.js is not the document this plan was made with"),
            "\(refused.stderr)")
    }

    static let withStore = site.replacingOccurrences(
        of: "    code: functions/rewrite.js\n",
        with: """
                code: functions/rewrite.js
                key-value-store-associations:
                  - key-value-store: redirects
            key-value-stores:
              redirects:
                comment: old paths

            """)

    /// A function that reads a key value store: the store is made (and waited for until READY)
    /// before the function names its ARN, the function is published before the distribution
    /// names its ARN; a reviewed plan fills both ARNs in; removed, they go in reverse order.
    @Test func aKeyValueStoreIsMadeBeforeTheFunctionThatReadsIt() throws {
        let w = try workspace()
        defer { w.remove() }
        try Self.withStore.write(to: w.directory.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        let planned = try Processes.cfc(["plan", "site.yaml", "--output", "plan"], currentDirectory: w.directory)
        #expect(planned.status == 2, "\(planned.stderr)")
        #expect(planned.stdout.contains("aws cloudfront create-key-value-store --cli-input-json file://"), "\(planned.stdout)")
        #expect(planned.stdout.contains("  names key value store 'redirects', known after apply"), "\(planned.stdout)")
        let applied = try w.apply(target: "plan")
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let calls = try w.calls()
        let store = try #require(calls.firstIndex(of: "cloudfront create-key-value-store"))
        let ready = try #require(calls.lastIndex(of: "cloudfront describe-key-value-store"))
        let function = try #require(calls.firstIndex(of: "cloudfront create-function"))
        let distribution = try #require(calls.firstIndex(of: "cloudfront create-distribution"))
        #expect(store < ready && ready < function && function < distribution, "\(calls)")
        let stores = try #require(try w.database()["key-value-store"] as? [String: [String: Any]])
        let arn = try #require(stores["redirects"]?["arn"] as? String)
        let config = try #require(try self.function(w)?["config"] as? [String: Any])
        let associations = (config["KeyValueStoreAssociations"] as? [String: Any])?["Items"] as? [[String: Any]]
        #expect(associations?.first?["KeyValueStoreARN"] as? String == arn, "the placeholder became the store's ARN")
        #expect(try w.state().contains(arn))

        let again = try w.apply()
        #expect(again.status == 0 && again.stdout.contains("nothing to do"), "what was sent is what compiles now: \(again.stdout)")

        try w.edit("comment: old paths", "comment: moved paths")
        let commented = try w.apply()
        #expect(commented.status == 0, "\(commented.stdout)\(commented.stderr)")
        #expect(try w.calls().contains("cloudfront update-key-value-store"))

        try w.edit("      function-associations:\n        - event-type: viewer-request\n          function: rewrite\n", "")
        let text = try String(contentsOf: w.directory.appendingPathComponent("site.yaml"), encoding: .utf8)
        try String(text[..<text.range(of: "functions:\n")!.lowerBound]).write(
            to: w.directory.appendingPathComponent("site.yaml"),
            atomically: true, encoding: .utf8)
        let removed = try w.apply(["--allow-delete"])
        #expect(removed.status == 0, "\(removed.stdout)\(removed.stderr)")
        let after = try w.calls()
        let functionGone = try #require(after.lastIndex(of: "cloudfront delete-function"))
        let storeGone = try #require(after.lastIndex(of: "cloudfront delete-key-value-store"))
        #expect(functionGone < storeGone, "\(after)")
        #expect((try w.database()["key-value-store"] as? [String: Any])?.isEmpty == true)
    }
}
