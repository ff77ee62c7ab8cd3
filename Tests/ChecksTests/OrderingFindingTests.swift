import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionIR
import Foundation
import PathPatterns
import Routing
import Testing

/// A finding's exact text and place, and each of its notes, for comparing as a whole.
struct ExpectedFinding: Equatable, CustomStringConvertible {
    var rule: String
    var severity: Severity
    var line: Int
    var column: Int
    var message: String
    var notes: [ExpectedNote]

    struct ExpectedNote: Equatable, CustomStringConvertible {
        var line: Int
        var column: Int
        var message: String
        var description: String { "  note \(line):\(column) \(message)" }
    }

    init(_ rule: String, _ severity: Severity, _ line: Int, _ column: Int, _ message: String, notes: [ExpectedNote] = []) {
        self.rule = rule
        self.severity = severity
        self.line = line
        self.column = column
        self.message = message
        self.notes = notes
    }

    init(_ diagnostic: Diagnostic) {
        self.init(
            diagnostic.id.rawValue, diagnostic.severity, diagnostic.range?.start.line ?? 0, diagnostic.range?.start.column ?? 0,
            diagnostic.summary,
            notes: diagnostic.notes.map {
                ExpectedNote(line: $0.range?.start.line ?? 0, column: $0.range?.start.column ?? 0, message: $0.message)
            })
    }

    var description: String { "\(severity) \(rule) \(line):\(column) \(message)" + notes.map { "\n\($0)" }.joined() }
}

private func note(_ line: Int, _ column: Int, _ message: String) -> ExpectedFinding.ExpectedNote {
    .init(line: line, column: column, message: message)
}

private func config(_ patterns: [String]) -> String { patternListConfig(patterns) }

/// The ordering rules' findings, in full: message, place, and every note with its place.
@Suite struct OrderingFindingTests {
    static func orderingFindings(_ patterns: [String]) -> [ExpectedFinding] {
        TestCompiler.compile(config(patterns)).diagnostics.filter { $0.id.rawValue.hasPrefix("ordering.") }
            .sorted(by: Diagnostic.printOrder).map(ExpectedFinding.init)
    }

