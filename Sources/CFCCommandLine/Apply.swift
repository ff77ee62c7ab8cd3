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
            invalidation. The aws CLI runs with your environment (credentials, profile, region, \
            AWS_ENDPOINT_URL), never through a shell. A distribution changed outside cfc since \
            cfc last applied it (its ETag is not the recorded one) is refused, naming the change, \
            unless --overwrite-drift. A distribution the state lists and no config has is only \
            reported, unless --allow-delete: then it is disabled, waited for, and deleted. On a failure the run stops and says what \
            was done; running cfc apply again continues from the state it left. Exit status: 0 \
            applied (or nothing to do); 1 failed, refused or cancelled, a bad invocation included.
            """)

    static let errorExitCode = ExitCode(ExitStatus.failure.code)

    @Argument(help: "The cfc YAML files.", transform: nonEmptyPath)
    var files: [String]

    @Flag(help: "Apply without asking (for pipelines).")
    var yes = false

    @Option(help: "The state file (default: cfc-state.json beside the first file).", transform: nonEmptyPath)
    var state: String?

    @Option(help: "The aws CLI to run (default: aws on PATH).", transform: nonEmptyPath)
    var aws: String?

    @Option(name: .customLong("aws-timeout"), help: "Seconds one aws call may take.")
    var awsTimeout: Double = 300

    @Flag(name: .customLong("overwrite-drift"), help: "Apply even to distributions changed outside cfc since it last applied them, replacing those changes.")
    var overwriteDrift = false

    @Flag(name: .customLong("allow-delete"), help: "Delete distributions the state file lists that no config has any more (disable, wait, delete).")
    var allowDelete = false

    @Flag(name: .customLong("no-wait"), help: "Do not wait for deployment (and so create no invalidation).")
    var noWait = false

    @Option(name: .customLong("wait-timeout"), help: "Seconds to wait for a distribution to be Deployed.")
    var waitTimeout: Double = 3600

    @Option(name: .customLong("poll-interval"), help: "Seconds between status checks while waiting.")
    var pollInterval: Double = 15

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
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
        let result = ApplyCommand.execute(
            request, aws: cli, options: diagnostics.compileOptions,
            say: { FileIO.writeStandardOutput(Array(VisibleText.escapedLines($0).utf8)) },
            ask: { question in
                FileIO.writeStandardOutput(Array(question.utf8))
                return readLine(strippingNewline: true)
            })
        try diagnostics.present(result)
    }
}
