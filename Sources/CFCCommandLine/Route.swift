import ArgumentParser
import CFCCompiler
import CFCSupport
import Routing

struct Route: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Show what CloudFront does with a request: which behavior, and forward, redirect or 403.",
        discussion: """
            Matches the path as CloudFront does (case-sensitive, query string ignored, * any run of \
            characters, ? one), then applies the behavior's allowed methods and viewer protocol \
            policy, signed-URL requirements (--signed to assume a valid signature) and whether the \
            distribution is enabled, and names the edge functions that run first. With --batch, reads one 'METHOD URL [HTTP-VERSION]' per line ('#' starts a \
            comment) and prints one JSON object per line. In JSON, behavior.index counts cache \
            behaviors from 0 and behavior.position from 1, as the text output does ("behavior 3"); \
            both are null for the default behavior. Exit status: 0 success; 1 the config has \
            errors, a request cannot be simulated, or the batch file cannot be read or has a \
            malformed line (reported as FILE:LINE:COLUMN, and then no request is answered); 64 \
            bad invocation.
            """)

    @Argument(help: "The cfc YAML file.", transform: nonEmptyPath)
    var file: String

    @Argument(help: "The HTTP method, such as GET or POST.")
    var method: String?

    @Argument(help: "The request URL, such as http://shop.example.com/cart?x=1.")
    var url: String?

    @Option(help: "The distribution, when the file has several and the host does not choose one.")
    var distribution: String?

    @Option(name: .customLong("http-version"), help: "The viewer's HTTP version: 1.0, 1.1, 2, or 3.")
    var httpVersion: ViewerHTTPVersion = .http1_1

    @Flag(
        help:
            "Assume the request carries a valid signed URL or signed cookie (behaviors with trusted key groups or signers answer unsigned requests with 403)."
    )
    var signed = false

    @Option(help: "Output: text or json.")
    var format: RouteCommand.Format = .text

    @Option(help: "A file of requests, one 'METHOD URL [HTTP-VERSION]' per line ('-' for standard input).", transform: nonEmptyPath)
    var batch: String?

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        try diagnostics.validateEnvironmentCount()
        if batch == nil && (method == nil || url == nil) { throw ValidationError("Give METHOD and URL, or --batch FILE.") }
        if batch != nil && (method != nil || url != nil) { throw ValidationError("Give METHOD and URL, or --batch FILE, not both.") }
    }

    func run() throws {
        let options = diagnostics.compileOptions
        let outcome: RouteCommand.Outcome
        if let batch {
            outcome = RouteCommand.runBatch(
                path: file, distribution: distribution, batchPath: batch, defaultVersion: httpVersion, signed: signed,
                options: options)
        } else {
            let request = RouteCommand.RequestLine(method: method ?? "GET", url: url ?? "", httpVersion: httpVersion, signed: signed)
            outcome = RouteCommand.run(
                path: file, distribution: distribution, requests: [request], format: format, batch: false,
                options: options)
        }
        try diagnostics.present(outcome.result)
    }
}

extension RouteCommand.Format: ExpressibleByArgument {}
extension ViewerHTTPVersion: ExpressibleByArgument {}
