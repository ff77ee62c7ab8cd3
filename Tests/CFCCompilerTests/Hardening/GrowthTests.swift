import CFCTestSupport
import Foundation
import Testing

/// Every input kind, doubled, at most about doubles the work: no stage is worse than n log n in
/// what a file, a `--previous` config or a `--changed-paths` list holds (issue 14, class 5).
///
/// Work is the instructions the process executes, counted by valgrind's callgrind: the same
/// for the same run however busy the machine, where wall time on these shared machines is not.
/// Each kind runs at a small base size and at n and 2n; the ratio of the work above the base's
/// must stay under 2.5 (n log n gives about 2.1; the quadratic stages this suite was written
/// against gave 3 to 8). Skipped without valgrind, except in CI (`CFC_REQUIRE_VALGRIND=1`).
@Suite struct GrowthTests {
    static let valgrind = ["/usr/bin/valgrind", "/usr/local/bin/valgrind"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let required = ProcessInfo.processInfo.environment["CFC_REQUIRE_VALGRIND"] == "1"

    /// valgrind cannot read the debug information of a Swift debug build; a stripped copy of
    /// the same code runs instead.
    static let strippedCFC: URL? = {
        let copy = TestPaths.makeTemporaryDirectory().appendingPathComponent("cfc")
        guard
            let result = try? Processes.run(
                URL(fileURLWithPath: "/usr/bin/strip"),
                ["-o", copy.path, TestPaths.cfcExecutable.path]),
            result.status == 0
        else { return nil }
        return copy
    }()

    /// An input kind: the files for size `n` in a directory, and the command that reads them.
    struct Kind: CustomTestStringConvertible, Sendable {
        var name: String
        var make: @Sendable (_ n: Int, _ directory: URL) throws -> [String]
        var testDescription: String { name }
    }

    static let managedPolicy = "658327ea-f89d-4fab-a63d-7e88639e58f6"

    /// A distribution with `n` cache behaviors, in block style.
    static func behaviors(_ n: Int, name: String = "site") -> String {
        var text = """
              \(name):
                origins:
                  web: {domain-name: example.com, custom-origin-config: {origin-protocol-policy: https-only}}
                default-cache-behavior: {target-origin-id: web, viewer-protocol-policy: https-only, cache-policy-id: \(managedPolicy)}

            """
        if n > 0 { text += "    cache-behaviors:\n" }
        for index in 0..<n {
            text +=
                "      - {path-pattern: '/p\(index)/*', target-origin-id: web, viewer-protocol-policy: https-only, cache-policy-id: \(managedPolicy)}\n"
        }
        return text
    }

    static func config(_ body: String) -> String { "version: 1\ndistributions:\n" + body }

    static func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The compiled config of `n` behaviors in `format`, on one line.
    static func oneLineAPI(_ n: Int, format: String, in directory: URL) throws -> String {
        let yaml = try write(config(behaviors(n)), "api-source.yaml", in: directory)
        let compiled = try Processes.cfc(["compile", "--format", format, yaml])
        var text = compiled.stdout
        if format == "json" {
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
            text = String(
                decoding: try JSONSerialization.data(
                    withJSONObject: ["ETag": "E2QWRUHAPOMQZL", "DistributionConfig": object],
                    options: [.sortedKeys]), as: UTF8.self)
        } else {
            text = text.replacingOccurrences(of: ">\n *<", with: "><", options: .regularExpression)
        }
        return try write(text, "live.\(format)", in: directory)
    }

    static let kinds: [Kind] = [
        Kind(name: "compile: distributions") { n, directory in
            let path = try write(config((0..<n).map { behaviors(1, name: "d\($0)") }.joined()), "site.yaml", in: directory)
            return ["compile", path, "--output", directory.appendingPathComponent("out").path]
        },
        Kind(name: "check: behaviors") { n, directory in
            ["check", try write(config(behaviors(n)), "site.yaml", in: directory)]
        },
        Kind(name: "check: one non-ASCII line") { n, directory in
            let list = (0..<n).map {
                "{path-pattern: '/é\($0)/*', target-origin-id: web, viewer-protocol-policy: https-only, cache-policy-id: \(managedPolicy)}"
            }
            let text = config(
                "  site: {origins: {web: {domain-name: example.com, custom-origin-config: {origin-protocol-policy: https-only}}}, "
                    + "default-cache-behavior: {target-origin-id: web, viewer-protocol-policy: https-only, cache-policy-id: \(managedPolicy)}, "
                    + "comment: 'ünïcödé', cache-behaviors: [\(list.joined(separator: ", "))], bogus: 1}\n")
            return ["check", try write(text, "site.yaml", in: directory)]
        },
        Kind(name: "check: unknown keys, text") { n, directory in
            [
                "check",
                try write(config(behaviors(0) + (0..<(n * 5)).map { "    bogus-key-\($0): 1\n" }.joined()), "site.yaml", in: directory),
            ]
        },
        Kind(name: "check: unknown keys, json") { n, directory in
            [
                "check", "--format", "json",
                try write(config(behaviors(0) + (0..<(n * 5)).map { "    bogus-key-\($0): 1\n" }.joined()), "site.yaml", in: directory),
            ]
        },
        Kind(name: "fmt --check: behaviors") { n, directory in
            ["fmt", "--check", try write(config(behaviors(n)), "site.yaml", in: directory)]
        },
        Kind(name: "plan: --changed-paths lines") { n, directory in
            let site = try write(config(behaviors(20)), "site.yaml", in: directory)
            let lines = (0..<(n * 20)).map { $0 % 3 == 0 ? "/q\($0)/file\($0).html" : "/p\($0 % 20)/x\($0)/*" }
            return [
                "plan", "--previous", site, "--changed-paths",
                try write(lines.joined(separator: "\n") + "\n", "changed.txt", in: directory), site,
            ]
        },
        Kind(name: "plan: behaviors, one changed") { n, directory in
            let old = try write(config(behaviors(n)), "old.yaml", in: directory)
            let new = try write(config(behaviors(n)).replacingOccurrences(of: "'/p1/*'", with: "'/q1/*'"), "new.yaml", in: directory)
            return ["plan", "--previous", old, new]
        },
        Kind(name: "diff: one-line JSON") { n, directory in
            let live = try oneLineAPI(n, format: "json", in: directory)
            return ["diff", live, live]
        },
        Kind(name: "diff: one-line XML") { n, directory in
            let live = try oneLineAPI(n, format: "xml", in: directory)
            return ["diff", live, live]
        },
        Kind(name: "import: one-line JSON") { n, directory in
            ["import", try oneLineAPI(n, format: "json", in: directory), "--name", "site"]
        },
        Kind(name: "route: --batch lines") { n, directory in
            let site = try write(config(behaviors(20)), "site.yaml", in: directory)
            let requests = (0..<(n * 20)).map { "GET https://d111111abcdef8.cloudfront.net/p\($0 % 25)/x\($0)" }
            return ["route", site, "--batch", try write(requests.joined(separator: "\n") + "\n", "requests.txt", in: directory)]
        },
    ]

    /// The instructions `cfc arguments` executes.
    static func instructions(_ cfc: URL, _ valgrind: String, _ arguments: [String]) throws -> Int {
        let result = try Processes.run(
            URL(fileURLWithPath: valgrind),
            ["--tool=callgrind", "--callgrind-out-file=/dev/null", cfc.path] + arguments)
        guard let line = result.stderr.split(separator: "\n").first(where: { $0.contains("Collected :") }),
            let count = Int(line.split(separator: " ").last ?? "")
        else {
            Issue.record("no instruction count from valgrind: \(result.stderr.suffix(500))")
            return 0
        }
        return count
    }

    @Test(arguments: kinds)
    func doublingTheInputAtMostAboutDoublesTheWork(_ kind: Kind) throws {
        guard let valgrind = Self.valgrind, let cfc = Self.strippedCFC else {
            if Self.required { Issue.record("valgrind or strip is missing, and CFC_REQUIRE_VALGRIND=1") }
            return
        }
        var work: [Int] = []
        for n in [4, 60, 120] {
            let directory = TestPaths.makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            work.append(try Self.instructions(cfc, valgrind, try kind.make(n, directory)))
        }
        let single = Double(work[1] - work[0])
        let double = Double(work[2] - work[0])
        #expect(single > 0)
        let ratio = double / max(single, 1)
        print("growth \(kind.name): work \(work), ratio \(ratio)")
        #expect(ratio < 2.5, "work \(work) (base, n, 2n): doubling the input multiplied the work above the base by \(ratio)")
    }
}
