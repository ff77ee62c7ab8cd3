import APIDocument
import CFCDiagnostics
import CFCSupport
import DistributionIR
import DistributionLanguage

/// The real `aws` CLI, run for cfc: found on `PATH` (or given), run with the user's environment
/// (credentials, profiles, SSO, region, `AWS_ENDPOINT_URL` all work as for any other use of the
/// CLI), never through a shell, with a timeout per call.
public struct AWSCLI: Sendable {
    /// The executable.
    public var executable: String
    /// Seconds one call may take.
    public var timeoutSeconds: Double

    /// The CLI at `explicit`, or `aws` on `PATH`; nil when there is none.
    public static func locate(explicit: String?, searchPath: String?, timeoutSeconds: Double = 120) -> AWSCLI? {
        guard let executable = ChildProcess.find(explicit ?? "aws", searchPath: searchPath) else { return nil }
        return AWSCLI(executable: executable, timeoutSeconds: timeoutSeconds)
    }

    /// What a failed call said, sorted into what cfc does about it.
    public enum Failure: Error, Sendable, Equatable {
        /// The distribution does not exist (the state file is stale).
        case noSuchDistribution(String)
        /// Someone changed the distribution since its ETag was read (`PreconditionFailed`).
        case preconditionFailed(String)
        /// A create whose caller reference another distribution was created with (an earlier
        /// run, stopped before it recorded what it made): that distribution's id, when given.
        case alreadyExists(id: String?, message: String)
        /// The API throttled the call.
        case throttled(String)
        /// The call did not finish in time.
        case timedOut
        /// The CLI could not be run.
        case launch(String)
        /// The CLI succeeded but printed something that is not what was asked for.
        case unreadableOutput(String)
        /// Anything else: the CLI's exit status and the first line of its message.
        case other(status: Int32, message: String)

        /// The error's own words, one line, safe to print.
        public var message: String {
            switch self {
            case .noSuchDistribution(let text), .preconditionFailed(let text), .throttled(let text), .launch(let text),
                .unreadableOutput(let text):
                text
            case .alreadyExists(_, let text): text
            case .timedOut: "the aws CLI did not finish in time"
            case .other(let status, let text): "aws exited with status \(status): \(text)"
            }
        }
    }

    /// Runs `aws ARGUMENTS --output json` and returns standard output.
    public func call(_ arguments: [String]) throws(Failure) -> [UInt8] {
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(executable, arguments + ["--output", "json"], timeoutSeconds: timeoutSeconds)
        } catch {
            throw .launch(error.message)
        }
        if result.timedOut { throw .timedOut }
        guard result.status == 0 else {
            let text = String(decoding: result.standardError, as: UTF8.self)
            let line = VisibleText.escaped(
                text.split(whereSeparator: \.isNewline).first { !$0.trimmingPrefix(" ").isEmpty }.map(String.init) ?? "")
            if text.contains("NoSuchDistribution") { throw .noSuchDistribution(line) }
            if text.contains("PreconditionFailed") { throw .preconditionFailed(line) }
            if text.contains("DistributionAlreadyExists") {
                // "… is associated with another distribution. Already exists: E1ABCDEF234567"
                let id = text.firstRange(of: "Already exists: ").map { range in
                    String(text[range.upperBound...].prefix { $0.isLetter || $0.isNumber })
                }.flatMap { CloudFrontIdentifier.isDistributionID($0) ? $0 : nil }
                throw .alreadyExists(id: id, message: line)
            }
            if text.contains("Throttling") || text.contains("TooManyRequests") { throw .throttled(line) }
            throw .other(status: result.status, message: line)
        }
        return result.standardOutput
    }

    /// Runs a call whose output is a JSON document and returns its root.
    public func callJSON(_ arguments: [String]) throws(Failure) -> APINode {
        let bytes = try call(arguments)
        guard let node = try? JSONReader.read(SourceFile(path: "aws " + arguments.prefix(2).joined(separator: " "), bytes: bytes)) else {
            throw .unreadableOutput("the aws CLI's output for \(arguments.prefix(2).joined(separator: " ")) is not JSON")
        }
        return node
    }

    /// The live config of distribution `id`, as `aws cloudfront get-distribution-config` prints
    /// it, read like any other input (named `name`), or the failure.
    public func liveConfig(id: String, name: String, sink: any DiagnosticSink) throws(Failure) -> (
        distribution: Distribution, etag: String?
    )? {
        let bytes = try call(["cloudfront", "get-distribution-config", "--id", id])
        let source = SourceFile(path: "aws cloudfront get-distribution-config --id \(id)", bytes: bytes)
        // Read as any input is, so that what cfc refuses in a file it refuses here too.
        guard let read = ConfigInput.read(source: source, name: name, options: CompileOptions(), sink: sink),
            read.kind == .json, let distribution = read.distributions.first
        else {
            throw .unreadableOutput(
                "the aws CLI's output for \(id) is not a distribution config CloudFront could have returned (the problems are listed above)"
            )
        }
        return (distribution, read.etags[name])
    }
}
