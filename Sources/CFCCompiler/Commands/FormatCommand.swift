import APIDocument
import CFCDiagnostics
import CFCSupport
import DistributionIR
import DistributionLanguage
import YAMLSyntax

/// What `cfc fmt` does with one file: format it, and make sure formatting did not change what
/// it compiles to.
public enum FormatCommand {
    /// The result for one file.
    public struct FileOutcome: Sendable {
        /// The file.
        public var path: String
        /// The canonical text, when the file could be formatted.
        public var formatted: [UInt8]?
        /// Whether the canonical text differs from the file.
        public var isChanged: Bool
        /// Why the file was left as it is, when it was.
        public var refusal: Refusal?
        /// Problems reading or parsing the file.
        public var diagnostics: [Diagnostic]
        /// The source, for rendering diagnostics.
        public var source: SourceFile?
    }

    /// Why `cfc fmt` leaves a file as it is.
    public enum Refusal: Sendable, Equatable, CustomStringConvertible {
        /// The file uses anchors, aliases or merge keys; the first is at `range`.
        case usesAliases(at: SourceRange?)
        /// The file does not parse or lower without errors (`errors` of them, reported).
        case doesNotCompile(errors: Int)
        /// The canonical text would compile to something else (a cfc bug).
        case meaningChanged
        /// libyaml could not write the canonical text.
        case writeFailed(String)

        public var description: String {
            switch self {
            case .usesAliases: "the file uses anchors, aliases or merge keys, which cfc fmt would have to expand"
            case .doesNotCompile(let errors): "the file has \(errors) error\(errors == 1 ? "" : "s") to fix first"
            case .meaningChanged: "formatting would change what the file compiles to (a cfc bug; please report it)"
            case .writeFailed(let message): "cannot write the formatted file: \(message)"
            }
        }
    }

    /// The diagnostic that reports `refusal` for the file `path`.
    ///
    /// A file with anchors is left as written, which loses nothing, so when writing that is a
    /// warning; but `--check` cannot show such a file to be formatted, and a check that passes
    /// what it did not check would let CI go green, so there it is an error. The other refusals
    /// are cfc's own failures, errors either way.
    public static func diagnostic(for refusal: Refusal, path: String, check: Bool) -> Diagnostic {
        switch refusal {
        case .usesAliases(let range):
            return FormatMessages.usesAliases(path: path, at: range, check: check)
        case .doesNotCompile(let errors):
            return FormatMessages.doesNotCompile(path: path, errors: errors)
        case .meaningChanged:
            return FormatMessages.meaningChanged(path: path)
        case .writeFailed(let message):
            return FormatMessages.writeFailed(path: path, message: message)
        }
    }

    /// Formats every file in place (standard input, `-`, to standard output), or with `check`
    /// writes nothing and lists the files that are not formatted. Exit status 1 when a file
    /// cannot be read, parsed, formatted or written, or (with `check`) is not formatted or
    /// cannot be checked.
    public static func execute(_ paths: [String], check: Bool, options: CompileOptions) -> CommandResult {
        var result = CommandResult(exitStatus: .success)
        var unformatted = false
        for path in paths {
            let outcome = format(path, options: options)
            if let source = outcome.source { result.sources.append(source) }
            result.diagnostics += outcome.diagnostics
            if let refusal = outcome.refusal {
                result.diagnostics.append(diagnostic(for: refusal, path: outcome.path, check: check))
            }
            guard let formatted = outcome.formatted else { continue }
            if path == FileIO.standardInputPath {
                if check { unformatted = unformatted || outcome.isChanged } else { result.standardOutput += formatted }
                continue
            }
            guard outcome.isChanged else { continue }
            if check {
                result.standardOutput.append("\(VisibleText.escaped(outcome.path)): not formatted\n")
                unformatted = true
            } else {
                do {
                    try FileIO.replaceContents(of: path, with: formatted, followSymlinks: options.followSymlinks)
                    result.standardOutput.append("formatted \(VisibleText.escaped(outcome.path))\n")
                } catch {
                    result.diagnostics.append(OutputWriting.writeFailure(error))
                }
            }
        }
        result.exitStatus = .compiler(failed: unformatted || result.diagnostics.containsErrors)
        return result
    }

    /// Formats the file at `path`.
    public static func format(_ path: String, options: CompileOptions = CompileOptions()) -> FileOutcome {
        let sink = DiagnosticCollector()
        guard let source = SourceInput.read(path, options: options, sink: sink) else {
            return FileOutcome(path: path, formatted: nil, isChanged: false, refusal: nil, diagnostics: sink.diagnostics, source: nil)
        }
        return format(source, options: options)
    }