    static func expect(_ patterns: [String], _ expected: [ExpectedFinding], sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = orderingFindings(patterns)
        #expect(
            actual == expected, Comment(rawValue: "\n" + actual.map(\.description).joined(separator: "\n")), sourceLocation: sourceLocation)
    }

    /// Neither `/x` nor `/??*` covers `/*x`, both together do: one note for each, each with a
    /// path that behavior really takes.
    @Test func unreachableByTheUnionOfTwoEarlierBehaviors() {
        Self.expect(
            ["/x", "/??*", "/*x"],
            [
                ExpectedFinding(
                    "ordering.unreachable_behavior", .error, 9, 24,
                    "behavior 3 '/*x' is never used: every path it matches is taken by earlier behaviors",
                    notes: [
                        note(7, 24, "behavior 1 '/x' takes /x and the like first"),
                        note(8, 24, "behavior 2 '/??*' takes /ax and the like first"),
                    ])
            ])
    }

    /// An earlier behavior that overlaps but takes nothing the others did not take first gets
    /// no note: `/*b` matches `/abb`, but `/a*` takes all of `/ab*` before it.
    @Test func onlyBehaviorsThatTakePathsGetANote() {
        Self.expect(
            ["/a*", "/*b", "/ab*"],
            [
                ExpectedFinding(
                    "ordering.shadowed_behavior", .warning, 8, 24,
                    "behavior 2 '/*b' is partly shadowed: GET /ab is served by behavior 1 '/a*' (line 7)",
                    notes: [note(7, 24, "behavior 1 '/a*' takes /ab first")]),
                ExpectedFinding(
                    "ordering.unreachable_behavior", .error, 9, 24,
                    "behavior 3 '/ab*' is never used: every path it matches is taken by an earlier behavior",
                    notes: [note(7, 24, "behavior 1 '/a*' takes /abx and the like first")]),
            ])
    }

    @Test func unreachableByOneBroaderBehavior() {
        Self.expect(
            ["/api/*", "/api/v2/*"],
            [
                ExpectedFinding(
                    "ordering.unreachable_behavior", .error, 8, 24,
                    "behavior 2 '/api/v2/*' is never used: every path it matches is taken by an earlier behavior",
                    notes: [note(7, 24, "behavior 1 '/api/*' takes /api/v2/x and the like first")])
            ])
    }

    @Test func partlyShadowed() {
        Self.expect(
            ["/images/*", "*.jpg"],
            [
                ExpectedFinding(
                    "ordering.shadowed_behavior", .warning, 8, 24,
                    "behavior 2 '*.jpg' is partly shadowed: GET /images/x.jpg is served by behavior 1 '/images/*' (line 7)",
                    notes: [note(7, 24, "behavior 1 '/images/*' takes /images/x.jpg first")])
            ])
    }

    /// A narrower earlier behavior is the intended specific-before-general order: not reported.
    @Test func aNarrowerEarlierBehaviorIsNotShadowing() {
        Self.expect(
            ["/images/logo.png", "/images/*", "*.jpg"],
            [
                ExpectedFinding(
                    "ordering.shadowed_behavior", .warning, 9, 24,
                    "behavior 3 '*.jpg' is partly shadowed: GET /images/x.jpg is served by behavior 2 '/images/*' (line 8)",
                    notes: [note(8, 24, "behavior 2 '/images/*' takes /images/x.jpg first")])
            ])
    }

    /// `*` as a cache behavior's pattern is as much a catch-all as `/*`: everything after it,
    /// and the default behavior, is named in a note with its line.
    @Test func catchAllStar() {
        Self.expect(
            ["/api/*", "*", "/img/*", "/x"],
            [
                ExpectedFinding(
                    "ordering.catch_all_behavior", .error, 8, 24,
                    "behavior 2 '*' matches every request, so the 2 behaviors after it and the default behavior are never used",
                    notes: [
                        note(9, 24, "behavior 3 '/img/*' (line 9) is never used"),
                        note(10, 24, "behavior 4 '/x' (line 10) is never used"),
                        note(11, 29, "the default behavior (line 11) is never used"),
                    ])
            ])
    }

    @Test(arguments: ["*", "/*", "**", "/**"])
    func catchAllAlone(pattern: String) {
        Self.expect(
            [pattern],
            [
                ExpectedFinding(
                    "ordering.catch_all_behavior", .error, 7, 24,
                    "behavior 1 '\(pattern)' matches every request, so the default behavior is never used",
                    notes: [note(8, 29, "the default behavior (line 8) is never used")])
            ])
    }

    /// Text output puts each note under its finding, at its own line, as the issue asks.
    @Test func textOutputShowsEveryNote() throws {
        let result = TestCompiler.compile(config(["/x", "/??*", "/*x"]), file: "site.yaml")
        let text = TestCompiler.renderedDiagnostics(result)
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("site.yaml:") }
        #expect(
            lines == [
                "site.yaml:9:24: error: behavior 3 '/*x' is never used: every path it matches is taken by earlier behaviors [ordering.unreachable_behavior]",
                "site.yaml:7:24: note: behavior 1 '/x' takes /x and the like first",
                "site.yaml:8:24: note: behavior 2 '/??*' takes /ax and the like first",
            ], "\(text)")
    }

    // MARK: - Property

    /// For random small lists of patterns, checked against an independent matcher: no path is
    /// routed to a behavior reported unreachable; each note's example matches the unreachable
    /// behavior and is routed to the behavior the note names; and every other behavior has an
    /// example path that really reaches it.
    @Test func unreachableFindingsAgreeWithBruteForce() throws {
        let seed = SeededRandom.seed(0x5EED_0004)
        print("OrderingFindingTests.unreachableFindingsAgreeWithBruteForce seed: \(seed) (set CFC_TEST_SEED to replay)")
        var random = SeededRandom(seed: seed)
        let paths = ReferenceMatcher.paths(alphabet: ["a", "b", "/"], upTo: 5)
        let takes = /behavior (\d+) '[^']*' takes (\S+) and the like first/
        for round in 0..<200 {
            let patterns = (0..<Int.random(in: 1...5, using: &random)).map { _ in RequireHTTPSTests.randomPattern(&random) }
            let context = "round \(round) (seed \(seed)): \(patterns)"
            let result = TestCompiler.compile(config(patterns))
            let distribution = try #require(result.model?.distributions.first, "\(context)")
            let table = RoutingTable(distribution)
            func route(_ path: String) -> Int { patterns.firstIndex { ReferenceMatcher.matches($0, path) } ?? patterns.count }
            var unreachable = Set<Int>()
            for finding in result.diagnostics where finding.id.rawValue == "ordering.unreachable_behavior" {
                let position = (finding.range?.start.line ?? 0) - 7
                unreachable.insert(position)
                #expect(!paths.contains { route($0) == position }, "behavior \(position + 1) is reached\n\(context)")
                #expect(!finding.notes.isEmpty, "\(context)")
                for note in finding.notes {
                    let parts = try #require(note.message.wholeMatch(of: takes), "\(note.message)")
                    let taker = (Int(parts.1) ?? 0) - 1
                    #expect(
                        ReferenceMatcher.matches(patterns[position], String(parts.2)) && route(String(parts.2)) == taker,
                        "note '\(note.message)' of behavior \(position + 1)\n\(context)")
                }
            }
            // Duplicates and behaviors after a catch-all have rules of their own.
            let firstCatchAll = patterns.firstIndex { PathPattern($0).isCatchAll } ?? patterns.count
            for position in patterns.indices
            where !unreachable.contains(position) && position <= firstCatchAll
                && !patterns[..<position].contains(where: { PathPattern($0).normalized == PathPattern(patterns[position]).normalized })
            {
                let example = table.servedExample(position).example
                #expect(
                    example.map { route($0) == position } == true,
                    "behavior \(position + 1) is not reported, but its example \(example ?? "none") does not reach it\n\(context)")
            }
        }
    }
}
