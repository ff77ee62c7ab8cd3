import ArgumentParser
import CFCCompiler
import CFCSupport

/// `cfc version`: the version for people, or for tools as JSON.
struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print cfc's version (and the commit it was built from, when known).",
        discussion: """
            'cfc --version' prints the same line. With --format json: {"version": …, "commit": …, \
            "api-version": "2020-05-31"}, commit null when the build did not know it.
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        switch format {
        case .text:
            FileIO.writeStandardOutput(Array("cfc \(CFCVersion.description)\n".utf8))
        case .json:
            let report: JSONValue = .object([
                "version": .string(CFCVersion.number),
                "commit": .string(CFCVersion.commit),
                "api-version": .string("2020-05-31"),
            ])
            FileIO.writeStandardOutput(report.rendered())
        }
    }
}
