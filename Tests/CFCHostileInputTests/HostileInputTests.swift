import CFCTestSupport
import Foundation
import Testing

/// Hostile inputs through the real `cfc compile`: each must end in exit status 1 with the expected
/// first error at the expected place, in bounded work and memory, writing nothing, and without
/// echoing control characters from the file to the terminal.
///
/// Each case runs twice, once with text diagnostics and once with JSON diagnostics, both as
/// `cfc compile --format both --output DIR FILE` (or `-` with the file on standard input).
///
/// "Fast" is a bound on work, not on time: cfc reports the YAML nodes it built, the pattern
/// steps it spent and the bytes it read and wrote (`CFC_WORK_REPORT`), which are the same on an
/// idle machine and on one running two builds, where the same run takes 0.5 s or 2.5 s. Time is
/// only printed, and a run still going after `killAfter` is killed as hung.
@Suite struct HostileInputTests {
    static let corpus = TestPaths.packageRoot.appendingPathComponent("Tests/CFCHostileInputTests/Corpus")
    /// The work a run may do (see `WorkReport.Bounds`).
    static let workBounds = WorkReport.Bounds()
    /// Peak RSS bound per run. The largest that passes (a 10 MB scalar) is about 76 MB; memory,
    /// unlike time, does not grow when the machine is busy.
    static let memoryLimit = 256 << 20
    /// A run still going after this long is killed, so that a hang fails instead of stalling
    /// the suite. Far above any case's time on a loaded machine: this catches hangs, the work
    /// bounds catch slowness.
    static let killAfter = 60.0

    @Test(arguments: HostileCorpus.cases)
    func refusedQuicklyWithTheExpectedError(_ hostile: HostileCase) throws {
        let scratch = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = try hostile.materialize(corpus: Self.corpus, scratch: scratch)
        let displayPath = hostile.viaStandardInput ? "<stdin>" : input.path

        let text = try compile(hostile, input: input, scratch: scratch, diagnosticsFormat: "text")
        checkOutcome(text, of: hostile, format: "text", scratch: scratch)
        checkTextDiagnostics(text, of: hostile, displayPath: displayPath)

        // The JSON run repeats the check on structured data; a run that hung is not repeated.
        guard !text.timedOut else { return }
        let json = try compile(hostile, input: input, scratch: scratch, diagnosticsFormat: "json")
        checkOutcome(json, of: hostile, format: "json", scratch: scratch)
        checkJSONDiagnostics(json, of: hostile, displayPath: displayPath)
    }

