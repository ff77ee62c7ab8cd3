import CFCCompiler
import CFCTestSupport
import Foundation
import Testing

/// Real CloudFront output (see RealConfigs/PROVENANCE.md): import reproduces it member for
/// member, and planning the import against it finds nothing to do.
@Suite struct RealConfigTests {
    static let directory = TestPaths.packageRoot.appendingPathComponent("Tests/CFCImportTests/RealConfigs")
    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".json") || $0.hasSuffix(".xml") }.sorted()

    @Test func everyFileHasItsSource() throws {
        let provenance = try String(contentsOf: Self.directory.appendingPathComponent("PROVENANCE.md"), encoding: .utf8)
        #expect(!Self.files.isEmpty)
        for file in Self.files { #expect(provenance.contains("`\(file)`"), "\(file) has no source in PROVENANCE.md") }
    }

    @Test(arguments: files)
    func importThenPlanIsUnchanged(_ file: String) throws {
        let live = Self.directory.appendingPathComponent(file)
        let scratch = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let imported = scratch.appendingPathComponent("site.yaml")
        let result = try Processes.cfc(["import", live.path, "--name", "site", "--output", imported.path])
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try Processes.cfc(["plan", "--previous", live.path, imported.path])
        #expect(plan.status == 0, "exit 0 means nothing to do:\n\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout == "distribution site: unchanged\n", "\(plan.stdout)")
    }
}
