import Foundation

/// What a `cfc` process reported of its work (`CFC_WORK_REPORT`, see `WorkMeter`): counts that
/// are the same on an idle machine and a busy one, which tests bound instead of wall-clock time.
public struct WorkReport: Sendable, Equatable, CustomStringConvertible {
    /// Bytes read from input files and standard input.
    public var bytesRead: Int
    /// Bytes written to files, standard output and standard error.
    public var bytesWritten: Int
    /// YAML nodes built, plus the nodes aliases stand for.
    public var yamlNodes: Int
    /// Path-pattern automaton steps spent.
    public var patternSteps: Int

    /// The environment variable `cfc` reads.
    public static let variable = "CFC_WORK_REPORT"

    /// Reads the report `cfc` wrote to `url`, or nil when there is none (the process was killed
    /// or crashed before it could write one).
    public static func read(_ url: URL) -> WorkReport? {
        guard let data = FileManager.default.contents(atPath: url.path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let read = object["bytes-read"] as? Int, let written = object["bytes-written"] as? Int,
            let nodes = object["yaml-nodes"] as? Int, let steps = object["pattern-steps"] as? Int
        else { return nil }
        return WorkReport(bytesRead: read, bytesWritten: written, yamlNodes: nodes, patternSteps: steps)
    }

    /// Creates a report.
    public init(bytesRead: Int, bytesWritten: Int, yamlNodes: Int, patternSteps: Int) {
        self.bytesRead = bytesRead
        self.bytesWritten = bytesWritten
        self.yamlNodes = yamlNodes
        self.patternSteps = patternSteps
    }

    public var description: String {
        "\(bytesRead) bytes read, \(bytesWritten) written, \(yamlNodes) YAML nodes, \(patternSteps) pattern steps"
    }

    /// The bounds a run over hostile input must stay within, in terms of what it was given:
    /// every loop a file can lengthen is paid for by the file's bytes, up to the documented
    /// budgets (README, Limits).
    public struct Bounds: Sendable {
        /// YAML nodes: one per byte of input at most, plus twice the alias budget (250,000):
        /// the alias that goes past the budget is counted whole, and it stands for at most the
        /// nodes before it.
        public var yamlNodesBase = 500_000
        /// Pattern steps in all. The costliest case (400 overlapping wildcard behaviors)
        /// spends about a third of it.
        public var patternSteps = 600_000_000
        /// Output per byte of input, plus a fixed allowance (a report's header, a usage text).
        /// JSON diagnostics list every finding (about 450 bytes each), and a hostile file can
        /// have one finding per three bytes; text shows 20 errors per file.
        public var bytesWrittenPerByteRead = 256
        public var bytesWrittenBase = 256 << 10

        /// The default bounds.
        public init() {}

        /// What `report` exceeds, one line each; empty when it is within bounds.
        public func violations(of report: WorkReport) -> [String] {
            var problems: [String] = []
            if report.yamlNodes > report.bytesRead + yamlNodesBase {
                problems.append("\(report.yamlNodes) YAML nodes for \(report.bytesRead) bytes (bound: bytes + \(yamlNodesBase))")
            }
            if report.patternSteps > patternSteps {
                problems.append("\(report.patternSteps) pattern steps (bound: \(patternSteps))")
            }
            let written = report.bytesRead * bytesWrittenPerByteRead + bytesWrittenBase
            if report.bytesWritten > written {
                problems.append("\(report.bytesWritten) bytes written for \(report.bytesRead) read (bound: \(written))")
            }
            return problems
        }
    }
}
