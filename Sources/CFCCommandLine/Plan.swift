import ArgumentParser
import CFCCompiler
import CFCDiagnostics
import CFCSupport
import DistributionIR
import Planning

/// `cfc plan`.
struct PlanCommandLine: ErrorExitStatus {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan an apply: what changes, the documents to send, and the invalidation that follows.",
        discussion: """
            --previous takes a cfc YAML file, the JSON 'aws cloudfront get-distribution-config' \
            prints (its ETag becomes the --if-match value, its CallerReference is kept), a bare \
            DistributionConfig JSON, or a DistributionConfig XML. With --output DIR, writes \
            NAME.distribution.json|xml, NAME.invalidation.json|xml and plan.json, all or none. The \
            state file (cfc-state.json beside the config, or --state) gives the commands their \
            distribution ids, and a distribution it lists is never planned as a create: without \
            --previous, planning it is an error that says how to fetch the live config. \
            Exit status (like Terraform's -detailed-exitcode): 0 nothing to do; 2 changes planned; \
            1 error, a bad invocation (an unknown option, a missing or invalid argument) included.
            """)

    static let errorExitCode = ExitCode(ExitStatus.failure.code)

    @Option(help: "The config as it is now (YAML, API JSON or API XML).", transform: nonEmptyPath)
    var previous: String?

    @Argument(help: "The new cfc YAML file.", transform: nonEmptyPath)
    var new: String

    @Option(name: [.short, .long], help: "Directory to write the plan's files into.", transform: nonEmptyPath)
    var output: String?

    @Option(name: .customLong("changed-paths"), help: "A file of object paths that changed, one per line.", transform: nonEmptyPath)
    var changedPaths: String?

    @Option(help: "Plan only this distribution.")
    var distribution: String?

    @Option(name: .customLong("distribution-id"), help: "The distribution's id, for the aws commands.")
    var distributionID: String?

    @Flag(help: "Read the live config and ETag of each distribution the state file lists with the aws CLI (instead of --previous).")
    var refresh = false

    @Option(help: "The aws CLI for --refresh (default: aws on PATH).", transform: nonEmptyPath)
    var aws: String?

    @Option(
        help: "The state file: which distributions exist, and their ids (default: cfc-state.json beside the config, if present).",
        transform: nonEmptyPath)
    var state: String?

    @Option(name: .customLong("max-paths"), help: "At most this many invalidation paths (CloudFront allows 3000).")
    var maxPaths: Int = 3000

    @Option(name: .customLong("free-paths-left"), help: "Free invalidation paths left this month (1,000 a month are free).")
    var freePathsLeft: Int = 1000

    @Option(help: "Plan output on standard output: text, json, or markdown (for a pull-request comment).")
    var format: PlanCommand.OutputFormat = .text

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        try diagnostics.validateEnvironmentCount()
        if maxPaths < 1 || maxPaths > 3000 { throw ValidationError("--max-paths must be between 1 and 3000.") }
        if freePathsLeft < 0 { throw ValidationError("--free-paths-left cannot be negative.") }
        if refresh && previous != nil { throw ValidationError("Give --previous or --refresh, not both.") }
        if let distributionID, !CloudFrontIdentifier.isDistributionID(distributionID) {
            // It goes into the printed aws commands: refused here rather than quoted there.
            throw ValidationError(
                "--distribution-id '\(VisibleText.escaped(distributionID))' is not a CloudFront distribution id "
                    + "(capital letters and digits, such as EDFDVBD6EXAMPLE).")
        }
    }

    func run() throws {
        var request = PlanCommand.Request(previous: previous, new: new)
        request.distribution = distribution
        request.distributionID = distributionID
        request.statePath = state
        if refresh {
            let searchPath = FileIO.environment("PATH")
            request.refreshWith = AWSCLI.locate(explicit: aws, searchPath: searchPath)
        }
        request.changedPaths = changedPaths
        request.budget.maxPaths = maxPaths
        request.budget.freePathsLeft = freePathsLeft
        try diagnostics.present(PlanCommand.execute(request, output: output, format: format, options: diagnostics.compileOptions))
    }
}

/// `cfc diff`.
struct Diff: ErrorExitStatus {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what differs between two configs, member by member.",
        discussion: """
            Each side may be a cfc YAML file, get-distribution-config output, a bare \
            DistributionConfig JSON, or its XML. Cache behaviors are matched by path pattern (a \
            reorder shows as a move), origins by id; values CloudFront fills in are not reported. \
            cfc diff --env staging --env prod FILE shows how a config's two environments differ. \
            Exit status (like diff): 0 same; 1 different; 2 trouble, a bad invocation (an unknown \
            option, a missing or invalid argument) included.
            """)

    static let errorExitCode = ExitCode(ExitStatus.trouble.code)

    @Argument(
        help: ArgumentHelp(
            "The old config, then the new one; one config with two --env options compares its environments.", valueName: "config"),
        transform: nonEmptyPath)
    var files: [String]

    @Option(help: "Compare only this distribution.")
    var distribution: String?

    @Option(help: "Output: text, json, or markdown (for a pull-request comment).")
    var format: PlanCommand.OutputFormat = .text

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        try diagnostics.validateEnvironmentCount(most: 2)
        if files.count > 2 { throw ValidationError("Give two configs, or one config and two --env options.") }
        if files.count == 1 && diagnostics.environments.count != 2 {
            throw ValidationError("Give two configs, or one config with --env OLD --env NEW to compare its environments.")
        }
        if files.isEmpty { throw ValidationError("Give the old config and the new one.") }
    }

    func run() throws {
        let environments = diagnostics.environments
        let sides: (old: String?, new: String?)? = environments.count == 2 ? (environments[0], environments[1]) : nil
        try diagnostics.present(
            DiffCommand.execute(
                old: files[0], new: files.count == 2 ? files[1] : files[0], distribution: distribution, format: format,
                colors: diagnostics.color.isEnabled(for: 1), options: diagnostics.compileOptions, environments: sides))
    }
}