    @Test func everyCorpusFileHasACaseAndIsSmall() throws {
        // Corpus/fuzz/ holds libFuzzer's findings (scripts/fuzz.sh), replayed by fuzzFindingsFinishQuickly.
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0 != "fuzz" }.sorted()
        let covered = Set(HostileCorpus.cases.compactMap(\.corpusName))
        #expect(names.count >= 40)
        #expect(Set(names).subtracting(covered).sorted() == [], "corpus files without a case")
        #expect(covered.subtracting(names).sorted() == [], "cases without a corpus file")
        for name in names {
            #expect(name.hasSuffix(".yaml") && name == name.lowercased(), "\(name): kebab-case .yaml")
            let size = try FileManager.default.attributesOfItem(atPath: Self.corpus.appendingPathComponent(name).path)[.size] as? Int
            #expect((size ?? .max) < 10 * 1024, "\(name) is \(size ?? -1) bytes; generate big inputs in HostileInputGenerators")
        }
        let descriptions = HostileCorpus.cases.map(\.testDescription)
        #expect(Set(descriptions).count == descriptions.count, "two cases with one name")
    }

    /// Inputs scripts/fuzz.sh found (a crash, a timeout or an OOM, since fixed): each ends with exit
    /// status 0 or 1 within the same work and memory bounds.
    @Test func fuzzFindingsFinishQuickly() throws {
        let findings = Self.corpus.appendingPathComponent("fuzz")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: findings.path))?.sorted() ?? []
        for name in names {
            let scratch = TestPaths.makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(at: scratch) }
            let arguments = [
                "compile", "--format", "both", "--output", scratch.appendingPathComponent("out").path,
                "--color", "never", findings.appendingPathComponent(name).path,
            ]
            let run = try ChildProcess.run(
                TestPaths.cfcExecutable, arguments, standardInput: URL(fileURLWithPath: "/dev/null"),
                scratch: scratch, killAfter: Self.killAfter)
            print(
                "fuzz finding \(name): \(String(format: "%.3f", run.seconds)) s, \(String(format: "%.1f", run.peakRSSMegabytes)) MB peak RSS, "
                    + (run.work.map(String.init(describing:)) ?? "no work report"))
            #expect(!run.timedOut, "\(name): still running after \(Self.killAfter) s; killed")
            guard !run.timedOut else { continue }
            #expect(run.signal == nil, "\(name): killed by signal \(run.signal ?? 0):\n\(excerpt(run.stderr))")
            #expect(run.status == 0 || run.status == 1, "\(name): exit status \(run.status.map(String.init) ?? "none")")
            checkWork(run, label: name)
            #expect(run.peakRSSBytes < Self.memoryLimit, "\(name): peak RSS \(String(format: "%.0f", run.peakRSSMegabytes)) MB")
        }
    }

    // MARK: - Running

    private func compile(_ hostile: HostileCase, input: URL, scratch: URL, diagnosticsFormat: String) throws -> ChildRun {
        let output = scratch.appendingPathComponent("out")
        var arguments = [
            "compile", "--format", "both", "--output", output.path, "--color", "never",
            "--diagnostics-format", diagnosticsFormat,
        ]
        arguments.append(hostile.viaStandardInput ? "-" : input.path)
        let standardInput = hostile.viaStandardInput ? input : URL(fileURLWithPath: "/dev/null")
        let run = try ChildProcess.run(
            TestPaths.cfcExecutable, arguments, standardInput: standardInput,
            scratch: scratch, killAfter: Self.killAfter)
        print(
            "hostile input \(hostile.testDescription) [\(diagnosticsFormat)]: "
                + "\(String(format: "%.3f", run.seconds)) s, \(String(format: "%.1f", run.peakRSSMegabytes)) MB peak RSS, "
                + (run.work.map(String.init(describing:)) ?? "no work report"))
        return run
    }

    // MARK: - Checks

    /// The run reported its work, and the work is within `workBounds`.
    private func checkWork(_ run: ChildRun, label: String) {
        guard let work = run.work else {
            Issue.record(Comment(rawValue: "\(label) wrote no work report (\(WorkReport.variable))"))
            return
        }
        for problem in Self.workBounds.violations(of: work) {
            Issue.record(Comment(rawValue: "\(label) did too much work: \(problem)"))
        }
    }

    /// Exit status 1, nothing on standard output, nothing written, within time and memory.
    private func checkOutcome(_ run: ChildRun, of hostile: HostileCase, format: String, scratch: URL) {
        #expect(!run.timedOut, "[\(format)] still running after \(Self.killAfter) s; killed")
        if !run.timedOut {
            #expect(run.signal == nil, "[\(format)] killed by signal \(run.signal ?? 0):\n\(excerpt(run.stderr))")
            #expect(
                run.status == 1, "[\(format)] exit status \(run.status.map(String.init) ?? "none"), expected 1:\n\(excerpt(run.stderr))")
        }
        if !run.timedOut { checkWork(run, label: "[\(format)]") }
        #expect(
            run.peakRSSBytes < Self.memoryLimit,
            "[\(format)] peak RSS \(String(format: "%.0f", run.peakRSSMegabytes)) MB (from \(run.memorySource)); the bound is \(Self.memoryLimit >> 20) MB"
        )
        #expect(run.stdout.isEmpty, "[\(format)] wrote \(run.stdout.count) bytes to standard output")
        let output = scratch.appendingPathComponent("out")
        #expect(!FileManager.default.fileExists(atPath: output.path), "[\(format)] created the output directory")
    }

    /// The first error line reads `PATH:LINE:COLUMN: error: MESSAGE [ID]`, and standard error
    /// holds no control character but line feed and tab.
    private func checkTextDiagnostics(_ run: ChildRun, of hostile: HostileCase, displayPath: String) {
        guard !run.timedOut else { return }
        let stderr = String(decoding: run.stderr, as: UTF8.self)
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false)
        let errorLines = lines.filter { $0.hasPrefix(displayPath + ":") && $0.contains(": error: ") }
        guard let first = errorLines.first else {
            Issue.record(Comment(rawValue: "no error line for \(displayPath) on standard error:\n\(excerpt(run.stderr))"))
            return
        }
        let header: String
        if let line = hostile.line, let column = hostile.column {
            header = "\(displayPath):\(line):\(column): error: "
        } else {
            header = "\(displayPath): error: "
        }
        let shown = printable(first)
        #expect(first.hasPrefix(header), "first error is not at \(hostile.position): \(shown)")
        #expect(first.hasSuffix(" [\(hostile.id)]"), "first error is not [\(hostile.id)]: \(shown)")
        #expect(first.contains(hostile.message), "first error does not say '\(hostile.message)': \(shown)")
        if let count = hostile.errorCount {
            // Text shows a file's first 20 errors (the default --error-limit), then a note
            // counting the rest; the JSON run checks the full count.
            let shownCount = min(count, 20)
            #expect(errorLines.count == shownCount, "\(errorLines.count) errors, expected \(shownCount):\n\(excerpt(run.stderr))")
            if count > 20 {
                #expect(stderr.contains("too many errors: \(count - 20) more error"), "no error-limit note:\n\(excerpt(run.stderr))")
            }
        }

        let controls = stderr.unicodeScalars.filter(Self.isForbiddenControl)
        if !controls.isEmpty {
            let codes = Set(controls.map(\.value)).sorted().map(Self.codePoint).joined(separator: ", ")
            let where_ = lines.first { $0.unicodeScalars.contains(where: Self.isForbiddenControl) }.map(printable) ?? ""
            Issue.record(
                Comment(
                    rawValue: """
                        standard error echoes raw control characters (\(codes)) from the input; a hostile file \
                        can drive the terminal or forge lines. First such line: \(where_)
                        """))
        }
    }

    /// The first error in `{"diagnostics": […]}` has the expected rule, file, line, column and message.
    private func checkJSONDiagnostics(_ run: ChildRun, of hostile: HostileCase, displayPath: String) {
        guard !run.timedOut else { return }
        let object = try? JSONSerialization.jsonObject(with: Data(run.stderr)) as? [String: Any]
        guard let diagnostics = object?["diagnostics"] as? [[String: Any]] else {
            Issue.record(Comment(rawValue: "standard error is not a JSON diagnostics report:\n\(excerpt(run.stderr))"))
            return
        }
        let errors = diagnostics.filter { $0["severity"] as? String == "error" }
        guard let first = errors.first else {
            Issue.record(Comment(rawValue: "the JSON report has no error:\n\(excerpt(run.stderr))"))
            return
        }
        let message = first["message"] as? String ?? ""
        #expect(first["rule"] as? String == hostile.id, "JSON rule \(first["rule"] ?? "none"): \(printable(message[...]))")
        #expect(first["file"] as? String == displayPath, "JSON file \(first["file"] ?? "none")")
        #expect(
            first["line"] as? Int == hostile.line && first["column"] as? Int == hostile.column,
            "JSON position \(first["line"] ?? "none"):\(first["column"] ?? "none"), expected \(hostile.position)")
        #expect(message.contains(hostile.message), "JSON message does not say '\(hostile.message)': \(printable(message[...]))")
        if let count = hostile.errorCount {
            #expect(errors.count == count, "\(errors.count) errors in the JSON report, expected \(count)")
        }
    }

    // MARK: - Helpers

    /// C0 controls other than line feed and tab, DEL, and C1 controls.
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    static func codePoint(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `text` with control characters shown as `<U+XXXX>` and cut at 300 characters.
    private func printable(_ text: Substring) -> String {
        var shown = ""
        for scalar in text.unicodeScalars.prefix(300) {
            shown += Self.isForbiddenControl(scalar) ? "<\(Self.codePoint(scalar.value))>" : String(scalar)
        }
        return text.unicodeScalars.count > 300 ? shown + "…" : shown
    }

    /// The first lines of standard error, printable, for failure messages.
    private func excerpt(_ bytes: [UInt8]) -> String {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var shown = lines.prefix(12).map { "  " + printable($0) }.joined(separator: "\n")
        if lines.count > 12 { shown += "\n  … (\(lines.count - 12) more lines)" }
        return shown
    }
}

extension HostileCase {
    /// `LINE:COLUMN`, or "no position" for a file-level error.
    var position: String {
        if let line, let column { "\(line):\(column)" } else { "no position" }
    }
}
