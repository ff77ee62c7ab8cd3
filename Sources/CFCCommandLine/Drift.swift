import ArgumentParser
import CFCCompiler
import CFCSupport

struct Drift: ErrorExitStatus {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Compare the live config of every distribution in the state file with the compiled one.",
        discussion: """
            For each distribution of the files that the state file (cfc-state.json beside the \
            first file, or --state) lists, reads the live config with 'aws cloudfront \
            get-distribution-config' and compares it with the compiled config, normalized as cfc \
            diff does, so values CloudFront fills in are no drift. The aws CLI runs with your \
            environment (credentials, profile, region, AWS_ENDPOINT_URL), never through a shell. \
            Exit status: 0 no drift; 2 drift (a distribution differs or is not in the state file); \
            1 error, a bad invocation included.
            """)

    static let errorExitCode = ExitCode(ExitStatus.failure.code)

    @Argument(help: "The cfc YAML files.", transform: nonEmptyPath)
    var files: [String]

    @Option(help: "The state file (default: cfc-state.json beside the first file).", transform: nonEmptyPath)
    var state: String?

    @Option(help: "The aws CLI to run (default: aws on PATH).", transform: nonEmptyPath)
    var aws: String?

    @Option(name: .customLong("aws-timeout"), help: "Seconds one aws call may take.")
    var awsTimeout: Double = 120

    @Option(help: "Output: text, json, or markdown (for a pull-request comment).")
    var format: DriftCommand.Format = .text

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        try diagnostics.validateEnvironmentCount()
        if !(awsTimeout > 0) { throw ValidationError("--aws-timeout must be a positive number of seconds.") }
    }

    func run() throws {
        let searchPath = FileIO.environment("PATH")
        let cli = AWSCLI.locate(explicit: aws, searchPath: searchPath, timeoutSeconds: awsTimeout)
        try diagnostics.present(
            DriftCommand.execute(
                files, statePath: state, aws: cli, format: format,
                options: diagnostics.compileOptions))
    }
}

extension DriftCommand.Format: ExpressibleByArgument {}
