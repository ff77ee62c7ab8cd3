import CFCTestSupport
import Foundation
import Planning
import Testing

@testable import CFCCompiler

/// `--format markdown` for plan, diff and drift: what a pull-request comment needs, escaped,
/// and within GitHub's comment limit.
@Suite struct MarkdownReportTests {
    static let example = TestPaths.packageRoot.appendingPathComponent("examples/legacy-forwarded-values.yaml")

    @Test func aPlanShowsTheSummaryTheChangesAndTheInvalidation() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = try String(contentsOf: Self.example, encoding: .utf8)
        try old.write(to: directory.appendingPathComponent("old.yaml"), atomically: true, encoding: .utf8)
        try old.replacingOccurrences(of: "blog-origin.example.com", with: "blog-origin-2.example.com")
            .write(to: directory.appendingPathComponent("new.yaml"), atomically: true, encoding: .utf8)
        let plan = try Processes.cfc(["plan", "--previous", "old.yaml", "new.yaml", "--format", "markdown"], currentDirectory: directory)
        #expect(plan.status == 2, "\(plan.stderr)")
        #expect(plan.stdout.hasPrefix("### cfc plan\n\n| Distribution | Action | Changes | Invalidation |\n"), "\(plan.stdout)")
        #expect(plan.stdout.contains("| legacy | update | 1 | "), "\(plan.stdout)")
        #expect(plan.stdout.contains("<details><summary>legacy: update (1 change)</summary>"), "\(plan.stdout)")
        #expect(
            plan.stdout.contains(
                "| <code>origins.blog.domain-name</code> | <code>blog-origin.example.com</code> → <code>blog-origin-2.example.com</code> |"),
            "\(plan.stdout)")
        #expect(plan.stdout.contains("Invalidation after the deployment:"), "\(plan.stdout)")
        let diff = try Processes.cfc(["diff", "old.yaml", "new.yaml", "--format", "markdown"], currentDirectory: directory)
        #expect(diff.status == 1 && diff.stdout.hasPrefix("### cfc diff\n"), "\(diff.stdout)")
    }

    /// Values come from configs a pull request may change: none may break the table, open HTML,
    /// or mention someone.
    @Test func valuesFromTheFilesAreEscaped() {
        let hostile = "a|b<script>alert(1)</script>@org/team`x`\n| injected | row |"
        let cell = MarkdownReport.cell(hostile)
        #expect(!cell.contains("<") && !cell.contains("\n"))
        #expect(!cell.replacingOccurrences(of: "\\|", with: "").contains("|"))
        #expect(!cell.contains("@org"))
        let code = MarkdownReport.code(hostile)
        #expect(code.hasPrefix("<code>") && code.hasSuffix("</code>"))
        let inner = code.dropFirst("<code>".count).dropLast("</code>".count)
        #expect(!inner.contains("<") && !inner.contains("|") && !inner.contains("\n"))
    }

    @Test func theCommentStaysWithinGitHubsLimit() {
        let changes = (0..<200).map {
            ConfigChange(path: "comment", kind: .modified(old: String(repeating: "o", count: 100), new: "n\($0)"))
        }
        let outcome = DiffCommand.Outcome(
            changes: (0..<100).map { (name: "site\($0)", changes: changes) }, added: [], removed: [], diagnostics: [], sources: [])
        let markdown = String(decoding: MarkdownReport.diff(outcome), as: UTF8.self)
        #expect(markdown.count <= MarkdownReport.commentLimit)
        #expect(markdown.contains("more sections are left out to stay within GitHub's comment limit"))
        #expect(markdown.contains("| site99 | 200 |"), "the summary lists every distribution")
    }
}
