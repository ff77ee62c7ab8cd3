import CFCDiagnostics
import CFCSupport
import DistributionIR
import Routing

/// What `cfc route` does: compile a file, pick the distribution, and explain what CloudFront
/// does with one request, or with every request of a batch file.
public enum RouteCommand {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        /// A short explanation for people.
        case text
        /// One JSON object per request.
        case json
    }

    /// The outcome of a route run.
    public struct Outcome: Sendable {
        /// Standard output.
        public var output: [UInt8]
        /// Diagnostics for standard error.
        public var diagnostics: [Diagnostic]
        /// The files read (the config, and the batch file), for rendering the diagnostics.
        public var sources: [SourceFile]
        /// Whether the run failed (exit status 1).
        public var failed: Bool
        /// Values no output may show.
        public var sensitiveValues: [String] = []

        /// The answers on standard output, the problems on standard error.
        public var result: CommandResult {
            var result = CommandResult(
                diagnostics: diagnostics, sources: sources, standardOutput: output, exitStatus: .compiler(failed: failed))
            result.sensitiveValues = sensitiveValues
            return result
        }
    }

    /// One request to simulate.
    public struct RequestLine: Sendable {
        /// The method.
        public var method: String
        /// The URL.
        public var url: String
        /// The HTTP version.
        public var httpVersion: ViewerHTTPVersion
        /// Whether to assume a valid signed URL or cookie.
        public var signed: Bool
        /// Where the method and URL were written in a batch file, so a request that cannot be
        /// simulated is reported at its line; nil for a request from the command line.
        public var location: SourceRange?

        /// Creates a request line.
        public init(method: String, url: String, httpVersion: ViewerHTTPVersion, signed: Bool = false, location: SourceRange? = nil) {
            self.method = method
            self.url = url
            self.httpVersion = httpVersion
            self.signed = signed
            self.location = location
        }
    }

    /// Reads a batch file: one `METHOD URL [HTTP-VERSION]` per line; blank lines and lines
    /// starting with `#` are skipped.
    ///
    /// A malformed line is a problem in the input, like a bad value in the config: it is
    /// reported as an error at its line and column (every such line, not only the first), and
    /// the caller answers none of the requests, so the output never has lines missing.
    ///
    /// - Parameters:
    ///   - batch: the batch file.
    ///   - defaultVersion: the HTTP version of lines that do not give one.
    /// - Returns: the requests read, and an error for each malformed line.
    public static func parseBatch(
        _ batch: SourceFile, defaultVersion: ViewerHTTPVersion, signed: Bool = false
    ) -> (requests: [RequestLine], diagnostics: [Diagnostic]) {
        var requests: [RequestLine] = []
        var diagnostics: [Diagnostic] = []
        for number in stride(from: 1, through: batch.lineCount, by: 1) {
            guard let text = batch.text(ofLine: number) else { continue }
            let fields = batchFields(text)
            if fields.isEmpty || fields[0].text.hasPrefix("#") { continue }
            func range(_ columns: Range<Int>) -> SourceRange {
                SourceRange(
                    file: batch.path, start: batch.position(line: number, column: columns.lowerBound),
                    end: batch.position(line: number, column: columns.upperBound))
            }
            guard fields.count == 2 || fields.count == 3 else {
                let columns = fields[0].columns.lowerBound..<(fields.last?.columns.upperBound ?? 1)
                diagnostics.append(RouteMessages.malformedBatchLine(fieldCount: fields.count, at: range(columns)))
                continue
            }
            var version = defaultVersion
            if fields.count == 3 {
                let written = fields[2].text
                guard let parsed = ViewerHTTPVersion(rawValue: written.hasPrefix("HTTP/") ? String(written.dropFirst(5)) : written) else {
                    diagnostics.append(RouteMessages.unknownHTTPVersion(written, at: range(fields[2].columns)))
                    continue
                }
                version = parsed
            }
            requests.append(
                RequestLine(
                    method: fields[0].text, url: fields[1].text, httpVersion: version, signed: signed,
                    location: range(fields[0].columns.lowerBound..<fields[1].columns.upperBound)))
        }
        return (requests, diagnostics)
    }

    /// The whitespace-separated fields of a batch line, with their columns (from 1, in Unicode
    /// scalars, as every cfc position counts them; the end is exclusive).
    private static func batchFields(_ line: String) -> [(text: String, columns: Range<Int>)] {
        var fields: [(String, Range<Int>)] = []
        var current = ""
        var start = 0
        var column = 1
        for scalar in line.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\r" {
                if !current.isEmpty { fields.append((current, start..<column)) }
                current = ""
            } else {
                if current.isEmpty { start = column }
                current.unicodeScalars.append(scalar)
            }
            column += 1
        }
        if !current.isEmpty { fields.append((current, start..<column)) }
        return fields
    }

    /// Simulates every request of the batch file at `batchPath` (`-` for standard input)
    /// against the distribution in `path`, one JSON object per line.
    ///
    /// An unreadable batch file or a malformed line is an input error (the run fails and
    /// prints no answers), never a usage error: the invocation was right, the file was not.
    public static func runBatch(
        path: String, distribution name: String?, batchPath: String, defaultVersion: ViewerHTTPVersion, signed: Bool = false,
        options: CompileOptions = CompileOptions()
    ) -> Outcome {
        let sink = DiagnosticCollector()
        guard let batch = SourceInput.read(batchPath, options: options, sink: sink) else {
            return Outcome(output: [], diagnostics: sink.diagnostics, sources: [], failed: true)
        }
        let (requests, problems) = parseBatch(batch, defaultVersion: defaultVersion, signed: signed)
        var outcome = run(
            path: path, distribution: name, requests: requests, format: .json, batch: true, options: options,
            inputProblems: problems)
        outcome.sources.append(batch)
        return outcome
    }

    /// Simulates every request against the distribution in `path`.
    ///
    /// Every request is parsed and given its distribution before any is answered: when one
    /// cannot be simulated, the run reports each such request and prints nothing, so a batch's
    /// output lines always correspond to its requests.
    public static func run(
        path: String, distribution name: String?, requests: [RequestLine], format: Format, batch: Bool,
        options: CompileOptions = CompileOptions()
    ) -> Outcome {
        run(path: path, distribution: name, requests: requests, format: format, batch: batch, options: options, inputProblems: [])
    }

    private static func run(
        path: String, distribution name: String?, requests: [RequestLine], format: Format, batch: Bool,
        options: CompileOptions, inputProblems: [Diagnostic]
    ) -> Outcome {
        var checkOptions = options
        checkOptions.formats = []
        let result = Pipeline().compile(path: path, options: checkOptions)
        let sources = result.sources
        var diagnostics = result.diagnostics.filter(\.isError) + inputProblems
        var simulated: [(SimulatedRequest, Distribution)] = []
        for line in requests {
            let request: SimulatedRequest
            do {
                request = try SimulatedRequest(method: line.method, url: line.url, httpVersion: line.httpVersion, signed: line.signed)
            } catch {
                diagnostics.append(RouteMessages.unroutableRequest(error, at: line.location))
                continue
            }
            guard let model = result.model, !result.hasErrors else { continue }
            guard
                let distribution = select(
                    model, name: name, host: request.host, diagnostics: &diagnostics, file: path,
                    at: line.location)
            else { continue }
            simulated.append((request, distribution))
        }
        guard !diagnostics.containsErrors else {
            return Outcome(output: [], diagnostics: diagnostics, sources: sources, failed: true, sensitiveValues: result.sensitiveValues)
        }
        var output: [UInt8] = []
        for (request, distribution) in simulated {
            let answer = RouteSimulator(distribution).route(request)
            let behaviorPath =
                answer.behaviorIndex.map {
                    distribution.path.appending("cache-behaviors").appending(index: $0)
                } ?? distribution.path.appending("default-cache-behavior")
            let line = result.locator?.keyRange(of: behaviorPath)?.start.line
            switch format {
            case .json: appendJSON(answer, request: batch ? request : nil, line: line, into: &output)
            case .text: appendText(answer, request: request, line: line, into: &output)
            }
        }
        return Outcome(output: output, diagnostics: diagnostics, sources: sources, failed: false, sensitiveValues: result.sensitiveValues)
    }

    /// The distribution a request goes to: the named one, the only one, or the one with the
    /// most specific alias covering the host, as CloudFront chooses between distributions
    /// (see `RouteSimulator.mostSpecificAlias(covering:in:)`).
    static func select(
        _ model: ConfigModel, name: String?, host: String, diagnostics: inout [Diagnostic], file: String, at location: SourceRange?
    ) -> Distribution? {
        if let name {
            guard let distribution = model.distribution(named: name) else {
                diagnostics.append(
                    Diagnostic(
                        id: "route.distribution", severity: .error, summary: "no distribution named '\(name)'",
                        hint: "the file defines: " + model.distributions.map(\.name).joined(separator: ", "), file: file))
                return nil
            }
            return distribution
        }
        if model.distributions.count == 1 { return model.distributions.first }
        // An exact alias outranks every wildcard, and a longer wildcard a shorter one.
        func rank(_ distribution: Distribution) -> Int? {
            guard let alias = RouteSimulator.mostSpecificAlias(covering: host, in: distribution.config.aliases) else { return nil }
            return alias.hasPrefix("*.") ? alias.count : Int.max
        }
        let ranked = model.distributions.compactMap { distribution in rank(distribution).map { (distribution, $0) } }
        let best = ranked.map(\.1).max()
        let serving = ranked.filter { $0.1 == best }.map(\.0)
        if serving.count == 1 { return serving.first }
        diagnostics.append(
            Diagnostic(
                id: "route.distribution", severity: .error,
                summary: "\(serving.isEmpty ? "no" : "more than one") distribution of the file serves \(host)",
                hint: "choose one with --distribution: " + model.distributions.map(\.name).joined(separator: ", "),
                range: location, file: location == nil ? file : nil))
        return nil
    }

    static func appendText(_ answer: RouteAnswer, request: SimulatedRequest, line: Int?, into output: inout [UInt8]) {
        let behavior = answer.behaviorIndex.map { "behavior \($0 + 1) '\(answer.pathPattern)'" } ?? "the default behavior"
        var text =
            "\(request.method) \(request.scheme)://\(request.host)\(request.path)" + (request.query.map { "?" + $0 } ?? "")
            + " (HTTP/\(request.httpVersion.rawValue))\n"
        text += "  matched by \(behavior)" + (line.map { " (line \($0))" } ?? "") + "\n"
        switch answer.action {
        case .forward:
            text +=
                "  forwarded to origin '\(answer.origin ?? "?")'" + (answer.originProtocol.map { " over \($0.uppercased())" } ?? "") + "\n"
        case .redirect:
            text +=
                "  \(answer.status ?? 0) \(answer.status == 301 ? "Moved Permanently" : "Temporary Redirect") to \(answer.location ?? "")\n"
        case .forbidden:
            text += "  403 Forbidden\n"
        }
        for note in answer.notes { text += "  - \(note)\n" }
        output.append(VisibleText.escapedLines(text))
    }

    static func appendJSON(_ answer: RouteAnswer, request: SimulatedRequest?, line: Int?, into output: inout [UInt8]) {
        var members: [JSONMember] = []
        if let request {
            members.append(
                JSONMember(
                    "request",
                    .inlineObject([
                        "method": .string(request.method),
                        "url": .string("\(request.scheme)://\(request.host)\(request.path)" + (request.query.map { "?" + $0 } ?? "")),
                        "http-version": .string(request.httpVersion.rawValue),
                    ])))
        }
        // `index` counts from 0 (the position in cache-behaviors as a program indexes it) and
        // `position` from 1 (as the text output and every diagnostic count behaviors); both are
        // null for the default behavior.
        members += [
            JSONMember(
                "behavior",
                .inlineObject([
                    "index": .integer(answer.behaviorIndex), "position": .integer(answer.behaviorIndex.map { $0 + 1 }),
                    "path-pattern": .string(answer.pathPattern), "line": .integer(line),
                ])),
            JSONMember("action", .string(answer.action.rawValue)),
            JSONMember("status", .integer(answer.status)),
            JSONMember("location", .string(answer.location)),
            JSONMember("origin", .string(answer.origin)),
            JSONMember("origin-protocol", .string(answer.originProtocol)),
            JSONMember("notes", .inlineArray(answer.notes.map { .string($0) })),
        ]
        // One object per line (JSON Lines), so a batch can be read as it is printed.
        output += JSONValue.object(members, .inline).rendered()
    }
}

/// The wording of `cfc route`'s input errors, in one place.
enum RouteMessages {
    /// `route.batch_line`: a batch line that is not `METHOD URL [HTTP-VERSION]`.
    static func malformedBatchLine(fieldCount: Int, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "route.batch_line", severity: .error,
            summary: "expected 'METHOD URL [HTTP-VERSION]', found \(fieldCount) field\(fieldCount == 1 ? "" : "s")",
            hint: "write one request per line, such as 'GET https://www.example.com/index.html 1.1'; lines starting with # are comments",
            range: range)
    }

    /// `route.batch_line`: an HTTP version other than 1.0, 1.1, 2 or 3.
    static func unknownHTTPVersion(_ written: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "route.batch_line", severity: .error, summary: "HTTP version '\(written)' is not 1.0, 1.1, 2 or 3",
            hint: "write 1.0, 1.1, 2 or 3 (an HTTP/ prefix is allowed)", range: range)
    }

    /// `route.request`: a method or URL that cannot be simulated, at its batch line when it
    /// came from one.
    static func unroutableRequest(_ error: RouteError, at range: SourceRange?) -> Diagnostic {
        Diagnostic(id: "route.request", severity: .error, summary: error.message, range: range)
    }
}
