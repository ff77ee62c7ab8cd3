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
        /// The source, for rendering the diagnostics.
        public var source: SourceFile?
        /// Whether the run failed (exit status 1).
        public var failed: Bool
    }

    /// One request to simulate.
    public struct RequestLine: Sendable {
        /// The method.
        public var method: String
        /// The URL.
        public var url: String
        /// The HTTP version.
        public var httpVersion: ViewerHTTPVersion

        /// Creates a request line.
        public init(method: String, url: String, httpVersion: ViewerHTTPVersion) {
            self.method = method
            self.url = url
            self.httpVersion = httpVersion
        }
    }

    /// Reads a batch file: one `METHOD URL [HTTP-VERSION]` per line; blank lines and lines
    /// starting with `#` are skipped.
    public static func parseBatch(_ text: String, defaultVersion: ViewerHTTPVersion) -> Result<[RequestLine], RouteError> {
        var requests: [RequestLine] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty || fields[0].hasPrefix("#") { continue }
            guard fields.count == 2 || fields.count == 3 else {
                return .failure(RouteError("line \(number + 1): expected 'METHOD URL [HTTP-VERSION]'"))
            }
            var version = defaultVersion
            if fields.count == 3 {
                let text = fields[2].hasPrefix("HTTP/") ? String(fields[2].dropFirst(5)) : String(fields[2])
                guard let parsed = ViewerHTTPVersion(rawValue: text) else {
                    return .failure(RouteError("line \(number + 1): HTTP version '\(fields[2])' is not 1.0, 1.1, 2 or 3"))
                }
                version = parsed
            }
            requests.append(RequestLine(method: String(fields[0]), url: String(fields[1]), httpVersion: version))
        }
        return .success(requests)
    }

    /// Simulates every request against the distribution in `path`.
    public static func run(
        path: String, distribution name: String?, requests: [RequestLine], format: Format, batch: Bool,
        options: CompileOptions = CompileOptions()
    ) -> Outcome {
        var checkOptions = options
        checkOptions.formats = []
        let result = Pipeline().compile(path: path, options: checkOptions)
        var diagnostics = result.diagnostics.filter { $0.severity == .error && !$0.isSuppressed }
        guard !result.hasErrors, let model = result.model else {
            return Outcome(output: [], diagnostics: diagnostics, source: result.source, failed: true)
        }
        var output: [UInt8] = []
        var failed = false
        for line in requests {
            let request: SimulatedRequest
            do {
                request = try SimulatedRequest(method: line.method, url: line.url, httpVersion: line.httpVersion)
            } catch {
                diagnostics.append(Diagnostic(id: "route.request", severity: .error, summary: error.message, file: path))
                failed = true
                continue
            }
            guard let distribution = select(model, name: name, host: request.host, diagnostics: &diagnostics, file: path, at: nil) else {
                failed = true
                continue
            }
            let answer = RouteSimulator(distribution).route(request)
            let behaviorPath = answer.behaviorIndex.map {
                distribution.path.appending("cache-behaviors").appending(index: $0)
            } ?? distribution.path.appending("default-cache-behavior")
            let line = result.locator?.keyRange(of: behaviorPath)?.start.line
            switch format {
            case .json: appendJSON(answer, request: batch ? request : nil, line: line, into: &output)
            case .text: appendText(answer, request: request, line: line, into: &output)
            }
        }
        return Outcome(output: output, diagnostics: diagnostics, source: result.source, failed: failed)
    }

    /// The distribution a request goes to: the named one, the only one, or the one with the
    /// most specific alias covering the host, as CloudFront chooses between distributions
    /// (see `RouteSimulator.mostSpecificAlias(covering:in:)`).
    static func select(
        _ model: ConfigModel, name: String?, host: String, diagnostics: inout [Diagnostic], file: String, at location: SourceRange?
    ) -> Distribution? {
        if let name {
            guard let distribution = model.distribution(named: name) else {
                diagnostics.append(Diagnostic(
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
        diagnostics.append(Diagnostic(
            id: "route.distribution", severity: .error,
            summary: "\(serving.isEmpty ? "no" : "more than one") distribution of the file serves \(host)",
            hint: "choose one with --distribution: " + model.distributions.map(\.name).joined(separator: ", "),
            range: location, file: location == nil ? file : nil))
        return nil
    }

    static func appendText(_ answer: RouteAnswer, request: SimulatedRequest, line: Int?, into output: inout [UInt8]) {
        let behavior = answer.behaviorIndex.map { "behavior \($0 + 1) '\(answer.pathPattern)'" } ?? "the default behavior"
        var text = "\(request.method) \(request.scheme)://\(request.host)\(request.path)" + (request.query.map { "?" + $0 } ?? "")
            + " (HTTP/\(request.httpVersion.rawValue))\n"
        text += "  matched by \(behavior)" + (line.map { " (line \($0))" } ?? "") + "\n"
        switch answer.action {
        case .forward:
            text += "  forwarded to origin '\(answer.origin ?? "?")'" + (answer.originProtocol.map { " over \($0.uppercased())" } ?? "") + "\n"
        case .redirect:
            text += "  \(answer.status ?? 0) \(answer.status == 301 ? "Moved Permanently" : "Temporary Redirect") to \(answer.location ?? "")\n"
        case .forbidden:
            text += "  403 Forbidden\n"
        }
        for note in answer.notes { text += "  - \(note)\n" }
        output.append(text)
    }

    static func appendJSON(_ answer: RouteAnswer, request: SimulatedRequest?, line: Int?, into output: inout [UInt8]) {
        output.append("{")
        if let request {
            output.append("\"request\": {\"method\": ")
            output.appendJSONString(request.method)
            output.append(", \"url\": ")
            output.appendJSONString("\(request.scheme)://\(request.host)\(request.path)" + (request.query.map { "?" + $0 } ?? ""))
            output.append(", \"http-version\": ")
            output.appendJSONString(request.httpVersion.rawValue)
            output.append("}, ")
        }
        output.append("\"behavior\": {\"index\": ")
        output.append(answer.behaviorIndex.map { String($0) } ?? "null")
        output.append(", \"path-pattern\": ")
        output.appendJSONString(answer.pathPattern)
        output.append(", \"line\": ")
        output.append(line.map { String($0) } ?? "null")
        output.append("}, \"action\": ")
        output.appendJSONString(answer.action.rawValue)
        output.append(", \"status\": ")
        output.append(answer.status.map { String($0) } ?? "null")
        output.append(", \"location\": ")
        if let location = answer.location { output.appendJSONString(location) } else { output.append("null") }
        output.append(", \"origin\": ")
        if let origin = answer.origin { output.appendJSONString(origin) } else { output.append("null") }
        output.append(", \"origin-protocol\": ")
        if let originProtocol = answer.originProtocol { output.appendJSONString(originProtocol) } else { output.append("null") }
        output.append(", \"notes\": [")
        for (index, note) in answer.notes.enumerated() {
            if index > 0 { output.append(", ") }
            output.appendJSONString(note)
        }
        output.append("]}\n")
    }
}
