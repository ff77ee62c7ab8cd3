import ArgumentParser

/// The command line as the fuzzer drives it: arguments parsed and validated exactly as `cfc`
/// parses them, then the command run, unless it would write files.
public enum CommandLineFuzzing {
    /// Parses `arguments` (without the program name) and runs the command they name, catching
    /// every error a command may throw; a command that would write files (`--output`, `fmt`
    /// without `--check`) is only parsed, since fuzzed arguments could name any path.
    public static func run(_ arguments: [String]) {
        guard var command = try? CFC.parseAsRoot(arguments), !writesFiles(command) else { return }
        _ = try? command.run()
    }

    /// Whether running `command` could create or replace a file.
    static func writesFiles(_ command: any ParsableCommand) -> Bool {
        switch command {
        case let compile as Compile: compile.output != nil
        case let plan as PlanCommandLine: plan.output != nil
        case let imported as Import: imported.output != nil
        case let format as Format: !format.check
        default: false
        }
    }
}
