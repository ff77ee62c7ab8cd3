import DistributionIR
import PathPatterns

/// A behavior in evaluation order, with its compiled pattern.
///
/// A class: every rule walks the table, and copying a whole `CacheBehavior` out of the array
/// per visit cost more than the rules' own work.
public final class RoutedBehavior: Sendable {
    /// The position in `cache-behaviors` (from 0), or nil for the default behavior.
    public let index: Int?
    /// The behavior.
    public let behavior: CacheBehavior
    /// Its pattern (`*` for the default behavior).
    public let pattern: PathPattern
    private let distributionPath: ConfigPath

    init(index: Int?, behavior: CacheBehavior, pattern: PathPattern, distributionPath: ConfigPath) {
        self.index = index
        self.behavior = behavior
        self.pattern = pattern
        self.distributionPath = distributionPath
    }

    /// Where it is in the config. Built when asked for (for a finding), not for every
    /// behavior of every distribution checked.
    public var path: ConfigPath {
        guard let index else { return distributionPath.appending("default-cache-behavior") }
        return distributionPath.appending("cache-behaviors").appending(index: index)
    }

    /// Whether this is the default behavior.
    public var isDefault: Bool { index == nil }

    /// "behavior 1 '/acc*'" (positions from 1, as people count) or "the default behavior".
    public var displayName: String {
        guard let index else { return "the default behavior" }
        return "behavior \(index + 1) '\(behavior.pathPattern)'"
    }
}

/// The behaviors of a distribution in the order CloudFront evaluates them, with which earlier
/// behaviors can take a behavior's requests. Built once per distribution and shared by every
/// rule (and by the route simulator and the invalidation planner), so they agree.
///
/// Overlaps are found without comparing every pair: two patterns can only match a common path
/// if their literal prefixes agree (one is a prefix of the other), and likewise their literal
/// suffixes. Candidates come from a trie of prefixes (or of reversed suffixes, whichever gives
/// fewer), and only those are checked exactly on the automata.
public struct RoutingTable: Sendable {
    /// Cache behaviors in order, then the default behavior.
    public let behaviors: [RoutedBehavior]
    /// For each behavior, the earlier behaviors whose patterns match some path it matches, in
    /// order.
    public let earlierOverlaps: [[Int]]
    /// For each behavior, whether it serves any request at all. A behavior the pattern
    /// searches could not settle within the budget counts as reachable (see `undecided`).
    public let isReachable: [Bool]
    /// The behaviors whose reachability the searches could not settle within the budget.
    public let undecided: [Int]
    /// The work every pattern question about this distribution spends from, the table's own
    /// and the rules' alike.
    public let budget: SearchBudget
    /// Where the distribution is in the config.
    let distributionPath: ConfigPath

    /// Builds the table for `distribution`, with `budget` for the pattern searches (by default
    /// the distribution's `pattern-search-steps`).
    public init(_ distribution: Distribution, budget: SearchBudget? = nil) {
        let budget = budget ?? SearchBudget(steps: distribution.policy.patternSearchSteps)
        self.budget = budget
        var behaviors: [RoutedBehavior] = []
        let base = distribution.path
        self.distributionPath = base
        behaviors.reserveCapacity(distribution.config.cacheBehaviors.count + 1)
        for (index, behavior) in distribution.config.cacheBehaviors.enumerated() {
            behaviors.append(
                RoutedBehavior(
                    index: index, behavior: behavior, pattern: PathPattern(behavior.pathPattern), distributionPath: base))
        }
        behaviors.append(
            RoutedBehavior(
                index: nil, behavior: distribution.config.defaultCacheBehavior, pattern: PathPattern("*"), distributionPath: base))
        self.behaviors = behaviors
        let overlaps = Self.findOverlaps(behaviors.map(\.pattern), budget: budget)
        self.earlierOverlaps = overlaps
        var undecided: [Int] = []
        self.isReachable = behaviors.indices.map { position in
            if overlaps[position].isEmpty { return true }
            let covered = PatternAlgebra.isCovered(
                behaviors[position].pattern, by: overlaps[position].map { behaviors[$0].pattern },
                budget: budget)
            if covered == nil { undecided.append(position) }
            return covered != true
        }
        self.undecided = undecided
    }

    /// The origin ids a behavior's target stands for: the origin itself, or an origin group's
    /// members.
    public static func origins(targetedBy target: String, in config: DistributionConfig) -> [String] {
        if let group = config.originGroups.first(where: { $0.id == target }) { return group.members }
        return [target]
    }

    /// The behavior that serves `path`: the first whose pattern matches.
    public func route(_ path: String) -> Int {
        behaviors.firstIndex { $0.pattern.matches(path) } ?? behaviors.count - 1
    }

