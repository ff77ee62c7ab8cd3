import Synchronization

/// Counts the work a cfc process does, in units that do not depend on how busy the machine is:
/// bytes read and written, YAML nodes built (aliases counted as the nodes they stand for), and
/// path-pattern automaton steps spent.
///
/// Tests bound these instead of wall-clock time: on a shared 2-core machine the same run takes
/// 0.5 s or 2.5 s, but it always builds the same nodes and spends the same steps, and those are
/// the loops a hostile file could make long (an alias bomb, an exponential pattern search, a
/// diagnostic per byte). Set `CFC_WORK_REPORT=FILE` and the `cfc` executable writes the
/// counts there as JSON when it exits (see `report()`).
///
/// Each producer adds once per unit of work it finishes (a document parsed, a search budget
/// released, a buffer written), never per step, so the meter costs nothing measurable.
public enum WorkMeter {
    /// One kind of work.
    public enum Counter: String, CaseIterable, Sendable {
        /// Bytes read from input files and standard input.
        case bytesRead = "bytes-read"
        /// Bytes written to files, standard output and standard error.
        case bytesWritten = "bytes-written"
        /// YAML nodes built by the parser, plus the nodes that aliases stand for.
        case yamlNodes = "yaml-nodes"
        /// Steps spent by path-pattern searches.
        case patternSteps = "pattern-steps"
    }

    private static let bytesRead = Atomic<Int>(0)
    private static let bytesWritten = Atomic<Int>(0)
    private static let yamlNodes = Atomic<Int>(0)
    private static let patternSteps = Atomic<Int>(0)

    /// Adds `amount` to `counter`.
    public static func add(_ counter: Counter, _ amount: Int) {
        guard amount > 0 else { return }
        switch counter {
        case .bytesRead: bytesRead.add(amount, ordering: .relaxed)
        case .bytesWritten: bytesWritten.add(amount, ordering: .relaxed)
        case .yamlNodes: yamlNodes.add(amount, ordering: .relaxed)
        case .patternSteps: patternSteps.add(amount, ordering: .relaxed)
        }
    }

    /// The count so far.
    public static func value(_ counter: Counter) -> Int {
        switch counter {
        case .bytesRead: bytesRead.load(ordering: .relaxed)
        case .bytesWritten: bytesWritten.load(ordering: .relaxed)
        case .yamlNodes: yamlNodes.load(ordering: .relaxed)
        case .patternSteps: patternSteps.load(ordering: .relaxed)
        }
    }

    /// `{"bytes-read": …, "bytes-written": …, "yaml-nodes": …, "pattern-steps": …}`.
    public static func report() -> JSONValue {
        .object(Counter.allCases.map { JSONMember($0.rawValue, .integer(Int64(value($0)))) }, .inline)
    }

    /// The environment variable that asks for the report.
    public static let reportVariable = "CFC_WORK_REPORT"

    /// Writes the report to the file `CFC_WORK_REPORT` names, if it names one. Called by the
    /// executable just before it exits; a failure to write is ignored (the report is for tests
    /// and benchmarks, never part of a command's result).
    public static func writeReportIfAsked() {
        guard let path = FileIO.environment(reportVariable), !path.isEmpty else { return }
        try? FileIO.writeAtomically(report().rendered(), to: path)
    }
}