    /// Formats `source`.
    ///
    /// Only a file that parses and lowers without an error is formatted: the formatter
    /// rewrites scalars in their canonical form, which turned `http-port: !!float 80` (an
    /// error) into `80` (not one), and a complex key (`? [a, b]: c`) into a string. Formatting
    /// must leave the problems where the author can see them. Findings of the checks do not
    /// count: formatting a file before fixing what `cfc check` says is what people do.
    public static func format(_ source: SourceFile, options: CompileOptions = CompileOptions()) -> FileOutcome {
        let sink = DiagnosticCollector()
        guard let document = YAMLParser.parse(source, options: options.parseOptions, sink: sink) else {
            return FileOutcome(
                path: source.path, formatted: nil, isChanged: false, refusal: nil, diagnostics: sink.diagnostics, source: source)
        }
        // A file with environments means something in each: it is lowered in every one (or the
        // one --env names), before and after, and must mean the same in all. The secrets a
        // deploy job has are not needed to format a file.
        var options = options
        options.unsetVariables = .placeholder
        let declared = EnvironmentRuns.declaredEnvironments(source, options: options)
        let environments: [String?] = options.environment.map { [$0] } ?? (declared.isEmpty ? [nil] : declared.map { $0 })
        func lowerEach(_ file: SourceFile, _ findings: DiagnosticCollector) -> [ConfigModel?] {
            environments.map { environment in
                var each = options
                each.environment = environment
                return Pipeline().lower(source: file, options: each, sink: findings)
            }
        }
        let loweringFindings = DiagnosticCollector()
        let models = lowerEach(source, loweringFindings)
        guard !models.contains(where: { $0 == nil }), !loweringFindings.diagnostics.containsErrors, !sink.diagnostics.containsErrors
        else {
            let errors = (sink.diagnostics + loweringFindings.diagnostics).filter(\.isError)
            return FileOutcome(
                path: source.path, formatted: nil, isChanged: false, refusal: .doesNotCompile(errors: errors.count),
                diagnostics: errors, source: source)
        }
        let formatted: [UInt8]
        switch YAMLFormatter.format(document) {
        case .failure(.usesAliases):
            return FileOutcome(
                path: source.path, formatted: nil, isChanged: false, refusal: .usesAliases(at: document.firstAliasUse),
                diagnostics: [], source: source)
        case .failure(.writeFailed(let message)):
            return FileOutcome(
                path: source.path, formatted: nil, isChanged: false, refusal: .writeFailed(message),
                diagnostics: [], source: source)
        case .success(let bytes):
            formatted = bytes
        }
        // The proof that formatting changed nothing but the text: the formatted file lowers,
        // without a finding the original did not have, to the same model (every member of every
        // distribution, the policy included), and so compiles to the same documents.
        let formattedSource = SourceFile(path: source.path, bytes: formatted)
        let afterFindings = DiagnosticCollector()
        let after = lowerEach(formattedSource, afterFindings)
        let findings = { (diagnostics: [Diagnostic]) in diagnostics.map { "\($0.id.rawValue) \($0.summary)" } }
        guard after == models, findings(afterFindings.diagnostics) == findings(loweringFindings.diagnostics) else {
            return FileOutcome(
                path: source.path, formatted: nil, isChanged: false, refusal: .meaningChanged,
                diagnostics: [], source: source)
        }
        return FileOutcome(
            path: source.path, formatted: formatted, isChanged: formatted != source.bytes, refusal: nil,
            diagnostics: [], source: source)
    }
}

/// Messages of `cfc fmt`, in alphabetical order.
enum FormatMessages {
    /// `fmt.does_not_compile`: a file with parse or lowering errors, which fmt leaves as written.
    static func doesNotCompile(path: String, errors: Int) -> Diagnostic {
        Diagnostic(
            id: "fmt.does_not_compile", severity: .error,
            summary: "left as it is: the file has \(errors) error\(errors == 1 ? "" : "s") that formatting could hide",
            hint: "fix the errors reported for the file and run cfc fmt again; formatting rewrites values in their canonical form, "
                + "which can turn a value that is wrong into one that is not",
            file: path)
    }

    /// `fmt.meaning_changed`: the canonical text would compile to something else.
    static func meaningChanged(path: String) -> Diagnostic {
        Diagnostic(
            id: "fmt.meaning_changed", severity: .error,
            summary: "left as it is: formatting would change what the file compiles to",
            hint: "this is a cfc bug; please report it with the file", file: path)
    }

    /// `fmt.uses_aliases`: a file with anchors, aliases or merge keys, which fmt keeps as written.
    static func usesAliases(path: String, at range: SourceRange?, check: Bool) -> Diagnostic {
        Diagnostic(
            id: "fmt.uses_aliases", severity: check ? .error : .warning,
            summary: check
                ? "cannot check the formatting: the file uses anchors, aliases or merge keys"
                : "left as it is: the file uses anchors, aliases or merge keys",
            hint: "cfc fmt puts keys in the reference's order, which can move an alias above its anchor; "
                + "it would have to expand them or move anchors, so it keeps the file as written. "
                + (check
                    ? "Expand them by hand to have the file checked, or leave the file out of cfc fmt --check"
                    : "Expand them by hand to have the file formatted"),
            range: range, file: path)
    }

    /// `fmt.write_failed`: libyaml could not write the canonical text.
    static func writeFailed(path: String, message: String) -> Diagnostic {
        Diagnostic(
            id: "fmt.write_failed", severity: .error, summary: "cannot write the formatted file: \(message)",
            hint: "this is a cfc bug; please report it with the file", file: path)
    }
}
