import ArgumentParser
import CFCCompiler
import CFCDiagnostics
import CFCSupport

struct Apply: ErrorExitStatus {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Plan the configs against the live distributions and carry the plan out with the aws CLI.",
        discussion: """
            Reads the live config of every distribution the state file lists (cfc-state.json \
            beside the first file, or --state) with 'aws cloudfront get-distribution-config', \
            plans as cfc plan does, prints the plan, and asks for 'yes' (or takes --yes; without \
            a terminal and without --yes it refuses). Then, one distribution at a time: create or \
            update with --if-match, record the id, ETag and config digest in the state file at \
            once, wait until the distribution is Deployed, and only then create the planned \
            invalidation (recorded as owed before the update, so a run stopped in between still \
            makes it next time). The aws CLI runs with your environment (credentials, profile, \
            region, AWS_ENDPOINT_URL), never through a shell. A distribution changed outside cfc \
            since cfc last applied it is refused, naming the change, unless --overwrite-drift. A \
            distribution the state lists and no config has is only reported, unless \
            --allow-delete: then it is disabled, waited for, and deleted.

            Given a directory written by 'cfc plan --output DIR' instead of configs, applies that \
            plan exactly as reviewed: its documents byte for byte, refused if a document was \
            edited, or if the state file or a live config (or its ETag) is not what the plan was \
            made against.

            On a failure the run stops and says what was done; running cfc apply again continues \
            from the state it left. Exit status: 0 applied (or nothing to do); 1 failed, refused \
            or cancelled, a bad invocation included.
            """)

    static let errorExitCode = ExitCode(ExitStatus.failure.code)

    @Argument(help: "The cfc YAML files, or one directory written by cfc plan --output.", transform: nonEmptyPath)
    var files: [String]

    @Flag(help: "Apply without asking (for pipelines).")
    var yes = false

    @Option(help: "The state file (default: cfc-state.json beside the first file).", transform: nonEmptyPath)
    var state: String?

    @Option(help: "The aws CLI to run (default: aws on PATH).", transform: nonEmptyPath)
    var aws: String?

    @Option(name: .customLong("aws-timeout"), help: "Seconds one aws call may take.")
    var awsTimeout: Double = 300

    @Flag(
        name: .customLong("overwrite-drift"),
        help: "Apply even to distributions changed outside cfc since it last applied them, replacing those changes.")
    var overwriteDrift = false

    @Flag(
        name: .customLong("allow-delete"),
        help: "Delete distributions the state file lists that no config has any more (disable, wait, delete).")
    var allowDelete = false

    @Flag(name: .customLong("no-wait"), help: "Do not wait for deployment (and so create no invalidation).")
    var noWait = false

    @Flag(name: .customLong("wait-invalidations"), help: "After creating an invalidation, wait until it is Completed.")
    var waitInvalidations = false

    @Option(name: .customLong("wait-timeout"), help: "Seconds to wait for a distribution to be Deployed (or an invalidation Completed).")
    var waitTimeout: Double = 3600

    @Option(name: .customLong("poll-interval"), help: "Seconds between status checks while waiting.")
    var pollInterval: Double = 15

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        try diagnostics.validateEnvironmentCount()
        for (name, value) in [("--aws-timeout", awsTimeout), ("--wait-timeout", waitTimeout), ("--poll-interval", pollInterval)]
        where !(value > 0) {
            throw ValidationError("\(name) must be a positive number of seconds.")
        }
    }

    func run() throws {
        let searchPath = FileIO.environment("PATH")
        let cli = AWSCLI.locate(explicit: aws, searchPath: searchPath, timeoutSeconds: awsTimeout)
        var request = ApplyCommand.Request(paths: files)
        request.statePath = state
        request.assumeYes = yes
        request.canAsk = FileIO.isTerminal(0)
        request.noWait = noWait
        request.overwriteDrift = overwriteDrift
        request.allowDelete = allowDelete
        request.waitTimeoutSeconds = waitTimeout
        request.pollSeconds = pollInterval
        request.waitForInvalidations = waitInvalidations
        let result = ApplyCommand.execute(
            request, aws: cli, options: diagnostics.compileOptions,
            console: TerminalConsole.make(colors: diagnostics.color.isEnabled(for: 1)))
        try diagnostics.present(result)
    }
}

/// `cfc apply`'s console on standard output: every line escaped (names and statuses come from
/// files and from CloudFront), deletions in red where colours are on, and, when standard output
/// is a terminal, a status line rewritten in place while waiting.
enum TerminalConsole {
    /// Whether a status line is on the screen, to be cleared before the next line.
    private final class StatusLine: @unchecked Sendable {
        var showing = false
    }

    static func make(colors: Bool) -> ApplyConsole {
        let statusLine = StatusLine()
        let clear: [UInt8] = Array("\r\u{1B}[2K".utf8)
        func write(_ text: String, _ tone: ApplyConsole.Tone) {
            var bytes: [UInt8] = statusLine.showing ? clear : []
            statusLine.showing = false
            let escaped = VisibleText.escapedLines(text)
            if tone == .danger && colors, escaped.hasSuffix("\n") {
                bytes += Array("\u{1B}[31m\(escaped.dropLast())\u{1B}[0m\n".utf8)
            } else {
                bytes += Array(escaped.utf8)
            }
            FileIO.writeStandardOutput(bytes)
        }
        var status: ((String) -> Void)? = nil
        if FileIO.isTerminal(1) {
            status = { text in
                // An empty status clears the line; the next line then starts at its beginning.
                let line = VisibleText.escaped(text)
                FileIO.writeStandardOutput(clear + Array(line.utf8))
                statusLine.showing = !line.isEmpty
            }
        }
        return ApplyConsole(
            line: write, status: status,
            ask: { question in
                write(question, .plain)
                return readLine(strippingNewline: true)
            })
    }
}
