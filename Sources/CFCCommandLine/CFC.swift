import ArgumentParser
import CFCCompiler
import CFCSupport
import CMemoryTuning

/// The `cfc` command: its subcommands, and how it exits.
public struct CFC: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "cfc",
        abstract: "A compiler for Amazon CloudFront distribution configs.",
        discussion: """
            cfc reads distributions described in YAML, checks them, and writes the documents the \
            CloudFront API (2020-05-31) takes.

            Exit status: 0 success; 1 the input has errors (or a file cannot be read or written); \
            64 bad invocation. cfc plan and cfc diff have their own, given in their help.
            """,
        version: "cfc \(CFCVersion.description)",
        subcommands: [
            Compile.self, Check.self, PlanCommandLine.self, Apply.self, Diff.self, Drift.self, Route.self, Explain.self, Schema.self,
            Import.self, Format.self, Version.self,
        ])

    /// ArgumentParser's `main`, except that a command with its own error status
    /// (`ErrorExitStatus`) exits with it for a bad invocation and for any error it did not
    /// turn into an exit code itself. ArgumentParser has no per-command hook for this.
    public init() {}

    public static func main() {
        // Freed memory is kept for reuse: the large compile took 15,000 page faults when glibc
        // handed it back to the kernel after every distribution, 7,000 this way (the peak is the
        // same).
        cfc_keep_freed_memory()
        Interruption.install()
        if let shortage = ProcessResources.shortage() {
            FileIO.writeStandardError(Array("cfc: error: \(shortage)\n".utf8))
            Self.exit(withError: ExitCode(71))  // EX_OSERR
        }
        do {
            var command = try parseAsRoot()
            try command.run()
            WorkMeter.writeReportIfAsked()
        } catch {
            WorkMeter.writeReportIfAsked()
            if !(error is ExitCode), exitCode(for: error) != .success,
                let command = invokedSubcommand(of: Array(CommandLine.arguments.dropFirst()))
            {
                let message = fullMessage(for: error)
                if !message.isEmpty { FileIO.writeStandardError(Array((message + "\n").utf8)) }
                exit(withError: command.errorExitCode)
            }
            exit(withError: error)
        }
    }

    /// The subcommand with its own error status that `arguments` invoke, found as
    /// ArgumentParser finds a subcommand: the first argument that is not an option names it
    /// (the root command has no options that take a value).
    static func invokedSubcommand(of arguments: [String]) -> (any ErrorExitStatus.Type)? {
        guard let name = arguments.first(where: { !$0.hasPrefix("-") }) else { return nil }
        return configuration.subcommands.lazy.compactMap { $0 as? any ErrorExitStatus.Type }
            .first { $0.configuration.commandName == name || $0.configuration.aliases.contains(name) }
    }
}

/// A command whose errors, a bad invocation included, exit with a status of its own rather
/// than ArgumentParser's 64 (EX_USAGE): `cfc diff` follows diff(1), where 2 is any trouble, and
/// `cfc plan` Terraform's -detailed-exitcode, where 1 is any error. The command must name itself
/// in its configuration (`commandName`), which is how the root finds it.
protocol ErrorExitStatus: ParsableCommand {
    /// The status for a bad invocation and for any other error.
    static var errorExitCode: ExitCode { get }
}