    /// A readable path that behavior `position` serves and that `within` (if given) matches;
    /// `.none` when it serves none. Spends from `budget` (by default the table's own).
    public func servedExample(_ position: Int, within: PathPattern? = nil, budget: SearchBudget? = nil) -> SearchOutcome {
        let earlier = earlierOverlaps[position].map { behaviors[$0].pattern }
        return PatternAlgebra.witness(
            allOf: [behaviors[position].pattern] + (within.map { [$0] } ?? []), noneOf: earlier,
            budget: budget ?? self.budget)
    }

    /// The behavior whose part of the config `path` is in, if any: read from the path's steps
    /// after the distribution's (`cache-behaviors[i]` or `default-cache-behavior`).
    public func behavior(containing path: ConfigPath) -> RoutedBehavior? {
        let base = distributionPath.components
        let steps = path.components
        guard steps.count > base.count, steps.starts(with: base) else { return nil }
        switch steps[base.count] {
        case .key("default-cache-behavior"):
            return behaviors.last
        case .key("cache-behaviors"):
            guard steps.count > base.count + 1, case .index(let index) = steps[base.count + 1],
                index >= 0, index < behaviors.count - 1
            else { return nil }
            return behaviors[index]
        default:
            return nil
        }
    }

    /// For each pattern, the earlier ones it may share a path with. A pair the search cannot
    /// settle counts as overlapping: an overlap only makes later questions consider it.
    static func findOverlaps(_ patterns: [PathPattern], budget: SearchBudget) -> [[Int]] {
        // Small distributions: comparing every pair's prefixes and suffixes is cheaper than
        // building the tries.
        if patterns.count <= 64 {
            return patterns.indices.map { index in
                (0..<index).filter { candidate in
                    PatternAlgebra.prefixesCompatible(patterns[candidate], patterns[index])
                        && PatternAlgebra.suffixesCompatible(patterns[candidate], patterns[index])
                        && PatternAlgebra.intersects(patterns[candidate], patterns[index], budget: budget) != false
                }
            }
        }
        var prefixes = PatternTrie()
        var suffixes = PatternTrie()
        var result: [[Int]] = []
        result.reserveCapacity(patterns.count)
        for (index, pattern) in patterns.enumerated() {
            let prefix = pattern.literalPrefix
            let suffix = Array(pattern.literalSuffix.reversed())
            let byPrefix = prefixes.candidates(for: prefix)
            let bySuffix = suffixes.candidates(for: suffix)
            let fewer = byPrefix.count <= bySuffix.count ? byPrefix : bySuffix
            let overlapping = fewer.sorted().filter { candidate in
                PatternAlgebra.prefixesCompatible(patterns[candidate], pattern)
                    && PatternAlgebra.suffixesCompatible(patterns[candidate], pattern)
                    && PatternAlgebra.intersects(patterns[candidate], pattern, budget: budget) != false
            }
            result.append(overlapping)
            prefixes.insert(prefix, index)
            suffixes.insert(suffix, index)
        }
        return result
    }
}

/// A trie of literal prefixes (or reversed suffixes) that finds, for a key, every stored key
/// that is a prefix of it or has it as a prefix.
struct PatternTrie: Sendable {
    private struct Node: Sendable {
        /// Children by scalar. A list, not a dictionary: most nodes of a path's trie have one
        /// or two children, where a linear scan beats hashing and allocates nothing per node.
        var children: [(scalar: Unicode.Scalar, node: Int32)] = []
        var values: [Int] = []
        var subtreeValues: [Int] = []

        func child(_ scalar: Unicode.Scalar) -> Int? {
            for entry in children where entry.scalar == scalar { return Int(entry.node) }
            return nil
        }
    }
    private var nodes: [Node] = [Node()]

    mutating func insert(_ key: [Unicode.Scalar], _ value: Int) {
        var current = 0
        nodes[current].subtreeValues.append(value)
        for scalar in key {
            if let next = nodes[current].child(scalar) {
                current = next
            } else {
                nodes.append(Node())
                nodes[current].children.append((scalar, Int32(truncatingIfNeeded: nodes.count - 1)))
                current = nodes.count - 1
            }
            nodes[current].subtreeValues.append(value)
        }
        nodes[current].values.append(value)
    }

    /// Values whose key is a prefix of `key`, and values whose key has `key` as a prefix.
    func candidates(for key: [Unicode.Scalar]) -> [Int] {
        var result: [Int] = []
        var current = 0
        for scalar in key {
            result += nodes[current].values
            guard let next = nodes[current].child(scalar) else { return result }
            current = next
        }
        return result + nodes[current].subtreeValues
    }
}
