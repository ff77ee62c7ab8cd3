import ArgumentParser
import CFCCompiler
import CFCSupport

struct Format: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite cfc YAML files in canonical form.",
        discussion: """
            Keys in the order of the language reference, two-space indent, lists of scalars in \
            flow style, strings quoted only where YAML needs it; cache behaviors and origins keep \
            their order and comments are kept (a trailing comment moves above its key). Files that \
            use anchors, aliases or merge keys are left as they are. Formatting never changes what \
            a file compiles to: cfc checks it before writing. With --check, nothing is written and \
            the exit status is 1 when a file is not formatted. Exit status: 0 success; 1 a file \
            cannot be read or parsed, or (with --check) is not formatted; 64 bad invocation.
            """)

    @Argument(help: "cfc YAML files ('-' formats standard input to standard output).")
    var files: [String]

    @Flag(help: "Report files that are not formatted, without writing.")
    var check = false

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one file.") }
    }

    func run() throws {
        var failed = false
        var options = CompileOptions()
        options.maxInputBytes = diagnostics.maxInputBytes
        for file in files {
            let outcome = FormatCommand.format(file, options: options)
            if !outcome.diagnostics.isEmpty {
                diagnostics.report(outcome.diagnostics, sources: outcome.source.map { [$0] } ?? [])
                failed = true
                continue
            }
            if let refusal = outcome.refusal {
                FileIO.writeStandardError(Array("\(outcome.path): left as it is: \(refusal)\n".utf8))
                continue
            }
            guard let formatted = outcome.formatted else { continue }
            if file == FileIO.standardInputPath {
                if check { failed = failed || outcome.isChanged } else { FileIO.writeStandardOutput(formatted) }
                continue
            }
            guard outcome.isChanged else { continue }
            if check {
                FileIO.writeStandardOutput(Array("\(outcome.path): not formatted\n".utf8))
                failed = true
            } else {
                do {
                    try FileIO.writeAtomically(formatted, to: file)
                    FileIO.writeStandardOutput(Array("formatted \(outcome.path)\n".utf8))
                } catch {
                    diagnostics.report([OutputWriting.writeFailure(error)], sources: [])
                    failed = true
                }
            }
        }
        if failed { throw inputErrorExit }
    }
}
