import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// What a rule sees while checking one distribution, and where its findings go.
public final class CheckContext {
    /// The distribution being checked.
    public let distribution: Distribution
    /// The behaviors in evaluation order with their compiled patterns and overlaps.
    public let routing: RoutingTable
    let locator: (any SourceLocator)?
    var rule: RuleDescription
    private(set) var diagnostics: [Diagnostic] = []
    /// Whether an `ignore:` entry may silence a finding of a rule CloudFront's API enforces
    /// (true for `check`, where it is a baseline; false wherever a document is written).
    let baselinesAPIRejections: Bool

    init(
        distribution: Distribution, routing: RoutingTable, locator: (any SourceLocator)?, rule: RuleDescription,
        baselinesAPIRejections: Bool = false
    ) {
        self.distribution = distribution
        self.routing = routing
        self.locator = locator
        self.rule = rule
        self.baselinesAPIRejections = baselinesAPIRejections
    }

    /// Hands the context to the next rule, with findings of its own. One context serves every
    /// rule of a distribution, since making one per rule (a copy of the distribution and the
    /// routing table each) cost more than many rules' work.
    func start(_ rule: RuleDescription) {
        self.rule = rule
        diagnostics = []
        askedForBudget = false
    }

    /// What path-pattern questions may spend: one budget per distribution, the routing table's,
    /// shared by every rule in registry order, so that the whole analysis of a distribution is
    /// bounded by its `pattern-search-steps` (as the compiler allows it), not that times the
    /// number of rules. A question left undecided when it runs out is never guessed (a
    /// require-https path not proven safe is an error), so a rule that finds the budget spent
    /// fails closed rather than silently.
    public var searchBudget: SearchBudget {
        askedForBudget = true
        return routing.budget
    }
    private var askedForBudget = false

    /// Whether the running rule asked questions the budget could not pay for (and so may have
    /// missed findings).
    var ranOutOfSearchBudget: Bool { askedForBudget && routing.budget.isExhausted }

    /// The config, for brevity in rules (borrowed, not copied: rules read it often).
    public var config: DistributionConfig {
        _read { yield distribution.config }
    }

    /// A related place, for a finding's notes.
    public struct Note: Sendable {
        /// What the note says.
        public var message: String
        /// The value it points at.
        public var path: ConfigPath?

        /// Creates a note.
        public init(_ message: String, at path: ConfigPath? = nil) {
            self.message = message
            self.path = path
        }
    }

    /// Reports a finding of the running rule at the value written at `path`.
    ///
    /// - Parameters:
    ///   - message: one line, lower-case, no trailing period.
    ///   - path: the value the finding is about; the diagnostic points at it (or, when it was
    ///     not written, at the nearest enclosing value that was).
    ///   - hint: how to fix it.
    ///   - notes: related places.
    ///   - pointAtKey: point at the key rather than the value (for "remove this" findings).
    ///   - severity: overrides the rule's severity (a quota that cannot be raised is an error).
    public func report(
        _ message: String, at path: ConfigPath, pointAtKey: Bool = false, hint: String? = nil, notes: [Note] = [],
        severity: Severity? = nil
    ) {
        let range = self.range(of: path, key: pointAtKey)
        var notes = notes.map { DiagnosticNote($0.message, at: $0.path.flatMap { self.range(of: $0, key: false) }) }
        if let range, let site = sharedValueSite(range, path: path) { notes.append(site) }
        let severity = severity ?? rule.severity
        var suppressed = isSuppressed(at: path)
        if suppressed && rule.rejectedByAPI && severity == .error && !baselinesAPIRejections {
            suppressed = false
            notes.append(
                DiagnosticNote(
                    "`ignore: [\(rule.id.rawValue)]` silences this for cfc check only: CloudFront's API rejects the document, so compile and plan cannot write it"
                ))
        }
        let diagnostic = Diagnostic(
            id: rule.id, severity: severity, summary: message, hint: hint, range: range,
            file: range == nil ? nil : range?.file, configPath: path.description,
            notes: notes, isSuppressed: suppressed)
        diagnostics.append(diagnostic)
    }

    /// Where a behavior gives one of its policies: `cache-policy` when it names a managed policy,
    /// else `cache-policy-id` (both set the same member, so the IR alone cannot tell which was
    /// written). `key` is the name key (`cache-policy`, `origin-request-policy`,
    /// `response-headers-policy`).
    public func policyPath(_ key: String, of behavior: RoutedBehavior) -> ConfigPath {
        let byName = behavior.path.appending(key)
        if let locator, locator.valueRange(of: byName) != nil { return byName }
        return behavior.path.appending(key + "-id")
    }

    /// The line a value was written on, for messages such as "behavior 1 '/acc*' (line 9)".
    public func line(of path: ConfigPath) -> Int? {
        range(of: path, key: true)?.start.line
    }

    /// `behavior 1 '/acc*' (line 9)`, or `the default behavior (line 20)`.
    public func describe(_ behavior: RoutedBehavior) -> String {
        let line = self.line(of: behavior.path).map { " (line \($0))" } ?? ""
        return behavior.displayName + line
    }

    /// The host used in example requests: the first alias, or a CloudFront domain placeholder.
    public var exampleHost: String {
        config.aliases.first { !$0.hasPrefix("*.") } ?? config.aliases.first.map { "www" + $0.dropFirst(1) }
            ?? "d111111abcdef8.cloudfront.net"
    }

    /// A note naming the value that shares what the finding points at, when that is not its
    /// own text: a value taken from an anchor (an alias or a `<<` merge) is written once but
    /// may be used in several places, so the position alone does not say which use the
    /// finding is about. The sharer is the nearest enclosing value whose text does not contain
    /// the finding's position.
    private func sharedValueSite(_ range: SourceRange, path: ConfigPath) -> DiagnosticNote? {
        guard let locator, locator.mayShareValues else { return nil }
        var current = path
        while !current.components.isEmpty {
            current = current.parent
            guard let own = locator.valueRange(of: current), own.file == range.file else { continue }
            if own.start <= range.start && range.start < max(own.end, own.start) { continue }
            let name = current == distribution.path ? "distribution '\(distribution.name)'" : "'\(current.description)'"
            return DiagnosticNote("\(name) takes this value from an anchor", at: locator.keyRange(of: current))
        }
        return nil
    }

    private func range(of path: ConfigPath, key: Bool) -> SourceRange? {
        guard let locator else { return nil }
        var current = path
        while true {
            let found = key ? locator.keyRange(of: current) : locator.valueRange(of: current)
            if let found { return found }
            if current.components.isEmpty { return nil }
            current = current.parent
        }
    }

    /// A finding is suppressed when its rule id is in the distribution's `ignore:` list, or in
    /// the `ignore:` list of the behavior it is about.
    private func isSuppressed(at path: ConfigPath) -> Bool {
        if distribution.policy.ignore.contains(rule.id.rawValue) { return true }
        guard let behavior = routing.behavior(containing: path) else { return false }
        return behavior.behavior.ignore.contains(rule.id.rawValue)
    }
}
