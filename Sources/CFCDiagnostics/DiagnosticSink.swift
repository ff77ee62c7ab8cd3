/// Where a stage sends the diagnostics it produces.
///
/// Stages never print: they emit into a sink and carry on, so one run reports every problem.
/// The compiler checks `errorCount` between stages to stop before writing output.
public protocol DiagnosticSink: AnyObject {
    /// Records one diagnostic.
    func emit(_ diagnostic: Diagnostic)
    /// How many unsuppressed errors have been recorded.
    var errorCount: Int { get }
}

/// A sink that keeps every diagnostic in memory, in the order received.
public final class DiagnosticCollector: DiagnosticSink {
    /// Everything emitted so far.
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var errorCount = 0
    /// How many unsuppressed warnings have been recorded.
    public private(set) var warningCount = 0

    /// Creates an empty collector.
    public init() {}

    public func emit(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        if diagnostic.isError { errorCount += 1 }
        if diagnostic.isWarning { warningCount += 1 }
    }

    /// Whether any unsuppressed error was recorded.
    public var hasErrors: Bool { errorCount > 0 }

    /// The diagnostics sorted for printing, with exact duplicates removed (the same problem
    /// reached through two YAML aliases is one problem).
    public var sortedDiagnostics: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.sorted(by: Diagnostic.printOrder).filter { seen.insert($0).inserted }
    }
}
