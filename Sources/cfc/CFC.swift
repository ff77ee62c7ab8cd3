import ArgumentParser

@main
struct CFC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cfc",
        abstract: "A compiler for Amazon CloudFront distribution configs.",
        discussion: """
            cfc reads distributions described in YAML, checks them, and writes the documents the \
            CloudFront API (2020-05-31) takes.

            Exit status: 0 success; 1 the input has errors (or a file cannot be read or written); \
            64 bad invocation.
            """,
        subcommands: [Compile.self, Check.self, PlanCommandLine.self, Diff.self, Route.self, Explain.self, Schema.self, Import.self, Format.self])
}
