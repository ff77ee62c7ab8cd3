import ArgumentParser
import CFCCompiler
import CFCDiagnostics
import CFCSupport
import Checks
import DistributionIR

struct Check: ParsableCommand, InputLimits {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check cfc YAML files and report every finding.",
        discussion: """
            Runs the same checks as compile (and the parser and lowering before them) without \
            writing documents, and prints the report to standard output. Findings suppressed with \
            ignore: are listed as suppressed in json and sarif output. --format github writes \
            errors and warnings as annotations (notes too with --min-severity note), at most 10 of \
            a kind, GitHub's limit per step: past it, one annotation says how many more there are \
            and the log lists them. --suggest-order adds the \
            order after the text report, or a "suggested-orders" member to the JSON report, with \
            behaviors counted from 1; it cannot be combined with sarif. Exit status: 0 no error; 1 \
            an error (or a warning with --warnings-as-errors), or a file cannot be read; 64 bad \
            invocation.
            """)

    @Argument(help: "cfc YAML files ('-' reads standard input).", transform: nonEmptyPath)
    var files: [String]

    @Option(help: "Report format: text, json, sarif, or github.")
    var format: CheckCommand.Format = .text

    @Flag(help: "Fail on warnings too.")
    var warningsAsErrors = false

    @Flag(help: "Print an order of the cache behaviors in which none is shadowed, and the requests it would re-route.")
    var suggestOrder = false

    @Option(help: "Colour text output: auto, always, never.")
    var color: ColorMode = .auto

    @Option(name: .customLong("max-input-bytes"), help: LimitHelp.maxInputBytes)
    var maxInputBytes: Int = 64 << 20

    @Flag(name: .customLong("follow-symlinks"), help: LimitHelp.followSymlinks)
    var followSymlinks = false

    @Option(name: .customLong("max-pattern-search-steps"), help: LimitHelp.maxPatternSearchSteps)
    var maxPatternSearchSteps: Int = DistributionPolicy.defaultPatternSearchSteps

    @Option(name: .customLong("error-limit"), help: LimitHelp.errorLimit)
    var errorLimit: Int = DiagnosticLimit.defaultErrorLimit

    @Option(
        name: .customLong("env"),
        help: "Check only this environment (repeatable). Without --env, a config with environments is checked in every one.")
    var environments: [String] = []

    @Option(
        name: .customLong("min-severity"),
        help: "The least severe finding to report: error, warning or note (default: note; warning with --format github).")
    var minimumSeverity: Severity?

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one input file.") }
        try validateLimits()
        if suggestOrder && !CheckCommand.supportsSuggestions(format) {
            throw ValidationError("--suggest-order prints text or JSON: use it with --format text, json or github, not \(format.rawValue).")
        }
    }

    func run() throws {
        let outcome = CheckCommand.run(
            files, format: format, warningsAsErrors: warningsAsErrors, suggestOrder: suggestOrder,
            colors: color.isEnabled(for: 1), errorLimit: errorLimit, minimumSeverity: minimumSeverity,
            environments: environments, options: compileOptions)
        try finish(outcome.result)
    }
}

extension CheckCommand.Format: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule or any diagnostic id cfc prints: what it means, why, and how to fix it.",
        discussion: "Without an id, lists every rule.")

    @Argument(help: "A rule or diagnostic id, such as https.require_https or schema.unknown_key.")
    var rule: String?

    func run() throws {
        guard let rule else {
            FileIO.writeStandardOutput(Array(RulesReference.list().utf8))
            return
        }
        guard let text = RulesReference.explain(rule) else {
            let close = RulesReference.suggestions(for: rule)
            throw ValidationError(
                "No rule or diagnostic '\(VisibleText.escaped(rule))'."
                    + (close.isEmpty ? "" : " Did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?")
                    + " Run 'cfc explain' for the list of rules.")
        }
        FileIO.writeStandardOutput(Array(text.utf8))
    }
}
